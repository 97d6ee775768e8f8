package desktop

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// StatusBadge shows where a meeting stands as a small coloured tag (草稿, 进行中, 已闭会,
// 已签署), so a clerk sees at a glance which meetings are still open and which are
// locked.
type StatusBadge struct {
	widget.BaseWidget
	Status app.Status
}

var _ fyne.Widget = (*StatusBadge)(nil)

// NewStatusBadge returns a badge for s.
func NewStatusBadge(s app.Status) *StatusBadge {
	b := &StatusBadge{Status: s}
	b.ExtendBaseWidget(b)
	return b
}

// SetStatus shows s.
func (b *StatusBadge) SetStatus(s app.Status) {
	b.Status = s
	b.Refresh()
}

// Text is the badge's label in the current language.
func (b *StatusBadge) Text() string { return statusText(b.Status) }

// CreateRenderer draws a rounded rectangle behind the status's name.
func (b *StatusBadge) CreateRenderer() fyne.WidgetRenderer {
	bg := &canvas.Rectangle{CornerRadius: theme.InputRadiusSize()}
	txt := &canvas.Text{Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}
	r := &badgeRenderer{b: b, bg: bg, txt: txt}
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b   *StatusBadge
	bg  *canvas.Rectangle
	txt *canvas.Text
}

func (r *badgeRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.txt.Resize(s)
}

func (r *badgeRenderer) MinSize() fyne.Size {
	m := r.txt.MinSize()
	p := theme.InnerPadding()
	return fyne.NewSize(m.Width+2*p, m.Height+p/2)
}

func (r *badgeRenderer) Refresh() {
	r.bg.FillColor = statusColor(r.b.Status)
	r.txt.Text = r.b.Text()
	r.txt.Color = color.White
	r.txt.TextSize = theme.CaptionTextSize()
	r.bg.Refresh()
	r.txt.Refresh()
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.txt} }

func (r *badgeRenderer) Destroy() {}

// statusColor is the badge colour: grey for a draft, the primary colour while in
// session, orange once closed, green when signed.
func statusColor(s app.Status) color.Color {
	switch s {
	case app.StatusInSession:
		return theme.Color(theme.ColorNamePrimary)
	case app.StatusClosed:
		return theme.Color(theme.ColorNameWarning)
	case app.StatusSigned:
		return theme.Color(theme.ColorNameSuccess)
	}
	return color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
}

// statusText names s in the current language.
func statusText(s app.Status) string { return lang.L("status." + string(s)) }
