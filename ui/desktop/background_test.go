package desktop

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// uiQueue is the tests' UI thread: what onUI is given waits here until the test runs
// it in waitBackground, on the test's own goroutine, as the window's event loop would.
var uiQueue = make(chan func(), 4096)

func init() { toUI = func(f func()) { uiQueue <- f } }

// waitBackground runs on the test's goroutine what the background jobs hand to the UI
// thread, until every job inBackground started has been applied (the applies may
// start more).
func waitBackground() {
	var idle sync.WaitGroup
	for {
		done := make(chan struct{})
		idle.Add(1)
		go func() {
			defer idle.Done()
			running.Wait()
			close(done)
		}()
		select {
		case f := <-uiQueue:
			f()
			continue
		case <-done:
		}
		for len(uiQueue) > 0 { // steps shown by jobs that ended with nothing to apply
			(<-uiQueue)()
		}
		if len(uiQueue) == 0 {
			idle.Wait()
			return
		}
	}
}

// findAll lists the objects of type T shown under o.
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	walkShown(o, func(c fyne.CanvasObject) {
		if t, ok := c.(T); ok {
			out = append(out, t)
		}
	})
	return out
}

// showsText reports whether a label shown under o contains text.
func showsText(o fyne.CanvasObject, text string) bool {
	for _, l := range findAll[*widget.Label](o) {
		if strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}
