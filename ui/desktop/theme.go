package desktop

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"pingxin/assets"
)

// The embedded fonts as Fyne resources, made once: Fyne caches faces by resource.
var (
	fontRegular = fyne.NewStaticResource("NotoSansSC-Regular.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("NotoSansSC-Bold.ttf", assets.FontBold)
)

// Text scales offered; the first is the default. Fyne's 14-pixel text is small for a
// 60-year-old clerk at arm's length from a village office screen: the default is 17
// pixels, the largest 21 (the deliberation screen enlarges these by a further third).
var textScales = []float32{1.2, 1.35, 1.5}

// Theme is Pingxin's look: Fyne's default theme with the embedded Noto Sans SC for
// every text style (so no PC shows boxes for Chinese and the screens match the printed
// minutes), a variant chosen by the user rather than by the desktop (light unless
// dark is chosen), and a text scale for older eyes.
type Theme struct {
	base    fyne.Theme
	variant fyne.ThemeVariant
	scale   float32
}

var _ fyne.Theme = (*Theme)(nil)

// NewTheme returns the theme in variant v (theme.VariantLight or theme.VariantDark)
// with text scaled by scale (1 is Fyne's size); a scale of zero or less means 1.
func NewTheme(v fyne.ThemeVariant, scale float32) *Theme {
	if scale <= 0 {
		scale = 1
	}
	return &Theme{base: theme.DefaultTheme(), variant: v, scale: scale}
}

// Fyne's colours for text that fall below the 4.5:1 contrast WCAG AA asks of body text
// are replaced: in the light variant hints, placeholders and low-importance lines were
// #E3E3E3 (1.3:1) or #888 (3.5:1), red 3.7:1, orange 2.2:1, blue 4.5:1, green 1.5:1;
// in the dark variant the disabled grey was 1.6:1 and blue 4.0:1. Each replacement
// reads at 4.5:1 or more on the background, the entry and the button fill, and carries
// the text drawn on it as a badge or button (TestThemeTextContrast).
var (
	lightColors = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameSuccess:     color.NRGBA{R: 0x1b, G: 0x7f, B: 0x3b, A: 0xff},
		theme.ColorNamePlaceHolder: color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff},
		theme.ColorNameDisabled:    color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff},
		theme.ColorNameError:       color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff},
		theme.ColorNameWarning:     color.NRGBA{R: 0x9a, G: 0x57, B: 0x00, A: 0xff},
		theme.ColorNamePrimary:     color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff},
		theme.ColorNameHyperlink:   color.NRGBA{R: 0x15, G: 0x65, B: 0xc0, A: 0xff},
	}
	darkColors = map[fyne.ThemeColorName]color.Color{
		theme.ColorNameDisabled:            color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff},
		theme.ColorNameError:               color.NRGBA{R: 0xff, G: 0x6b, B: 0x5e, A: 0xff},
		theme.ColorNamePrimary:             color.NRGBA{R: 0x6e, G: 0xa0, B: 0xff, A: 0xff},
		theme.ColorNameHyperlink:           color.NRGBA{R: 0x6e, G: 0xa0, B: 0xff, A: 0xff},
		theme.ColorNameForegroundOnPrimary: color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff},
	}
)

// Color returns the default theme's colour in the chosen variant, ignoring the
// variant the desktop asks for: the user's choice in the app wins. Text colours too
// faint to read are replaced (lightColors, darkColors).
func (t *Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	over := lightColors
	if t.variant == theme.VariantDark {
		over = darkColors
	}
	if c, ok := over[n]; ok {
		return c
	}
	return t.base.Color(n, t.variant)
}

// Font returns the embedded Noto Sans SC: Bold for bold text, Regular for every other
// style — italic, monospace and symbol included — so one font draws everything.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

// Icon returns the default theme's icon.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the default size, with the text sizes multiplied by the text scale.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.scale
	}
	return s
}

// Variant is the theme's light or dark variant.
func (t *Theme) Variant() fyne.ThemeVariant { return t.variant }

// Scale is the theme's text scale.
func (t *Theme) Scale() float32 { return t.scale }
