package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// KeyChoice is a one-of-several choice for keyboard-first forms, drawn like a row of
// radio buttons but one focus stop for the whole row, where a RadioGroup has one per
// option: a digit chooses by number (1 the first option), the arrows move the choice,
// and a tap or click on an option chooses it. The roll call marks a person with one key
// this way (1 出席 … 5 早退) instead of four Tabs.
//
// The options sit side by side at their own widths and wrap onto further lines when
// the width given is less than one line needs, so a long translation or the largest
// text size makes the row taller, never the window wider: its minimum width is its
// widest option.
type KeyChoice struct {
	widget.DisableableWidget

	// Options are the choices, numbered from 1 in this order.
	Options []string
	// Selected is the option chosen, or "".
	Selected string
	// OnChanged is called with the new choice whenever it changes.
	OnChanged func(string)
	// OnConfirmed is called when a digit key names the option already chosen: the key
	// confirms it, and a form moves on as it does after a change (ChosenByKey).
	OnConfirmed func()

	focused bool
	hovered int  // option under the mouse, or -1
	typed   bool // the change being reported came from a digit key
}

var (
	_ fyne.Widget         = (*KeyChoice)(nil)
	_ fyne.Focusable      = (*KeyChoice)(nil)
	_ fyne.Disableable    = (*KeyChoice)(nil)
	_ fyne.Tappable       = (*KeyChoice)(nil)
	_ desktop.Hoverable   = (*KeyChoice)(nil)
	_ desktop.Cursorable  = (*KeyChoice)(nil)
	_ fyne.WidgetRenderer = (*keyChoiceRenderer)(nil)
)

// NewKeyChoice returns a choice of options; changed is called on every change.
func NewKeyChoice(options []string, changed func(string)) *KeyChoice {
	c := &KeyChoice{Options: options, OnChanged: changed, hovered: -1}
	c.ExtendBaseWidget(c)
	return c
}

// SetSelected chooses option s and reports the change, as a tap would.
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

// ChosenByKey reports, while OnChanged runs, whether a digit key made the choice (a form
// then moves on to its next field) rather than a tap, an arrow or the program.
func (c *KeyChoice) ChosenByKey() bool { return c.typed }

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
	i := int(r - '1')
	if c.Disabled() || i < 0 || i >= len(c.Options) {
		return
	}
	if c.Options[i] == c.Selected {
		if c.OnConfirmed != nil {
			c.OnConfirmed()
		}
		return
	}
	c.typed = true
	defer func() { c.typed = false }()
	c.choose(i)
}

// TypedKey moves the choice with the arrow keys.
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

// Tapped chooses the option under the pointer and takes the keyboard, as a radio
// button does (the driver does not focus what is clicked), so the keys go on from the
// person clicked.
func (c *KeyChoice) Tapped(ev *fyne.PointEvent) {
	if c.Disabled() {
		return
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil && !c.focused && !fyne.CurrentDevice().IsMobile() {
		cv.Focus(c)
	}
	c.choose(c.optionAt(ev.Position))
}

// MouseIn marks the option under the pointer.
func (c *KeyChoice) MouseIn(ev *desktop.MouseEvent) { c.hover(c.optionAt(ev.Position)) }

// MouseMoved follows the pointer from option to option.
func (c *KeyChoice) MouseMoved(ev *desktop.MouseEvent) { c.hover(c.optionAt(ev.Position)) }

// MouseOut clears the hover mark.
func (c *KeyChoice) MouseOut() { c.hover(-1) }

func (c *KeyChoice) hover(i int) {
	if i != c.hovered {
		c.hovered = i
		c.Refresh()
	}
}

// Cursor is the hand over an option, which a click chooses.
func (c *KeyChoice) Cursor() desktop.Cursor {
	if c.hovered >= 0 && !c.Disabled() {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// optionAt is the option whose place holds p, or -1.
func (c *KeyChoice) optionAt(p fyne.Position) int {
	m := c.metrics()
	for i, r := range m.place(c.Size().Width) {
		if p.X >= r.X && p.X < r.X+m.widths[i] && p.Y >= r.Y && p.Y < r.Y+m.height {
			return i
		}
	}
	return -1
}

// choiceMetrics are the sizes of the options at the current theme, as a RadioGroup's
// items measure them: inner padding, the radio icon, a padding, the text, inner padding.
type choiceMetrics struct {
	widths  []float32
	height  float32
	icon    float32
	inner   float32
	padding float32
}

func (c *KeyChoice) metrics() choiceMetrics {
	th := c.Theme()
	m := choiceMetrics{
		icon:    th.Size(theme.SizeNameInlineIcon),
		inner:   th.Size(theme.SizeNameInnerPadding),
		padding: th.Size(theme.SizeNamePadding),
	}
	size := th.Size(theme.SizeNameText)
	var textH float32
	for _, o := range c.Options {
		t := fyne.MeasureText(o, size, fyne.TextStyle{})
		m.widths = append(m.widths, t.Width+2*m.inner+m.icon+m.padding)
		textH = max(textH, t.Height)
	}
	m.height = max(textH, m.icon) + 2*m.inner
	return m
}

// place lays the options out in lines no wider than width (one option a line at
// least), returning each option's top-left corner.
func (m choiceMetrics) place(width float32) []fyne.Position {
	out := make([]fyne.Position, len(m.widths))
	var x, y float32
	for i, w := range m.widths {
		// half a pixel of grace: the row hands back its float sums of these same widths
		if x > 0 && x+w > width+0.5 {
			x, y = 0, y+m.height
		}
		out[i] = fyne.NewPos(x, y)
		x += w
	}
	return out
}

// lines is how many lines the options take at width; one before the first layout.
func (m choiceMetrics) lines(width float32) int {
	if width <= 0 || len(m.widths) == 0 {
		return 1
	}
	pos := m.place(width)
	return int(pos[len(pos)-1].Y/m.height) + 1
}

// CreateRenderer draws each option's radio mark and text over a focus background.
func (c *KeyChoice) CreateRenderer() fyne.WidgetRenderer {
	r := &keyChoiceRenderer{c: c, bg: canvas.NewRectangle(color.Transparent)}
	r.objects = []fyne.CanvasObject{r.bg}
	for range c.Options {
		o := choiceOption{ring: &canvas.Circle{}, in: &canvas.Image{}, out: &canvas.Image{}, text: &canvas.Text{}}
		r.options = append(r.options, o)
		r.objects = append(r.objects, o.ring, o.in, o.out, o.text)
	}
	r.Refresh()
	return r
}

type choiceOption struct {
	ring    *canvas.Circle // the hover mark behind the icon
	in, out *canvas.Image  // the radio icon's fill and outline, as RadioGroup draws them
	text    *canvas.Text
}

type keyChoiceRenderer struct {
	c       *KeyChoice
	bg      *canvas.Rectangle
	options []choiceOption
	objects []fyne.CanvasObject
}

// Layout places the options in as many lines as the width needs.
func (r *keyChoiceRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	m := r.c.metrics()
	for i, p := range m.place(s.Width) {
		o := r.options[i]
		iconPos := p.Add(fyne.NewPos(m.inner/2, (m.height-m.icon)/2))
		ring := m.icon + m.inner
		o.ring.Resize(fyne.NewSquareSize(ring))
		o.ring.Move(p.Add(fyne.NewPos(0, (m.height-ring)/2)))
		for _, img := range []*canvas.Image{o.in, o.out} {
			img.Resize(fyne.NewSquareSize(m.icon))
			img.Move(iconPos)
		}
		o.text.Resize(fyne.NewSize(m.widths[i]-m.icon-m.inner-m.padding, m.height))
		o.text.Move(p.Add(fyne.NewPos(m.icon+m.inner+m.padding, 0))) // canvas.Text centres itself
	}
}

// MinSize is the widest option, as tall as the lines the current width needs.
func (r *keyChoiceRenderer) MinSize() fyne.Size {
	m := r.c.metrics()
	var w float32
	for _, x := range m.widths {
		w = max(w, x)
	}
	return fyne.NewSize(w, m.height*float32(m.lines(r.c.Size().Width)))
}

func (r *keyChoiceRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *keyChoiceRenderer) Destroy() {}

// Refresh marks the chosen option, the hovered one, and the focus.
func (r *keyChoiceRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = color.Transparent
	if c.focused && !c.Disabled() {
		r.bg.FillColor = th.Color(theme.ColorNameFocus, v)
	}
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	size := th.Size(theme.SizeNameText)
	for i, o := range r.options {
		chosen := c.Options[i] == c.Selected
		in := theme.NewThemedResource(th.Icon(theme.IconNameRadioButtonFill))
		out := theme.NewThemedResource(th.Icon(theme.IconNameRadioButton))
		in.ColorName, out.ColorName = theme.ColorNameInputBackground, theme.ColorNameInputBorder
		o.text.Color = th.Color(theme.ColorNameForeground, v)
		if chosen {
			in.ColorName, out.ColorName = theme.ColorNamePrimary, theme.ColorNameForeground
		}
		if c.Disabled() {
			in.ColorName, out.ColorName = theme.ColorNameBackground, theme.ColorNameDisabled
			if chosen {
				in.ColorName = theme.ColorNameDisabled
			}
			o.text.Color = th.Color(theme.ColorNameDisabled, v)
		}
		o.in.Resource, o.out.Resource = in, out
		o.ring.FillColor = color.Transparent
		if i == c.hovered && !c.Disabled() {
			o.ring.FillColor = th.Color(theme.ColorNameHover, v)
		}
		o.text.Text, o.text.TextSize = c.Options[i], size
		for _, obj := range []fyne.CanvasObject{o.ring, o.in, o.out, o.text} {
			obj.Refresh()
		}
	}
	r.Layout(c.Size())
	r.bg.Refresh()
}

// PreferredWidth is the width of all the options on one line, which reads best; a row
// with room to spare gives the choice that much (see MinSize).
func (c *KeyChoice) PreferredWidth() float32 {
	var w float32
	for _, x := range c.metrics().widths {
		w += x
	}
	return w
}
