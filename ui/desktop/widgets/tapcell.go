package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// TapCell is a table cell that reports its taps, so that a table can do more with a tap
// than select: open a row on a double tap, or on a tap of its name. A tap on a cell no
// longer reaches the table, so OnTapped must do the selecting. It is deliberately not a
// fyne.DoubleTappable: the driver would then hold every single tap back for the
// double-tap delay and selecting a row would feel slow; the screen tells a double tap
// from two taps instead.
type TapCell struct {
	widget.BaseWidget

	// Content is what the cell shows.
	Content fyne.CanvasObject
	// OnTapped is called on every tap (a double tap is two).
	OnTapped func()
	// Pointer shows the hand cursor over the cell: a tap on it opens something.
	Pointer bool
}

var (
	_ fyne.Widget        = (*TapCell)(nil)
	_ fyne.Tappable      = (*TapCell)(nil)
	_ desktop.Cursorable = (*TapCell)(nil)
)

// NewTapCell returns a cell showing content.
func NewTapCell(content fyne.CanvasObject) *TapCell {
	c := &TapCell{Content: content}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer shows the content over the whole cell.
func (c *TapCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.Content)
}

// Tapped reports the tap.
func (c *TapCell) Tapped(*fyne.PointEvent) {
	if c.OnTapped != nil {
		c.OnTapped()
	}
}

// Cursor is the hand over a cell whose tap opens something, the arrow otherwise.
func (c *TapCell) Cursor() desktop.Cursor {
	if c.Pointer {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
