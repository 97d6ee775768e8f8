package data

import (
	"context"
	"database/sql"
	"errors"

	"pingxin/app"
)

// RecordPackage keeps the manifest of a bank package just exported, with its SHA-256.
func (s *Store) RecordPackage(ctx context.Context, p app.BankPackage) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO bank_packages (meeting_id, exported_at, sha256, manifest) VALUES (?, ?, ?, ?)`,
			p.MeetingID, formatInstant(p.ExportedAt), p.SHA256, p.Manifest); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, auditRef{p.MeetingID, "bank_packages", p.MeetingID}, fieldCreated, "", "manifest sha256:"+p.SHA256); err != nil {
			return err
		}
		return nil
	})
}

// LatestPackage returns the last bank package exported for a meeting; nil, nil when none.
func (s *Store) LatestPackage(ctx context.Context, meetingID int64) (*app.BankPackage, error) {
	p := app.BankPackage{MeetingID: meetingID}
	var at string
	err := s.rdb.QueryRowContext(ctx, `SELECT exported_at, sha256, manifest FROM bank_packages WHERE meeting_id = ?
		ORDER BY id DESC LIMIT 1`, meetingID).Scan(&at, &p.SHA256, &p.Manifest)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if p.ExportedAt, err = parseInstant(at); err != nil {
		return nil, err
	}
	return &p, nil
}
