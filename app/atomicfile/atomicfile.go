// Package atomicfile writes a file so that it either appears whole or not at all: the
// content goes to a temporary file in the same folder, is synced, and is renamed over
// the target only when everything succeeded. A failed render, a wrong passphrase or a
// power cut never leaves a half PDF or a half zip behind for someone to carry to the bank.
//
// Where the system allows (Linux), the temporary file has no name until it is complete,
// so a process killed while writing leaves nothing at all; elsewhere its name carries
// the writer's PID, and the next write into the same folder removes the ones whose
// writer is gone (Sweep), so a killed export does not leave full IDs lying about.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// tmpMark is in the name of every temporary file this package makes, and of no other.
const tmpMark = ".pingxin-tmp-"

// Write creates path with perm from what fill writes. If fill or any step fails, the
// temporary file is removed and path is left as it was (absent or untouched).
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	dir := folder(path)
	Sweep(dir)
	f, err := createUnnamed(dir, perm)
	if err != nil {
		return write(path, perm, fill)
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	tmp := TempName(path)
	if err = link(f, tmp); err != nil {
		return err
	}
	f.Close()
	return finish(tmp, path)
}

// write is Write with a named temporary file, where the system has no unnamed ones.
func write(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	tmp := TempName(path)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
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
	return finish(tmp, path)
}

// finish renames the complete temporary file over path and makes the rename durable.
func finish(tmp, path string) error {
	if err := rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(folder(path))
	return nil
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, perm os.FileMode, b []byte) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// TempName is a new name for a temporary file beside path: hidden, marked as ours, and
// carrying this process's PID so that Sweep can tell a live writer's from a dead one's.
// Whoever fills it (SQLite's VACUUM INTO for a backup) renames it to path when done.
func TempName(path string) string {
	var r [6]byte
	rand.Read(r[:])
	return filepath.Join(folder(path), "."+filepath.Base(path)+tmpMark+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(r[:]))
}

// Sweep removes, from dir, the temporary files of writers that are no longer running
// (killed, or cut off by a power cut). A live writer's files are left alone.
func Sweep(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		_, rest, ok := strings.Cut(e.Name(), tmpMark)
		if !ok || !strings.HasPrefix(e.Name(), ".") {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || alive(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

func folder(path string) string {
	dir := filepath.Dir(path)
	if dir == "" {
		return "."
	}
	return dir
}

// syncDir makes the rename itself durable where the OS allows it (not on Windows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
