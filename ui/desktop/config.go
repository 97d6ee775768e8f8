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
}
