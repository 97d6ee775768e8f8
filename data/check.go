package data

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"strings"
	"syscall"

	"modernc.org/sqlite"

	"pingxin/app"
)

// ErrDamaged is returned for a Pingxin database that SQLite cannot read whole: a file
// cut short by a power cut, a sector gone bad, bytes overwritten. The file is left as
// it is; the way out is a backup (Restore, LatestBackup).
var ErrDamaged = app.Errorf(app.EINVALID, "data.damaged")

// Primary SQLite result codes that Explain turns into a message a person can act on.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteIOErr    = 10
)

// Check says whether the file at path is a Pingxin database that this build can open
// and that passes PRAGMA integrity_check, without changing a byte of it: ErrForeign for
// anything else (an empty file included), ErrNewerSchema for a newer Pingxin's file,
// ErrDamaged when the check fails, an ENOTFOUND error when there is no such file.
func Check(path string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return app.Errorf(app.ENOTFOUND, "data.no_file", "Path", path)
	} else if err != nil {
		return Explain(path, err)
	}
	if err := checkHeader(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+uriPath(path)+"?mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	return checkDB(context.Background(), db, path)
}

// uriPath escapes the characters a file: URI gives a meaning to, so any file name works.
func uriPath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// checkDB is Check on an open database: Pingxin's own, a schema it knows, intact.
func checkDB(ctx context.Context, db *sql.DB, path string) error {
	if err := classify(probeDB(ctx, db)); err != nil {
		return Explain(path, err)
	}
	meta, err := readMeta(ctx, db)
	if err != nil {
		return Explain(path, classify(err))
	}
	if meta["application"] != "pingxin" {
		return ErrForeign // probeDB lets an empty file through: Open would make it ours
	}
	return integrity(ctx, db, "integrity_check")
}

// integrity runs PRAGMA integrity_check or quick_check; anything but one row "ok" is
// damage.
func integrity(ctx context.Context, db *sql.DB, pragma string) error {
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA "+pragma+"(1)").Scan(&res); err != nil {
		return classify(err)
	}
	if res != "ok" {
		return ErrDamaged
	}
	return nil
}

// classify maps SQLite's "not a database" to ErrForeign and "malformed" to ErrDamaged,
// leaving other errors as they are.
func classify(err error) error {
	switch sqliteCode(err) {
	case sqliteNotADB:
		return ErrForeign
	case sqliteCorrupt:
		return ErrDamaged
	}
	return err
}

// sqliteCode is the primary SQLite result code of err, 0 when err is not SQLite's.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// OpenChecked is Open for the start of the desktop app: it also runs PRAGMA
// quick_check, compares the file's size with its header and tries a write that changes
// nothing, so damage anywhere in the file shows at once as ErrDamaged instead of as a
// failure in the middle of a meeting, and it explains every failure (Explain).
// A file it refuses is left untouched.
func OpenChecked(path string) (*Store, error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	st, err := Open(path)
	if err != nil {
		return nil, Explain(path, classify(err))
	}
	if err := integrity(context.Background(), st.rdb, "quick_check"); err != nil {
		st.Close()
		return nil, Explain(path, err)
	}
	if err := probeWrite(context.Background(), st.db, path); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// Explain turns an error from opening or writing the database at path into one a
// person can act on: a read-only file or folder, a full disk, a damaged file, a file
// that cannot be opened, another program holding it. Errors that already carry a
// message (*app.Error) and errors it does not know are returned as they are.
func Explain(path string, err error) error {
	var ae *app.Error
	if err == nil || errors.As(err, &ae) {
		return err
	}
	switch code := sqliteCode(err); {
	case code == sqliteFull || errors.Is(err, syscall.ENOSPC):
		return app.Errorf(app.EINTERNAL, "data.disk_full", "Path", path)
	case code == sqliteReadOnly || errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS):
		return app.Errorf(app.EINVALID, "data.read_only", "Path", path)
	case code == sqliteCorrupt:
		return ErrDamaged
	case code == sqliteIOErr:
		return damaged("guard.io_error", "Path", path)
	case code == sqliteNotADB:
		return ErrForeign
	case code == sqliteCantOpen:
		return app.Errorf(app.EINVALID, "data.cant_open", "Path", path)
	case code == sqliteBusy || code == sqliteLocked:
		return app.Errorf(app.ECONFLICT, "data.busy", "Path", path)
	}
	return err
}
