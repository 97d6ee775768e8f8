// Package bootlocale keeps Fyne from printing "Fyne error: Error parsing user locale C"
// on every command's stderr under a C locale (docs/CLI.md §2: a command prints nothing
// of the GUI toolkit).
//
// Fyne's lang package reads the locale in its init, before main runs, through
// github.com/jeandeaual/go-locale, which turns LANG=C.UTF-8 (or LC_ALL, LC_MESSAGES, or
// a LANGUAGE entry such as C.UTF-8) into the language tag "C" that Fyne cannot parse
// and logs. This package is a module of its own whose import path sorts before
// "fyne.io", and it needs nothing but os, so Go initialises it first (packages are
// initialised in import-path order once their imports are): its init hides those
// values, and Restore, the first thing main does, puts them back, so the desktop and
// any process Pingxin starts see the environment as it was.
package bootlocale

import (
	"os"
	"strings"
)

// saved are the variables init changed and their values before.
var saved = map[string]string{}

func init() {
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if cLocale(v) && v != "C" && v != "POSIX" {
			saved[name] = v
			_ = os.Setenv(name, "C") // go-locale reads a plain C as "no locale"
		}
		break // go-locale reads only the first that is set
	}
	if v := os.Getenv("LANGUAGE"); v != "" {
		var keep []string
		for _, e := range strings.Split(v, ":") {
			if !cLocale(e) {
				keep = append(keep, e)
			}
		}
		if len(keep) != len(strings.Split(v, ":")) {
			saved["LANGUAGE"] = v
			_ = os.Setenv("LANGUAGE", strings.Join(keep, ":"))
		}
	}
}

// cLocale reports whether a locale name is the C or POSIX locale, with or without an
// encoding or modifier (C.UTF-8, POSIX@x).
func cLocale(v string) bool {
	lang, _, _ := strings.Cut(v, ".")
	lang, _, _ = strings.Cut(lang, "@")
	return lang == "C" || lang == "POSIX"
}

// Restore puts back the environment as the process received it.
func Restore() {
	for name, v := range saved {
		_ = os.Setenv(name, v)
	}
	clear(saved)
}
