package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

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
// folded once: a second call (a desktop and a command folding at the same moment)
// changes nothing.
func (s *Store) FoldMeeting(ctx context.Context, mc app.MeetingCredit) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO credit_folded (meeting_id, folded_at) VALUES (?, ?)
			ON CONFLICT DO NOTHING`, mc.MeetingID, s.now())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return nil // another window or command folded it first, from the same signed meeting
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
		return nil
	})
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

// CreditRegister returns every household of the village's register by ID number.
// Each row comes back as one text column (packedRow), since reading twenty columns of
// 20,000 rows one by one costs the driver more than the query itself.
func (s *Store) CreditRegister(ctx context.Context, villageID int64) ([]app.CreditRow, error) {
	return readTx(ctx, s, func(tx *sql.Tx) ([]app.CreditRow, error) {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM credit_register WHERE village_id = ?`, villageID).Scan(&n); err != nil {
			return nil, err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+packedRow+` WHERE r.village_id = ? ORDER BY r.id_number`, villageID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := make([]app.CreditRow, 0, n)
		var packed string
		for rows.Next() {
			if err := rows.Scan(&packed); err != nil {
				return nil, err
			}
			r, err := unpackCreditRow(villageID, packed)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		return out, rows.Err()
	})
}

// packedRow is a register row, its active blacklist entry and the validity its passing
// minutes were signed with (signed_rules) as one text, the fields joined by the unit
// separator (U+001F), which no stored text holds.
const packedRow = `concat_ws(char(31), r.id_number, r.name, r.grp, r.nominee_id, r.meeting_id, r.doc_number,
	r.signed_on, r.passed, r.bank_result, r.bank_amount, r.bank_date, r.bank_rate, r.bank_note, r.revoked_doc,
	r.revoked_on, coalesce(b.id, 0), coalesce(b.category, ''), coalesce(b.date, ''), coalesce(b.source, ''),
	coalesce(g.validity_years, 0))
	FROM credit_register r LEFT JOIN blacklist b
	ON b.village_id = r.village_id AND b.id_number = r.id_number AND b.removed_at IS NULL
	LEFT JOIN signed_rules g ON g.meeting_id = r.meeting_id`

// unpackCreditRow reads a packedRow.
func unpackCreditRow(villageID int64, packed string) (app.CreditRow, error) {
	var f [20]string
	rest := packed
	for i := range f {
		var ok bool
		if f[i], rest, ok = strings.Cut(rest, "\x1f"); ok != (i < len(f)-1) {
			return app.CreditRow{}, fmt.Errorf("data: a credit register row has not %d fields", len(f))
		}
	}
	r := app.CreditRow{VillageID: villageID, IDNumber: f[0], Name: f[1], Group: f[2], DocNumber: f[5],
		Bank: app.BankResult(f[8]), BankRate: f[11], BankNote: f[12], RevokedDoc: f[13]}
	var nums [6]int64
	for i, k := range []int{3, 4, 7, 9, 15, 19} {
		n, err := strconv.ParseInt(f[k], 10, 64)
		if err != nil {
			return r, err
		}
		nums[i] = n
	}
	r.NomineeID, r.MeetingID, r.Passed, r.BankAmount = nums[0], nums[1], amount.Yuan(nums[2]), amount.Yuan(nums[3])
	r.Validity = int(nums[5])
	var err error
	for i, d := range []*time.Time{&r.SignedOn, &r.BankDate, &r.RevokedOn} {
		if *d, err = parseDate(f[[]int{6, 10, 14}[i]]); err != nil {
			return r, err
		}
	}
	if nums[4] != 0 {
		e := &app.BlacklistEntry{ID: nums[4], VillageID: villageID, Name: r.Name, IDNumber: r.IDNumber,
			Category: app.Category(f[16]), Source: f[18]}
		if e.Date, err = parseDate(f[17]); err != nil {
			return r, err
		}
		r.Blacklist = e
	}
	return r, nil
}

// CreditRow returns one household's row, or nil when the village never passed it.
func (s *Store) CreditRow(ctx context.Context, villageID int64, idNumber string) (*app.CreditRow, error) {
	var packed string
	err := s.rdb.QueryRowContext(ctx, `SELECT `+packedRow+` WHERE r.village_id = ? AND r.id_number = ?`,
		villageID, idNumber).Scan(&packed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	r, err := unpackCreditRow(villageID, packed)
	return &r, err
}
