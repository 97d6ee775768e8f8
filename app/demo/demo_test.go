package demo

import (
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/idcard"
)

// TestDemoKeepsTheRules protects the first thing a newcomer sees: every household of
// the demo passes the same checks a typed one must, and every outcome shows up.
func TestDemoKeepsTheRules(t *testing.T) {
	v := Village()
	if err := v.Validate(); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local)
	m := Meeting(v, day, app.DocNumber(v.Name, 2026, 1))
	if q := m.Quorum(v.Settings); !q.Met || q.Expected != 9 || q.Present != 8 {
		t.Fatalf("quorum %+v, want 8 of 9 present", q)
	}
	seen := map[app.Decision]int{}
	for _, n := range m.Nominees {
		id, err := idcard.ParseAt(n.IDNumber, day)
		if err != nil || id.AgeOn(day) < 18 {
			t.Errorf("%s: ID %s: %v", n.Name, n.IDNumber, err)
		}
		if p := n.Check(v.Settings, m.Voters()); len(p) > 0 {
			t.Errorf("%s: %v", n.Name, p)
		}
		seen[n.Result(m.Quorum(v.Settings), v.Settings, m.Voters()).Outcome]++
	}
	for _, d := range []app.Decision{app.Passed, app.NotPassed, app.Deferred, app.Blocked, app.Pending} {
		if seen[d] == 0 {
			t.Errorf("the demo shows no %s household: %v", d, seen)
		}
	}
	if len(m.Nominees) != 30 {
		t.Fatalf("%d households", len(m.Nominees))
	}
}
