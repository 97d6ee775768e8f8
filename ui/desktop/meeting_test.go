package desktop

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/idcard"
)

// openDemoMeeting creates the demo meeting (30 households, 12 deliberated, 8 of the 9
// people's-council members present) and opens its workspace in the main window.
func openDemoMeeting(t testing.TB) (*Deps, *MeetingScreen) {
	t.Helper()
	d := newTestDeps(t.(*testing.T))
	documentsRoot = func(d *Deps) string { return filepath.Join(filepath.Dir(d.DBPath), "documents") }
	id, err := d.Store.Demo(context.Background(), testDay)
	if err != nil {
		t.Fatal(err)
	}
	s := NewMeetingScreen(d, id).(*MeetingScreen)
	if s.model.m == nil {
		t.Fatalf("meeting %d did not open: %s", id, test.RenderObjectToMarkup(s.Content()))
	}
	d.Nav.Push(s)
	return d, s
}

// deliberateOn opens household № seq on the 会议表决 tab with the keyboard in its first
// entry, as the clerk finds it.
func deliberateOn(s *MeetingScreen, seq int) (fyne.Canvas, *deliberateTab) {
	s.tabs.SelectIndex(2)
	s.delib.show(s.model.indexOfSeq(seq))
	s.delib.focusFirst()
	return s.d.Win.Canvas(), s.delib
}

// storedMeeting reads the meeting back from the store.
func storedMeeting(t *testing.T, s *MeetingScreen) *app.Meeting {
	t.Helper()
	m, err := s.d.Store.Meeting(context.Background(), s.model.id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// rollRowOf finds the roll-call row of the person named name.
func rollRowOf(t *testing.T, s *MeetingScreen, name string) *rollRow {
	t.Helper()
	for _, r := range s.roll.rows {
		if s.model.m.Attendance[r.a].Name == name {
			return r
		}
	}
	t.Fatalf("%s is not on the roll", name)
	return nil
}

// presenceOf is a person's stored mark.
func presenceOf(t *testing.T, m *app.Meeting, name string) app.Attendance {
	t.Helper()
	for _, a := range m.Attendance {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("%s is not on the stored roll", name)
	return app.Attendance{}
}

func TestRollCallQuorumFlipsAtTheThreshold(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(0)
	// The demo: 9 people's-council members, 吴海林 on leave, 陆雪芬 late: 8 present, 6 needed.
	if got, want := s.roll.quorum.Text, "出席 8 人 / 应到 9 人，达到法定人数（至少 6 人）"; got != want {
		t.Fatalf("quorum at start = %q, want %q", got, want)
	}
	steps := []struct {
		name string
		mark string
		want string
		met  bool
	}{
		{"钱国强", "缺席", "出席 7 人 / 应到 9 人，达到法定人数（至少 6 人）", true},
		{"徐月英", "请假", "出席 6 人 / 应到 9 人，达到法定人数（至少 6 人）", true},
		{"朱卫东", "缺席", "出席 5 人 / 应到 9 人，未达到法定人数（至少 6 人）：会议可以进行，但不能作出决定", false},
		{"朱卫东", "迟到", "出席 6 人 / 应到 9 人，达到法定人数（至少 6 人）", true},
	}
	for _, st := range steps {
		t.Run(st.name+st.mark, func(t *testing.T) {
			s.roll.ask = nil
			rollRowOf(t, s, st.name).radio.SetSelected(st.mark)
			if s.roll.ask != nil { // the demo's recorded votes counted them: confirm the correction
				s.roll.ask.Dismiss() // 仍然更改
			}
			if got := s.roll.quorum.Text; got != st.want {
				t.Errorf("quorum = %q, want %q", got, st.want)
			}
			if s.model.q.Met != st.met {
				t.Errorf("model quorum met = %v, want %v", s.model.q.Met, st.met)
			}
			if got := presenceOf(t, storedMeeting(t, s), st.name).Presence; string(got) != st.mark {
				t.Errorf("stored mark of %s = %s, want %s", st.name, got, st.mark)
			}
		})
	}
	// 迟到 took the clock's time; a typed time that is not HH:MM is refused beside the row.
	if got := presenceOf(t, storedMeeting(t, s), "朱卫东").At; got != "10:00" {
		t.Errorf("late time = %q, want 10:00", got)
	}
	r := rollRowOf(t, s, "朱卫东")
	r.late.SetText("19:75")
	r.late.OnFocusLost()
	if r.err.Hidden || !strings.Contains(r.err.Text, "19:75") {
		t.Errorf("bad late time not shown: hidden=%v %q", r.err.Hidden, r.err.Text)
	}
	if got := presenceOf(t, storedMeeting(t, s), "朱卫东").At; got != "10:00" {
		t.Errorf("late time after a refused one = %q, want 10:00 kept", got)
	}
	r.late.SetText("19:35")
	r.late.OnSubmitted(r.late.Text)
	if got := presenceOf(t, storedMeeting(t, s), "朱卫东").At; got != "19:35" || !r.err.Hidden {
		t.Errorf("late time = %q (error shown %v), want 19:35 stored", got, !r.err.Hidden)
	}
}

func TestMeetingFactsStoredWhenConfirmed(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(0)
	c := d.Win.Canvas()
	f := s.roll.facts
	c.Focus(f.place)
	f.place.SetText("")
	test.Type(f.place, "村委会三楼")
	c.Focus(f.doc) // leaving the field confirms it
	if got := storedMeeting(t, s).Place; got != "村委会三楼" {
		t.Errorf("place = %q", got)
	}
	f.date.SetText("2026-13-01")
	f.date.OnSubmitted(f.date.Text)
	if s.roll.factsErr.Hidden || !strings.Contains(s.roll.factsErr.Text, "2026-13-01") {
		t.Errorf("bad date not shown: %q", s.roll.factsErr.Text)
	}
	f.date.SetText("2026-03-20")
	f.date.OnSubmitted(f.date.Text)
	if got := storedMeeting(t, s).Date.Format("2006-01-02"); got != "2026-03-20" || !s.roll.factsErr.Hidden {
		t.Errorf("date = %s, error %q", got, s.roll.factsErr.Text)
	}
	f.clerk.SetSelected("钱国强")
	if got := storedMeeting(t, s).Clerk; got != "钱国强" {
		t.Errorf("clerk = %q", got)
	}
}

// writeList writes a nomination list CSV with the given rows under the standard header.
func writeList(t *testing.T, rows [][]string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("户主姓名,身份证号码,村民小组,贷款用途,申请额度\r\n")
	for _, r := range rows {
		b.WriteString(strings.Join(r, ",") + "\r\n")
	}
	path := filepath.Join(t.TempDir(), "名单.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// testID is a valid resident ID of 桐乡市 born on the given date.
func testID(birth string, n int) string {
	return idcard.Complete(fmt.Sprintf("330483%s%03d", birth, n))
}

func TestImportThroughPreview(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(1)
	badCheck := testID("19800101", 311)
	badCheck = badCheck[:17] + map[bool]string{true: "1", false: "2"}[badCheck[17] != '1']
	path := writeList(t, [][]string{
		{"张三", testID("19800101", 123), "第一村民小组", "湖羊养殖", "30万"},
		{"李四", testID("19850505", 456), "第二村民小组", "蔬菜种植", `"150,000"`},
		{"王五", badCheck, "第三村民小组", "杭白菊种植", "10万"},
		{"赵六", testID("19700707", 789), "第四村民小组", "生产周转", "若干"},
		{"钱七", testID("19750808", 246), "第五村民小组", "炒股", "10万"},
	})
	s.delib.show(0) // the clerk looked back at № 1 before importing
	s.list.previewFile(path)
	waitBackground()
	ip := s.list.preview
	if ip == nil {
		t.Fatal("no preview shown")
	}
	if got := len(s.model.m.Nominees); got != 30 {
		t.Fatalf("the preview stored something: %d households", got)
	}
	if got, want := ip.confirm.Text, "只导入有效的 3 户"; got != want {
		t.Errorf("confirm button = %q, want %q", got, want)
	}
	// Row 4 (王五): the ID cell and the status are red, with the reason.
	rowOf := func(num int) int {
		for i, r := range ip.rows {
			if r.Num == num {
				return i
			}
		}
		t.Fatalf("row %d not previewed", num)
		return 0
	}
	idCol := 0
	for k, c := range ip.cols {
		if c.title == "身份证号码" {
			idCol = k + 1
		}
	}
	cell := tableCell("")
	ip.updateCell(widgetCell(rowOf(4), idCol), cell)
	if cell.Importance != dangerImportance || strings.Contains(cell.Text, badCheck[6:14]) {
		t.Errorf("bad ID cell: importance %v, text %q (must be red and masked)", cell.Importance, cell.Text)
	}
	ip.updateCell(widgetCell(rowOf(5), len(ip.cols)+1), cell)
	if cell.Importance != dangerImportance || !strings.Contains(cell.Text, "申请额度") {
		t.Errorf("row 5 status = %q (importance %v), want the amount's reason in red", cell.Text, cell.Importance)
	}
	ip.updateCell(widgetCell(rowOf(6), len(ip.cols)+1), cell)
	if !strings.Contains(cell.Text, "已拦截") {
		t.Errorf("row 6 status = %q, want blocked", cell.Text)
	}

	test.Tap(ip.confirm)
	waitBackground()
	m := storedMeeting(t, s)
	if got := len(m.Nominees); got != 33 {
		t.Fatalf("stored %d households, want 33", got)
	}
	want := []struct {
		name      string
		requested int64
		blocked   bool
	}{{"张三", 300_000, false}, {"李四", 150_000, false}, {"钱七", 100_000, true}}
	for k, w := range want {
		n := m.Nominees[30+k]
		if n.Name != w.name || int64(n.Requested) != w.requested || (n.Blocked != "") != w.blocked || n.Seq != 31+k {
			t.Errorf("household %d = %s %d blocked=%q seq %d, want %+v", 30+k, n.Name, n.Requested, n.Blocked, n.Seq, w)
		}
	}
	if sum := s.list.lastImport; sum == nil || sum.Imported != 3 || sum.Skipped != 2 || sum.Blocked != 1 {
		t.Errorf("summary = %+v", sum)
	}
	if got := s.list.count.Text; got != "显示 33 户 / 共 33 户" {
		t.Errorf("list count = %q", got)
	}
	// the summary can be read again, whole: the skipped row's reason is in it
	s.list.reportDlg.Hide()
	s.list.reportDlg = nil
	if !s.list.report.Visible() {
		t.Fatal("no 导入结果 button after an import")
	}
	test.Tap(s.list.report)
	if s.list.reportDlg == nil || !strings.Contains(importReport(s.list.lastImport, s.model.d.Lang), "第 4 行") {
		t.Errorf("the import report cannot be read again, or lacks row 4: %q", importReport(s.list.lastImport, s.model.d.Lang))
	}
	if got := s.model.nominee(s.delib.cur).Seq; got != 13 {
		t.Errorf("after the import 会议表决 shows № %d, want № 13, the first household still to decide", got)
	}
}

func TestListSearchAndFilter(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(1)
	cases := []struct {
		name, search string
		status       int // index in the status select: 0 all, then decisions
		want         int
	}{
		{"all", "", 0, 30},
		{"by name", "陈永明", 0, 1},
		{"by group", "第七村民小组", 0, 3},
		{"by ID tail", s.model.m.Nominees[4].IDNumber[10:], 0, 1},
		{"blocked", "", 5, 2},
		{"not passed", "", 3, 1},
		{"pending in group", "第八村民小组", 1, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s.list.search.SetText(c.search)
			s.list.status.SetSelectedIndex(c.status)
			if got := len(s.list.rows); got != c.want {
				t.Errorf("%d rows, want %d", got, c.want)
			}
		})
	}
}

// keyOn sends a typed key to whatever has the focus, as the window does.
func keyOn(c fyne.Canvas, name fyne.KeyName) {
	c.Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

// shiftTab sends Shift+Tab to the focused field.
func shiftTab(c fyne.Canvas) {
	k := c.Focused().(desktop.Keyable)
	k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	c.Focused().(desktop.Keyable).KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// ctrl sends Ctrl+key to the focused field, as the window does with a shortcut.
func ctrl(c fyne.Canvas, name fyne.KeyName) {
	c.Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: fyne.KeyModifierControl})
}

// widgetCell is a table cell ID.
func widgetCell(row, col int) widget.TableCellID { return widget.TableCellID{Row: row, Col: col} }

const dangerImportance = widget.DangerImportance

// typeOn types chars into whatever has the focus, one rune at a time, as the window
// does with the keyboard's characters.
func typeOn(c fyne.Canvas, chars string) {
	for _, r := range chars {
		c.Focused().TypedRune(r)
	}
}
