package data

import (
	"context"
	"database/sql"

	"pingxin/app"
)

// A household's final result is stored beside it (nominees.outcome, final_amount), as
// app's rule computed it, so that the meeting list sums stored results instead of
// applying the rule to every household of the database on every read. The rule stays
// in app (app.Meeting.ResultOf); the store only applies it. Migration 0020's triggers
// mark a result stale whenever something it reads changes (the household's row, its
// verification, the meeting's roll call, the village's rules) and refreshOutcomes
// computes the stale ones again before the transaction that changed them commits, so
// that a committed database never holds a result the rule would not give. A signed
// meeting's results are frozen with its signature. A roll-call mark makes stale only
// the results it can change (migration 0022): the votes counted against the roll call
// as it stands, and those whose present set it rewrites; a vote keeping its own set,
// or one not taken, stays.

// outcomeRule is what the rule reads besides the household itself: the meeting's roll
// call and its village's rules.
type outcomeRule struct {
	m *app.Meeting // the meeting's facts and roll call, without its households
	s app.Settings
}

// outcome is household n's stored result: its decision and the credit granted.
func (r *outcomeRule) outcome(n *app.Nominee) (string, int64) {
	res := r.m.ResultOf(n, r.s)
	return string(res.Outcome), int64(res.Amount)
}

// values are n's values of the outcome columns: NULL (to be computed before the
// transaction commits) without a rule.
func (r *outcomeRule) values(n *app.Nominee) (outcome any, finalAmount int64) {
	if r == nil {
		return nil, 0
	}
	return r.outcome(n)
}

// loadOutcomeRule reads the roll call and village rules of a meeting; ENOTFOUND when
// there is no such meeting.
func loadOutcomeRule(ctx context.Context, tx *sql.Tx, meetingID int64) (*outcomeRule, error) {
	m, err := loadRollCall(ctx, tx, meetingID)
	if err != nil {
		return nil, err
	}
	v, err := villageWhere(ctx, tx, "id = ?", m.VillageID, itoa(m.VillageID))
	if err != nil {
		return nil, err
	}
	return &outcomeRule{m: m, s: v.Settings}, nil
}

// refreshOutcomes computes again every stale result: each household whose own row or
// verification changed (or whose vote a roll-call mark counts), and every household of
// a meeting whose roll call's members or village rules changed (outcomes_stale),
// writing only the results that differ. A signed
// meeting is never recomputed; only a result it never had is filled (fillOutcomes).
// Every write transaction runs it before it commits (inTx).
func refreshOutcomes(ctx context.Context, tx *sql.Tx) error {
	whole := map[int64]bool{}
	if err := staleMeetings(ctx, tx, `SELECT meeting_id FROM outcomes_stale`, whole, true); err != nil {
		return err
	}
	if err := staleMeetings(ctx, tx, staleHouseholds, whole, false); err != nil {
		return err
	}
	for id, all := range whole {
		if err := refreshMeeting(ctx, tx, id, all); err != nil {
			return err
		}
	}
	if len(whole) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM outcomes_stale`)
	return err
}

// staleHouseholds are the meetings with a household whose result is stale, found in
// the index that holds those alone: without INDEXED BY, SQLite chose to scan the index
// of every household's result, which every write transaction paid for.
const staleHouseholds = `SELECT DISTINCT meeting_id FROM nominees INDEXED BY nominees_outcome_stale WHERE outcome IS NULL`

// staleMeetings adds the meetings query q lists to whole, each marked all when all.
func staleMeetings(ctx context.Context, tx *sql.Tx, q string, whole map[int64]bool, all bool) error {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		whole[id] = whole[id] || all
	}
	return rows.Err()
}

// refreshMeeting computes the results of one meeting's households: all of them when
// all, else those without one.
func refreshMeeting(ctx context.Context, tx *sql.Tx, meetingID int64, all bool) error {
	r, err := loadOutcomeRule(ctx, tx, meetingID)
	if app.ErrorCode(err) == app.ENOTFOUND {
		return nil // deleted in this transaction
	} else if err != nil {
		return err
	}
	all = all && !r.m.Locked()
	stored, err := storedOutcomes(ctx, tx, meetingID, all)
	if err != nil {
		return err
	}
	q := nomineeSelect + ` WHERE n.meeting_id = ?`
	if !all {
		q += ` AND n.outcome IS NULL`
	}
	ns, err := scanNominees(tx.QueryContext(ctx, q, meetingID))
	if err != nil {
		return err
	}
	update, err := tx.PrepareContext(ctx, `UPDATE nominees SET outcome = ?, final_amount = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	for i := range ns {
		o, amt := r.outcome(&ns[i])
		if old, ok := stored[ns[i].ID]; ok && old.outcome.Valid && old.outcome.String == o && old.amount == amt {
			continue
		}
		if _, err := update.ExecContext(ctx, o, amt, ns[i].ID); err != nil {
			return err
		}
	}
	return nil
}

// storedOutcome is a household's result as stored; outcome is NULL while stale.
type storedOutcome struct {
	outcome sql.NullString
	amount  int64
}

// storedOutcomes reads the results a meeting's households have now, when all of them
// are to be computed again (otherwise every one computed is NULL and written).
func storedOutcomes(ctx context.Context, tx *sql.Tx, meetingID int64, all bool) (map[int64]storedOutcome, error) {
	out := map[int64]storedOutcome{}
	if !all {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, outcome, final_amount FROM nominees WHERE meeting_id = ?`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var o storedOutcome
		if err := rows.Scan(&id, &o.outcome, &o.amount); err != nil {
			return nil, err
		}
		out[id] = o
	}
	return out, rows.Err()
}

// fillOutcomes computes the results a database opened for the first time since
// migration 0020 does not have yet (SQL cannot run app's rule), once: a later open
// finds none missing and writes nothing.
func (s *Store) fillOutcomes(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM outcomes_stale)
		+ (SELECT count(*) FROM (`+staleHouseholds+` LIMIT 1))`).Scan(&n); err != nil || n == 0 {
		return err
	}
	return s.inTx(ctx, func(*sql.Tx) error { return nil }) // inTx computes them before it commits
}
