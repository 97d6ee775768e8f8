// Package assets embeds the files Pingxin reads at run time: the Noto fonts that both
// the screens and the printed minutes use, and the translations. Keeping one copy of
// the font bytes is what makes screen and paper match on a PC that has no Chinese fonts
// of its own. The icons beside them (icon.png, icon_windows.png, drawn by
// scripts/icon.sh) are not embedded here: packaging gives them to the executable and
// the installer (FyneApp.toml, scripts/package.sh); the demo data is app/demo's.
package assets

import (
	"embed"
	_ "embed"
)

// FontRegular is Noto Sans SC Regular (OFL-1.1, see fonts/OFL.txt), for body text.
//
//go:embed fonts/NotoSansSC_400Regular.ttf
var FontRegular []byte

// FontBold is Noto Sans SC Bold (OFL-1.1), for titles and table headers.
//
//go:embed fonts/NotoSansSC_700Bold.ttf
var FontBold []byte

// FontSerif is Noto Serif SC Regular (OFL-1.1), the 宋体-style body face of the printed
// minutes and notice (docs/RULES.md §7: GB/T 9704-2012 sets body text in a 宋体 face and
// headings in 黑体, for which the documents use FontBold).
//
//go:embed fonts/NotoSerifSC_400Regular.ttf
var FontSerif []byte

// Translations holds one pair of files per area, named "<area>.<lang>.json"
// (lang is zh_Hans or en), in go-i18n's flat JSON form: {"key": "text {{.Data}}"}.
// A key's first segment is its area: "meeting.locked" lives in meeting.<lang>.json
// (app/i18n's TestKeysLiveInTheirAreasFile holds every file to it).
// The desktop registers them with Fyne's lang package; app/i18n reads the same
// files for the command line, so both speak with one voice.
//
//go:embed translations
var Translations embed.FS

// TranslationsDir is the folder inside Translations that holds the JSON files.
const TranslationsDir = "translations"
