package desktop

import (
	"fmt"
	"sort"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// repaints counts the canvas objects asked to repaint (canvas.Refresh, which every
// widget's renderer calls for what it redraws): the current app is wrapped so that the
// canvas it hands out for an object records the object. Fyne's test canvas repaints
// nothing itself, so this is the only record of what a change would repaint.
type repaints struct {
	fyne.App
	drv  *repaintDriver
	seen map[fyne.CanvasObject]int
}

type repaintDriver struct {
	fyne.Driver
	r *repaints
}

type repaintCanvas struct {
	fyne.Canvas
	r *repaints
}

func (a *repaints) Driver() fyne.Driver { return a.drv }

func (d *repaintDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	c := d.Driver.CanvasForObject(o)
	if c == nil {
		return nil
	}
	return &repaintCanvas{Canvas: c, r: d.r}
}

func (c *repaintCanvas) Refresh(o fyne.CanvasObject) {
	c.r.seen[o]++
	c.Canvas.Refresh(o)
}

// countRepaints wraps the current app until the test ends.
func countRepaints(tb testing.TB) *repaints {
	a := fyne.CurrentApp()
	r := &repaints{App: a, seen: map[fyne.CanvasObject]int{}}
	r.drv = &repaintDriver{Driver: a.Driver(), r: r}
	fyne.SetCurrentApp(r)
	tb.Cleanup(func() { fyne.SetCurrentApp(a) })
	return r
}

// reset forgets what was repainted so far.
func (r *repaints) reset() { clear(r.seen) }

// objectsUnder is every object drawn under o, o included.
func objectsUnder(o fyne.CanvasObject) map[fyne.CanvasObject]bool {
	out := map[fyne.CanvasObject]bool{}
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if out[o] {
			return
		}
		out[o] = true
		for _, child := range drawnChildren(o) {
			walk(child)
		}
	}
	walk(o)
	return out
}

// shownObjects is every object shown under o.
func shownObjects(o fyne.CanvasObject) map[fyne.CanvasObject]bool {
	out := map[fyne.CanvasObject]bool{}
	walkShown(o, func(c fyne.CanvasObject) { out[c] = true })
	return out
}

// keystrokeScene is the meeting mode of a 1,000-household meeting at household 501,
// with the 投屏 window open and the vote count 赞成 focused.
func keystrokeScene(tb testing.TB) (*deliberateTab, fyne.Canvas) {
	d, id := bigMeeting(tb, 1000)
	s := NewMeetingScreen(d, id).(*MeetingScreen)
	d.Win.SetContent(s.Content())
	d.Win.Resize(fyne.NewSize(1366, 768))
	s.tabs.SelectIndex(2)
	dt := s.delib
	dt.show(500)
	dt.onProjector()
	c := d.Win.Canvas()
	c.Focus(dt.vFor)
	return dt, c
}

// TestKeystrokeRepaintsOnlyWhatChanged protects the meeting mode's speed (issue 12,
// item 10): a digit typed into a vote count repaints the entry, the live outcome and
// the lines about the tally, and the 投屏 window's tally and result — nothing of the
// household's facts, the other entries, the tabs or the rest of the window.
func TestKeystrokeRepaintsOnlyWhatChanged(t *testing.T) {
	dt, c := keystrokeScene(t)
	r := countRepaints(t)
	window := shownObjects(c.Content()) // a hidden object draws nothing, whatever is asked of it
	allowed := map[fyne.CanvasObject]bool{}
	for _, o := range []fyne.CanvasObject{dt.vFor, dt.decision, dt.resultLine, dt.votesErr, dt.generalErr,
		dt.storeErr, dt.saved, dt.reasonErr} {
		for k := range objectsUnder(o) {
			allowed[k] = true
		}
	}
	c.Focused().TypedRune('7')
	var outside []string
	inWindow := 0
	for o := range r.seen {
		if !window[o] {
			continue // the 投屏 window, or objects not shown
		}
		inWindow++
		if !allowed[o] {
			outside = append(outside, describe(o))
		}
	}
	sort.Strings(outside)
	if len(outside) > 0 {
		t.Errorf("a keystroke repainted %d objects outside the entry and the outcome: %v", len(outside), outside)
	}
	if inWindow == 0 {
		t.Fatal("nothing repainted: the count does not see the window")
	}
	t.Logf("one keystroke repainted %d of the window's %d objects (%d in all, the 投屏 window included)",
		inWindow, len(window), len(r.seen))
}

// BenchmarkKeystrokeRepaint reports, beside the time of a keystroke's Go work
// (BenchmarkKeystroke), how many canvas objects it asks to repaint and how many the
// window holds.
func BenchmarkKeystrokeRepaint(b *testing.B) {
	dt, c := keystrokeScene(b)
	r := countRepaints(b)
	window := len(shownObjects(c.Content()))
	repainted := 0
	for b.Loop() {
		r.reset()
		c.Focused().TypedRune('7')
		keyOn(c, fyne.KeyBackspace)
		repainted += len(r.seen)
	}
	b.ReportMetric(float64(repainted)/float64(b.N), "repainted/op")
	b.ReportMetric(float64(window), "window-objects")
	if dt.cur != 500 {
		b.Fatalf("the keystrokes moved the screen to household %d", dt.cur)
	}
}

// describe names an object by its type and, for text, what it says.
func describe(o fyne.CanvasObject) string {
	switch t := o.(type) {
	case *canvas.Text:
		return fmt.Sprintf("%T %q", o, t.Text)
	case *widget.RichText:
		return fmt.Sprintf("%T %q", o, t.String())
	case *widget.Label:
		return fmt.Sprintf("%T %q", o, t.Text)
	}
	return fmt.Sprintf("%T", o)
}
