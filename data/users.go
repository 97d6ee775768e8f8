package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"pingxin/app"
)

// Every process that has the database open — the desktop and each command alike —
// holds the users lock shared for as long as it has it open; Restore holds it
// exclusive while it replaces the file. So a restore never runs under a writer (an
// import acknowledged while the file was being replaced was lost, issue 17), and a
// writer that starts during a restore waits for it to finish. Each holder also keeps a
// small file naming itself in the users folder, locked while it lives, so a refused
// restore can say who has the database open.

// usersDir is the folder beside the database that holds the users lock and the
// holders' name files. It is never deleted, like the lock file.
func usersDir(dbPath string) string { return dbPath + ".users" }

func usersLockPath(dbPath string) string { return filepath.Join(usersDir(dbPath), "lock") }

// usersWait is how long opening the database waits for a restore to finish.
var usersWait = 30 * time.Second

// joinUsers takes the users lock shared and names this process in the users folder,
// waiting up to usersWait for a restore to finish. release undoes both; twice is
// harmless.
func joinUsers(dbPath string) (release func(), err error) {
	f, err := openUsersLock(dbPath)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(usersWait)
	for {
		err = lockShared(f)
		if !errors.Is(err, errLocked) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, app.Errorf(app.ECONFLICT, "guard.restoring", "Path", dbPath, "Holders", holders(dbPath))
		}
		return nil, Explain(dbPath, err)
	}
	return holdUsers(dbPath, f)
}

// takeUsers takes the users lock exclusive for a restore, without waiting: while any
// other process has the database open it returns an ECONFLICT error naming them.
func takeUsers(dbPath string) (release func(), err error) {
	f, err := openUsersLock(dbPath)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, app.Errorf(app.ECONFLICT, "guard.in_use", "Path", dbPath, "Holders", holders(dbPath))
		}
		return nil, Explain(dbPath, err)
	}
	return holdUsers(dbPath, f)
}

// holdUsers names this process as a holder of the users lock f, which it has just
// taken (shared or exclusive), and returns the release of both: once, however often
// it is called.
func holdUsers(dbPath string, f *os.File) (release func(), err error) {
	name, err := nameHolder(dbPath)
	if err != nil {
		unlockAndClose(f)
		return nil, Explain(dbPath, err)
	}
	return sync.OnceFunc(func() {
		name()
		unlockAndClose(f)
	}), nil
}

func openUsersLock(dbPath string) (*os.File, error) {
	if err := os.MkdirAll(usersDir(dbPath), 0o700); err != nil {
		return nil, Explain(dbPath, err)
	}
	f, err := os.OpenFile(usersLockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, Explain(dbPath, err)
	}
	return f, nil
}

// holderSeq tells apart the name files of one process that opens a database twice.
var holderSeq atomic.Int64

// nameHolder writes "<pid>.<n>" into the users folder, saying what this process is, and
// holds that file locked while the process lives. remove deletes it.
func nameHolder(dbPath string) (remove func(), err error) {
	n := holderSeq.Add(1)
	path := filepath.Join(usersDir(dbPath), strconv.Itoa(os.Getpid())+"."+strconv.FormatInt(n, 10))
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.WriteString(describeSelf()); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	return func() {
		unlockFile(f)
		f.Close()
		os.Remove(path)
	}, nil
}

// describeSelf is what a refused restore says of this process: its PID and command
// ("pingxin import"), or "pingxin" for the desktop.
func describeSelf() string {
	words := []string{"pingxin"}
	args := os.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--db" || a == "-db" || a == "--lang" || a == "-lang":
			i++
		case strings.HasPrefix(a, "-"):
		default:
			words = append(words, a)
			i = len(args)
		}
	}
	return fmt.Sprintf("%d (%s)", os.Getpid(), strings.Join(words, " "))
}

// holders lists the live processes named in the users folder ("1234 (pingxin
// import)"), removing the files of processes that died without removing their own.
// It says "?" when none could be named (a Pingxin of an older version).
func holders(dbPath string) string {
	entries, _ := os.ReadDir(usersDir(dbPath))
	var names []string
	for _, e := range entries {
		if e.Name() == "lock" {
			continue
		}
		path := filepath.Join(usersDir(dbPath), e.Name())
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if lockFile(f) == nil { // its holder is gone
			unlockFile(f)
			f.Close()
			os.Remove(path)
			continue
		}
		b := make([]byte, 200)
		n, _ := f.ReadAt(b, 0)
		f.Close()
		if s := strings.TrimSpace(string(b[:n])); s != "" {
			names = append(names, s)
		}
	}
	if len(names) == 0 {
		return "?"
	}
	return strings.Join(names, ", ")
}
