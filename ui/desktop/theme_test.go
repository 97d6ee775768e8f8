package desktop

import (
	"bytes"
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
