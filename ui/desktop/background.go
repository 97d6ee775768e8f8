package desktop

import (
	"sync"

	"fyne.io/fyne/v2"
)

// Background work — the one way this package keeps the window responsive while
// something slow runs (reading or importing a file, signing, a backup, opening a big
// meeting):
//
//	inBackground(func() error { … the slow part: no widget is touched here … },
//		func(err error) { … back on the UI thread: show the result … })
//
// work runs on its own goroutine; apply then runs on the UI thread through fyne.Do,
// which is the only way a goroutine may change what the window shows (the build uses
// Fyne's migrated_fynedo tag, which drops Fyne's own locks and thread checks on that
// promise). A step to show while work is still running — a progress bar moving on —
// goes through onUI from inside work. Every job is counted. Tests have no UI thread
// (Fyne's test driver runs fyne.Do's function at once, on the calling goroutine, so it
// would race with the test): there, onUI queues, and the test runs the queue on its
// own goroutine, as the window's event loop would, with waitBackground.

// onUI runs f on the UI thread: for what work shows before it ends.
func onUI(f func()) { toUI(f) }

// toUI is how onUI reaches the UI thread: fyne.Do, or a test's queue.
var toUI = fyne.Do

// running counts the jobs started by inBackground and not yet applied.
var running sync.WaitGroup

// inBackground runs work off the UI thread, then apply with work's error on it.
func inBackground(work func() error, apply func(error)) {
	running.Add(1)
	go func() {
		err := work()
		onUI(func() {
			defer running.Done()
			apply(err)
		})
	}()
}
