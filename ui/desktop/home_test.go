package desktop

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/demo"
	"pingxin/ui/desktop/widgets"
)

func TestHomeListsDemoVillageAndMeeting(t *testing.T) {
	d := newTestDeps(t)
	ctx := context.Background()
	id, err := d.Store.Demo(ctx, testDay)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := d.Store.Meetings(ctx)
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetings = %v, %v", ms, err)
	}
	want := ms[0]
	h := NewHomeScreen(d)
	h.Content()

	v, ok := h.Selected()
	if !ok || v.Name != demo.VillageName || v.Town != "高桥街道" || v.Members != 18 {
		t.Fatalf("selected village = %+v, %v", v, ok)
	}
	rows := h.Rows()
	if len(rows) != 1 || rows[0].Summary.ID != id {
		t.Fatalf("rows = %d, want the demo meeting %d", len(rows), id)
	}
	cells := rows[0].cells.Objects
	for _, c := range []struct {
		name string
		got  fyne.CanvasObject
		want string
	}{
		{"date", rows[0].Date, "2026-03-15"},
		{"doc number", rows[0].Doc, want.DocNumber},
		{"households", cells[2], "30 户"},
		{"passed", cells[3], zhL("desktop.home.households", want.Passed)},
		{"total", cells[4], amount.Yuan(want.Total).String() + " 元"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.got.(*widget.Label).Text; got != c.want {
				t.Errorf("%s = %q, want %q", c.name, got, c.want)
			}
		})
	}
	if got := rows[0].Badge; got.Text != "进行中" || got.Tone != widgets.ToneInfo {
		t.Errorf("badge = %q tone %d, want 进行中 in the in-session tone", got.Text, got.Tone)
	}
	if want.DocNumber == "" || want.Nominees != 30 {
		t.Errorf("demo summary = %+v", want)
	}
}

// zhL renders a desktop key with a Count, as lang.L does in Chinese.
func zhL(key string, count int) string { return zh(key, "Count", count) }

func TestHomeOpenPushesMeetingScreen(t *testing.T) {
	d := newTestDeps(t)
	if _, err := d.Store.Demo(context.Background(), testDay); err != nil {
		t.Fatal(err)
	}
	n := d.Nav.(*Navigator)
	h := n.Top().(*HomeScreen)
	h.Refresh()
	test.Tap(h.Rows()[0].Open)
	waitBackground()
	if n.Depth() != 2 || n.Top() == Screen(h) {
		t.Fatalf("depth = %d after Open", n.Depth())
	}
	test.Tap(n.back)
	if n.Depth() != 1 || n.Top() != Screen(h) {
		t.Fatalf("Back did not return home: depth %d", n.Depth())
	}
}

// TestOpenMeetingDoesNotWaitForTheRead protects the window from freezing on a big
// meeting (issue 12, item 10): Open shows the meeting screen at once with a moving bar
// while the meeting is read off the UI thread, the window stays usable meanwhile, and
// the tabs and the title come when the read is done.
func TestOpenMeetingDoesNotWaitForTheRead(t *testing.T) {
	d := newTestDeps(t)
	if _, err := d.Store.Demo(context.Background(), testDay); err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	reading := make(chan struct{})
	defer func(f func(*meetingModel) error) { readMeeting = f }(readMeeting)
	readMeeting = func(mm *meetingModel) error {
		close(reading)
		<-release
		return mm.load()
	}
	n := d.Nav.(*Navigator)
	h := n.Top().(*HomeScreen)
	h.Refresh()
	test.Tap(h.Rows()[0].Open)
	<-reading
	s, ok := n.Top().(*MeetingScreen)
	if !ok {
		t.Fatalf("top screen %T, want the meeting screen at once", n.Top())
	}
	if bars := findAll[*widget.ProgressBarInfinite](s.Content()); len(bars) != 1 {
		t.Errorf("%d progress bars while reading, want 1", len(bars))
	}
	if !showsText(s.Content(), zh("meeting.opening")) || n.title.Text != zh("meeting.title.unknown") {
		t.Errorf("while reading: title %q, content %s", n.title.Text, test.RenderObjectToMarkup(s.Content()))
	}
	if s.model.m != nil || s.tabs != nil {
		t.Error("the screen shows a meeting before it was read")
	}
	close(release)
	waitBackground()
	if s.tabs == nil || s.model.m == nil || len(findAll[*widget.ProgressBarInfinite](s.Content())) != 0 {
		t.Fatalf("after reading: %s", test.RenderObjectToMarkup(s.Content()))
	}
	if want := s.Title(); n.title.Text != want || !strings.Contains(want, s.model.m.Village) {
		t.Errorf("title %q, want %q", n.title.Text, want)
	}
}

func TestNewVillageDialogStoresVillage(t *testing.T) {
	d := newTestDeps(t)
	h := d.Nav.(*Navigator).Top().(*HomeScreen)
	test.Tap(h.newVillage)
	vd := h.villageDlg

	test.Tap(vd.save)
	if !vd.problem.Visible() || vd.problem.Text != zh("village.name_required") {
		t.Fatalf("empty village: problem = %q (visible %v)", vd.problem.Text, vd.problem.Visible())
	}

	test.Type(vd.name, "新丰村")
	test.Type(vd.town, "乌镇镇")
	addMember(t, vd.form, "张三", app.BodyPeople, app.RoleChair)
	addMember(t, vd.form, "李四", app.BodyPeople, app.RoleClerk)
	addMember(t, vd.form, "王五", app.BodySage, app.RoleMember)
	test.Tap(vd.form.add) // empty name: refused, nothing added
	if vd.form.problem.Text != zh("desktop.member.name_required") || len(vd.members) != 3 {
		t.Fatalf("empty member: problem %q, %d members", vd.form.problem.Text, len(vd.members))
	}
	test.Tap(vd.save)

	v := mustVillage(t, d.Store, "新丰村")
	if v.Town != "乌镇镇" || v.CountyCode != "330483" || !reflect.DeepEqual(v.Settings, app.DefaultSettings()) {
		t.Errorf("stored village = %+v", v)
	}
	names := []string{}
	for _, m := range v.Members {
		names = append(names, m.Name+"/"+string(m.Role)+"/"+string(m.Bodies[0]))
	}
	slices.Sort(names)
	want := []string{"张三/主持人/百姓议事会", "李四/记录人/百姓议事会", "王五/成员/乡贤参事会"}
	if !slices.Equal(names, want) {
		t.Errorf("members = %v, want %v", names, want)
	}
	if s, _ := h.Selected(); s.ID != v.ID {
		t.Errorf("home selected %q, want the new village", s.Name)
	}
}

// addMember fills the member form and taps Add.
func addMember(t *testing.T, f *memberForm, name string, b app.Body, r app.Role) {
	t.Helper()
	test.Type(f.name, name)
	f.bodies.SetSelected([]string{bodyText(b)})
	f.role.SetSelected(roleText(r))
	test.Tap(f.add)
	if f.problem.Visible() {
		t.Fatalf("adding %s: %s", name, f.problem.Text)
	}
}

func TestNewVillageImportsRosterFile(t *testing.T) {
	d := newTestDeps(t)
	vd := newVillageDialog(d)
	vd.Show()
	path := filepath.Join(t.TempDir(), "roster.csv")
	csv := "姓名,所属组织,职务\r\n赵一,百姓议事会,主持人\r\n钱二,百姓议事会,记录人\r\n孙三,乡贤参事会,\r\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	wait(t, func(done func()) { vd.importFile(path, done) })
	if vd.problem.Visible() || len(vd.members) != 3 || vd.members[2].Name != "孙三" {
		t.Fatalf("import: problem %q, members %+v", vd.problem.Text, vd.members)
	}
	if got := vd.count.Text; got != "共 3 人" {
		t.Errorf("count = %q", got)
	}

	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("姓名,职务\r\n赵一,主持人\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wait(t, func(done func()) { vd.importFile(bad, done) })
	if !vd.problem.Visible() || vd.problem.Text == "" || len(vd.members) != 3 {
		t.Errorf("bad file: problem %q, %d members", vd.problem.Text, len(vd.members))
	}
}

// A new database offers its first village or the demo (in its own database); the demo
// database's home says it is the demo.
func TestNewDatabaseOffersNewVillageOrDemo(t *testing.T) {
	d := newTestDeps(t)
	opened := false
	d.OpenDemo = func() error { opened = true; return nil }
	h := NewHomeScreen(d)
	h.Content()
	if !h.welcome.Visible() {
		t.Fatal("a new database does not offer 新建村 / 试用演示")
	}
	test.Tap(h.tryDemo)
	if !opened {
		t.Error("试用演示 did not open the demo database")
	}
	if _, err := d.Store.Demo(context.Background(), testDay); err != nil {
		t.Fatal(err)
	}
	h.Refresh()
	if h.welcome.Visible() {
		t.Error("the offer stays once the database has a village")
	}
	if h.Title() != "村与评议会" {
		t.Errorf("title %q", h.Title())
	}
	d.Demo = true
	if got := NewHomeScreen(d).Title(); got != "村与评议会（演示数据库，不是真实数据）" {
		t.Errorf("the demo database's home is titled %q", got)
	}
}
