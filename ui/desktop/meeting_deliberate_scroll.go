package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// focusField puts the keyboard on f, an entry of the form, and scrolls the form to show
// it with its caption: Fyne does not scroll to the field the keyboard moves to, and at
// the largest text in a 1024×768 window the vote boxes sit below the form's visible
// part.
func (t *deliberateTab) focusField(f fyne.Focusable) {
	t.mm.d.Win.Canvas().Focus(f)
	t.keepInView()
}

// keepInView scrolls the form to show the field the keyboard is on, if it is one of
// the form's.
func (t *deliberateTab) keepInView() {
	o := t.inView[t.mm.d.Win.Canvas().Focused()]
	if o != nil && t.formScroll != nil && t.formScroll.Size().Height > 0 {
		scrollToShow(t.formScroll, o, theme.Padding()) // the caption's space above the field too
	}
}

// inViewLayout gives its object (the form, or the form's scrolling pane) its whole
// space and, each time that space changes, scrolls the form again to the keyboard's
// field. The result strip under the form grows by lines as a tally is typed (票数未齐
// and why), and a problem shown under a field moves the fields below it: at the
// largest text in a 1024×768 window either pushed the field just typed in out of sight.
type inViewLayout struct{ t *deliberateTab }

func (l inViewLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.t.keepInView()
}

func (l inViewLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
