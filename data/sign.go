package data

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"pingxin/app"
)

// Sign records the signed minutes and locks the meeting, in one transaction: from then
// on every change to it is ELOCKED. Signing a signed meeting is ELOCKED too. A zero
// SignedAt is the store's clock.
func (s *Store) Sign(ctx context.Context, meetingID int64, r app.SignRecord) error {
	if r.SignedAt.IsZero() {
		r.SignedAt = s.Now()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.sign(ctx, tx, meetingID, r); err != nil {
			return lockedByTrigger(err)
		}
		return nil
	})
}

func (s *Store) sign(ctx context.Context, tx *sql.Tx, meetingID int64, r app.SignRecord) error {
	old, villageID, err := unlocked(ctx, tx, meetingID)
	if err != nil {
		return err
	}
	if err := keepSignedRules(ctx, tx, meetingID, villageID, r.Rules); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO signatures (meeting_id, signed_at, signer, sha256, cert_sha256,
		minutes_path) VALUES (?, ?, ?, ?, ?, ?)`, meetingID, formatInstant(r.SignedAt), r.Signer, r.SHA256,
		r.CertSHA256, r.MinutesPath); err != nil {
		return err
	}
	if err := insertSignedPDF(ctx, tx, meetingID, r); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meetings SET status = ? WHERE id = ?`, string(app.StatusSigned), meetingID); err != nil {
		return err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.log(ctx, auditRef{meetingID, "meetings", meetingID}, "status", string(old), string(app.StatusSigned)); err != nil {
		return err
	}
	return a.log(ctx, auditRef{meetingID, "signatures", meetingID}, fieldCreated, "", r.Signer+" sha256:"+r.SHA256)
}

// SignRecord returns what was kept of a meeting's signing: nil, nil while it is unsigned,
// ENOTFOUND when there is no such meeting.
func (s *Store) SignRecord(ctx context.Context, meetingID int64) (*app.SignRecord, error) {
	return readTx(ctx, s, func(tx *sql.Tx) (*app.SignRecord, error) {
		if _, err := loadFacts(ctx, tx, meetingID); err != nil {
			return nil, err
		}
		var r app.SignRecord
		var at string
		err := tx.QueryRowContext(ctx, `SELECT signed_at, signer, sha256, cert_sha256, minutes_path FROM signatures
			WHERE meeting_id = ?`, meetingID).Scan(&at, &r.Signer, &r.SHA256, &r.CertSHA256, &r.MinutesPath)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		if r.SignedAt, err = parseInstant(at); err != nil {
			return nil, err
		}
		err = tx.QueryRowContext(ctx, `SELECT pdf FROM signed_pdfs WHERE meeting_id = ? ORDER BY id DESC LIMIT 1`,
			meetingID).Scan(&r.PDF)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return &r, nil
	})
}

// CreateAmendment opens a correction (补充纪要) of a signed meeting: a new draft linked to
// it, with its facts, roll call and list (the households under new IDs, their № kept),
// ready to be corrected and signed in turn. why is required; a meeting that is not
// signed is refused, since it can still be edited.
func (s *Store) CreateAmendment(ctx context.Context, signedID int64, why string) (*app.Meeting, error) {
	if err := app.CheckAmendReason(why); err != nil {
		return nil, err
	}
	var m *app.Meeting
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		m, err = s.createAmendment(ctx, tx, signedID, why)
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

func (s *Store) createAmendment(ctx context.Context, tx *sql.Tx, signedID int64, why string) (*app.Meeting, error) {
	if err := amendable(ctx, tx, signedID); err != nil {
		return nil, err
	}
	src, err := loadMeeting(ctx, tx, signedID)
	if err != nil {
		return nil, err
	}
	v, err := villageWhere(ctx, tx, "id = ?", src.VillageID, itoa(src.VillageID))
	if err != nil {
		return nil, err
	}
	// The sitting that decides the correction is a meeting of its own (docs/RULES.md
	// §11.5): today, its own 文号, the roster as it stands with everyone present until
	// the roll call says otherwise; the households come over as signed, to be corrected.
	now := s.Now()
	sitting, err := app.NewMeeting(v, time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local), nil)
	if err != nil {
		return nil, err
	}
	m := *src
	m.ID, m.DocNumber, m.Date, m.Time = 0, "", sitting.Date, ""
	m.Status, m.AmendsID, m.AmendsWhy = app.StatusDraft, signedID, why
	if sitting.Chair != "" {
		m.Chair = sitting.Chair
	}
	if sitting.Clerk != "" {
		m.Clerk = sitting.Clerk
	}
	if err := docNumber(ctx, tx, &m, v.Name); err != nil {
		return nil, err
	}
	id, err := s.insertMeeting(ctx, tx, &m)
	if err != nil {
		return nil, err
	}
	a, err := s.newAuditor(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer a.Close()
	if err := a.log(ctx, auditRef{id, "meetings", id}, fieldCreated, "", "amends #"+itoa(signedID)+" "+m.DocNumber+": "+why); err != nil {
		return nil, err
	}
	if err := insertAttendance(ctx, tx, a, id, v.ID, 1, sitting.Attendance); err != nil {
		return nil, err
	}
	seqs := make([]int, len(src.Nominees))
	for i, n := range src.Nominees {
		seqs[i] = n.Seq
		// the sitting counts the tallies it carries over against its own roll call
		// (docs/RULES.md §11.5), as it was before votes kept their present set
		src.Nominees[i].Voters = nil
	}
	// their results are computed before commit, under the sitting's roll call
	if _, err := insertNomineesAt(ctx, tx, a, nil, id, src.Nominees, seqs); err != nil {
		return nil, err
	}
	return loadMeeting(ctx, tx, id)
}

// amendable refuses to amend a meeting that does not exist or is not signed.
func amendable(ctx context.Context, tx *sql.Tx, id int64) error {
	var status string
	err := tx.QueryRowContext(ctx, `SELECT status FROM meetings WHERE id = ?`, id).Scan(&status)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return app.Errorf(app.ENOTFOUND, "meeting.not_found", "ID", id)
	case err != nil:
		return err
	case app.Status(status) != app.StatusSigned:
		return app.Errorf(app.EINVALID, "data.amend_not_signed", "ID", id)
	}
	return nil
}
