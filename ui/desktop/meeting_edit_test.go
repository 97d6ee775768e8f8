package desktop

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"pingxin/app"
	"pingxin/app/service"
)

func TestAddAndEditHouseholdByHand(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(1)
	test.Tap(s.list.add)
	f := s.list.form
	fill := func(name, id, requested, purpose string) {
		f.name.SetText(name)
		f.id.SetText(id)
		f.group.SetText("第二村民小组")
		f.requested.SetText(requested)
		f.purpose.SetText(purpose)
	}
	cases := []struct {
		name, id, requested, purpose string
		field                        string // the form item that must carry the reason
		reason                       string
	}{
		{"孙一", s.model.m.Nominees[0].IDNumber, "10万", "养殖", "id", "已在本次会议"},
		{"孙一", testID("20150101", 123), "10万", "养殖", "id", "18"},
		{"孙一", testID("19800303", 321), "若干", "养殖", "requested", ""},
		{"孙一", testID("19800303", 321), "60万", "养殖", "requested", "超过最高上限"},
	}
	for _, c := range cases {
		t.Run(c.id+c.requested, func(t *testing.T) {
			fill(c.name, c.id, c.requested, c.purpose)
			test.Tap(f.saveB)
			if f.problems.Hidden {
				t.Fatal("refused household without a problem shown")
			}
			hint := f.items[c.field].HintText
			if hint == "" || !strings.Contains(hint, c.reason) {
				t.Errorf("%s hint = %q, want %q (all: %s)", c.field, hint, c.reason, f.problems.Text)
			}
			if got := len(storedMeeting(t, s).Nominees); got != 30 {
				t.Errorf("stored %d households", got)
			}
		})
	}
	fill("孙一", testID("19800303", 321), "10万", "炒股票")
	f.baseline[3].SetSelected("待核实")
	test.Tap(f.saveB)
	m := storedMeeting(t, s)
	if len(m.Nominees) != 31 {
		t.Fatalf("not stored: %s", f.problems.Text)
	}
	n := m.Nominees[30]
	if n.Name != "孙一" || n.Requested != 100_000 || n.Baseline[3] != app.ToVerify || n.Blocked == "" || n.Seq != 31 {
		t.Errorf("stored %+v", n)
	}

	// Editing № 2 keeps the meeting's work on it and shows the full ID in the form.
	s.list.table.Select(widgetCell(1, 1))
	test.Tap(s.list.edit)
	f = s.list.form
	if f.id.Text != s.model.m.Nominees[1].IDNumber {
		t.Errorf("edit form shows ID %q, want the full ID", f.id.Text)
	}
	f.purpose.SetText("蚕桑生产资料及桑园改造")
	test.Tap(f.saveB)
	n = storedMeeting(t, s).Nominees[1]
	if n.Purpose != "蚕桑生产资料及桑园改造" || n.Votes.For != 7 || n.Proposed != 100_000 {
		t.Errorf("edited household = %+v", n)
	}
}

func TestImportIntoEmptyMeetingOpensDeliberation(t *testing.T) {
	d := newTestDeps(t)
	ctx := context.Background()
	if _, err := d.Store.Demo(ctx, testDay); err != nil {
		t.Fatal(err)
	}
	v := mustVillage(t, d.Store, "越丰村")
	m, err := d.Store.CreateMeeting(ctx, service.MeetingSpec{VillageID: v.ID, Date: testDay})
	if err != nil {
		t.Fatal(err)
	}
	s := NewMeetingScreen(d, m.ID).(*MeetingScreen)
	d.Nav.Push(s)
	if s.delib.cur != -1 || !s.delib.proposed.Disabled() {
		t.Fatal("an empty meeting shows a household")
	}
	s.tabs.SelectIndex(1)
	s.list.previewFile(writeList(t, [][]string{{"张三", testID("19800101", 123), "第一村民小组", "湖羊养殖", "30万"}}))
	waitBackground()
	test.Tap(s.list.preview.confirm)
	waitBackground()
	if s.delib.cur != 0 || s.delib.nameText.Text != "张三" || s.delib.proposed.Disabled() {
		t.Errorf("after the import the meeting mode shows %d %q", s.delib.cur, s.delib.nameText.Text)
	}
}
