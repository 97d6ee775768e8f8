package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestLevel2NamesOnScreen: the app's font draws GB 18030-2022 level 2 names — CJK
// Extension A (䶮) and the 通用规范汉字表's characters beyond the BMP (𫖯 U+2B5AF,
// 𬌗 U+2C317) — as full-width ideographs, not as missing-glyph boxes of another width.
func TestLevel2NamesOnScreen(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(theme.VariantLight, 1))
	size := a.Settings().Theme().Size(theme.SizeNameText)
	ideograph := fyne.MeasureText("中", size, fyne.TextStyle{})
	for _, r := range []string{"䶮", "𫖯", "𬌗"} {
		if got := fyne.MeasureText(r, size, fyne.TextStyle{}); got.Width != ideograph.Width {
			t.Errorf("%s measures %.1f wide, 中 %.1f: not drawn by the app's font", r, got.Width, ideograph.Width)
		}
	}
	if box := fyne.MeasureText("\U000F0000", size, fyne.TextStyle{}); box.Width == ideograph.Width {
		t.Skip("a character no font has measures like an ideograph: this check cannot tell")
	}
}
