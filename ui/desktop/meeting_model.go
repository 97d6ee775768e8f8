package desktop

import (
	"context"

	"pingxin/app"
	"pingxin/app/service"
)

// meetingModel is the meeting the workspace's tabs share: loaded once from the store,
// kept in step with every save, and counted by the domain's own rules (quorum, voters,
// each household's final result) so that no tab computes a rule itself.
type meetingModel struct {
	d  *Deps
	id int64

	v       *app.Village
	m       *app.Meeting
	orig    *app.Meeting // for an amendment (补充纪要): the signed meeting it corrects
	s       app.Settings
	q       app.Quorum
	voters  int
	results []app.Result
	// lastRating is, by ID number, the last rating of each household the village rated
	// before ("上次评议：…"), so the council deliberates a renewal with it at hand
	lastRating map[string]string

	listeners []func(i int)        // i is the household changed, or -1 for everything
	onImport  []func()             // called after an import has been stored and reloaded
	guard     func(proceed func()) // runs proceed, asking first about typing not stored
	tab       int                  // the workspace tab shown (tabRoll…tabMinutes)
}

// The workspace's tabs, in order.
const (
	tabRoll = iota
	tabList
	tabDeliberate
	tabVerify
	tabMinutes
)

func newMeetingModel(d *Deps, id int64) *meetingModel { return &meetingModel{d: d, id: id} }

// load reads the meeting and its village from the store and counts everything.
func (mm *meetingModel) load() error {
	v, m, err := service.Load(context.Background(), mm.d.Store, mm.id)
	if err != nil {
		return err
	}
	mm.v, mm.m, mm.s = v, m, m.RulesUnder(v.Settings) // a signed meeting's own (docs/RULES.md §3)
	if mm.orig = nil; m.AmendsID != 0 {
		if mm.orig, err = mm.d.Store.Meeting(context.Background(), m.AmendsID); err != nil {
			return err
		}
	}
	mm.recount()
	return mm.loadLastRatings()
}

// changes lists what an amendment changes relative to the signed meeting it corrects,
// as its minutes will print them (app.Changes); nil for a meeting that is not one.
func (mm *meetingModel) changes() []app.Change {
	if mm.orig == nil {
		return nil
	}
	return app.Changes(mm.orig, mm.m, mm.s)
}

// loadLastRatings finds in the village's credit register the households of an unsigned
// meeting that were rated before (docs/RULES.md §11.6): one read of the register, none
// for a signed meeting, which deliberates nothing more.
func (mm *meetingModel) loadLastRatings() error {
	mm.lastRating = map[string]string{}
	if mm.m.Locked() || len(mm.m.Nominees) == 0 {
		return nil
	}
	reg, err := mm.d.Store.OpenRegister(context.Background(), mm.v.ID, mm.d.Now())
	if err != nil {
		return err
	}
	on := make(map[string]bool, len(mm.m.Nominees))
	for _, n := range mm.m.Nominees {
		on[n.IDNumber] = true
	}
	for i := range reg.Entries {
		if e := &reg.Entries[i]; on[e.IDNumber] && e.MeetingID != mm.m.ID {
			mm.lastRating[e.IDNumber] = e.LastRating(mm.d.Lang)
		}
	}
	return nil
}

// voteOf is the quorum and the voters household n's vote is counted against: the
// members present when it was taken or, for a tally being typed, when it will be
// (app.Meeting.StampVote against the stored household).
func (mm *meetingModel) voteOf(n *app.Nominee) (app.Quorum, int) {
	c := *n
	c.Votes.Recorded = true // a tally not typed yet will count those there when it is
	mm.m.StampVote(mm.m.NomineeByID(n.ID), &c, mm.d.Now())
	return mm.m.VoteOf(&c, mm.s)
}

// recount recomputes quorum, voters and every household's result.
func (mm *meetingModel) recount() {
	mm.q, mm.voters = mm.m.Quorum(mm.s), mm.m.Voters()
	mm.results = mm.m.Results(mm.s)
}

// check holds a household's entries, as a form has them, to the rules the service
// stores it by (app.HouseholdRules.Check): the village's settings, the members present,
// and visitors from the roster's 乡贤参事会 or 百事服务团. Being pure it can run at every
// keystroke.
func (mm *meetingModel) check(n *app.Nominee) app.Problems {
	_, voters := mm.voteOf(n) // a tally is checked against those present when it was taken
	return app.HouseholdRules{Settings: mm.s, Voters: voters, Visitors: mm.v.Visitors()}.Check(n)
}

// listen registers f to hear of changes: the index of the household changed, or -1.
func (mm *meetingModel) listen(f func(i int)) { mm.listeners = append(mm.listeners, f) }

// changed tells every listener that household i (or, for -1, everything) changed.
func (mm *meetingModel) changed(i int) {
	for _, f := range mm.listeners {
		f(i)
	}
}

// imported tells the tabs that an import was stored (and reloaded).
func (mm *meetingModel) imported() {
	for _, f := range mm.onImport {
		f()
	}
}

// reload reads the meeting again and tells every tab.
func (mm *meetingModel) reload() error {
	if err := mm.load(); err != nil {
		return err
	}
	mm.changed(-1)
	return nil
}

// locked reports whether the meeting is signed.
func (mm *meetingModel) locked() bool { return mm.m.Locked() }

// nominee returns household i of the list.
func (mm *meetingModel) nominee(i int) *app.Nominee { return &mm.m.Nominees[i] }

// count is the number of households on the list.
func (mm *meetingModel) count() int { return len(mm.m.Nominees) }

// indexOfSeq finds the household with № seq, or -1.
func (mm *meetingModel) indexOfSeq(seq int) int {
	for i := range mm.m.Nominees {
		if mm.m.Nominees[i].Seq == seq {
			return i
		}
	}
	return -1
}

// saveNominee stores n as household i and, once stored, recounts only that household:
// the quorum does not change with a vote.
func (mm *meetingModel) saveNominee(i int, n app.Nominee) error {
	if err := mm.d.Store.SaveHousehold(context.Background(), &n); err != nil {
		return err
	}
	mm.m.Nominees[i] = n
	mm.results[i] = mm.m.ResultOf(&mm.m.Nominees[i], mm.s)
	mm.changed(i)
	return nil
}

// updateFacts stores the meeting's facts (type, number, date, time, place, chair, clerk).
func (mm *meetingModel) updateFacts(m *app.Meeting) error {
	if err := mm.d.Store.UpdateMeeting(context.Background(), m); err != nil {
		return err
	}
	mm.m.Type, mm.m.DocNumber, mm.m.Date, mm.m.Time = m.Type, m.DocNumber, m.Date, m.Time
	mm.m.Place, mm.m.Chair, mm.m.Clerk = m.Place, m.Chair, m.Clerk
	return nil
}

// setPresence stores attendance entry a's mark and recounts everything: the quorum for
// the votes to come, and the recorded votes the mark changes (yes: the clerk confirmed
// them, app.Meeting.Remark).
func (mm *meetingModel) setPresence(a int, p app.Presence, markAt string, yes bool) error {
	id := mm.m.Attendance[a].MemberID
	if err := mm.d.Store.SetPresence(context.Background(), mm.id, id, p, markAt, yes); err != nil {
		return err
	}
	mm.m.Remark(id, p, app.MarkTime(p, markAt)) // as the store keeps it
	mm.recount()
	mm.changed(-1)
	return nil
}
