package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"pingxin/app"
)

// TestRollCallOneKeyPerMark protects the keyboard roll call (issue 12, item 8): a
// person is marked with one key — 1 出席, 2 缺席, 3 请假, 4 迟到, 5 早退 — stored at
// once through the service, and the keyboard moves on to the next person down the
// screen; after 迟到 and 早退 it stops at the time first (the clock's, selected, so
// typing replaces it), and Enter there stores it and moves on.
func TestRollCallOneKeyPerMark(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(tabRoll)
	c := d.Win.Canvas()
	var rows []*rollRow // outside the people's council: a mark changes no vote, so nothing asks
	for _, r := range s.roll.rows {
		if !isPeoplesCouncil(s.model.m.Attendance[r.a]) {
			rows = append(rows, r)
		}
	}
	if len(rows) < 5 {
		t.Fatalf("%d people outside the council on the demo's roll, want 5", len(rows))
	}
	name := func(r *rollRow) string { return s.model.m.Attendance[r.a].Name }
	stored := func(r *rollRow) app.Attendance { return presenceOf(t, storedMeeting(t, s), name(r)) }
	focusedOn := func(want fyne.Focusable, what string) {
		t.Helper()
		if c.Focused() != want {
			t.Fatalf("the keyboard is on %T, want %s", c.Focused(), what)
		}
	}

	c.Focus(rows[0].radio)
	typeOn(c, "3")
	if got := stored(rows[0]).Presence; got != app.Leave {
		t.Errorf("key 3: %s stored as %s, want 请假", name(rows[0]), got)
	}
	focusedOn(rows[1].radio, name(rows[1])+"'s marks after key 3")
	typeOn(c, "2")
	if got := stored(rows[1]).Presence; got != app.Absent {
		t.Errorf("key 2: %s stored as %s, want 缺席", name(rows[1]), got)
	}
	focusedOn(rows[2].radio, name(rows[2])+"'s marks after key 2")

	typeOn(c, "4")
	if got := stored(rows[2]); got.Presence != app.Late || got.At != "10:00" {
		t.Errorf("key 4: %s stored as %s at %q, want 迟到 at the clock's 10:00", name(rows[2]), got.Presence, got.At)
	}
	focusedOn(rows[2].late, "the arrival time after key 4")
	typeOn(c, "945") // replaces the clock's time; digits alone will do
	keyOn(c, fyne.KeyReturn)
	if got := stored(rows[2]).At; got != "09:45" || rows[2].late.Text != "09:45" {
		t.Errorf("945 typed over the clock's time: stored %q, shown %q, want 09:45", got, rows[2].late.Text)
	}
	focusedOn(rows[3].radio, name(rows[3])+"'s marks after Enter on the time")

	typeOn(c, "5")
	focusedOn(rows[3].late, "the leaving time after key 5")
	keyOn(c, fyne.KeyReturn) // the clock's time kept
	if got := stored(rows[3]); got.Presence != app.LeftEarly || got.At != "10:00" {
		t.Errorf("key 5 then Enter: %s stored as %s at %q, want 早退 at 10:00", name(rows[3]), got.Presence, got.At)
	}
	focusedOn(rows[4].radio, name(rows[4])+"'s marks after Enter on the time")

	if got := stored(rows[4]).Presence; got != app.Present {
		t.Fatalf("the demo has %s as %s, want 出席", name(rows[4]), got)
	}
	typeOn(c, "1") // the mark it has: confirmed, and on to the next
	if got := stored(rows[4]); got.Presence != app.Present || got.At != "" {
		t.Errorf("key 1: %s stored as %s at %q, want 出席 with no time", name(rows[4]), got.Presence, got.At)
	}
	if len(rows) > 5 {
		focusedOn(rows[5].radio, name(rows[5])+"'s marks after key 1 confirmed "+name(rows[4]))
	}

	c.Focus(rows[4].radio)
	typeOn(c, "9") // no such mark: nothing changes, the keyboard stays
	focusedOn(rows[4].radio, name(rows[4])+"'s marks after key 9")
	keyOn(c, fyne.KeyRight) // the arrows move the mark, as a radio group's do
	if got := stored(rows[4]).Presence; got != app.Absent {
		t.Errorf("出席 then →: %s stored as %s, want 缺席", name(rows[4]), got)
	}
	focusedOn(rows[4].radio, name(rows[4])+"'s marks after →")

	last := s.roll.rows[len(s.roll.rows)-1]
	c.Focus(last.radio)
	typeOn(c, "2")
	focusedOn(last.radio, "the last person's marks: there is no one after them")

	// the roll call scrolls with the keyboard, also to a time field just shown
	d.Win.Resize(fyne.NewSize(1024, 600))
	s.roll.scroll.ScrollToTop()
	c.Focus(s.roll.rows[0].radio)
	for i := 0; i+1 < len(s.roll.rows); i++ {
		r := s.roll.rows[i]
		key := "1"
		if i == len(s.roll.rows)-3 {
			key = "4"
		}
		typeOn(c, key)
		if s.roll.ask != nil {
			s.roll.ask.Dismiss() // 仍然更改
			s.roll.ask = nil
		}
		if key == "4" {
			inScrollView(t, s.roll.scroll, r.radio, name(r)+"'s row, at their arrival time")
			keyOn(c, fyne.KeyReturn)
		}
		inScrollView(t, s.roll.scroll, s.roll.rows[i+1].radio, name(s.roll.rows[i+1])+"'s marks")
	}
}

// inScrollView fails unless o lies whole inside the part of s shown.
func inScrollView(t *testing.T, s *container.Scroll, o fyne.CanvasObject, what string) {
	t.Helper()
	drv := fyne.CurrentApp().Driver()
	top := drv.AbsolutePositionForObject(o).Y - drv.AbsolutePositionForObject(s).Y
	if top < 0 || top+o.Size().Height > s.Size().Height {
		t.Fatalf("%s at %.0f..%.0f px, outside the roll call's %.0f px shown", what, top, top+o.Size().Height, s.Size().Height)
	}
}

// TestRollCallKeyThatRecountsAsksFirst: a key that would change recorded votes (a
// people's council member marked 缺席 after votes were taken) still asks first; 不改
// keeps the mark and the keyboard on that person, 仍然更改 stores it and moves on.
func TestRollCallKeyThatRecountsAsksFirst(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(tabRoll)
	c := d.Win.Canvas()
	r := rollRowOf(t, s, "钱国强")
	next := s.roll.after(r)
	c.Focus(r.radio)
	typeOn(c, "2")
	if s.roll.ask == nil {
		t.Fatal("key 2 on a member the recorded votes counted did not ask")
	}
	test.Tap(overlayButton(t, d.Win, "不改"))
	if got := presenceOf(t, storedMeeting(t, s), "钱国强").Presence; got != app.Present {
		t.Fatalf("不改 stored %s", got)
	}
	if c.Focused() != r.radio {
		t.Fatalf("after 不改 the keyboard is on %T, want 钱国强's marks again", c.Focused())
	}
	typeOn(c, "2")
	test.Tap(overlayButton(t, d.Win, "仍然更改"))
	if got := presenceOf(t, storedMeeting(t, s), "钱国强").Presence; got != app.Absent {
		t.Fatalf("仍然更改 stored %s", got)
	}
	if c.Focused() != next.radio {
		t.Fatalf("after 仍然更改 the keyboard is on %T, want %s's marks", c.Focused(), s.model.m.Attendance[next.a].Name)
	}
}

// TestRollCallMarksByMouse: a click on a mark's text or circle chooses it, as with the
// radio buttons before, and puts the keyboard on that person, so the keys go on from
// where the clerk clicked.
func TestRollCallMarksByMouse(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(tabRoll)
	r := rollRowOf(t, s, "张德明")
	var leave *canvas.Text
	for _, o := range test.WidgetRenderer(r.radio).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text == "请假" {
			leave = tx
		}
	}
	if leave == nil {
		t.Fatal("no 请假 among 张德明's marks")
	}
	test.TapAt(r.radio, leave.Position().AddXY(2, leave.Size().Height/2))
	if got := presenceOf(t, storedMeeting(t, s), "张德明").Presence; got != app.Leave {
		t.Fatalf("a click on 请假 stored %s", got)
	}
	test.TapAt(r.radio, fyne.NewPos(2, leave.Size().Height/2)) // the first circle
	if got := presenceOf(t, storedMeeting(t, s), "张德明").Presence; got != app.Present {
		t.Fatalf("a click on the first circle stored %s, want 出席", got)
	}
	if f := d.Win.Canvas().Focused(); f != fyne.Focusable(r.radio) {
		t.Errorf("after a click the keyboard is on %T, want 张德明's marks, for the keys to go on from there", f)
	}
}
