package desktop

import (
	"time"

	"fyne.io/fyne/v2"

	"pingxin/app/i18n"
	"pingxin/app/service"
)

// Screen is one page of the main window. It builds its widgets once in Content and
// handles each event in an onXxx method: a screen is a struct holding its widgets and
// dependencies, so what it shows and what it does read in one place.
type Screen interface {
	Title() string
	Content() fyne.CanvasObject
}

// Refresher is implemented by screens that reload from the store when shown again
// (after Back, or after another screen changed what they show).
type Refresher interface {
	Refresh()
}

// Nav moves between screens in the main window.
type Nav interface {
	Push(s Screen) // show s; Back returns to the current screen
	Back()
	Home()
}

// Deps is what every screen needs: the app and window, the store, navigation, the
// language (for i18n.T of domain messages; Fyne strings use lang.L), and the clock.
// Store is the store as the service shows it: every read, and every change only as a
// service operation (the same one the command line calls), never a write of its own.
type Deps struct {
	App    fyne.App
	Win    fyne.Window
	Store  *service.Service
	Nav    Nav
	Lang   i18n.Lang
	Now    func() time.Time
	DBPath string
	Demo   bool // the demo database, labelled as such

	// OpenDemo, when set, starts Pingxin on the demo database and ends this window:
	// 试用演示 on a new database.
	OpenDemo func() error

	// CheckBackup and Restore, when both are set, offer 从备份恢复 in the settings.
	// CheckBackup says why a file is not a backup this build can restore (nil when it
	// is). Restore, called off the UI thread, closes the store and the lock, puts src in
	// place of the database (which is kept as a copy), starts Pingxin again on it and
	// quits; a failure comes back with the window working again (see session.restore).
	CheckBackup func(path string) error
	Restore     func(src string) error
}
