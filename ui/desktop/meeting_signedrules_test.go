package desktop

import (
	"context"
	"testing"

	"pingxin/app"
	"pingxin/app/amount"
)

// TestSignedMeetingScreensKeepItsRules protects a signed meeting's screens from the
// village's later rules (issue 12, docs/RULES.md §3): after the signing the village asks
// for every member present (quorum 1/1), two thirds and a standard cap of 100,000, which
// would leave every household of the demo 暂缓. The meeting's screens — the minutes
// tab's totals, and each household's decision and final result on the 会议表决 tab —
// still show what the meeting was signed with, as the home list does.
func TestSignedMeetingScreensKeepItsRules(t *testing.T) {
	d := newTestDeps(t)
	m, results := signedDemo(t, d)
	ctx := context.Background()
	v, err := d.Store.Village(ctx, m.VillageID)
	if err != nil {
		t.Fatal(err)
	}
	signed := m.Tally(v.Settings)
	later := v.Settings
	later.QuorumNum, later.QuorumDen, later.Majority, later.StandardCap = 1, 1, app.MajorityTwoThirds, 100_000
	if err := d.Store.UpdateSettings(ctx, v.ID, later); err != nil {
		t.Fatal(err)
	}
	s := NewMeetingScreen(d, m.ID).(*MeetingScreen)
	if s.model.m == nil {
		t.Fatal("the signed meeting did not open")
	}
	d.Nav.Push(s)
	s.tabs.SelectIndex(4)
	total := amount.Yuan(signed.Total)
	want := mtgL("meeting.minutes.totals", "Nominated", signed.Nominated, "Passed", signed.Passed,
		"NotPassed", signed.NotPassed, "Deferred", signed.Deferred, "Blocked", signed.Blocked, "Pending", signed.Pending,
		"Yuan", total.String(), "Wan", total.Wan())
	if signed.Passed == 0 || s.minutes.totals.Text != want {
		t.Errorf("minutes tab totals %q, signed with %q", s.minutes.totals.Text, want)
	}
	s.tabs.SelectIndex(2)
	for i, r := range results {
		if r.Outcome != app.Passed {
			continue
		}
		s.delib.show(i)
		final := mtgL("meeting.delib.final", "Yuan", r.Amount.String(), "Wan", r.Amount.Wan())
		if s.delib.decision.Text != decisionText(app.Passed) || s.delib.resultLine.Text != final {
			t.Errorf("household %d shows %s, %q; signed as passed, %q", i+1, s.delib.decision.Text, s.delib.resultLine.Text, final)
		}
	}
}
