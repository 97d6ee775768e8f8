package amount

import (
	"strings"
	"unicode/utf8"

	"pingxin/app/textnorm"
)

// normalize trims blanks and folds full-width forms from Chinese input methods into ASCII
// (３０ → 30, ，→ , and ．→ .; ￥ → ¥). Everything else is left as written, so a stray
// character still shows as stray.
func normalize(s string) string {
	s = textnorm.Trim(s)
	if ascii(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(textnorm.Narrow(r))
	}
	return b.String()
}

// ascii reports whether s has nothing for normalize to fold.
func ascii(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
