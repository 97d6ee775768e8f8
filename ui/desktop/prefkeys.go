package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"pingxin/app/i18n"
)

// The preference keys under which the app remembers a person's choices between runs.
const (
	prefLang  = "lang"      // "zh_Hans" or "en"
	prefTheme = "theme"     // "light" or "dark"
	prefScale = "textScale" // one of textScales
)

// startLanguage is the language to start in: --lang when given, else the saved
// choice, else Chinese — never the PC's locale, since village PCs often run an
// English or C locale.
func startLanguage(p fyne.Preferences, c Config) i18n.Lang {
	if c.LangChosen {
		return c.Lang
	}
	return i18n.Parse(p.StringWithFallback(prefLang, string(i18n.Zh)))
}

// savedTheme is the theme the person chose last time: light at the default size
// unless chosen otherwise. A scale no longer offered (1, the old default) becomes the
// default.
func savedTheme(p fyne.Preferences) *Theme {
	v := theme.VariantLight
	if p.String(prefTheme) == "dark" {
		v = theme.VariantDark
	}
	scale := textScales[0]
	for _, s := range textScales {
		if float64(s) == p.Float(prefScale) {
			scale = s
		}
	}
	return NewTheme(v, scale)
}

// saveTheme remembers t's variant and scale.
func saveTheme(p fyne.Preferences, t *Theme) {
	name := "light"
	if t.Variant() == theme.VariantDark {
		name = "dark"
	}
	p.SetString(prefTheme, name)
	p.SetFloat(prefScale, float64(t.Scale()))
}
