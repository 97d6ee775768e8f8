package data

import (
	"testing"
	"time"

	"pingxin/app"
)

// TestHistoryKeepsAnUndatedVisitWithItsMeeting: a visit whose date nobody gave
// (未填写, docs/RULES.md §11) is listed with its meeting, after the nomination and the
// decision, not at the head of the household's history as if it came first.
func TestHistoryKeepsAnUndatedVisitWithItsMeeting(t *testing.T) {
	d := func(s string) time.Time { day, _ := time.Parse(time.DateOnly, s); return day }
	h := []app.CreditEvent{
		{Kind: app.EventVerification, MeetingID: 1},
		{Kind: app.EventNomination, MeetingID: 1, Date: d("2026-11-18")},
		{Kind: app.EventDecision, MeetingID: 1, Date: d("2026-11-18")},
		{Kind: app.EventBank, Date: d("2026-12-10")},
		{Kind: app.EventBlacklisted, Date: d("2026-01-05")},
	}
	sortHistory(h)
	var got []app.CreditEventKind
	for _, e := range h {
		got = append(got, e.Kind)
	}
	want := []app.CreditEventKind{app.EventBlacklisted, app.EventNomination, app.EventDecision, app.EventVerification, app.EventBank}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("history %v, want %v", got, want)
		}
	}
}
