package desktop

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"pingxin/app"
	"pingxin/app/demo"
)

func TestNewMeetingDialogStoresMeeting(t *testing.T) {
	d := newTestDeps(t)
	ctx := context.Background()
	if _, err := d.Store.Demo(ctx, testDay); err != nil {
		t.Fatal(err)
	}
	n := d.Nav.(*Navigator)
	h := n.Top().(*HomeScreen)
	h.Refresh()
	test.Tap(h.newMeeting)
	md := h.meetingDlg
	if got, want := md.doc.Text, "越丰村评〔2026〕2号"; got != want {
		t.Errorf("proposed doc number = %q, want %q", got, want)
	}

	md.date.SetText("2026-02-30")
	test.Tap(md.save)
	if want := zh("desktop.meeting_new.bad_date", "Value", "2026-02-30"); md.problem.Text != want {
		t.Fatalf("bad date: problem = %q, want %q", md.problem.Text, want)
	}

	md.date.SetText("")
	test.Type(md.date, "2026-03-20")
	md.time.SetText("")
	test.Type(md.time, "19:30")
	test.Type(md.place, "村委会议室")
	absent := md.absent[2] // 钱国强, a people's-council member
	test.Tap(absent)
	test.Tap(md.save)
	if md.problem.Visible() {
		t.Fatalf("save: %s", md.problem.Text)
	}

	ms, err := d.Store.Meetings(ctx)
	if err != nil || len(ms) != 2 {
		t.Fatalf("meetings = %d, %v", len(ms), err)
	}
	var id int64
	for _, s := range ms {
		if s.DocNumber == "越丰村评〔2026〕2号" {
			id = s.ID
		}
	}
	m, err := d.Store.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Date.Format(dateLayout) != "2026-03-20" || m.Time != "19:30" || m.Place != "村委会议室" ||
		m.Chair != "沈建国" || m.Clerk != "王丽芳" || m.Village != demo.VillageName {
		t.Errorf("stored meeting = %+v", m)
	}
	for _, a := range m.Attendance {
		want := app.Present
		if a.Name == absent.Text {
			want = app.Absent
		}
		if a.Presence != want {
			t.Errorf("%s is %s, want %s", a.Name, a.Presence, want)
		}
	}
	if n.Depth() != 2 {
		t.Errorf("the new meeting was not opened: depth %d", n.Depth())
	}
	if h.MeetingCount() != 2 {
		t.Errorf("home lists %d meetings, want 2", h.MeetingCount())
	}
}
