package desktop

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// keysBar lays out a bar of buttons with a legend of the keys: the buttons on the left,
// more on the right, and the legend between them where its lines fit there whole, or
// else under the buttons across the bar's whole width, wrapping between words. Beside
// the buttons alone, the deliberation's legend ended in "…" at 1024 px from the
// second-largest text up; under them alone, it took the height of two lines from the
// form at every size, where the default text has the room beside them.
type keysBar struct {
	width float32 // the width last laid out in; 0 before the first layout
}

var _ fyne.Layout = (*keysBar)(nil)

// newKeysBar is the bar of left and right with the legend keys, a word-wrapping label
// whose text says where its lines break.
func newKeysBar(left fyne.CanvasObject, keys *widget.Label, right fyne.CanvasObject) *fyne.Container {
	return container.New(&keysBar{}, left, keys, right)
}

// beside reports whether the legend's lines fit whole between the buttons at width. An
// unknown width (before the first layout) puts it under them: a bar asked for too much
// height shows a gap until laid out, one asked for too little would draw the legend
// over what lies below.
func (b *keysBar) beside(objs []fyne.CanvasObject, width float32) bool {
	if width <= 0 {
		return false
	}
	keys := objs[1].(*widget.Label)
	free := width - objs[0].MinSize().Width - objs[2].MinSize().Width - 2*theme.Padding()
	return labelWidth(keys, strings.Split(keys.Text, "\n")) <= free
}

// Layout places the buttons at the top, the legend between or under them.
func (b *keysBar) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	b.width = size.Width
	left, keys, right := objs[0], objs[1], objs[2]
	lm, rm := left.MinSize(), right.MinSize()
	row := max(lm.Height, rm.Height)
	beside := b.beside(objs, size.Width)
	if beside { // the buttons as tall as the legend's lines, as in a Border's sides
		row = max(row, keys.MinSize().Height)
		keys.Move(fyne.NewPos(lm.Width+theme.Padding(), 0))
		keys.Resize(fyne.NewSize(size.Width-lm.Width-rm.Width-2*theme.Padding(), row))
	}
	left.Move(fyne.NewPos(0, 0))
	left.Resize(fyne.NewSize(lm.Width, row))
	right.Move(fyne.NewPos(size.Width-rm.Width, 0))
	right.Resize(fyne.NewSize(rm.Width, row))
	if beside {
		return
	}
	keys.Move(fyne.NewPos(0, row+theme.Padding()))
	keys.Resize(fyne.NewSize(size.Width, size.Height-row-theme.Padding()))
	keys.Resize(fyne.NewSize(size.Width, keys.MinSize().Height)) // its lines at this width
}

// MinSize is the buttons' width, and their height with the legend's beside or under
// them as the last layout's width placed it.
func (b *keysBar) MinSize(objs []fyne.CanvasObject) fyne.Size {
	lm, km, rm := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	row := max(lm.Height, rm.Height)
	w := max(lm.Width+rm.Width+2*theme.Padding()+km.Width, km.Width)
	if b.beside(objs, b.width) {
		return fyne.NewSize(w, max(row, km.Height))
	}
	return fyne.NewSize(w, row+theme.Padding()+km.Height)
}
