package desktop

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"pingxin/app/i18n"
	"pingxin/assets"
)

// probeKey is a translation whose text is the language's own code ("zh_Hans", "en"):
// lang.L(probeKey) tells which of our files Fyne is actually reading.
const probeKey = "desktop.lang"

// useLanguage makes every lang.L call speak l, whatever the PC's locale says.
//
// Fyne picks its language itself, from the system locale that
// github.com/jeandeaual/go-locale reports, each time translations are added; there is
// no API to choose one. go-locale reads the environment on Linux and BSD (the first
// of LC_ALL, LC_MESSAGES, LANG that is set; then LANGUAGE overrides it unless that
// first one is C or POSIX), but asks the Win32 API on Windows and Cocoa on macOS. So
// useLanguage works in two steps:
//
//  1. steerLocaleEnv sets LANGUAGE (and, when the locale is C or POSIX, the variable
//     that holds it) before our files are registered. On Linux Fyne then matches our
//     language for our strings *and* its own (dialog buttons, the file dialog).
//  2. If the probe key still answers in another language (Windows, macOS), our
//     files for l are registered again under the system locale's own name with
//     lang.AddTranslationsForLocale. Fyne's matcher then prefers that exact name, so
//     our screens speak l; only Fyne's few built-in words (OK, Cancel, the file
//     dialog) follow the system there. On a Chinese Windows, the usual village PC,
//     step 1 is not even needed for Chinese.
//
// Both steps are safe to repeat, so the language can be changed while the app runs.
func useLanguage(l i18n.Lang) error {
	steerLocaleEnv(l)
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		return err
	}
	if activeLanguage() == l {
		return nil
	}
	if err := registerUnder(l, lang.SystemLocale()); err != nil {
		return err
	}
	if activeLanguage() != l {
		return errors.New("desktop: Fyne does not use language " + string(l))
	}
	return nil
}

// activeLanguage is the language lang.L renders our keys in now.
func activeLanguage() i18n.Lang { return i18n.Lang(lang.L(probeKey)) }

// localeEnv is what steerLocaleEnv writes for each language: a gettext LANGUAGE list
// and a full locale name for when LC_ALL / LC_MESSAGES must be replaced.
var localeEnv = map[i18n.Lang][2]string{
	i18n.Zh: {"zh_CN:zh", "zh_CN.UTF-8"},
	i18n.En: {"en_US:en", "en_US.UTF-8"},
}

// steerLocaleEnv sets the environment go-locale reads on Unix so that it reports l.
// LANGUAGE only counts when the locale is not C or POSIX, so in that case the variable
// that said C is replaced (LC_ALL when it is set, otherwise LC_MESSAGES, which outranks
// LANG and touches nothing but messages). On Windows and macOS these variables are
// ignored, harmlessly.
func steerLocaleEnv(l i18n.Lang) {
	env := localeEnv[l]
	_ = os.Setenv("LANGUAGE", env[0])
	name, val := localeHead()
	if val == "" || val == "C" || val == "POSIX" {
		if name != "LC_ALL" {
			name = "LC_MESSAGES"
		}
		_ = os.Setenv(name, env[1])
	}
}

// localeHead returns the first of LC_ALL, LC_MESSAGES and LANG that is set, as go-locale
// reads them.
func localeHead() (name, value string) {
	for _, n := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(n); v != "" {
			return n, v
		}
	}
	return "", ""
}

// registerUnder adds our translation files of language l under locale loc.
func registerUnder(l i18n.Lang, loc fyne.Locale) error {
	entries, err := fs.ReadDir(assets.Translations, assets.TranslationsDir)
	if err != nil {
		return err
	}
	suffix := "." + string(l) + ".json"
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), suffix) {
			continue
		}
		b, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+e.Name())
		if err != nil {
			return err
		}
		if err := lang.AddTranslationsForLocale(b, loc); err != nil {
			return err
		}
	}
	return nil
}
