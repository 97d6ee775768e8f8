package data

import (
	"context"
	"database/sql"
	"errors"

	"pingxin/app"
	"pingxin/app/amount"
)

var _ app.CreditStore = (*Store)(nil)

// UnfoldedMeetings lists the village's signed meetings the register has not taken in,
// in signing order, so an amendment is folded after the meeting it corrects.
func (s *Store) UnfoldedMeetings(ctx context.Context, villageID int64) ([]int64, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT m.id FROM meetings m JOIN signatures g ON g.meeting_id = m.id
		WHERE m.village_id = ? AND NOT EXISTS (SELECT 1 FROM credit_folded f WHERE f.meeting_id = m.id)
		ORDER BY g.signed_at, m.id`, villageID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// FoldMeeting writes a signed meeting's part of the register in one transaction: its
// households' history, the rows it passes (a new rating replaces the old one and its
// bank answer; an amendment keeps the answer) and the rows it withdraws. A meeting is
// folded once: a second call is ECONFLICT.
func (s *Store) FoldMeeting(ctx context.Context, mc app.MeetingCredit) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO credit_folded (meeting_id, folded_at) VALUES (?, ?)
		ON CONFLICT DO NOTHING`, mc.MeetingID, s.now())
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return app.Errorf(app.ECONFLICT, "credit.meeting_folded", "ID", mc.MeetingID)
	}
	if err := s.addEvents(ctx, tx, mc.VillageID, mc.Events); err != nil {
		return err
	}
	if err := upsertRows(ctx, tx, mc.Passed); err != nil {
		return err
	}
	for _, id := range mc.Withdrawn {
		if _, err := tx.ExecContext(ctx, `UPDATE credit_register SET revoked_doc = ?, revoked_on = ?
			WHERE village_id = ? AND id_number = ?`, mc.Doc, formatDate(mc.RevokedOn), mc.VillageID, id); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// addEvents appends history rows with one prepared statement.
func (s *Store) addEvents(ctx context.Context, tx *sql.Tx, villageID int64, es []app.CreditEvent) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO credit_events (village_id, id_number, name, on_date, kind,
		meeting_id, doc_number, outcome, amount, detail, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	at := s.now()
	for _, e := range es {
		var meeting any
		if e.MeetingID != 0 {
			meeting = e.MeetingID
		}
		if _, err := stmt.ExecContext(ctx, villageID, e.IDNumber, e.Name, formatDate(e.Date), string(e.Kind),
			meeting, e.DocNumber, e.Outcome, int64(e.Amount), e.Detail, at); err != nil {
			return err
		}
	}
	return nil
}

// upsertRows writes passed rows: a household new to the register is inserted; one
// already there takes the new rating, its bank answer kept only when the same rating
// was corrected (the row's bank fields come from r, which the caller filled).
func upsertRows(ctx context.Context, tx *sql.Tx, rs []app.CreditRow) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO credit_register (village_id, id_number, name, grp, nominee_id,
		meeting_id, doc_number, signed_on, passed, bank_result, bank_amount, bank_date, bank_rate, bank_note,
		revoked_doc, revoked_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')
		ON CONFLICT (village_id, id_number) DO UPDATE SET name = excluded.name, grp = excluded.grp,
		nominee_id = excluded.nominee_id, meeting_id = excluded.meeting_id, doc_number = excluded.doc_number,
		signed_on = excluded.signed_on, passed = excluded.passed, bank_result = excluded.bank_result,
		bank_amount = excluded.bank_amount, bank_date = excluded.bank_date, bank_rate = excluded.bank_rate,
		bank_note = excluded.bank_note, revoked_doc = '', revoked_on = ''`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rs {
		if _, err := stmt.ExecContext(ctx, r.VillageID, r.IDNumber, r.Name, r.Group, r.NomineeID, r.MeetingID,
			r.DocNumber, formatDate(r.SignedOn), int64(r.Passed), string(r.Bank), int64(r.BankAmount),
			formatDate(r.BankDate), r.BankRate, r.BankNote); err != nil {
			return err
		}
	}
	return nil
}

// registerColumns are the register's columns with the active blacklist entry's.
const registerColumns = `r.village_id, r.id_number, r.name, r.grp, r.nominee_id, r.meeting_id, r.doc_number,
	r.signed_on, r.passed, r.bank_result, r.bank_amount, r.bank_date, r.bank_rate, r.bank_note, r.revoked_doc,
	r.revoked_on, b.id, b.category, b.date, b.source
	FROM credit_register r LEFT JOIN blacklist b
	ON b.village_id = r.village_id AND b.id_number = r.id_number AND b.removed_at IS NULL`

// CreditRegister returns every household of the village's register by ID number.
func (s *Store) CreditRegister(ctx context.Context, villageID int64) ([]app.CreditRow, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+registerColumns+` WHERE r.village_id = ? ORDER BY r.id_number`, villageID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.CreditRow
	for rows.Next() {
		r, err := scanCreditRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CreditRow returns one household's row, or nil when the village never passed it.
func (s *Store) CreditRow(ctx context.Context, villageID int64, idNumber string) (*app.CreditRow, error) {
	r, err := scanCreditRow(s.rdb.QueryRowContext(ctx, `SELECT `+registerColumns+`
		WHERE r.village_id = ? AND r.id_number = ?`, villageID, idNumber))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}

func scanCreditRow(sc scanner) (app.CreditRow, error) {
	var r app.CreditRow
	var signed, bank, bankDate, revokedOn string
	var passed, bankAmount int64
	var blID sql.NullInt64
	var blCategory, blDate, blSource sql.NullString
	if err := sc.Scan(&r.VillageID, &r.IDNumber, &r.Name, &r.Group, &r.NomineeID, &r.MeetingID, &r.DocNumber,
		&signed, &passed, &bank, &bankAmount, &bankDate, &r.BankRate, &r.BankNote, &r.RevokedDoc, &revokedOn,
		&blID, &blCategory, &blDate, &blSource); err != nil {
		return r, err
	}
	r.Passed, r.Bank, r.BankAmount = amount.Yuan(passed), app.BankResult(bank), amount.Yuan(bankAmount)
	var err error
	if r.SignedOn, err = parseDate(signed); err != nil {
		return r, err
	}
	if r.BankDate, err = parseDate(bankDate); err != nil {
		return r, err
	}
	if r.RevokedOn, err = parseDate(revokedOn); err != nil {
		return r, err
	}
	if blID.Valid {
		e := &app.BlacklistEntry{ID: blID.Int64, VillageID: r.VillageID, Name: r.Name, IDNumber: r.IDNumber,
			Category: app.Category(blCategory.String), Source: blSource.String}
		if e.Date, err = parseDate(blDate.String); err != nil {
			return r, err
		}
		r.Blacklist = e
	}
	return r, nil
}
