package idcard

import (
	"strings"
	"unicode/utf8"

	"pingxin/app/textnorm"
)

// normalize trims blanks and folds what Chinese input methods and spreadsheets produce into
// plain ASCII: full-width digits and letters (０-９, Ｘ) become half-width and a lowercase x
// becomes X. It changes nothing else, so a wrong character still shows as wrong.
func normalize(s string) string {
	s = textnorm.Trim(s)
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = textnorm.Narrow(r)
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
