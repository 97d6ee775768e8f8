package desktop

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// largeTheme is the app's current theme with its text enlarged, for the deliberation
// screen, which is read from across a table or on a projector. It asks the current
// theme each time, so a change of theme or text scale in the preferences carries over.
type largeTheme struct{ factor float32 }

var _ fyne.Theme = largeTheme{}

func (t largeTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t largeTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}

func (t largeTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t largeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t largeTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.factor
	}
	return s
}

// themeColor is a colour of the app's current theme in its current variant.
func themeColor(n fyne.ThemeColorName) color.Color {
	a := fyne.CurrentApp()
	return a.Settings().Theme().Color(n, a.Settings().ThemeVariant())
}
