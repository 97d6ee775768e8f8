package data

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"pingxin/app"
	"pingxin/app/i18n"
)

// ErrInUse matches (errors.Is) the error Acquire returns when another Pingxin holds the
// database: two windows writing one meeting would race, so the second must step aside.
var ErrInUse = errors.New("data: the database is open in another Pingxin")

// errLocked is what lockFile returns when another process holds the lock.
var errLocked = errors.New("data: lock held")

// InUseError says which process holds the database, so the second window can say so
// and offer to switch to the first (RequestShow). Its code is ECONFLICT.
type InUseError struct {
	Path string
	PID  int // 0 when the holder's PID could not be read
	msg  *app.Error
}

func newInUse(path string, pid int) *InUseError {
	return &InUseError{Path: path, PID: pid, msg: app.Errorf(app.ECONFLICT, "data.in_use", "Path", path, "PID", pid)}
}

func (e *InUseError) Error() string               { return e.msg.Error() }
func (e *InUseError) Localize(l i18n.Lang) string { return e.msg.Localize(l) }
func (e *InUseError) Unwrap() error               { return e.msg }
func (e *InUseError) Is(target error) bool        { return target == ErrInUse }

// LockPath is the lock file beside the database. It is never deleted: deleting it
// while another process opens it would let two holders in.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// showPath is the file a second Pingxin creates to ask the first to come forward.
func showPath(dbPath string) string { return dbPath + ".show" }

// Acquire takes the exclusive lock of the database at dbPath for this process (flock on
// Unix, LockFileEx on Windows; the system drops it when the process dies, even by
// SIGKILL or a power cut) and writes its PID into the lock file. It returns an
// *InUseError (errors.Is ErrInUse) when another process holds it. release gives it up;
// calling it twice is harmless.
func Acquire(dbPath string) (release func(), err error) {
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return nil, Explain(dbPath, err)
	}
	f, err := os.OpenFile(LockPath(dbPath), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, Explain(dbPath, err)
	}
	if err := lockFile(f); err != nil {
		pid := readPID(f)
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, newInUse(dbPath, pid)
		}
		return nil, Explain(dbPath, err)
	}
	if err := writePID(f); err != nil {
		unlockAndClose(f)
		return nil, Explain(dbPath, err)
	}
	return sync.OnceFunc(func() { unlockAndClose(f) }), nil
}

// unlockAndClose unlocks a lock file and closes it.
func unlockAndClose(f *os.File) {
	unlockFile(f)
	f.Close()
}

// writePID replaces the lock file's content with this process's PID.
func writePID(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return err
}

// readPID reads the holder's PID from the lock file; 0 when it cannot.
func readPID(f *os.File) int {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil {
		return 0
	}
	return pid
}

// RequestShow asks the Pingxin that holds the database at dbPath to bring its window
// to the front: the second window's "switch to the open one" button.
func RequestShow(dbPath string) error {
	f, err := os.OpenFile(showPath(dbPath), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return Explain(dbPath, err)
	}
	return f.Close()
}

// WatchShow calls show each time another Pingxin calls RequestShow for dbPath, looking
// every interval (a file in the database's folder: no socket, no firewall prompt, the
// same on Windows and Linux), until stop is called. show runs on WatchShow's goroutine,
// and never again once stop has returned.
func WatchShow(dbPath string, every time.Duration, show func()) (stop func()) {
	os.Remove(showPath(dbPath)) // a request left from before this process is stale
	return repeat(every, false, func() {
		if os.Remove(showPath(dbPath)) == nil {
			show()
		}
	})
}
