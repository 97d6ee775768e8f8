package desktop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"pingxin/app"
)

// openDeliberation opens 会议表决 of the demo meeting (8 voters present) at № seq with
// the keyboard in the proposed amount.
func openDeliberation(t *testing.T, seq int) (*Deps, *MeetingScreen, fyne.Canvas) {
	t.Helper()
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(tabDeliberate)
	s.delib.show(s.model.indexOfSeq(seq))
	s.delib.focusFirst()
	return d, s, d.Win.Canvas()
}

// storedBySeq reads household № seq back from the store.
func storedBySeq(t *testing.T, s *MeetingScreen, seq int) app.Nominee {
	t.Helper()
	for _, n := range storedMeeting(t, s).Nominees {
		if n.Seq == seq {
			return n
		}
	}
	t.Fatalf("no № %d", seq)
	return app.Nominee{}
}

// A tally typed half-way (5 of 8 voters) is flagged, not stored as 通过 when the
// keyboard moves on; Enter stays and points at the first count not typed; a second
// Enter on the same tally stores it as typed.
func TestShortTallyIsFlaggedNeverStoredSilently(t *testing.T) {
	_, s, c := openDeliberation(t, 13)
	dt := s.delib
	typeOn(c, "30万")
	keyOn(c, fyne.KeyTab)
	keyOn(c, fyne.KeyTab)
	typeOn(c, "5")
	keyOn(c, fyne.KeyTab) // the 赞成 field confirms 5 of 8 as it loses the focus
	if n := storedBySeq(t, s, 13); n.Votes.Recorded {
		t.Fatalf("a tally of 5 with 8 present was stored on Tab: %+v", n.Votes)
	}
	if dt.decision.Text == "通过" || dt.decision.Text != "票数未齐" {
		t.Errorf("decision shows %q over a short tally, want 票数未齐", dt.decision.Text)
	}
	if dt.votesErr.Hidden || !strings.Contains(dt.votesErr.Text, "还有 3 人未计入") {
		t.Errorf("votes problem = %q (hidden %v)", dt.votesErr.Text, dt.votesErr.Hidden)
	}
	keyOn(c, fyne.KeyReturn)
	if got := s.model.nominee(dt.cur).Seq; got != 13 || c.Focused() != dt.vAgainst {
		t.Fatalf("the first Enter went on to № %d, focus %T; want № 13, 反对", got, c.Focused())
	}
	if n := storedBySeq(t, s, 13); n.Votes.Recorded {
		t.Fatalf("the first Enter stored the short tally: %+v", n.Votes)
	}
	keyOn(c, fyne.KeyReturn)
	n := storedBySeq(t, s, 13)
	if !n.Votes.Recorded || n.Votes.For != 5 || n.Votes.Cast() != 5 {
		t.Fatalf("the second Enter stored %+v, want 5 for as typed", n.Votes)
	}
	if got := s.model.nominee(dt.cur).Seq; got == 13 {
		t.Error("the confirmed tally did not move on")
	}
}

// Moving into a filled field selects its content: 20万 typed over 30万 gives 20万.
func TestFilledFieldIsReplacedNotAppended(t *testing.T) {
	_, s, c := openDeliberation(t, 13)
	dt := s.delib
	typeOn(c, "30万")
	keyOn(c, fyne.KeyTab)
	shiftTab(c) // back into the amount
	typeOn(c, "20万")
	keyOn(c, fyne.KeyTab)
	if dt.proposed.Text != "20万" {
		t.Fatalf("typing over 30万 gave %q", dt.proposed.Text)
	}
	if n := storedBySeq(t, s, 13); n.Proposed != 200_000 {
		t.Errorf("stored %v, want 200,000", n.Proposed)
	}
}

// Leaving the meeting with a correction the rules refused asks first; the safe answer
// (keep editing) stays, discarding leaves with the stored value.
func TestLeavingWithARefusedCorrectionAsksFirst(t *testing.T) {
	d, s, c := openDeliberation(t, 1)
	before := storedBySeq(t, s, 1).Proposed
	typeOn(c, "三十")
	nav := d.Nav.(*Navigator)
	nav.Back()
	if s.ask == nil || nav.Top() != Screen(s) {
		t.Fatalf("Back with a refused amount left without asking (top %T)", nav.Top())
	}
	s.ask.Confirm() // 返回继续填写
	if nav.Top() != Screen(s) || s.tabs.SelectedIndex() != tabDeliberate {
		t.Fatalf("keep editing left the meeting or the tab (tab %d)", s.tabs.SelectedIndex())
	}
	s.ask = nil
	nav.Back()
	if s.ask == nil {
		t.Fatal("the second Back did not ask")
	}
	s.ask.Dismiss() // 放弃改动
	if nav.Depth() != 1 {
		t.Fatalf("discard did not leave: depth %d", nav.Depth())
	}
	if got := storedBySeq(t, s, 1).Proposed; got != before {
		t.Errorf("stored amount %v, want it unchanged (%v)", got, before)
	}
}

// Signing with a correction refused asks first instead of signing without it.
func TestSigningWithARefusedCorrectionAsksFirst(t *testing.T) {
	_, s, c := openDeliberation(t, 1)
	typeOn(c, "三十")
	s.tabs.SelectIndex(tabMinutes)
	s.minutes.onSign()
	if s.ask == nil || s.minutes.signDialog != nil {
		t.Fatal("signing with a refused amount did not ask first")
	}
}

// Closing the window stores the value being typed, not yet confirmed by Tab or Enter.
func TestClosingStoresTheValueBeingTyped(t *testing.T) {
	d, s, c := openDeliberation(t, 13)
	typeOn(c, "30万")
	closeMain(d.App, d.Win, d.Nav.(*Navigator).Leave)
	if n := storedBySeq(t, s, 13); n.Proposed != 300_000 {
		t.Errorf("after closing № 13 has %v stored, want the 30万 being typed", n.Proposed)
	}
}

// Clicking an item of "尚有 N 项未完成" opens that household in 会议表决.
func TestUnfinishedItemOpensItsHousehold(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(tabMinutes)
	m := s.minutes
	k := -1
	for i, u := range m.open {
		if u.Name != "" {
			k = i
			break
		}
	}
	if k < 0 {
		t.Fatal("the demo meeting lists no unfinished household")
	}
	m.openList.Select(k)
	if s.tabs.SelectedIndex() != tabDeliberate || s.model.nominee(s.delib.cur).Seq != m.open[k].Seq {
		t.Errorf("clicking № %d %s: tab %d, household № %d", m.open[k].Seq, m.open[k].Name,
			s.tabs.SelectedIndex(), s.model.nominee(s.delib.cur).Seq)
	}
}

// No drop-down says Fyne's English "(Select one)" in the Chinese screens.
func TestSelectPlaceholderIsTranslated(t *testing.T) {
	openDemoMeeting(t)
	if s := newSelect([]string{"a"}, nil); s.PlaceHolder != "（请选择）" {
		t.Errorf("placeholder %q", s.PlaceHolder)
	}
}

// At the largest text size the list's columns fit their content: each heading and the
// widest amount show whole (the issue found amounts cut at the largest size).
func TestListColumnsFitTheirContentAtTheLargestSize(t *testing.T) {
	d, s := openDemoMeeting(t)
	d.App.Settings().SetTheme(NewTheme(theme.VariantLight, textScales[len(textScales)-1]))
	s.tabs.SelectIndex(tabList)
	lt := s.list
	size := theme.TextSize()
	for col, c := range listCols {
		w := lt.colWidths[col]
		head := fyne.MeasureText(mtgL(c.key), size, fyne.TextStyle{Bold: true}).Width
		if w < head+2*theme.InnerPadding() {
			t.Errorf("column %s is %.0f wide, its heading needs %.0f", mtgL(c.key), w, head)
		}
	}
	for _, col := range []int{5, 6} { // requested, proposed
		for i := range s.model.m.Nominees {
			txt := lt.cellText(i, col)
			if need := fyne.MeasureText(txt, size, fyne.TextStyle{}).Width + 2*theme.InnerPadding(); lt.colWidths[col] < need {
				t.Fatalf("%s of № %d is %q, needing %.0f, in a column %.0f wide", mtgL(listCols[col].key), i+1, txt, need, lt.colWidths[col])
			}
		}
	}
}
