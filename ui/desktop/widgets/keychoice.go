package widgets

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// KeyChoice is a one-of-several choice for keyboard-first forms: the options shown in a
// row like radio buttons, numbered, and one focus stop for the whole row. Typing an
// option's number chooses it (the roll call: 1 出席, 2 缺席, 3 请假, 4 迟到, 5 早退),
// and the arrow keys move the choice, so Tab goes person by person instead of once per
// option as a RadioGroup needs. A tap on an option chooses it too.
type KeyChoice struct {
	widget.DisableableWidget

	// Options are the choices, numbered from 1 in this order.
	Options []string
	// Selected is the option chosen, or "".
	Selected string
	// OnChanged is called with the new choice whenever it changes.
	OnChanged func(string)

	focused bool
}

var (
	_ fyne.Widget      = (*KeyChoice)(nil)
	_ fyne.Focusable   = (*KeyChoice)(nil)
	_ fyne.Disableable = (*KeyChoice)(nil)
)

// NewKeyChoice returns a choice of options; changed is called on every change.
func NewKeyChoice(options []string, changed func(string)) *KeyChoice {
	c := &KeyChoice{Options: options, OnChanged: changed}
	c.ExtendBaseWidget(c)
	return c
}

// SetSelected chooses option s (as a tap or a key would) and reports a change.
func (c *KeyChoice) SetSelected(s string) {
	if s == c.Selected {
		return
	}
	c.Selected = s
	c.Refresh()
	if c.OnChanged != nil {
		c.OnChanged(s)
	}
}

// choose picks option i, unless disabled or out of range.
func (c *KeyChoice) choose(i int) {
	if c.Disabled() || i < 0 || i >= len(c.Options) {
		return
	}
	c.SetSelected(c.Options[i])
}

// index is the position of the choice, or -1.
func (c *KeyChoice) index() int {
	for i, o := range c.Options {
		if o == c.Selected {
			return i
		}
	}
	return -1
}

// FocusGained shows the row as the focused field.
func (c *KeyChoice) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost clears the focus mark.
func (c *KeyChoice) FocusLost() { c.focused = false; c.Refresh() }

// TypedRune chooses the option numbered by the digit typed.
func (c *KeyChoice) TypedRune(r rune) {
	if r >= '1' && r <= '9' {
		c.choose(int(r - '1'))
	}
}

// TypedKey moves the choice with the arrow keys; the keypad's digits choose like the
// digits above the letters.
func (c *KeyChoice) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyUp:
		if i := c.index(); i > 0 {
			c.choose(i - 1)
		}
	case fyne.KeyRight, fyne.KeyDown:
		c.choose(c.index() + 1)
	}
}

// CreateRenderer draws the numbered options, each with its radio mark, over a focus
// background.
func (c *KeyChoice) CreateRenderer() fyne.WidgetRenderer {
	r := &keyChoiceRenderer{c: c, bg: canvas.NewRectangle(theme.Color(theme.ColorNameFocus))}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.row = container.NewHBox()
	for i, o := range c.Options {
		icon := widget.NewIcon(theme.RadioButtonIcon())
		label := widget.NewLabel(strconv.Itoa(i+1) + " " + o)
		cell := NewTapCell(container.NewHBox(icon, label))
		cell.OnTapped = func() { c.choose(i) }
		r.icons = append(r.icons, icon)
		r.row.Add(cell)
	}
	r.Refresh()
	return r
}

type keyChoiceRenderer struct {
	c     *KeyChoice
	bg    *canvas.Rectangle
	row   *fyne.Container
	icons []*widget.Icon
}

func (r *keyChoiceRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.row.Resize(s)
}

func (r *keyChoiceRenderer) MinSize() fyne.Size { return r.row.MinSize() }

func (r *keyChoiceRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.row} }

func (r *keyChoiceRenderer) Destroy() {}

// Refresh marks the chosen option and shows the focus background when focused.
func (r *keyChoiceRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameFocus)
	r.bg.Hidden = !r.c.focused
	for i, o := range r.c.Options {
		res := theme.RadioButtonIcon()
		if o == r.c.Selected {
			res = theme.RadioButtonCheckedIcon()
			if !r.c.Disabled() {
				res = theme.NewPrimaryThemedResource(res)
			}
		}
		if r.c.Disabled() {
			res = theme.NewDisabledResource(res)
		}
		r.icons[i].SetResource(res)
	}
	r.bg.Refresh()
}
