package desktop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"pingxin/app"
)

// TestDeliberateThreeHouseholdsByKeyboard drives the meeting mode with typed keys only:
// Ctrl+G to jump, text, Tab, Shift+Tab, Backspace and Enter. Then it reads the store.
func TestDeliberateThreeHouseholdsByKeyboard(t *testing.T) {
	d, s := openDemoMeeting(t)
	c := d.Win.Canvas()
	s.tabs.SelectIndex(2) // the keyboard lands in the first entry
	if c.Focused() != s.delib.proposed {
		t.Fatalf("focus = %T, want the proposed amount", c.Focused())
	}
	dt := s.delib

	// Jump to № 13 (杨丽华, the first household not yet deliberated).
	ctrl(c, fyne.KeyG)
	typeOn(c, "13")
	keyOn(c, fyne.KeyReturn)
	if got := dt.mm.nominee(dt.cur).Name; got != "杨丽华" || c.Focused() != dt.proposed {
		t.Fatalf("after jump: %s, focus %T", got, c.Focused())
	}

	// № 13: 30万, rate yes, 7 for 1 against 0 0 → passed as typed, before Enter.
	typeOn(c, "30万")
	keyOn(c, fyne.KeyTab) // the reason above the cap is passed over: 30万 is within it
	if c.Focused() != dt.rate {
		t.Fatalf("Tab from the amount went to %T, want the rate preference", c.Focused())
	}
	typeOn(c, "y")
	keyOn(c, fyne.KeyTab)
	for _, v := range []string{"7", "1", "0", "0"} {
		typeOn(c, v)
		keyOn(c, fyne.KeyTab)
	}
	if c.Focused() != dt.reason {
		t.Fatalf("after the votes focus is on %T, want the reason", c.Focused())
	}
	if got := dt.decision.Text; got != "通过" {
		t.Errorf("live decision = %q, want 通过", got)
	}
	keyOn(c, fyne.KeyReturn)

	// № 14: 12万, no rate, 3 for 5 against → not passed: Enter asks for the reason first.
	if got := dt.mm.nominee(dt.cur).Name; got != "朱海明" || c.Focused() != dt.proposed {
		t.Fatalf("Enter went to %s, focus %T", got, c.Focused())
	}
	typeOn(c, "12万")
	keyOn(c, fyne.KeyTab)
	keyOn(c, fyne.KeyTab) // rate left unticked
	typeOn(c, "3")
	keyOn(c, fyne.KeyTab)
	typeOn(c, "5")
	keyOn(c, fyne.KeyReturn)
	if c.Focused() != dt.reason || dt.mm.nominee(dt.cur).Name != "朱海明" {
		t.Fatalf("Enter without the reason went to %T on %s, want the reason", c.Focused(), dt.mm.nominee(dt.cur).Name)
	}
	if dt.reasonErr.Hidden || !strings.Contains(dt.reasonErr.Text, "须填写理由") {
		t.Errorf("reason hint = %q (hidden %v)", dt.reasonErr.Text, dt.reasonErr.Hidden)
	}
	typeOn(c, "种植规模偏小")
	keyOn(c, fyne.KeyReturn)

	// № 15: first 60万 (over the raised cap) and votes that do not add up, corrected.
	if got := dt.mm.nominee(dt.cur).Name; got != "秦玉芬" {
		t.Fatalf("Enter went to %s, want 秦玉芬", got)
	}
	typeOn(c, "60万")
	keyOn(c, fyne.KeyTab)
	if dt.proposedErr.Hidden || !strings.Contains(dt.proposedErr.Text, "超过最高上限") {
		t.Errorf("over-cap error = %q (hidden %v)", dt.proposedErr.Text, dt.proposedErr.Hidden)
	}
	if c.Focused() != dt.why {
		t.Fatalf("Tab from 60万 went to %T, want the reason above the cap", c.Focused())
	}
	shiftTab(c)
	for range 3 {
		keyOn(c, fyne.KeyBackspace)
	}
	typeOn(c, "35万")
	if !dt.proposedErr.Hidden {
		t.Errorf("corrected amount still flagged: %q", dt.proposedErr.Text)
	}
	keyOn(c, fyne.KeyTab)
	typeOn(c, "双带能力强")
	keyOn(c, fyne.KeyTab)
	keyOn(c, fyne.KeyTab) // rate: no
	typeOn(c, "6")
	keyOn(c, fyne.KeyTab)
	typeOn(c, "3")
	keyOn(c, fyne.KeyTab)
	if dt.votesErr.Hidden || !strings.Contains(dt.votesErr.Text, "= 9，出席 8 人") {
		t.Errorf("votes error = %q (hidden %v)", dt.votesErr.Text, dt.votesErr.Hidden)
	}
	shiftTab(c)
	keyOn(c, fyne.KeyBackspace)
	typeOn(c, "0")
	keyOn(c, fyne.KeyTab)
	typeOn(c, "1")
	keyOn(c, fyne.KeyTab)
	typeOn(c, "1")
	keyOn(c, fyne.KeyReturn)
	if !dt.votesErr.Hidden {
		t.Errorf("votes still flagged: %q", dt.votesErr.Text)
	}

	m := storedMeeting(t, s)
	want := []struct {
		seq      int
		proposed int64
		why      string
		rate     bool
		votes    app.Votes
		reason   string
		decision app.Decision
	}{
		{13, 300_000, "", true, app.Votes{For: 7, Against: 1, Recorded: true}, "", app.Passed},
		{14, 120_000, "", false, app.Votes{For: 3, Against: 5, Recorded: true}, "种植规模偏小", app.NotPassed},
		{15, 350_000, "双带能力强", false, app.Votes{For: 6, Abstain: 1, Recused: 1, Recorded: true}, "", app.Passed},
	}
	q, set, voters := m.Quorum(s.model.s), s.model.s, m.Voters()
	for _, w := range want {
		n := m.Nominees[w.seq-1]
		if n.Seq != w.seq || int64(n.Proposed) != w.proposed || n.ProposedReason != w.why || n.RatePreference != w.rate ||
			n.Votes != w.votes || n.Reason != w.reason {
			t.Errorf("№ %d stored as proposed %d why %q rate %v votes %+v reason %q; want %+v",
				n.Seq, n.Proposed, n.ProposedReason, n.RatePreference, n.Votes, n.Reason, w)
		}
		if got := n.Decision(q, set, voters); got != w.decision {
			t.Errorf("№ %d decision %s, want %s", n.Seq, got, w.decision)
		}
	}
	// Enter on № 15 went on to № 16, the next household not blocked.
	if got := dt.mm.nominee(dt.cur).Seq; got != 16 {
		t.Errorf("after № 15 the screen shows № %d, want 16", got)
	}
}

func TestDeliberatePageKeysAndBlocked(t *testing.T) {
	d, s := openDemoMeeting(t)
	c := d.Win.Canvas()
	s.tabs.SelectIndex(2)
	dt := s.delib
	dt.show(9) // № 10
	dt.focusFirst()
	keyOn(c, fyne.KeyPageDown) // № 11 沈卫星 is blocked: entries off, keys in the № field
	if got := dt.mm.nominee(dt.cur).Seq; got != 11 || !dt.proposed.Disabled() || c.Focused() != dt.jump {
		t.Fatalf("PageDown: № %d, disabled %v, focus %T", got, dt.proposed.Disabled(), c.Focused())
	}
	if got := dt.decision.Text; got != "已拦截" {
		t.Errorf("blocked decision = %q", got)
	}
	keyOn(c, fyne.KeyPageDown)
	if got := dt.mm.nominee(dt.cur).Seq; got != 12 || c.Focused() != dt.proposed {
		t.Fatalf("PageDown from blocked: № %d, focus %T", got, c.Focused())
	}
	ctrl(c, fyne.KeyUp)
	ctrl(c, fyne.KeyUp)
	if got := dt.mm.nominee(dt.cur).Seq; got != 10 {
		t.Errorf("Ctrl+↑ twice: № %d, want 10", got)
	}
	// Enter on № 10 skips the blocked № 11.
	keyOn(c, fyne.KeyReturn)
	if got := dt.mm.nominee(dt.cur).Seq; got != 12 {
		t.Errorf("Enter from № 10: № %d, want 12", got)
	}
}

func TestDeliberateLockedMeetingRefusesEdits(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.model.m.Status = app.StatusSigned // as the store reports a signed meeting
	s.model.changed(-1)
	s.tabs.SelectIndex(2)
	if !s.delib.proposed.Disabled() || !s.delib.vFor.Disabled() {
		t.Error("entries enabled on a locked meeting")
	}
	if s.banner.Hidden || s.banner.Text == "" {
		t.Error("no lock banner")
	}
	if !s.list.importB.Disabled() || !s.list.add.Disabled() {
		t.Error("import and add enabled on a locked meeting")
	}
}
