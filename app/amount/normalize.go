package amount

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize trims blanks and folds full-width forms from Chinese input methods into ASCII
// (３０ → 30, ，→ , and ．→ .; ￥ → ¥). Everything else is left as written, so a stray
// character still shows as stray.
func normalize(s string) string {
	s = strings.TrimFunc(s, isBlank)
	if ascii(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(narrow(r))
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

// isBlank reports spaces (the ideographic space too) and the invisible byte-order mark and
// zero-width space that copied cells carry.
func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' }

// narrow maps a full-width form to its ASCII twin and the full-width yen sign to ¥.
func narrow(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	case r == '￥':
		return '¥'
	}
	return r
}
