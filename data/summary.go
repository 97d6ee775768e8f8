package data

import (
	"context"
	"database/sql"

	"pingxin/app"
)

// summaryTotals counts each meeting's households and sums the stored results of those
// passed (nominees.outcome, final_amount: app's rule as applied when they last changed,
// outcome.go), reading the index nominees_outcome alone.
const summaryTotals = `SELECT meeting_id, count(*), coalesce(sum(outcome = ?1), 0),
	coalesce(sum(CASE WHEN outcome = ?1 THEN final_amount ELSE 0 END), 0)
	FROM nominees INDEXED BY nominees_outcome GROUP BY meeting_id`

// meetingTotals are one meeting's counts in the meeting list.
type meetingTotals struct {
	nominees, passed int
	total            int64
}

// summarise builds every meeting's summary, in the meetings' order, from the sums of
// summaryTotals.
func summarise(ctx context.Context, tx *sql.Tx, ms []*app.Meeting) ([]app.MeetingSummary, error) {
	rows, err := tx.QueryContext(ctx, summaryTotals, string(app.Passed))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	totals := map[int64]meetingTotals{}
	for rows.Next() {
		var id int64
		var t meetingTotals
		if err := rows.Scan(&id, &t.nominees, &t.passed, &t.total); err != nil {
			return nil, err
		}
		totals[id] = t
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]app.MeetingSummary, len(ms))
	for i, m := range ms {
		t := totals[m.ID]
		out[i] = m.SummaryOf(t.nominees, t.passed, t.total)
	}
	return out, nil
}
