package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"pingxin/app"
	"pingxin/app/atomicfile"
)

// Backup writes a consistent copy of the whole database to path with VACUUM INTO, while
// the app keeps working. It refuses a path that exists (a backup never overwrites), and
// the copy, like the database, is readable by its owner only. SQLite fills a hidden
// temporary file beside path (created 0600), which is synced and only then given the
// name path: a backup killed half-way leaves nothing at path (issue 17), and its
// temporary file is swept by the next write into that folder (atomicfile.Sweep).
func (s *Store) Backup(ctx context.Context, path string) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return app.Errorf(app.ECONFLICT, "data.backup_exists", "Path", path)
	}
	atomicfile.Sweep(filepath.Dir(path))
	tmp := atomicfile.TempName(path)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	defer os.Remove(tmp) // gone once linked to path; removed when anything failed
	if _, err := s.rdb.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	return publish(tmp, path)
}

// publish gives the finished file tmp the name path without ever replacing a file
// there: a hard link fails when path exists (a backup started at the same moment).
// Where the folder cannot hold hard links, it renames after a last look.
func publish(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case errors.Is(err, os.ErrExist):
		return app.Errorf(app.ECONFLICT, "data.backup_exists", "Path", path)
	case err != nil:
		if _, serr := os.Lstat(path); serr == nil {
			return app.Errorf(app.ECONFLICT, "data.backup_exists", "Path", path)
		}
		if err := os.Rename(tmp, path); err != nil {
			return err
		}
	}
	return syncDir(filepath.Dir(path))
}

// syncFile flushes a finished file to disk, so a backup taken just before a power cut is
// really there.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
