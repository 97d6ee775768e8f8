package data

import (
	"context"
	"database/sql"

	"pingxin/app"
)

// insertSignedPDF keeps a signed PDF of the meeting, when the record carries one.
func insertSignedPDF(ctx context.Context, tx *sql.Tx, meetingID int64, r app.SignRecord) error {
	if len(r.PDF) == 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO signed_pdfs (meeting_id, signed_at, signer, sha256, pdf)
		VALUES (?, ?, ?, ?, ?)`, meetingID, formatInstant(r.SignedAt), r.Signer, r.SHA256, r.PDF)
	return err
}

// AddSignedPDF keeps a newer signed version of a signed meeting's minutes (the same
// minutes with one more signature, e.g. the clerk's). The meeting stays locked; the
// record is audited; SignRecord returns this PDF from now on.
func (s *Store) AddSignedPDF(ctx context.Context, meetingID int64, r app.SignRecord) error {
	if r.SignedAt.IsZero() {
		r.SignedAt = s.Now()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		f, err := loadFacts(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		if f.Status != app.StatusSigned || len(r.PDF) == 0 {
			return app.Errorf(app.EINVALID, "data.not_signed")
		}
		if err := insertSignedPDF(ctx, tx, meetingID, r); err != nil {
			return err
		}
		a, err := s.newAuditor(ctx, tx)
		if err != nil {
			return err
		}
		defer a.Close()
		if err := a.log(ctx, auditRef{meetingID, "signed_pdfs", meetingID}, fieldCreated, "", r.Signer+" sha256:"+r.SHA256); err != nil {
			return err
		}
		return nil
	})
}
