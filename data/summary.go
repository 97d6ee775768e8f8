package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"pingxin/app"
)

// summaryTotals counts and sums one meeting's households without reading a household
// into Go. The meeting's own facts come from app: ?1 the meeting, ?2 its voters now
// (Meeting.Voters), ?3 1 under the two-thirds majority rule, ?9 the least number
// present for a quorum and ?10 whether the roll call has any people's-council member
// (Meeting.Quorum). Each vote counts against the members present when it was taken
// (voteVoters; app.Meeting.VoteOf). ok is app.Nominee.Result's 通过 written in SQL: not
// blocked; voted with a quorum, with no more votes than voters; no baseline item
// awaiting verification (?4) or not met (?5) and the undertaking signed; the
// verification not refusing (?6); a proposal above the standard cap (?8) visited
// (docs/RULES.md §11, risk checks); the majority reached. amount is its amount: the
// proposal, or what the verification lowered it to (?7) when lower. The inner query is
// a co-routine (LIMIT -1 keeps SQLite from inlining it), so ok is worked out once per
// household. TestMeetingsSumsAsTheRuleDoes holds it to app.
var summaryTotals = `SELECT count(*), coalesce(sum(ok), 0), coalesce(sum(ok * amount), 0) FROM (
	SELECT n.blocked = '' AND n.votes_recorded AND n.undertaking AND ?10 AND nv >= ?9
		AND n.votes_for + n.votes_against + n.votes_abstain + n.votes_recused <= nv
		AND ` + baselineHolds + ` AND coalesce(v.recommendation, '') <> ?6
		AND (n.proposed <= ?8 OR v.nominee_id IS NOT NULL)
		AND n.votes_for > 0 AND nv - n.votes_recused > 0
		AND CASE WHEN ?3 THEN n.votes_for * 3 >= (nv - n.votes_recused) * 2 ELSE n.votes_for * 2 > nv - n.votes_recused END AS ok,
		CASE WHEN v.recommendation = ?7 AND v.lower_to < n.proposed THEN v.lower_to ELSE n.proposed END AS amount
	FROM (SELECT *, ` + voteVoters + ` AS nv FROM nominees WHERE meeting_id = ?1) n
	LEFT JOIN verifications v ON v.nominee_id = n.id LIMIT -1)`

// voteVoters is the number of voters a household's vote counts against: those present
// when it was taken, or without that set the roll call now (?2).
const voteVoters = `CASE WHEN vote_voters = '' THEN ?2 ELSE json_array_length(vote_voters) END`

// baselineHolds is true when none of the six baseline items is ?4 (待核实) or ?5
// (不符合); written out, since SQLite makes a temporary table of an IN list of columns.
var baselineHolds = func() string {
	var b strings.Builder
	for i := 1; i <= 6; i++ {
		if i > 1 {
			b.WriteString(" AND ")
		}
		fmt.Fprintf(&b, "n.baseline_%d <> ?4 AND n.baseline_%d <> ?5", i, i)
	}
	return b.String()
}()

// summarise builds every meeting's summary, in the meetings' order, from its roll call
// and the sums of summaryTotals.
func summarise(ctx context.Context, tx *sql.Tx, ms []*app.Meeting, settings map[int64]app.Settings) ([]app.MeetingSummary, error) {
	as, err := attendanceOf(ctx, tx, 0)
	if err != nil {
		return nil, err
	}
	totals, err := tx.PrepareContext(ctx, summaryTotals)
	if err != nil {
		return nil, err
	}
	defer totals.Close()
	out := make([]app.MeetingSummary, len(ms))
	for i, m := range ms {
		m.Attendance = as[m.ID]
		s := settings[m.VillageID]
		out[i] = m.Summary(s) // no households loaded: the counts are filled in below
		q := m.Quorum(s)
		row := totals.QueryRowContext(ctx, m.ID, m.Voters(), s.Majority == app.MajorityTwoThirds, string(app.ToVerify),
			string(app.NotMet), string(app.Refuse), string(app.LowerTo), int64(s.StandardCap), q.Required, q.Expected > 0)
		if err := row.Scan(&out[i].Nominees, &out[i].Passed, &out[i].Total); err != nil {
			return nil, err
		}
	}
	return out, nil
}
