package data

import (
	"context"
	"database/sql"

	"pingxin/app"
)

// Audit-log field names for whole-record events; any other field is a column name.
const (
	fieldCreated = "*created*"
	fieldDeleted = "*deleted*"
	fieldRemoved = "*removed*"
	// fieldImported is the one entry of an import: the file, its SHA-256, the count.
	fieldImported = "*imported*"
)

// field is one audited value of a record: its name, its value, and how the log shows it
// (masked for ID and phone numbers; nil shows the value as it is).
type field struct {
	name  string
	value string
	show  func(string) string
}

func (f field) shown() string {
	if f.show == nil {
		return f.value
	}
	return f.show(f.value)
}

// auditRef says which record a set of audit rows is about.
type auditRef struct {
	meetingID int64 // 0 for village-level records
	table     string
	recordID  int64
}

// auditor writes audit rows in one transaction with one clock reading and one prepared
// statement, so a batch of thousands costs little.
type auditor struct {
	at   string
	stmt *sql.Stmt
}

// newAuditor prepares the audit insert on tx; close it before the transaction ends.
func (s *Store) newAuditor(ctx context.Context, tx *sql.Tx) (*auditor, error) {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO audit_log (at, meeting_id, tbl, record_id, field, old, new)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	return &auditor{at: s.now(), stmt: stmt}, nil
}

// Close releases the prepared statement; the transaction stays open.
func (a *auditor) Close() error { return a.stmt.Close() }

// log writes one audit row.
func (a *auditor) log(ctx context.Context, r auditRef, field, old, new string) error {
	_, err := a.stmt.ExecContext(ctx, a.at, r.meetingID, r.table, r.recordID, field, old, new)
	return err
}

// changes writes one row for each field whose value differs between old and new, which
// list the same fields in the same order.
func (a *auditor) changes(ctx context.Context, r auditRef, old, new []field) error {
	for i := range new {
		if old[i].value == new[i].value {
			continue
		}
		if err := a.log(ctx, r, new[i].name, old[i].shown(), new[i].shown()); err != nil {
			return err
		}
	}
	return nil
}

// audit writes the rows of one small change in tx: a few rows need no kept statement.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, r auditRef, field, old, new string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, meeting_id, tbl, record_id, field, old, new)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, s.now(), r.meetingID, r.table, r.recordID, field, old, new)
	return err
}

// Audit returns the recorded changes of a meeting in the order they were made; meeting
// 0 returns the village-level ones (villages, members, blacklist, keys).
func (s *Store) Audit(ctx context.Context, meetingID int64) ([]app.AuditEntry, error) {
	return readTx(ctx, s, func(tx *sql.Tx) ([]app.AuditEntry, error) {
		return auditOf(ctx, tx, meetingID)
	})
}

func auditOf(ctx context.Context, tx *sql.Tx, meetingID int64) ([]app.AuditEntry, error) {
	rows, err := tx.QueryContext(ctx, `SELECT at, meeting_id, tbl, record_id, field, old, new
		FROM audit_log WHERE meeting_id = ? ORDER BY id`, meetingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.AuditEntry
	for rows.Next() {
		var e app.AuditEntry
		var at string
		if err := rows.Scan(&at, &e.MeetingID, &e.Table, &e.RecordID, &e.Field, &e.Old, &e.New); err != nil {
			return nil, err
		}
		if e.At, err = parseInstant(at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
