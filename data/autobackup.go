package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"pingxin/app"
)

// KeepBackups is how many backups BackupDir keeps: enough for a month of daily
// backups, or thirty meetings closed and signed, on a disk nobody cleans up.
const KeepBackups = 30

// stampLayout is the time in a backup's name: sortable, readable, no ':' (Windows).
const stampLayout = "20060102-150405"

// Why a backup was made, in its file name.
const (
	WhyDaily    = "daily"
	WhyClosed   = "closed"
	WhySigned   = "signed"
	WhyReplaced = "replaced" // the database Restore replaced, kept as it was
)

// whyPattern keeps a reason safe in a file name on every system.
var whyPattern = regexp.MustCompile(`^[a-z0-9]+$`)

// BackupDir is the backups/ folder beside the database: where automatic backups go,
// where Restore keeps what it replaces, and where LatestBackup looks.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// backupName is "<db name>-<local time>-<why>[-n].db": the database's name first so
// two databases in one folder keep apart, the time so names sort in order.
func backupName(dbPath string, at time.Time, why string, n int) string {
	name := fmt.Sprintf("%s-%s-%s", baseName(dbPath), at.Local().Format(stampLayout), why)
	if n > 1 {
		name += fmt.Sprintf("-%d", n)
	}
	return filepath.Join(BackupDir(dbPath), name+".db")
}

// baseName is the database file's name without its extension.
func baseName(dbPath string) string {
	b := filepath.Base(dbPath)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// AutoBackup writes a consistent copy of the open database (VACUUM INTO) into
// BackupDir(dbPath), named for the store's clock and why (lower-case letters and
// digits: WhyClosed, WhySigned, WhyDaily), then deletes all but the newest KeepBackups.
// It returns the new file's path. The database keeps working while it runs.
func AutoBackup(st *Store, dbPath, why string) (string, error) {
	if !whyPattern.MatchString(why) {
		return "", fmt.Errorf("data: backup reason %q is not a-z0-9", why)
	}
	at := st.Now()
	for n := 1; ; n++ {
		path := backupName(dbPath, at, why, n)
		err := st.Backup(context.Background(), path)
		if app.ErrorCode(err) == app.ECONFLICT && n < 100 {
			continue // two backups in one second
		}
		if err != nil {
			return "", Explain(path, err)
		}
		return path, pruneBackups(dbPath, KeepBackups)
	}
}

// DailyBackup makes a WhyDaily backup unless one of any kind was already made today
// (the store's clock, local time), and says whether it made one. The desktop calls it
// when it starts and every hour while it stays open, so a PC left on for a week still
// gets one a day.
func DailyBackup(st *Store, dbPath string) (made bool, err error) {
	bs, err := Backups(dbPath)
	if err != nil {
		return false, err
	}
	today := st.Now().Local().Format("20060102")
	for _, b := range bs {
		if b.At.Format("20060102") == today && b.Why != WhyReplaced {
			return false, nil
		}
	}
	if _, err := AutoBackup(st, dbPath, WhyDaily); err != nil {
		return false, err
	}
	return true, nil
}

// BackupFile is one file in BackupDir.
type BackupFile struct {
	Path string
	At   time.Time // from its name, local time
	Why  string
}

// Backups lists the backups of the database at dbPath, newest first; none when the
// folder does not exist.
func Backups(dbPath string) ([]BackupFile, error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	prefix := baseName(dbPath) + "-"
	var out []BackupFile
	for _, e := range entries {
		if b, ok := parseBackupName(e.Name(), prefix); ok && e.Type().IsRegular() {
			b.Path = filepath.Join(BackupDir(dbPath), e.Name())
			out = append(out, b)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.After(out[j].At)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// parseBackupName reads "<prefix><stamp>-<why>[-n].db".
func parseBackupName(name, prefix string) (BackupFile, bool) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok || !strings.HasSuffix(rest, ".db") || len(rest) < len(stampLayout)+5 {
		return BackupFile{}, false
	}
	at, err := time.ParseInLocation(stampLayout, rest[:len(stampLayout)], time.Local)
	if err != nil || rest[len(stampLayout)] != '-' {
		return BackupFile{}, false
	}
	why, _, _ := strings.Cut(strings.TrimSuffix(rest[len(stampLayout)+1:], ".db"), "-")
	if !whyPattern.MatchString(why) {
		return BackupFile{}, false
	}
	return BackupFile{At: at, Why: why}, true
}

// pruneBackups deletes all but the newest keep backups, with any WAL files beside them.
func pruneBackups(dbPath string, keep int) error {
	bs, err := Backups(dbPath)
	if err != nil || len(bs) <= keep {
		return err
	}
	var errs []error
	for _, b := range bs[keep:] {
		for _, p := range []string{b.Path, b.Path + "-wal", b.Path + "-shm"} {
			if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// LatestBackup is the newest backup of the database at dbPath that Restore would
// accept (Check passes), skipping copies that Restore kept of a replaced database:
// what "restore the latest backup" should bring back. An ENOTFOUND error when there
// is none.
func LatestBackup(dbPath string) (string, error) {
	bs, err := Backups(dbPath)
	if err != nil {
		return "", err
	}
	for _, b := range bs {
		if b.Why != WhyReplaced && Check(b.Path) == nil {
			return b.Path, nil
		}
	}
	return "", app.Errorf(app.ENOTFOUND, "data.no_backup", "Dir", BackupDir(dbPath))
}

// KeepDailyBackups runs DailyBackup now and then every interval until stop is called,
// so a PC left on for days still gets a backup each day; onError hears of a failure
// (nil ignores it). The desktop's store gets one for as long as it is open.
func KeepDailyBackups(st *Store, dbPath string, every time.Duration, onError func(error)) (stop func()) {
	run := func() {
		if _, err := DailyBackup(st, dbPath); err != nil && onError != nil {
			onError(err)
		}
	}
	return repeat(every, true, run)
}

// repeat calls f every interval on a goroutine of its own (first at once when now),
// until stop is called. stop returns once f is no longer running and never will be
// again, so what f uses may be closed right after; it may be called more than once.
func repeat(every time.Duration, now bool, f func()) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		if now {
			f()
		}
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				f()
			}
		}
	}()
	return sync.OnceFunc(func() {
		close(done)
		<-finished
	})
}
