package idcard

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize trims blanks and folds what Chinese input methods and spreadsheets produce into
// plain ASCII: full-width digits and letters (０-９, Ｘ) become half-width and a lowercase x
// becomes X. It changes nothing else, so a wrong character still shows as wrong.
func normalize(s string) string {
	s = strings.TrimFunc(s, isBlank)
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = narrow(r)
		if r == 'x' {
			r = 'X'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plain reports whether s is ASCII without a lowercase x, so normalize has nothing to fold.
func plain(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf || s[i] == 'x' {
			return false
		}
	}
	return true
}

// isBlank reports spaces (including the ideographic space U+3000 and no-break space), and
// the invisible byte-order mark and zero-width space that copied cells carry.
func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' }

// narrow maps a full-width form (U+FF01–U+FF5E, U+3000) to its ASCII twin.
func narrow(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}
