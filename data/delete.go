package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"pingxin/app"
)

// DeleteMeeting deletes a meeting entered by mistake, with its roll call and households,
// before its minutes are signed (docs/RULES.md §3.1); a signed meeting is the record and
// stays (ELOCKED). The audit log keeps what was deleted.
func (s *Store) DeleteMeeting(ctx context.Context, meetingID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.deleteMeeting(ctx, tx, meetingID); err != nil {
			return lockedByTrigger(err)
		}
		return nil
	})
}

func (s *Store) deleteMeeting(ctx context.Context, tx *sql.Tx, meetingID int64) error {
	var doc, date, village string
	var signed bool
	var households int
	err := tx.QueryRowContext(ctx, `SELECT m.doc_number, m.date, v.name, m.status = 'signed',
		(SELECT count(*) FROM nominees WHERE meeting_id = m.id)
		FROM meetings m JOIN villages v ON v.id = m.village_id WHERE m.id = ?`, meetingID).
		Scan(&doc, &date, &village, &signed, &households)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return app.Errorf(app.ENOTFOUND, "meeting.not_found", "ID", meetingID)
	case err != nil:
		return err
	case signed:
		return app.Errorf(app.ELOCKED, "delete.meeting_signed", "ID", meetingID, "Doc", doc)
	}
	for _, q := range []string{
		`DELETE FROM nominees WHERE meeting_id = ?`, // their visits go with them (ON DELETE CASCADE)
		`DELETE FROM attendance WHERE meeting_id = ?`,
		`DELETE FROM meetings WHERE id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, meetingID); err != nil {
			return err
		}
	}
	desc := fmt.Sprintf("%s %s %s, %d households", village, doc, date, households)
	return s.audit(ctx, tx, auditRef{meetingID, "meetings", meetingID}, fieldDeleted, desc, "")
}

// DeleteVillage deletes a village entered by mistake, with its roster, blacklist and
// meetings, while none of its minutes is signed and it holds nothing a signing or the
// bank left (a signing key, the credit register): those are the record and stay. The
// audit log keeps what was deleted.
func (s *Store) DeleteVillage(ctx context.Context, villageID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.deleteVillage(ctx, tx, villageID); err != nil {
			return lockedByTrigger(err)
		}
		return nil
	})
}

// VillageDeletion is how many meetings deleting the village would take with it, or the
// refusal DeleteVillage would give (ENOTFOUND, ELOCKED, ECONFLICT): a face asks it before
// it asks "delete?", so it never puts a question whose answer would be refused.
func (s *Store) VillageDeletion(ctx context.Context, villageID int64) (int, error) {
	_, meetings, err := villageDeletion(ctx, s.rdb, villageID)
	return meetings, err
}

// villageDeletion reads, in q (the deleting transaction, or a read), the village's
// name and meeting count, refusing a village that holds a signed meeting, a signing key
// or the credit register: those are the record and stay.
func villageDeletion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, villageID int64) (string, int, error) {
	var name, signedDoc string
	var meetings, signed, keys, credit int
	err := q.QueryRowContext(ctx, `SELECT name,
		coalesce((SELECT doc_number FROM meetings WHERE village_id = v.id AND status = 'signed' ORDER BY id LIMIT 1), ''),
		(SELECT count(*) FROM meetings WHERE village_id = v.id),
		(SELECT count(*) FROM meetings WHERE village_id = v.id AND status = 'signed'),
		(SELECT count(*) FROM village_keys WHERE village_id = v.id),
		(SELECT count(*) FROM credit_events WHERE village_id = v.id) + (SELECT count(*) FROM credit_register WHERE village_id = v.id)
		FROM villages v WHERE id = ?`, villageID).Scan(&name, &signedDoc, &meetings, &signed, &keys, &credit)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", 0, app.Errorf(app.ENOTFOUND, "village.not_found", "Name", itoa(villageID))
	case err != nil:
		return "", 0, err
	case signed > 0:
		return "", 0, app.Errorf(app.ELOCKED, "delete.village_signed", "Village", name, "Doc", signedDoc, "Count", signed)
	case keys > 0:
		return "", 0, app.Errorf(app.ECONFLICT, "delete.village_key", "Village", name)
	case credit > 0:
		return "", 0, app.Errorf(app.ECONFLICT, "delete.village_register", "Village", name)
	}
	return name, meetings, nil
}

func (s *Store) deleteVillage(ctx context.Context, tx *sql.Tx, villageID int64) error {
	name, _, err := villageDeletion(ctx, tx, villageID)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM meetings WHERE village_id = ? ORDER BY id`, villageID)
	if err != nil {
		return err
	}
	var meetings []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		meetings = append(meetings, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range meetings {
		if err := s.deleteMeeting(ctx, tx, id); err != nil {
			return err
		}
	}
	for _, q := range []string{
		`DELETE FROM members WHERE village_id = ?`,
		`DELETE FROM blacklist WHERE village_id = ?`,
		`DELETE FROM credit_settings WHERE village_id = ?`,
		`DELETE FROM villages WHERE id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, villageID); err != nil {
			return err
		}
	}
	desc := fmt.Sprintf("%s, %d meetings", name, len(meetings))
	return s.audit(ctx, tx, auditRef{0, "villages", villageID}, fieldDeleted, desc, "")
}
