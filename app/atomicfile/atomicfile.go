// Package atomicfile writes a file so that it either appears whole or not at all: the
// content goes to a temporary file in the same folder, is synced, and is renamed over
// the target only when everything succeeded. A failed render, a wrong passphrase or a
// power cut never leaves a half PDF or a half zip behind for someone to carry to the bank.
package atomicfile

import (
	"io"
	"os"
	"path/filepath"
)

// Write creates path with perm from what fill writes. If fill or any step fails, the
// temporary file is removed and path is left as it was (absent or untouched).
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, perm os.FileMode, b []byte) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// syncDir makes the rename itself durable where the OS allows it (not on Windows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
