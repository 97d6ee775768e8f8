// Package data is Pingxin's SQLite store: it implements app.Store on one database file
// (modernc.org/sqlite, no cgo). Every exported method is one transaction, so a change is
// either on disk whole or not at all; a signed meeting is locked here, in the same
// transaction as the change it refuses; and every change leaves rows in an append-only
// audit log. The file is readable by its owner only (docs/RULES.md §9).
package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"pingxin/app"
	"pingxin/app/atomicfile"
)

// Store is the SQLite implementation of app.Store. Writes go through a pool of one
// connection that begins IMMEDIATE transactions, so two writers (the desktop and a
// command run beside it) queue on the busy timeout instead of failing half-way; reads
// use their own pool and never wait for a writer (WAL).
type Store struct {
	// Now is the clock of the audit log and of created_at stamps. Tests fix it.
	Now func() time.Time

	path  string
	leave func()  // gives up the users lock (joinUsers)
	db    *sql.DB // writes: one connection, BEGIN IMMEDIATE
	rdb   *sql.DB // reads
}

var _ app.Store = (*Store)(nil)

// pragmas are set on every pooled connection: foreign keys enforced, WAL so readers and
// the writer do not block each other, a busy timeout so a second process waits rather
// than fails, synchronous FULL so a committed change survives a power cut, and
// temporary storage in memory: a multi-row INSERT keeps a statement journal so that a
// refused row undoes its statement, and on disk that journal cost an import of 10,000
// households some 3,000 writes to a temporary file (it lives only until the statement
// ends, so a crash loses nothing the database needs).
const pragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(FULL)&_pragma=temp_store(MEMORY)"

// DefaultPath is where the database lives unless told otherwise: $PINGXIN_DB when set
// (tests, a USB stick, a second village office on one PC), else the user's config folder.
func DefaultPath() (string, error) {
	if p := os.Getenv("PINGXIN_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("data: no config folder for the database: %w", err)
	}
	return filepath.Join(dir, "pingxin", "pingxin.db"), nil
}

// DemoPath is the demo database (pingxin --demo): beside the default one, so that the
// demo village never mixes with a village's real meetings.
func DemoPath() (string, error) {
	p, err := DefaultPath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(p), "pingxin-demo.db"), nil
}

// Open opens the database at path, creating it (folder 0700, file 0600) when absent, and
// brings its schema up to date. It refuses with ErrForeign a file that is not a Pingxin
// database and with ErrNewerSchema one written by a newer Pingxin, leaving either file
// untouched.
func Open(path string) (*Store, error) {
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	leave, err := joinUsers(path)
	if err != nil {
		return nil, err
	}
	s := &Store{Now: time.Now, path: path, leave: leave}
	if err := s.open(); err != nil {
		leave()
		return nil, err
	}
	if err := s.migrate(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.fillOutcomes(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// open checks the file, narrows it to its owner, sweeps what a killed restore, backup
// or copy left (no restore runs while we hold the users lock; a live writer's temporary
// files are left alone) and opens both pools.
func (s *Store) open() (err error) {
	if err := probe(s.path); err != nil {
		return err
	}
	if err := chmodPrivate(s.path); err != nil {
		return err
	}
	sweepRestoring(s.path)
	atomicfile.Sweep(filepath.Dir(s.path)) // what killed writes left (docs/RULES.md §9)
	atomicfile.Sweep(BackupDir(s.path))
	if s.db, err = sql.Open("sqlite", dsn(s.path, "&_txlock=immediate")); err != nil {
		return err
	}
	s.db.SetMaxOpenConns(1)
	if s.rdb, err = sql.Open("sqlite", dsn(s.path, "")); err != nil {
		s.db.Close()
		return err
	}
	return nil
}

// dsn is path with the store's pragmas and any extra parameters. createPrivate has
// refused a path with a '?', which the driver would take for the start of them.
func dsn(path, extra string) string { return path + "?" + pragmas + extra }

// createPrivate makes the folder (0700) and an empty file (0600) when they do not exist,
// so the database never exists, even for a moment, with wider permissions.
func createPrivate(path string) error {
	if path == "" || strings.ContainsRune(path, '?') {
		return app.Errorf(app.EINVALID, "data.bad_path", "Path", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}

// chmodPrivate narrows an existing database, and its WAL files, to the owner. It runs
// only once the file is known to be Pingxin's: a foreign file is left as it was.
func chmodPrivate(path string) error {
	if err := os.Chmod(path, 0o600); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Chmod(path+suffix, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Path is the database file, for the backup screen and the about box.
func (s *Store) Path() string { return s.path }

// Close closes both pools; the WAL is checkpointed by the last connection.
func (s *Store) Close() error {
	var errs []error
	if s.rdb != nil {
		errs = append(errs, s.rdb.Close())
	}
	if s.db != nil {
		errs = append(errs, s.db.Close())
	}
	if s.leave != nil {
		s.leave()
	}
	return errors.Join(errs...)
}

// now is the store's clock as the database stores instants: RFC 3339 in UTC.
func (s *Store) now() string { return formatInstant(s.Now()) }
