package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"modernc.org/sqlite"

	"pingxin/app"
)

// migrationFS holds the schema as numbered SQL files, applied in name order.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// ApplicationID is written to the SQLite header (PRAGMA application_id, "Ping") and
// app_meta, so that Pingxin recognises its own files.
const ApplicationID = 0x50696e67

// ErrForeign is returned by Open for a file that is not a Pingxin database: another
// program's SQLite database, or not SQLite at all. The file is not changed.
var ErrForeign = app.Errorf(app.EINVALID, "data.foreign")

// ErrNewerSchema is returned by Open for a database written by a newer Pingxin, which
// this one would misread. The file is not changed; the user should update Pingxin.
var ErrNewerSchema = app.Errorf(app.EINVALID, "data.newer_schema")

// sqliteNotADB is SQLITE_NOTADB: the file's header is not SQLite's.
const sqliteNotADB = 26

// migration is one embedded SQL file and the schema version it brings the database to.
type migration struct {
	name    string
	version int
}

// migrations lists the embedded files in order; a name must start with its version.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]migration, 0, len(names))
	for _, n := range names {
		prefix, _, _ := strings.Cut(strings.TrimPrefix(n, "migrations/"), "_")
		v, err := strconv.Atoi(prefix)
		if err != nil {
			return nil, fmt.Errorf("data: migration %s has no version number", n)
		}
		out = append(out, migration{name: n, version: v})
	}
	return out, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// probe looks at the file read-only, before any pragma can change it (journal_mode=WAL
// rewrites the header), and says whether it is a new file, Pingxin's own in a schema
// this build knows, or neither.
func probe(path string) error {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	err = probeDB(context.Background(), db)
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteNotADB {
		return ErrForeign
	}
	return err
}

func probeDB(ctx context.Context, db *sql.DB) error {
	var tables, appID, userVersion int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'`).Scan(&tables); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&userVersion); err != nil {
		return err
	}
	switch {
	case appID != 0 && appID != ApplicationID:
		return ErrForeign
	case tables == 0:
		return nil // new and empty: ours to set up
	}
	meta, err := readMeta(ctx, db)
	if err != nil {
		return err
	}
	if meta["application"] != "pingxin" {
		return ErrForeign
	}
	v, _ := strconv.Atoi(meta["schema_version"])
	if max(v, userVersion) > SchemaVersion() {
		return ErrNewerSchema
	}
	return nil
}

// readMeta returns app_meta as a map, empty when the table does not exist.
func readMeta(ctx context.Context, db *sql.DB) (map[string]string, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'app_meta'`).Scan(&n); err != nil || n == 0 {
		return map[string]string{}, err
	}
	rows, err := db.QueryContext(ctx, `SELECT key, value FROM app_meta`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	meta := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		meta[k] = v
	}
	return meta, rows.Err()
}

// migrate applies every embedded migration not yet recorded in schema_migrations, each
// in its own transaction (benbjohnson/wtf sqlite.go).
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("data: schema_migrations: %w", err)
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if err := s.migrateFile(ctx, m); err != nil {
			return fmt.Errorf("data: migration %s: %w", m.name, err)
		}
	}
	return nil
}

// migrateFile applies one migration unless it is recorded; the check is inside the
// transaction so two processes opening a new file at once apply it once.
func (s *Store) migrateFile(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, m.name).Scan(&n); err != nil {
		return err
	} else if n != 0 {
		return nil
	}
	buf, err := fs.ReadFile(migrationFS, m.name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
		return err
	}
	if err := stampVersion(ctx, tx, m.version); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`, m.name, s.now()); err != nil {
		return err
	}
	return tx.Commit()
}

// stampVersion records the schema version in the header and in app_meta, and marks the
// file as Pingxin's, in the migration's own transaction.
func stampVersion(ctx context.Context, tx *sql.Tx, version int) error {
	stmts := []string{
		fmt.Sprintf(`PRAGMA application_id = %d`, ApplicationID),
		fmt.Sprintf(`PRAGMA user_version = %d`, version),
	}
	for _, q := range stmts {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO app_meta (key, value) VALUES ('schema_version', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(version))
	return err
}
