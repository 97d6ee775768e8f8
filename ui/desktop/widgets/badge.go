package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tone is a badge's colour by meaning, taken from the current theme so that light and
// dark themes both read.
type Tone int

// The tones of a badge.
const (
	ToneMuted   Tone = iota // nothing decided yet
	ToneSuccess             // passed
	ToneDanger              // not passed, blocked
	ToneWarning             // deferred
	ToneInfo                // anything else worth a mark
)

// Badge is a short status word on a coloured pill (待评议, 通过, 已拦截), for lists where
// the status must be seen at a glance without reading every row.
type Badge struct {
	widget.BaseWidget
	Text string
	Tone Tone
}

var _ fyne.Widget = (*Badge)(nil)

// NewBadge returns a badge showing text in tone.
func NewBadge(text string, tone Tone) *Badge {
	b := &Badge{Text: text, Tone: tone}
	b.ExtendBaseWidget(b)
	return b
}

// Set changes the text and tone, redrawing only when they differ: lists reuse badges
// for every row they scroll past.
func (b *Badge) Set(text string, tone Tone) {
	if b.Text == text && b.Tone == tone {
		return
	}
	b.Text, b.Tone = text, tone
	b.Refresh()
}

// CreateRenderer draws the pill and the word.
func (b *Badge) CreateRenderer() fyne.WidgetRenderer {
	r := &badgeRenderer{b: b, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.White)}
	r.text.TextStyle.Bold = true
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b    *Badge
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *badgeRenderer) Destroy() {}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *badgeRenderer) padding() fyne.Size {
	p := theme.Padding()
	return fyne.NewSize(p*2, p/2)
}

func (r *badgeRenderer) MinSize() fyne.Size {
	return r.text.MinSize().Add(r.padding().Add(r.padding()))
}

func (r *badgeRenderer) Layout(size fyne.Size) {
	min := r.MinSize()
	h := min.Height
	y := (size.Height - h) / 2
	r.bg.Move(fyne.NewPos(0, y))
	r.bg.Resize(fyne.NewSize(min.Width, h))
	r.bg.CornerRadius = h / 2
	r.text.Move(fyne.NewPos(r.padding().Width, y+r.padding().Height))
	r.text.Resize(r.text.MinSize())
}

func (r *badgeRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.text.Text = r.b.Text
	r.text.TextSize = th.Size(theme.SizeNameText) * 0.9
	r.bg.FillColor = th.Color(ToneColor(r.b.Tone), v)
	r.text.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
	if r.b.Tone == ToneMuted {
		r.text.Color = th.Color(theme.ColorNameForeground, v)
	}
	r.Layout(r.b.Size())
	r.bg.Refresh()
	r.text.Refresh()
}

// ToneColor is the theme colour of a tone, for text that should match a badge.
func ToneColor(t Tone) fyne.ThemeColorName {
	switch t {
	case ToneSuccess:
		return theme.ColorNameSuccess
	case ToneDanger:
		return theme.ColorNameError
	case ToneWarning:
		return theme.ColorNameWarning
	case ToneInfo:
		return theme.ColorNamePrimary
	}
	return theme.ColorNameDisabledButton
}
