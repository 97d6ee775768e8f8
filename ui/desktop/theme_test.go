package desktop

import (
	"bytes"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"pingxin/assets"
)

func TestThemeFontIsEmbeddedForEveryStyle(t *testing.T) {
	th := NewTheme(theme.VariantLight, 1)
	for _, c := range []struct {
		name  string
		style fyne.TextStyle
		want  []byte
	}{
		{"regular", fyne.TextStyle{}, assets.FontRegular},
		{"bold", fyne.TextStyle{Bold: true}, assets.FontBold},
		{"italic", fyne.TextStyle{Italic: true}, assets.FontRegular},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, assets.FontBold},
		{"monospace", fyne.TextStyle{Monospace: true}, assets.FontRegular},
		{"symbol", fyne.TextStyle{Symbol: true}, assets.FontRegular},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := th.Font(c.style).Content()
			if !bytes.Equal(got, c.want) {
				t.Errorf("font of %+v is %d bytes, not the embedded font (%d bytes)", c.style, len(got), len(c.want))
			}
		})
	}
}

func TestThemeVariantAndScale(t *testing.T) {
	def := theme.DefaultTheme()
	for _, c := range []struct {
		name    string
		variant fyne.ThemeVariant
		scale   float32
		asked   fyne.ThemeVariant
	}{
		{"light although the desktop is dark", theme.VariantLight, 1, theme.VariantDark},
		{"dark although the desktop is light", theme.VariantDark, 1.2, theme.VariantLight},
		{"larger text", theme.VariantLight, 1.4, theme.VariantLight},
	} {
		t.Run(c.name, func(t *testing.T) {
			th := NewTheme(c.variant, c.scale)
			if got, want := th.Color(theme.ColorNameBackground, c.asked), def.Color(theme.ColorNameBackground, c.variant); got != want {
				t.Errorf("background = %v, want %v", got, want)
			}
			if got, want := th.Size(theme.SizeNameText), def.Size(theme.SizeNameText)*c.scale; got != want {
				t.Errorf("text size = %v, want %v", got, want)
			}
			if got, want := th.Size(theme.SizeNamePadding), def.Size(theme.SizeNamePadding); got != want {
				t.Errorf("padding = %v, want unscaled %v", got, want)
			}
		})
	}
}

// TestThemeTextContrast: every colour text is drawn in — body text, hints and
// placeholders, low-importance and disabled lines, red, orange, green and blue status
// text — reads at WCAG AA's 4.5:1 on the window, an entry and a button in both variants,
// and so does the text a badge or a button draws on the red, orange, green or blue fill.
// The issue measured hints at 1.3:1 (#E3E3E3 on white).
func TestThemeTextContrast(t *testing.T) {
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameDisabled,
		theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess, theme.ColorNamePrimary, theme.ColorNameHyperlink}
	grounds := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameButton}
	fills := map[fyne.ThemeColorName]fyne.ThemeColorName{
		theme.ColorNameError: theme.ColorNameForegroundOnPrimary, theme.ColorNameWarning: theme.ColorNameForegroundOnPrimary,
		theme.ColorNameSuccess: theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary,
	}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := NewTheme(v, 1)
		for _, tx := range texts {
			for _, g := range grounds {
				if r := contrast(th.Color(tx, v), th.Color(g, v)); r < 4.5 {
					t.Errorf("variant %d: %s text on %s is %.2f:1, want at least 4.5:1", v, tx, g, r)
				}
			}
		}
		for fill, on := range fills {
			if r := contrast(th.Color(on, v), th.Color(fill, v)); r < 4.5 {
				t.Errorf("variant %d: %s on a %s badge is %.2f:1, want at least 4.5:1", v, on, fill, r)
			}
		}
	}
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// contrast is the WCAG 2 contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is the WCAG 2 relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
