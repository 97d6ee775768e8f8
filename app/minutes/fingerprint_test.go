package minutes

import (
	"regexp"
	"testing"

	"pingxin/app"
)

// TestFingerprint: 12 hex digits that follow the content — every printed change moves
// it — and nothing else: not the status, not database IDs, not the unprinted phone.
func TestFingerprint(t *testing.T) {
	v := testVillage()
	base := Fingerprint(v, testMeeting(v))
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(base) {
		t.Fatalf("fingerprint %q", base)
	}
	for _, c := range []struct {
		name    string
		edit    func(v *app.Village, m *app.Meeting)
		changes bool
	}{
		{"one character of a note", func(_ *app.Village, m *app.Meeting) { m.Nominees[6].Verification.Notes += "。" }, true},
		{"a vote", func(_ *app.Village, m *app.Meeting) { m.Nominees[0].Votes.Against++ }, true},
		{"a name", func(_ *app.Village, m *app.Meeting) { m.Nominees[0].Name = "张玮" }, true},
		{"a roll-call mark", func(_ *app.Village, m *app.Meeting) { m.Attendance[2].Presence = app.Leave }, true},
		{"the village's rules", func(v *app.Village, _ *app.Meeting) { v.Settings.Majority = app.MajorityTwoThirds }, true},
		{"the masked digits of an ID", func(_ *app.Village, m *app.Meeting) { m.Nominees[0].IDNumber = "330483196001109999" }, true},
		{"the status", func(_ *app.Village, m *app.Meeting) { m.Status = app.StatusSigned }, false},
		{"database IDs", func(_ *app.Village, m *app.Meeting) { m.ID, m.Nominees[0].ID = 99, 99 }, false},
		{"the phone, printed only in the bank sheet", func(_ *app.Village, m *app.Meeting) { m.Nominees[0].Phone = "1" }, false},
		{"the voters of a vote taken before one arrived (在场N人)", func(_ *app.Village, m *app.Meeting) { fewerVoters(m) }, true},
		{"the voters of a vote, the roll call's", func(_ *app.Village, m *app.Meeting) {
			m.Nominees[0].Voters = m.PresentVoters(m.Date)
		}, false},
		{"the voters of a vote, signed under version 1", func(_ *app.Village, m *app.Meeting) {
			m.Status, m.SignedFingerprint = app.StatusSigned, 1
			fewerVoters(m)
		}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := testVillage()
			m := testMeeting(v)
			c.edit(v, m)
			if got := Fingerprint(v, m); (got != base) != c.changes {
				t.Errorf("fingerprint %s, base %s, want changed=%v", got, base, c.changes)
			}
		})
	}
}

// fewerVoters has the first household's vote (its tally as it is) taken by all present
// but one.
func fewerVoters(m *app.Meeting) {
	if !m.Nominees[0].Votes.Recorded {
		panic("the test meeting's first household has no vote")
	}
	m.Nominees[0].Voters = m.PresentVoters(m.Date)[1:]
}
