package data

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"pingxin/app"
)

// populated returns a closed database file at dir/name holding the test village and a
// meeting of n households, and the meeting's ID: big enough that damage past the first
// page is damage to real data.
func populated(t testing.TB, dir, name string, n int) (string, int64) {
	t.Helper()
	path := filepath.Join(dir, name)
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return clock }
	_, m := seed(t, st)
	ns := make([]app.Nominee, n)
	for i := range ns {
		ns[i] = app.NewNominee(fmt.Sprintf("户主%d", i), bigID(i))
		ns[i].Requested = 100_000
	}
	if err := st.AddNominees(context.Background(), m.ID, ns); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path, m.ID
}

// nomineeCount opens path and counts the meeting's households.
func nomineeCount(t *testing.T, path string, meetingID int64) int {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	defer st.Close()
	return len(mustMeeting(t, st, meetingID).Nominees)
}

func writeFile(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// badFiles makes every kind of file that is not a usable Pingxin database, from the
// good one at good: the cases of the start-up screen and of restore.
func badFiles(t *testing.T, dir, good string) map[string]struct {
	path string
	want error
} {
	t.Helper()
	b := readFile(t, good)
	random := make([]byte, 64<<10)
	rand.Read(random)
	smashed := bytes.Clone(b)
	copy(smashed[len(b)/2:], bytes.Repeat([]byte{0xA5}, 8192))

	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE contacts (name TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	newer := writeFile(t, filepath.Join(dir, "newer.db"), b)
	db, err = sql.Open("sqlite", newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = %d; UPDATE app_meta SET value = '%d' WHERE key = 'schema_version'`,
		SchemaVersion()+1, SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	return map[string]struct {
		path string
		want error
	}{
		"a file cut in half":      {writeFile(t, filepath.Join(dir, "half.db"), b[:len(b)/2]), ErrDamaged},
		"pages overwritten":       {writeFile(t, filepath.Join(dir, "smashed.db"), smashed), ErrDamaged},
		"random bytes":            {writeFile(t, filepath.Join(dir, "random.db"), random), ErrForeign},
		"an empty file":           {writeFile(t, filepath.Join(dir, "empty.db"), nil), ErrForeign},
		"another program's db":    {foreign, ErrForeign},
		"a newer Pingxin's file":  {newer, ErrNewerSchema},
		"the first page only":     {writeFile(t, filepath.Join(dir, "page1.db"), b[:4096]), ErrDamaged},
		"a text file named .db":   {writeFile(t, filepath.Join(dir, "notes.db"), []byte("会议记录\n")), ErrForeign},
		"a header and no more":    {writeFile(t, filepath.Join(dir, "header.db"), b[:100]), ErrDamaged},
		"half a page after a cut": {writeFile(t, filepath.Join(dir, "halfpage.db"), b[:4096+2048]), ErrDamaged},
		// Cut by less than a page: integrity_check alone passed these (issue 17).
		"cut by 1 byte":         {writeFile(t, filepath.Join(dir, "cut1.db"), b[:len(b)-1]), ErrDamaged},
		"cut by 2048 bytes":     {writeFile(t, filepath.Join(dir, "cut2048.db"), b[:len(b)-2048]), ErrDamaged},
		"cut by 4095 bytes":     {writeFile(t, filepath.Join(dir, "cut4095.db"), b[:len(b)-4095]), ErrDamaged},
		"cut by a whole page":   {writeFile(t, filepath.Join(dir, "cut4096.db"), b[:len(b)-4096]), ErrDamaged},
		"write version flipped": {writeFile(t, filepath.Join(dir, "wver.db"), flipped(b, 18)), ErrDamaged},
		"read version flipped":  {writeFile(t, filepath.Join(dir, "rver.db"), flipped(b, 19)), ErrDamaged},
	}
}

// flipped is b with the bits of byte i inverted.
func flipped(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0xFF
	return c
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	good, _ := populated(t, dir, "good.db", 2000)
	if err := Check(good); err != nil {
		t.Fatalf("Check(good) = %v", err)
	}
	for name, c := range badFiles(t, dir, good) {
		t.Run(name, func(t *testing.T) {
			before := readFile(t, c.path)
			if err := Check(c.path); !errors.Is(err, c.want) {
				t.Fatalf("Check = %v, want %v", err, c.want)
			}
			if !bytes.Equal(readFile(t, c.path), before) {
				t.Fatal("Check changed the file")
			}
		})
	}
	t.Run("no such file", func(t *testing.T) {
		err := Check(filepath.Join(dir, "missing.db"))
		if app.ErrorCode(err) != app.ENOTFOUND {
			t.Fatalf("Check = %v, want ENOTFOUND", err)
		}
	})
}

func TestOpenCheckedRefusesAndKeepsTheFile(t *testing.T) {
	dir := t.TempDir()
	good, id := populated(t, dir, "good.db", 2000)
	for name, c := range badFiles(t, dir, good) {
		if name == "an empty file" {
			continue // a new database, as Open makes one: nothing in it to lose
		}
		t.Run(name, func(t *testing.T) {
			before := readFile(t, c.path)
			st, err := OpenChecked(c.path)
			if err == nil {
				st.Close()
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("OpenChecked = %v, want %v", err, c.want)
			}
			if !bytes.Equal(readFile(t, c.path), before) {
				t.Fatal("OpenChecked changed the file")
			}
		})
	}
	t.Run("a good file opens", func(t *testing.T) {
		st, err := OpenChecked(good)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if n := len(mustMeeting(t, st, id).Nominees); n != 2000 {
			t.Fatalf("%d households, want 2000", n)
		}
	})
}

func TestOpenCheckedReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes read-only files; Explain's mapping is tested in TestExplain")
	}
	dir := t.TempDir()
	good, _ := populated(t, dir, "good.db", 10)
	os.Chmod(good, 0o400)
	_, err := OpenChecked(good)
	if e, ok := err.(*app.Error); !ok || e.Message.Key != "data.read_only" {
		t.Fatalf("OpenChecked(read-only) = %v, want data.read_only", err)
	}
}

func TestExplain(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		key  string
	}{
		{"permission denied", &fs.PathError{Op: "open", Path: "x.db", Err: syscall.EACCES}, "data.read_only"},
		{"read-only file system", &fs.PathError{Op: "open", Path: "x.db", Err: syscall.EROFS}, "data.read_only"},
		{"no space left", &fs.PathError{Op: "write", Path: "x.db", Err: syscall.ENOSPC}, "data.disk_full"},
		{"already a message", ErrNewerSchema, "data.newer_schema"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, ok := Explain("x.db", c.err).(*app.Error)
			if !ok || e.Message.Key != c.key {
				t.Fatalf("Explain = %v, want %s", e, c.key)
			}
		})
	}
	t.Run("unknown errors pass through", func(t *testing.T) {
		err := errors.New("something else")
		if got := Explain("x.db", err); got != err {
			t.Fatalf("Explain = %v", got)
		}
	})
}

func TestRestore(t *testing.T) {
	dir := t.TempDir()
	good, id := populated(t, dir, "good.db", 300)
	bad := badFiles(t, dir, good)

	t.Run("a backup replaces a damaged database, which is kept", func(t *testing.T) {
		dst := filepath.Join(t.TempDir(), "pingxin.db")
		damaged := writeFile(t, dst, readFile(t, bad["a file cut in half"].path))
		kept, err := Restore(good, damaged)
		if err != nil {
			t.Fatal(err)
		}
		if n := nomineeCount(t, dst, id); n != 300 {
			t.Fatalf("restored database has %d households, want 300", n)
		}
		if filepath.Dir(kept) != BackupDir(dst) || !strings.Contains(filepath.Base(kept), "-replaced") {
			t.Fatalf("kept at %q", kept)
		}
		if !bytes.Equal(readFile(t, kept), readFile(t, bad["a file cut in half"].path)) {
			t.Fatal("the kept copy is not the replaced file byte for byte")
		}
		if _, err := os.Stat(dst + ".restoring"); !os.IsNotExist(err) {
			t.Fatal("the staging file was left behind")
		}
		if fi, _ := os.Stat(dst); fi.Mode().Perm() != 0o600 {
			t.Fatalf("restored database mode %v, want 0600", fi.Mode().Perm())
		}
	})
	t.Run("a missing database is simply created", func(t *testing.T) {
		dst := filepath.Join(t.TempDir(), "new", "pingxin.db")
		kept, err := Restore(good, dst)
		if err != nil || kept != "" {
			t.Fatalf("Restore = %q, %v", kept, err)
		}
		if n := nomineeCount(t, dst, id); n != 300 {
			t.Fatalf("%d households, want 300", n)
		}
	})
	for name, c := range bad {
		t.Run("refuses "+name, func(t *testing.T) {
			dst, _ := populated(t, t.TempDir(), "pingxin.db", 5)
			before := readFile(t, dst)
			kept, err := Restore(c.path, dst)
			if !errors.Is(err, c.want) || kept != "" {
				t.Fatalf("Restore = %q, %v; want %v", kept, err, c.want)
			}
			if !bytes.Equal(readFile(t, dst), before) {
				t.Fatal("a refused restore changed the database")
			}
			if bs, _ := Backups(dst); len(bs) != 0 {
				t.Fatalf("a refused restore kept a copy: %v", bs)
			}
			if _, err := os.Stat(dst + ".restoring"); !os.IsNotExist(err) {
				t.Fatal("the staging file was left behind")
			}
		})
	}
	t.Run("refuses the database itself", func(t *testing.T) {
		_, err := Restore(good, good)
		if e, ok := err.(*app.Error); !ok || e.Message.Key != "data.same_file" {
			t.Fatalf("Restore(self) = %v", err)
		}
	})
	t.Run("refuses a missing file", func(t *testing.T) {
		_, err := Restore(filepath.Join(dir, "nope.db"), filepath.Join(t.TempDir(), "x.db"))
		if app.ErrorCode(err) != app.ENOTFOUND {
			t.Fatalf("Restore = %v", err)
		}
	})
}

// TestRestoreDropsTheOldWAL puts a backup over a database whose WAL still holds
// commits: the WAL goes into the kept copy, never into the restored file.
func TestRestoreDropsTheOldWAL(t *testing.T) {
	dir := t.TempDir()
	backup, id := populated(t, dir, "backup.db", 7)
	live := filepath.Join(dir, "live")
	st, err := Open(filepath.Join(live, "pingxin.db"))
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return clock }
	seed(t, st, app.NewNominee("张三", testID(1)))
	// A copy taken while the store is open has its newest commits in the WAL.
	dst := filepath.Join(t.TempDir(), "pingxin.db")
	for _, suffix := range []string{"", "-wal"} {
		writeFile(t, dst+suffix, readFile(t, st.Path()+suffix))
	}
	st.Close()
	if fi, err := os.Stat(dst + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("test setup: no WAL to drop (%v)", err)
	}
	kept, err := Restore(backup, dst)
	if err != nil {
		t.Fatal(err)
	}
	if n := nomineeCount(t, dst, id); n != 7 {
		t.Fatalf("restored database has %d households, want the backup's 7", n)
	}
	if n := nomineeCount(t, kept, 1); n != 1 {
		t.Fatalf("kept copy has %d households in meeting 1, want 1 (its WAL kept with it)", n)
	}
}

// tickingStore is a store whose clock moves a minute on each reading.
func tickingStore(t *testing.T, start time.Time) *Store {
	st := openTest(t)
	at := start
	st.Now = func() time.Time { at = at.Add(time.Minute); return at }
	return st
}

func TestAutoBackupKeepsTheLast30(t *testing.T) {
	st := tickingStore(t, clock)
	var made []string
	for range 35 {
		p, err := AutoBackup(st, st.Path(), WhySigned)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, p)
	}
	bs, err := Backups(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != KeepBackups {
		t.Fatalf("%d backups kept, want %d", len(bs), KeepBackups)
	}
	if bs[0].Path != made[34] || bs[29].Path != made[5] {
		t.Fatalf("kept %s … %s, want the newest %s … %s", bs[0].Path, bs[29].Path, made[34], made[5])
	}
	if _, err := os.Stat(made[4]); !os.IsNotExist(err) {
		t.Fatal("the 31st newest backup was not deleted")
	}
	if err := Check(bs[0].Path); err != nil {
		t.Fatalf("a backup fails Check: %v", err)
	}
	want := "pingxin-" + clock.Add(35*time.Minute).Local().Format(stampLayout) + "-signed.db"
	if filepath.Base(bs[0].Path) != want || filepath.Dir(bs[0].Path) != filepath.Join(filepath.Dir(st.Path()), "backups") {
		t.Fatalf("newest backup %s, want backups/%s", bs[0].Path, want)
	}
}

func TestAutoBackupSameSecond(t *testing.T) {
	st := openTest(t) // a fixed clock: every backup in the same second
	a, err := AutoBackup(st, st.Path(), WhyClosed)
	if err != nil {
		t.Fatal(err)
	}
	b, err := AutoBackup(st, st.Path(), WhyClosed)
	if err != nil || a == b || !strings.HasSuffix(b, "-closed-2.db") {
		t.Fatalf("second backup %q, %v", b, err)
	}
	if _, err := AutoBackup(st, st.Path(), "../x"); err == nil {
		t.Fatal("a reason with a path in it was accepted")
	}
}

func TestDailyBackup(t *testing.T) {
	st := openTest(t)
	day := time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local)
	for i, c := range []struct {
		at   time.Time
		want bool
	}{
		{day, true},
		{day.Add(3 * time.Hour), false},
		{day.Add(14*time.Hour + 59*time.Minute), false},
		{day.Add(24 * time.Hour), true},
		{day.Add(25 * time.Hour), false},
	} {
		st.Now = func() time.Time { return c.at }
		made, err := DailyBackup(st, st.Path())
		if err != nil || made != c.want {
			t.Fatalf("call %d at %v: made %v, %v; want %v", i, c.at, made, err, c.want)
		}
	}
	bs, _ := Backups(st.Path())
	if len(bs) != 2 || bs[0].Why != WhyDaily {
		t.Fatalf("backups %+v", bs)
	}
}

func TestLatestBackup(t *testing.T) {
	st := tickingStore(t, clock)
	path := st.Path()
	if _, err := LatestBackup(path); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("LatestBackup with none = %v", err)
	}
	older, _ := AutoBackup(st, path, WhyDaily)
	good, _ := AutoBackup(st, path, WhyClosed)
	damaged, _ := AutoBackup(st, path, WhySigned)
	b := readFile(t, damaged)
	writeFile(t, damaged, b[:len(b)/2])
	replaced := backupName(path, st.Now(), WhyReplaced, 1)
	writeFile(t, replaced, readFile(t, good))

	got, err := LatestBackup(path)
	if err != nil || got != good {
		t.Fatalf("LatestBackup = %q, %v; want %q (newest that passes, not a replaced copy, not %q)", got, err, good, older)
	}
}

func TestAcquire(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pingxin.db")
	release, err := Acquire(db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(db)
	var inUse *InUseError
	if !errors.Is(err, ErrInUse) || !errors.As(err, &inUse) || inUse.PID != os.Getpid() {
		t.Fatalf("second Acquire = %v, want ErrInUse naming PID %d", err, os.Getpid())
	}
	if app.ErrorCode(err) != app.ECONFLICT || !strings.Contains(app.ErrorMessage(err, "en"), fmt.Sprint(os.Getpid())) {
		t.Fatalf("code %s, message %q", app.ErrorCode(err), app.ErrorMessage(err, "en"))
	}
	release()
	release() // twice is harmless
	again, err := Acquire(db)
	if err != nil {
		t.Fatalf("Acquire after release = %v", err)
	}
	again()
}

func TestWatchShow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "pingxin.db")
	RequestShow(db) // stale: made before the holder watched
	shown := make(chan struct{}, 4)
	stop := WatchShow(db, 10*time.Millisecond, func() { shown <- struct{}{} })
	defer stop()
	select {
	case <-shown:
		t.Fatal("a stale request was obeyed")
	case <-time.After(100 * time.Millisecond):
	}
	if err := RequestShow(db); err != nil {
		t.Fatal(err)
	}
	select {
	case <-shown:
	case <-time.After(5 * time.Second):
		t.Fatal("the request to show was never seen")
	}
}

func TestBackingUp(t *testing.T) {
	st := tickingStore(t, clock)
	_, m := seed(t, st)
	b := &BackingUp{Store: st, DBPath: st.Path(), OnError: func(err error) { t.Errorf("backup: %v", err) }}
	ctx := context.Background()
	var whys []string
	for _, s := range []app.Status{app.StatusInSession, app.StatusClosed} {
		if err := b.SetStatus(ctx, m.ID, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Sign(ctx, m.ID, app.SignRecord{Signer: "越丰村", SHA256: "00"}); err != nil {
		t.Fatal(err)
	}
	bs, _ := Backups(st.Path())
	for _, x := range bs {
		whys = append(whys, x.Why)
	}
	if strings.Join(whys, ",") != "signed,closed" {
		t.Fatalf("backups made: %v, want signed,closed", whys)
	}
	if err := b.SetStatus(ctx, m.ID, app.StatusClosed); err == nil {
		t.Fatal("a signed meeting changed status")
	}
	if bs, _ := Backups(st.Path()); len(bs) != 2 {
		t.Fatalf("a refused change made a backup: %d", len(bs))
	}
}

func TestKeepDailyBackups(t *testing.T) {
	st := openTest(t)
	day := time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local)
	var mu sync.Mutex
	now := day
	st.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	stop := KeepDailyBackups(st, st.Path(), 5*time.Millisecond, func(err error) { t.Errorf("backup: %v", err) })
	waitBackups := func(n int) {
		t.Helper()
		for range 1000 {
			if bs, _ := Backups(st.Path()); len(bs) == n {
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
		bs, _ := Backups(st.Path())
		t.Fatalf("%d backups, want %d", len(bs), n)
	}
	waitBackups(1) // at once
	time.Sleep(30 * time.Millisecond)
	waitBackups(1) // not again the same day
	mu.Lock()
	now = day.Add(24 * time.Hour)
	mu.Unlock()
	waitBackups(2) // the next day, while still open
	stop()
	stop()
	mu.Lock()
	now = day.Add(48 * time.Hour)
	mu.Unlock()
	time.Sleep(30 * time.Millisecond)
	waitBackups(2) // none after stop
}

// TestEveryCommitIsDurable protects the promise that a confirmed entry survives a
// power cut: WAL with synchronous=FULL on every pooled connection, writes and reads.
func TestEveryCommitIsDurable(t *testing.T) {
	st := openTest(t)
	for name, db := range map[string]*sql.DB{"writer": st.db, "reader": st.rdb} {
		t.Run(name, func(t *testing.T) {
			var sync int
			var mode string
			if err := db.QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
				t.Fatal(err)
			}
			if sync != 2 || mode != "wal" {
				t.Fatalf("synchronous=%d journal_mode=%s, want 2 (FULL) and wal", sync, mode)
			}
		})
	}
}
