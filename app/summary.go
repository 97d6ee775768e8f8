package app

import (
	"cmp"
	"slices"
	"strings"

	"pingxin/app/i18n"
)

// Tally counts a meeting's households by final result (docs/RULES.md §7 totals).
type Tally struct {
	Nominated, Passed, NotPassed, Deferred, Blocked, Pending int
	Total                                                    int64 // final credit of the passed households, in yuan
	Unfinished                                               int   // households that keep the minutes from being signed
}

// Results computes every household's final result once, in list order.
func (m *Meeting) Results(s Settings) []Result {
	out := make([]Result, len(m.Nominees))
	for i := range m.Nominees {
		out[i] = m.ResultOf(&m.Nominees[i], s)
	}
	return out
}

// ResultOf is household n's final result, its vote counted against the members present
// when it was taken (VoteOf), under the rules the meeting is decided under
// (RulesUnder: a signed meeting's own).
func (m *Meeting) ResultOf(n *Nominee, s Settings) Result {
	s = m.RulesUnder(s)
	q, voters := m.VoteOf(n, s)
	return n.Result(q, s, voters)
}

// Tally counts the meeting's households under the village's rules s (RulesUnder: a
// signed meeting's own).
func (m *Meeting) Tally(s Settings) Tally {
	s = m.RulesUnder(s)
	t := Tally{Nominated: len(m.Nominees)}
	for i := range m.Nominees {
		n := &m.Nominees[i]
		q, voters := m.VoteOf(n, s)
		r := n.Result(q, s, voters)
		switch r.Outcome {
		case Passed:
			t.Passed++
			t.Total += int64(r.Amount)
		case NotPassed:
			t.NotPassed++
		case Deferred:
			t.Deferred++
		case Blocked:
			t.Blocked++
		default:
			t.Pending++
		}
		if n.Unfinished(q, s, voters) != nil {
			t.Unfinished++
		}
	}
	return t
}

// Summary is the meeting's row in a meeting list.
func (m *Meeting) Summary(s Settings) MeetingSummary {
	t := m.Tally(s)
	return m.SummaryOf(t.Nominated, t.Passed, t.Total)
}

// SummaryOf is the meeting's row in a meeting list with its counts known already: the
// store sums its households' stored results instead of loading them.
func (m *Meeting) SummaryOf(nominees, passed int, total int64) MeetingSummary {
	return MeetingSummary{ID: m.ID, VillageID: m.VillageID, Village: m.Village, Date: m.Date,
		DocNumber: m.DocNumber, Status: m.Status, Nominees: nominees, Passed: passed, Total: total,
		AmendsID: m.AmendsID}
}

// InRecordOrder orders meetings as the record reads: the originals in the order given,
// each followed at once by its amendments (补充纪要, and amendments of those), oldest
// first, so that no list shows an amendment as a second, unrelated meeting
// (docs/RULES.md §11.5). An amendment whose original is not in the list stays where
// it was.
func InRecordOrder(ms []MeetingSummary) []MeetingSummary {
	present := make(map[int64]bool, len(ms))
	for _, m := range ms {
		present[m.ID] = true
	}
	children := map[int64][]MeetingSummary{}
	var roots []MeetingSummary
	for _, m := range ms {
		if m.AmendsID != 0 && present[m.AmendsID] {
			children[m.AmendsID] = append(children[m.AmendsID], m)
		} else {
			roots = append(roots, m)
		}
	}
	out := make([]MeetingSummary, 0, len(ms))
	var add func(m MeetingSummary)
	add = func(m MeetingSummary) {
		out = append(out, m)
		kids := children[m.ID]
		slices.SortFunc(kids, func(a, b MeetingSummary) int { return cmp.Compare(a.ID, b.ID) })
		for _, k := range kids {
			add(k)
		}
	}
	for _, r := range roots {
		add(r)
	}
	return out
}

// Signable says why the minutes may not be signed yet, one message per reason and per
// household (docs/RULES.md §3.6, issue: "signing says exactly which households and why").
// nil means the meeting may be signed.
func (m *Meeting) Signable(s Settings) []Unfinished {
	var out []Unfinished
	q := m.Quorum(s)
	if m.Locked() {
		return []Unfinished{{Messages: msgs("meeting.locked")}}
	}
	if missing := m.missingFacts(); len(missing) > 0 {
		out = append(out, Unfinished{Messages: missing})
	}
	if !q.Met {
		out = append(out, Unfinished{Messages: msgs("quorum.not_met_sign", "Present", q.Present, "Expected", q.Expected, "Required", q.Required)})
	}
	if len(m.Nominees) == 0 {
		out = append(out, Unfinished{Messages: msgs("meeting.no_nominees")})
	}
	for i := range m.Nominees {
		n := &m.Nominees[i]
		q, voters := m.VoteOf(n, s)
		if why := n.Unfinished(q, s, voters); why != nil {
			out = append(out, Unfinished{Seq: n.Seq, Name: n.Name, Messages: why})
		}
	}
	return out
}

// missingFacts names the facts minutes cannot be signed without: a 文号, a place and a
// time (docs/RULES.md §11.1).
func (m *Meeting) missingFacts() []i18n.Message {
	var out []i18n.Message
	if strings.TrimSpace(m.DocNumber) == "" {
		out = append(out, i18n.M("process.doc_number_missing"))
	}
	if strings.TrimSpace(m.Place) == "" {
		out = append(out, i18n.M("process.place_missing"))
	}
	if strings.TrimSpace(m.Time) == "" {
		out = append(out, i18n.M("process.time_missing"))
	}
	return out
}
