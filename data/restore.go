package data

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"pingxin/app"
	"pingxin/app/atomicfile"
)

// Restore puts the database file src in place of the one at dst. It first checks a
// copy of src (Check's rules: a Pingxin database of a schema this build knows that
// passes integrity_check) and refuses anything else with the reason, leaving dst as it
// was; it refuses src when it is dst itself. The file it replaces, damaged or not, is
// kept byte for byte (with its WAL) in BackupDir(dst) as "…-replaced.db"; kept is that
// path, "" when there was no dst. It holds the users lock exclusive throughout and
// refuses (ECONFLICT, naming them) while any other process has dst open; the WAL of dst
// is checkpointed first, so no committed transaction is dropped.
func Restore(src, dst string) (kept string, err error) {
	if err := sameFile(src, dst); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return "", Explain(dst, err)
	}
	release, err := takeUsers(dst)
	if err != nil {
		return "", err
	}
	defer release()
	tmp := restoringPath(dst)
	removeDB(tmp)
	defer func() {
		if err != nil {
			removeDB(tmp)
		}
	}()
	if err := stage(src, tmp); err != nil {
		return "", err
	}
	checkpoint(dst)
	if kept, err = keepReplaced(dst); err != nil {
		return "", err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		// Folded into dst by checkpoint, or kept with it by keepReplaced: either way
		// the old WAL must not be replayed into the restored file.
		if err := os.Remove(dst + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return kept, Explain(dst, err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return kept, Explain(dst, err)
	}
	return kept, syncDir(filepath.Dir(dst))
}

// restoringPath is where Restore stages the backup beside dst before putting it in
// place; Open sweeps one a killed restore left.
func restoringPath(dst string) string { return dst + ".restoring" }

// sweepRestoring removes what a restore killed half-way left beside dbPath. Only call it
// holding the users lock: no restore is running then.
func sweepRestoring(dbPath string) { removeDB(restoringPath(dbPath)) }

// checkpoint folds the WAL of the database at path into the file itself, so the copy
// keepReplaced keeps holds every committed transaction in one self-contained file. It
// runs under the exclusive users lock, so no writer can add to the WAL after it. A
// file SQLite cannot open (damaged, foreign) is left as it is, and kept with its WAL.
func checkpoint(path string) {
	if _, err := os.Stat(path + "-wal"); err != nil {
		return
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	db.ExecContext(context.Background(), `PRAGMA wal_checkpoint(TRUNCATE)`)
}

// sameFile refuses restoring a file over itself, which would keep nothing.
func sameFile(src, dst string) error {
	si, err := os.Stat(src)
	if errors.Is(err, os.ErrNotExist) {
		return app.Errorf(app.ENOTFOUND, "data.no_file", "Path", src)
	} else if err != nil {
		return Explain(src, err)
	}
	if di, err := os.Stat(dst); err == nil && os.SameFile(si, di) {
		return app.Errorf(app.EINVALID, "data.same_file", "Path", src)
	}
	return nil
}

// stage copies src (and a WAL beside it) to tmp, checks the copy, folds any WAL into
// it, and syncs it: what is checked is exactly what will be put in place, and src is
// only ever read.
func stage(src, tmp string) error {
	if err := checkHeader(src); err != nil {
		return err
	}
	if err := copyFile(src, tmp); err != nil {
		return Explain(src, err)
	}
	if err := copyFile(src+"-wal", tmp+"-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		return Explain(src, err)
	}
	db, err := sql.Open("sqlite", tmp+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	err = checkDB(ctx, db, src)
	if err == nil {
		_, err = db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		err = Explain(tmp, err)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	removeDB(tmp + "-journal")
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	return syncFile(tmp)
}

// keepReplaced copies the file at dst, and its WAL, into BackupDir(dst) as they are:
// a damaged file is kept too, for whoever may yet recover it.
func keepReplaced(dst string) (string, error) {
	if _, err := os.Stat(dst); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err := os.MkdirAll(BackupDir(dst), 0o700); err != nil {
		return "", Explain(dst, err)
	}
	var kept string
	for n := 1; ; n++ {
		kept = backupName(dst, time.Now(), WhyReplaced, n)
		if _, err := os.Stat(kept); errors.Is(err, os.ErrNotExist) {
			break
		}
	}
	if err := copyFile(dst, kept); err != nil {
		os.Remove(kept)
		return "", Explain(kept, err)
	}
	if err := copyFile(dst+"-wal", kept+"-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
		removeDB(kept)
		return "", Explain(kept, err)
	}
	return kept, nil
}

// copyFile copies src to a new file dst (0600), synced to disk, through a temporary
// file in dst's folder (atomicfile): a copy cut short by a kill never stands at dst. A
// missing src is reported as os.ErrNotExist, before anything is created.
func copyFile(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return atomicfile.Write(dst, 0o600, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// removeDB removes a database file and the WAL, shared-memory and journal files
// SQLite may have left beside it.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// syncDir makes a rename in dir durable. Windows cannot open a folder to sync it, and
// NTFS journals renames itself.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
