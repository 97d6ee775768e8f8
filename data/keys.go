package data

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"database/sql"
	"encoding/hex"
	"errors"
	"maps"
	"slices"
	"strings"

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
	return readTx(ctx, s, func(tx *sql.Tx) (*app.VillageKey, error) {
		if err := villageExists(ctx, tx, villageID); err != nil {
			return nil, err
		}
		var k app.VillageKey
		err := tx.QueryRowContext(ctx, `SELECT cert, encrypted FROM village_keys WHERE village_id = ?`, villageID).Scan(&k.Cert, &k.Encrypted)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		return &k, nil
	})
}

// SaveVillageKey stores or replaces a village's certificate and encrypted key. The log
// names the certificate by fingerprint and never holds the key.
func (s *Store) SaveVillageKey(ctx context.Context, villageID int64, k app.VillageKey) error {
	if len(k.Cert) == 0 || len(k.Encrypted) == 0 {
		return app.Errorf(app.EINVALID, "data.key_incomplete")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.saveVillageKey(ctx, tx, villageID, k); err != nil {
			return err
		}
		return nil
	})
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
// the imported ones still current (not replaced), each once.
func (s *Store) KnownCerts(ctx context.Context) ([][]byte, error) {
	return readTx(ctx, s, func(tx *sql.Tx) ([][]byte, error) {
		rows, err := tx.QueryContext(ctx, `SELECT cert FROM (SELECT cert, 0 AS k, village_id AS o FROM village_keys
			UNION ALL SELECT der, 1, id FROM known_certs WHERE replaced_at = '') ORDER BY k, o`)
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
	})
}

// AddKnownCert remembers a certificate as the one of the village it names
// (app.CertVillage), so verification can decide by it. Adding the current one again
// does nothing. When another certificate is current for that village it refuses with
// ECONFLICT naming both, unless replace: then the old one is retired (kept, with the
// time) and the replacement is recorded in the audit log. der must parse as X.509.
func (s *Store) AddKnownCert(ctx context.Context, der []byte, label string, replace bool) error {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return app.Errorf(app.EINVALID, "data.cert_invalid")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.addKnownCert(ctx, tx, c, label, replace); err != nil {
			return err
		}
		return nil
	})
}

func (s *Store) addKnownCert(ctx context.Context, tx *sql.Tx, c *x509.Certificate, label string, replace bool) error {
	if err := fillCertVillages(ctx, tx); err != nil {
		return err
	}
	village, fp := app.CertVillage(c), fingerprint(c.Raw)
	current, err := currentCerts(ctx, tx, village)
	if err != nil {
		return err
	}
	if _, ok := current[fp]; ok {
		return nil // already the known one
	}
	if len(current) > 0 && !replace {
		return app.Errorf(app.ECONFLICT, "data.cert_village_known", "Village", village,
			"Known", strings.Join(slices.Sorted(maps.Keys(current)), ", "), "New", fp)
	}
	now := s.now()
	for oldFP, id := range current {
		if _, err := tx.ExecContext(ctx, `UPDATE known_certs SET replaced_at = ? WHERE id = ?`, now, id); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, auditRef{0, "known_certs", id}, "replaced_by", "sha256:"+oldFP, "sha256:"+fp); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO known_certs (der, sha256, label, added_at, village) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (sha256) DO UPDATE SET replaced_at = '', added_at = excluded.added_at, village = excluded.village`,
		c.Raw, fp, label, now, village); err != nil {
		return err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM known_certs WHERE sha256 = ?`, fp).Scan(&id); err != nil {
		return err
	}
	return s.audit(ctx, tx, auditRef{0, "known_certs", id}, fieldCreated, "", village+" "+label+" sha256:"+fp)
}

// currentCerts maps the fingerprints of the village's current certificates to their rows.
func currentCerts(ctx context.Context, tx *sql.Tx, village string) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, sha256 FROM known_certs WHERE village = ? AND replaced_at = ''`, village)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var id int64
		var fp string
		if err := rows.Scan(&id, &fp); err != nil {
			return nil, err
		}
		out[fp] = id
	}
	return out, rows.Err()
}

// fillCertVillages names the village of rows imported before known certificates were
// kept per village (migration 0008), reading it from each certificate.
func fillCertVillages(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, der FROM known_certs WHERE village = ''`)
	if err != nil {
		return err
	}
	type row struct {
		id      int64
		village string
	}
	var fill []row
	for rows.Next() {
		var r row
		var der []byte
		if err := rows.Scan(&r.id, &der); err != nil {
			rows.Close()
			return err
		}
		if c, err := x509.ParseCertificate(der); err == nil {
			r.village = app.CertVillage(c)
			fill = append(fill, r)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, r := range fill {
		if _, err := tx.ExecContext(ctx, `UPDATE known_certs SET village = ? WHERE id = ?`, r.village, r.id); err != nil {
			return err
		}
	}
	return nil
}

// CreateVillageKey stores k as the village's key only if the village has none yet, and
// returns the key the village has afterwards: k, or the one another signer created
// first. It is one transaction that inserts if absent and reads back, so two first
// signings at the same moment end with one key. A new key's certificate becomes the
// known one for its village.
func (s *Store) CreateVillageKey(ctx context.Context, villageID int64, k app.VillageKey, label string) (*app.VillageKey, error) {
	if len(k.Cert) == 0 || len(k.Encrypted) == 0 {
		return nil, app.Errorf(app.EINVALID, "data.key_incomplete")
	}
	c, err := x509.ParseCertificate(k.Cert)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "data.cert_invalid")
	}
	var got app.VillageKey
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := villageExists(ctx, tx, villageID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO village_keys (village_id, cert, encrypted, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (village_id) DO NOTHING`, villageID, k.Cert, k.Encrypted, s.now())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 1 {
			if err := s.audit(ctx, tx, auditRef{0, "village_keys", villageID}, fieldCreated, "", "cert sha256:"+fingerprint(k.Cert)); err != nil {
				return err
			}
			if err := s.addKnownCert(ctx, tx, c, label, true); err != nil {
				return err
			}
		}
		return tx.QueryRowContext(ctx, `SELECT cert, encrypted FROM village_keys WHERE village_id = ?`, villageID).Scan(&got.Cert, &got.Encrypted)
	})
	if err != nil {
		return nil, err
	}
	return &got, nil
}
