package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"pingxin/app"
)

// Backup writes a consistent copy of the whole database to path with VACUUM INTO, while
// the app keeps working. It refuses a path that exists (a backup never overwrites), and
// the copy, like the database, is readable by its owner only: the file is created 0600
// before SQLite fills it, then synced to disk.
func (s *Store) Backup(ctx context.Context, path string) (err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return app.Errorf(app.ECONFLICT, "data.backup_exists", "Path", path)
	} else if err != nil {
		return err
	}
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(path)
		}
	}()
	if _, err := s.rdb.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return err
	}
	return syncFile(path)
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
