// Package desktop is Pingxin's Fyne desktop app: the main window and one file per
// screen, driving a meeting from the roll call to the signed minutes. Screens call the
// same app/ and app/service functions as the command line; no rule is written here.
package desktop

import (
	"pingxin/app"
	"pingxin/app/i18n"
)

// Config is what main hands the desktop: where the database is, how to open it (the
// desktop opens it itself so that a damaged file becomes a message and a way out, not
// a crash), and the language chosen on the command line, if any.
type Config struct {
	DBPath     string
	Open       func() (app.Store, error)
	Lang       i18n.Lang
	LangChosen bool // --lang was given; otherwise the saved preference (default Chinese) applies
	Instance   Instance
	Backups    Backups

	// Demo marks the demo database: filled with the demo village when empty and
	// labelled as the demo in the window. A real database is never filled.
	Demo bool
	// DemoPath is where the demo database is, for 试用演示 on a new database ("": none).
	DemoPath string
	// Meeting, when not 0, is the meeting the window opens at start, on its 会议表决
	// tab (pingxin --meeting N): for a desktop shortcut to the sitting, and for the
	// real-window keystroke probe of `make bench` (scripts/keyprobe.sh).
	Meeting int64
}

// Instance keeps one Pingxin window per database, so two writers never race. main
// builds it over the store's lock file; nil functions (tests) mean no guard.
type Instance struct {
	// Acquire takes the database's lock; an error with code app.ECONFLICT means
	// another window holds it.
	Acquire func() (release func(), err error)
	// RequestShow asks the window that holds the lock to come to the front.
	RequestShow func() error
	// WatchShow calls show whenever a second window asks this one to come forward,
	// until stop is called.
	WatchShow func(show func()) (stop func())
}

// Backups are the ways back to an earlier copy of the database, offered when it cannot
// be opened, and the daily backup kept while the app runs. nil functions: not offered.
type Backups struct {
	Latest    func() (path string, err error)           // the newest backup that passes the checks
	Check     func(path string) error                   // is path a Pingxin database this build can restore
	Restore   func(src string) (kept string, err error) // puts src in place, keeping what it replaces
	KeepDaily func(st app.Store) (stop func())          // one backup a day for as long as st is open
}
