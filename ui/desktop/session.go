package desktop

import (
	"fyne.io/fyne/v2"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/service"
)

// session is the open database behind the main window and what runs beside it: the
// single-instance lock and the daily backup. Restoring a backup ends it all — no
// connection, lock or backup may touch the file while it is replaced — and starts
// Pingxin again on the restored file; should that fail, the session opens again so the
// window goes on working.
type session struct {
	c         Config
	d         *Deps
	st        app.Store // the open store, for the daily backup; screens see it only through d.Store
	unlock    func()    // releases the single-instance lock
	stopDaily func()
	closed    bool

	// relaunch starts Pingxin again on the database, quit ends this process; tests
	// replace both so that no process is started.
	relaunch func() error
	quit     func()
}

// newSession runs the daily backup over d.Store and, when main gives the backups,
// offers the restore to the settings screen through d.
func newSession(c Config, d *Deps, st app.Store, unlock func()) *session {
	s := &session{c: c, d: d, st: st, unlock: unlock, stopDaily: func() {}}
	s.startDaily()
	if c.Backups.Check != nil && c.Backups.Restore != nil {
		d.CheckBackup, d.Restore = c.Backups.Check, s.restore
	}
	return s
}

func (s *session) startDaily() {
	if s.c.Backups.KeepDaily != nil {
		s.stopDaily = s.c.Backups.KeepDaily(s.st)
	}
}

// close stops the daily backup, closes the store and releases the lock; a second call
// does nothing.
func (s *session) close() {
	if s.closed {
		return
	}
	s.closed = true
	s.stopDaily()
	s.stopDaily = func() {}
	if err := s.d.Store.Close(); err != nil {
		fyne.LogError("close", err)
	}
	s.unlock()
	s.unlock = func() {}
}

// restore puts the backup src in place of the open database and starts Pingxin again
// on it. It runs off the UI thread. On success this process quits; otherwise the
// database is opened again (the restored one if it was put in place) and the reason
// returned.
func (s *session) restore(src string) error {
	s.close()
	if _, err := s.c.Backups.Restore(src); err != nil {
		return s.reopen(err)
	}
	if err := s.relaunch(); err != nil {
		return s.reopen(app.Errorf(app.EINTERNAL, "desktop.prefs.relaunch_failed", "Why", err.Error()))
	}
	s.quit()
	return nil
}

// reopen takes the lock and opens the database again after a restore that could not
// finish, and returns cause, the reason it did not; the new store reaches the screens
// on the UI thread.
func (s *session) reopen(cause error) error {
	if s.c.Instance.Acquire != nil {
		release, err := s.c.Instance.Acquire()
		if err != nil {
			return reopenError{cause, err}
		}
		s.unlock = release
	}
	st, err := s.c.Open()
	if err != nil {
		s.unlock()
		return reopenError{cause, err}
	}
	s.closed = false
	if s.c.Backups.KeepDaily != nil {
		s.stopDaily = s.c.Backups.KeepDaily(st)
	}
	s.st = st
	onUI(func() { s.d.Store = service.New(st) })
	return cause
}

// reopenError is a restore that did not finish and a database that then would not open
// again: the person reads both, and must start Pingxin again.
type reopenError struct{ cause, reopen error }

func (e reopenError) Error() string { return e.cause.Error() + "; " + e.reopen.Error() }

// Localize says both reasons in l.
func (e reopenError) Localize(l i18n.Lang) string {
	return i18n.ErrorText(e.cause, l) + "\n" + i18n.ErrorText(e.reopen, l)
}
