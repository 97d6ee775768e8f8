package desktop

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// TestRollCorrectionAsksBeforeRecounting protects issue 12 item 5 on the desktop:
// marking 缺席 a member the recorded votes counted asks first, listing each household
// with its count before and after, with the safe answer (不改) the highlighted one;
// 不改 keeps the mark and the votes, 仍然更改 stores both. 早退 asks nothing and leaves
// every recorded vote as it was.
func TestRollCorrectionAsksBeforeRecounting(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(0)
	before := storedMeeting(t, s)
	var voted []app.Nominee
	for _, n := range before.Nominees {
		if n.Votes.Recorded {
			voted = append(voted, n)
		}
	}
	if len(voted) == 0 {
		t.Fatal("the demo has no recorded vote")
	}
	first := voted[0]

	rollRowOf(t, s, "钱国强").radio.SetSelected("缺席")
	if s.roll.ask == nil {
		t.Fatal("a correction that recounts recorded votes did not ask")
	}
	text := overlayText(t, d.Win)
	line := fmt.Sprintf("第 %d 户 %s：在场 %d 人 → %d 人", first.Seq, first.Name, len(first.Voters), len(first.Voters)-1)
	if !strings.Contains(text, line) || !strings.Contains(text, "迟到") {
		t.Fatalf("the question does not list %q or point to 迟到/早退:\n%s", line, text)
	}
	keep := overlayButton(t, d.Win, "不改")
	if keep.Importance != widget.HighImportance {
		t.Errorf("the safe answer is not the highlighted one (importance %v)", keep.Importance)
	}
	test.Tap(keep)
	if got := presenceOf(t, storedMeeting(t, s), "钱国强").Presence; got != app.Present {
		t.Fatalf("不改 stored %s", got)
	}
	if sel := rollRowOf(t, s, "钱国强").radio.Selected; sel != "出席" {
		t.Errorf("不改 left the row showing %q", sel)
	}

	rollRowOf(t, s, "钱国强").radio.SetSelected("缺席")
	test.Tap(overlayButton(t, d.Win, "仍然更改"))
	after := storedMeeting(t, s)
	if got := presenceOf(t, after, "钱国强").Presence; got != app.Absent {
		t.Fatalf("仍然更改 stored %s", got)
	}
	if n := after.NomineeByID(first.ID); len(n.Voters) != len(first.Voters)-1 {
		t.Errorf("household %d counts %d voters after the correction, want %d", first.Seq, len(n.Voters), len(first.Voters)-1)
	}

	s.roll.ask = nil
	rollRowOf(t, s, "朱卫东").radio.SetSelected("早退")
	if s.roll.ask != nil {
		t.Fatal("早退 asked")
	}
	final := storedMeeting(t, s)
	if got := presenceOf(t, final, "朱卫东").Presence; got != app.LeftEarly {
		t.Fatalf("早退 stored %s", got)
	}
	for _, n := range final.Nominees {
		if n.Votes.Recorded && len(n.Voters) != len(after.NomineeByID(n.ID).Voters) {
			t.Errorf("早退 changed household %d's voters", n.Seq)
		}
	}
	if r := s.model.results; len(r) == 0 {
		t.Fatal("no results")
	}
}

// TestLateArrivalKeepsTheFormsCount: after someone on leave arrives (迟到), 会议表决
// shows a household voted before with the count it was voted with, and one not yet
// voted with everyone there now; nothing asks, since no recorded vote changes.
func TestLateArrivalKeepsTheFormsCount(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(tabRoll)
	rollRowOf(t, s, "吴海林").radio.SetSelected("迟到")
	if s.roll.ask != nil {
		t.Fatal("a late arrival asked")
	}
	var voted, open = -1, -1
	for i, n := range s.model.m.Nominees {
		switch {
		case voted < 0 && n.Votes.Recorded:
			voted = i
		case open < 0 && !n.Votes.Recorded && n.Blocked == "":
			open = i
		}
	}
	if voted < 0 || open < 0 {
		t.Fatal("the demo lacks a voted or an open household")
	}
	s.tabs.SelectIndex(tabDeliberate)
	s.delib.show(voted)
	if got, want := s.delib.voters.Text, "出席议事会成员 8 人"; got != want {
		t.Errorf("a vote taken before the arrival shows %q, want %q", got, want)
	}
	s.delib.show(open)
	if got, want := s.delib.voters.Text, "出席议事会成员 9 人"; got != want {
		t.Errorf("a vote to be taken now shows %q, want %q", got, want)
	}
}
