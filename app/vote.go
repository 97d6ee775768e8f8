package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// A vote is counted against the members present when it was taken, not against the
// roll call as it stands later (docs/RULES.md §3.2): a member who leaves (早退) or
// arrives (迟到) mid-meeting changes the count of the votes after, never of those
// before. Nominee.Voters keeps that set.

// PresentVoters are the people's-council members a vote recorded at now counts, by
// member ID in roll-call order: those present and those arrived late. A member who
// left early (早退) is no longer there to vote, while the meeting sits; a vote entered
// on a later day (a meeting held on paper, its tally sheet typed in afterwards) counts
// them too, since the roll call entered then is the whole meeting's and who voted
// before they left is not known.
func (m *Meeting) PresentVoters(now time.Time) []int64 {
	later := dayAfter(now, m.Date)
	out := []int64{}
	for _, a := range m.Attendance {
		if hasBody(a.Bodies, BodyPeople) && a.Presence.Counts() && (later || a.Presence != LeftEarly) {
			out = append(out, a.MemberID)
		}
	}
	return out
}

// dayAfter says whether a falls on a later calendar day than b, each in its own
// location: what comparing their dates written as 2006-01-02 says, without writing
// them (it is asked for every vote of an imported list).
func dayAfter(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	if ay != by {
		return ay > by
	}
	if am != bm {
		return am > bm
	}
	return ad > bd
}

// VoteOf is the quorum and the number of voters household n's vote is counted
// against: the members present when it was taken, or, for a vote not yet taken (or one
// kept without its set, as an amendment's sitting carries them over), the roll call.
func (m *Meeting) VoteOf(n *Nominee, s Settings) (Quorum, int) {
	q := m.Quorum(s)
	if !n.Votes.Recorded || n.Voters == nil {
		return q, q.Present
	}
	q.Present = len(n.Voters)
	q.Met = q.Expected > 0 && q.Present >= q.Required
	return q, q.Present
}

// StampVote gives n's vote its present set: a vote recorded for the first time takes
// the members there at now (PresentVoters); a corrected tally keeps the set it was
// taken with; a cleared vote has none, and neither has one that must be taken again
// (its tally exceeds its set after a roll-call correction), so the new vote counts who
// is there now. old is the household as stored (nil for a new one).
func (m *Meeting) StampVote(old, n *Nominee, now time.Time) {
	switch {
	case !n.Votes.Recorded:
		n.Voters = nil
	case old != nil && old.Votes.Recorded && old.Voters != nil && old.Votes.Cast() <= len(old.Voters):
		n.Voters = old.Voters
	default:
		n.Voters = m.PresentVoters(now)
	}
}

// Recount is how a roll-call change alters one recorded vote: the household and its
// present set before and after.
type Recount struct {
	NomineeID     int64
	Seq           int
	Name          string
	Before, After []int64
}

// Remark applies a roll-call mark to member memberID and says which recorded votes it
// changes (docs/RULES.md §3.2). 迟到 and 早退 take effect from the moment they are
// marked: the votes already taken keep their count. 出席 says the member was there
// throughout, so they join every recorded vote taken without them; 缺席 and 请假 say
// they never were, so they leave every recorded vote that counted them. Only
// people's-council members vote. m is changed: the mark and the new sets.
func (m *Meeting) Remark(memberID int64, p Presence, at string) []Recount {
	recounts := m.MayRecount(memberID, p)
	for i := range m.Attendance {
		if a := &m.Attendance[i]; a.MemberID == memberID {
			a.Presence, a.At = p, at
		}
	}
	if !recounts {
		return nil
	}
	var out []Recount
	for i := range m.Nominees {
		n := &m.Nominees[i]
		if !n.Votes.Recorded || n.Voters == nil {
			continue
		}
		in := slices.Contains(n.Voters, memberID)
		var after []int64
		switch {
		case p == Present && !in:
			after = append(slices.Clone(n.Voters), memberID)
		case !p.Counts() && in:
			after = slices.DeleteFunc(slices.Clone(n.Voters), func(id int64) bool { return id == memberID })
		default:
			continue
		}
		out = append(out, Recount{NomineeID: n.ID, Seq: n.Seq, Name: n.Name, Before: n.Voters, After: after})
		n.Voters = after
	}
	return out
}

// MayRecount reports whether marking member memberID p may change recorded votes
// (Remark): only a mark that says how it was for the whole meeting (出席, 缺席, 请假), on a
// people's-council member on the roll call. Any other mark needs only the roll call, not
// the households.
func (m *Meeting) MayRecount(memberID int64, p Presence) bool {
	for _, a := range m.Attendance {
		if a.MemberID == memberID {
			return hasBody(a.Bodies, BodyPeople) && !p.Timed()
		}
	}
	return false
}

// RemarkPreview is Remark on a copy: which recorded votes the marks would change, for a
// face to ask before it stores them. m is not changed.
func (m *Meeting) RemarkPreview(marks ...RollMark) []Recount {
	c := *m
	c.Attendance = slices.Clone(m.Attendance)
	c.Nominees = slices.Clone(m.Nominees)
	var out []Recount
	for _, mk := range marks {
		out = mergeRecounts(out, c.Remark(mk.MemberID, mk.Presence, mk.At))
	}
	return out
}

// RollMark is one roll-call mark: the member, the mark and its time (迟到, 早退).
type RollMark struct {
	MemberID int64
	Presence Presence
	At       string
}

// mergeRecounts keeps one entry per household, from its first set to its last.
func mergeRecounts(acc, more []Recount) []Recount {
	for _, r := range more {
		i := slices.IndexFunc(acc, func(x Recount) bool { return x.NomineeID == r.NomineeID })
		if i < 0 {
			acc = append(acc, r)
			continue
		}
		acc[i].After = r.After
	}
	slices.SortFunc(acc, func(a, b Recount) int { return a.Seq - b.Seq })
	return acc
}

// RecountMessage is the refusal of a roll-call change that would change recorded votes
// before the person confirmed it: it names every household with its voter count before
// and after ("3 张三（9→8）"), so that the face can show it and ask.
func RecountMessage(rs []Recount) *Error {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%d %s（%d→%d）", r.Seq, r.Name, len(r.Before), len(r.After))
	}
	return Errorf(ECONFLICT, "roll.recounts", "Count", len(rs), "Households", strings.Join(parts, "、"))
}
