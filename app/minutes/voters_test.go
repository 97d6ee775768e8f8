package minutes

import (
	"fmt"
	"strings"
	"testing"
)

// TestMinutesStateEachVotesVoters protects docs/RULES.md §7: the household table states,
// with each tally, the members present when that vote was taken, not the roll call at
// the end of the meeting.
func TestMinutesStateEachVotesVoters(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	n := &m.Nominees[0]
	if !n.Votes.Recorded {
		t.Fatal("the first test household should be voted")
	}
	n.Voters = make([]int64, n.Votes.Cast()+1) // taken when fewer were present than at the end
	path, _ := renderMinutes(t, v, m)
	txt := strings.Join(strings.Fields(pdfText(t, path)), "")
	want := fmt.Sprintf("%s在场%d人", n.Votes.Text(), len(n.Voters))
	if !strings.Contains(txt, want) {
		t.Errorf("the minutes lack household 1's vote %q", want)
	}
	_, all := m.VoteOf(&m.Nominees[1], v.Settings)
	if all == len(n.Voters) || !strings.Contains(txt, fmt.Sprintf("在场%d人", all)) {
		t.Errorf("a vote without its own set should print the roll call's %d", all)
	}
}
