package data

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"database/sql"
	"encoding/hex"
	"errors"

	"pingxin/app"
)

// fingerprint is the SHA-256 of a DER certificate in hex, how certificates are named in
// the audit log and told apart in known_certs.
func fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

// VillageKey returns a village's sealed signing key: nil, nil when it has none yet,
// ENOTFOUND when there is no such village.
func (s *Store) VillageKey(ctx context.Context, villageID int64) (*app.VillageKey, error) {
	tx, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if err := villageExists(ctx, tx, villageID); err != nil {
		return nil, err
	}
	var k app.VillageKey
	err = tx.QueryRowContext(ctx, `SELECT cert, encrypted FROM village_keys WHERE village_id = ?`, villageID).Scan(&k.Cert, &k.Encrypted)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return &k, nil
}

// SaveVillageKey stores or replaces a village's certificate and encrypted key. The log
// names the certificate by fingerprint and never holds the key.
func (s *Store) SaveVillageKey(ctx context.Context, villageID int64, k app.VillageKey) error {
	if len(k.Cert) == 0 || len(k.Encrypted) == 0 {
		return app.Errorf(app.EINVALID, "data.key_incomplete")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.saveVillageKey(ctx, tx, villageID, k); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) saveVillageKey(ctx context.Context, tx *sql.Tx, villageID int64, k app.VillageKey) error {
	if err := villageExists(ctx, tx, villageID); err != nil {
		return err
	}
	var oldCert []byte
	err := tx.QueryRowContext(ctx, `SELECT cert FROM village_keys WHERE village_id = ?`, villageID).Scan(&oldCert)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO village_keys (village_id, cert, encrypted, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (village_id) DO UPDATE SET cert = excluded.cert, encrypted = excluded.encrypted,
		updated_at = excluded.updated_at`, villageID, k.Cert, k.Encrypted, s.now()); err != nil {
		return err
	}
	ref, fp := auditRef{0, "village_keys", villageID}, fingerprint(k.Cert)
	if oldCert == nil {
		return s.audit(ctx, tx, ref, fieldCreated, "", "cert sha256:"+fp)
	}
	return s.audit(ctx, tx, ref, "cert_sha256", fingerprint(oldCert), fp)
}

// KnownCerts returns every certificate Pingxin recognises, DER: the villages' own, then
// the imported ones, each once.
func (s *Store) KnownCerts(ctx context.Context) ([][]byte, error) {
	tx, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT cert FROM (SELECT cert, 0 AS k, village_id AS o FROM village_keys
		UNION ALL SELECT der, 1, id FROM known_certs) ORDER BY k, o`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]byte
	seen := map[string]bool{}
	for rows.Next() {
		var der []byte
		if err := rows.Scan(&der); err != nil {
			return nil, err
		}
		if fp := fingerprint(der); !seen[fp] {
			seen[fp] = true
			out = append(out, der)
		}
	}
	return out, rows.Err()
}

// AddKnownCert remembers a certificate (a bank's copy of a village's, another village's)
// so verification can recognise it. der must parse as X.509; adding one already known
// does nothing.
func (s *Store) AddKnownCert(ctx context.Context, der []byte, label string) error {
	if _, err := x509.ParseCertificate(der); err != nil {
		return app.Errorf(app.EINVALID, "data.cert_invalid")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	fp := fingerprint(der)
	res, err := tx.ExecContext(ctx, `INSERT INTO known_certs (der, sha256, label, added_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`, der, fp, label, s.now())
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err // already known
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if err := s.audit(ctx, tx, auditRef{0, "known_certs", id}, fieldCreated, "", label+" sha256:"+fp); err != nil {
		return err
	}
	return tx.Commit()
}
