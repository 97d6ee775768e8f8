package data

import (
	"context"
	"database/sql"
	"encoding/binary"
	"io"
	"os"

	"pingxin/app"
	"pingxin/app/i18n"
)

// damageError is damage that Check finds before SQLite does, with what exactly is
// wrong (a file cut short, a header that forbids writing); errors.Is(err, ErrDamaged)
// holds, so every screen that offers a backup for damage offers it here too.
type damageError struct{ msg *app.Error }

func (e *damageError) Error() string               { return e.msg.Error() }
func (e *damageError) Localize(l i18n.Lang) string { return e.msg.Localize(l) }
func (e *damageError) Unwrap() error               { return e.msg }
func (e *damageError) Is(target error) bool        { return target == ErrDamaged }

func damaged(key string, kv ...any) error {
	return &damageError{app.Errorf(app.EINVALID, key, kv...)}
}

// checkHeader compares the file at path with what its SQLite header says it is
// (docs/RULES.md §9): a file cut by even one byte, or by less than a page, passes
// integrity_check — SQLite never reads past the pages it needs — and then fails the
// first export with "disk I/O error (522)" (issue 17). The size must be whole pages and
// at least the page count the header states; the read and write versions must be the
// ones SQLite writes (a flipped one makes every write fail with "readonly database").
// A file that is not SQLite at all is left for probe to call foreign, and a file with
// a live WAL or journal beside it is left to SQLite, which replays it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // reported by whoever opens it next
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() < 100 {
		if err == nil && fi.Size() > 0 && looksSQLite(f) {
			return damaged("guard.truncated", "Path", path, "Want", 100, "Have", fi.Size())
		}
		return nil
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != "SQLite format 3\x00" {
		return nil
	}
	if h[18] < 1 || h[18] > 2 || h[19] < 1 || h[19] > 2 {
		return damaged("guard.bad_header", "Path", path)
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return damaged("guard.bad_header", "Path", path)
	}
	if pending(path) {
		return nil
	}
	size := fi.Size()
	want := size
	if pages := int64(binary.BigEndian.Uint32(h[28:32])); pages > 0 && binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96]) {
		want = pages * pageSize
	}
	if size < want || size%pageSize != 0 {
		return damaged("guard.truncated", "Path", path, "Want", max(want, (size/pageSize+1)*pageSize), "Have", size)
	}
	return nil
}

// looksSQLite reports whether f starts as much of the SQLite magic as it holds.
func looksSQLite(f *os.File) bool {
	b := make([]byte, 16)
	n, _ := f.ReadAt(b, 0)
	return n > 0 && string(b[:n]) == "SQLite format 3\x00"[:n]
}

// pending reports whether a WAL or rollback journal with content lies beside path:
// the file alone is then not the whole database, and SQLite will complete it.
func pending(path string) bool {
	for _, suffix := range []string{"-wal", "-journal"} {
		if fi, err := os.Stat(path + suffix); err == nil && fi.Size() > 0 {
			return true
		}
	}
	return false
}

// probeWrite tries a write that changes nothing (an IMMEDIATE transaction rolled
// back), so a database that opens but refuses every write is found when it is
// opened, not in the middle of a meeting.
func probeWrite(ctx context.Context, db *sql.DB, path string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return explainWrite(path, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE app_meta SET value = value WHERE key = 'application'`); err != nil {
		return explainWrite(path, err)
	}
	return nil
}

// explainWrite explains a failed write probe: a read-only file is the header's fault
// when the file's permissions allow writing.
func explainWrite(path string, err error) error {
	if sqliteCode(err) == sqliteReadOnly {
		if f, oerr := os.OpenFile(path, os.O_RDWR, 0); oerr == nil {
			f.Close()
			return damaged("guard.bad_header", "Path", path)
		}
	}
	return Explain(path, classify(err))
}
