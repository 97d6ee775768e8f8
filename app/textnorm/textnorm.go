// Package textnorm folds what Chinese input methods and spreadsheets put into a cell —
// full-width digits and punctuation, the ideographic space, an invisible byte-order
// mark or zero-width space — into the plain form the parsers read. It lives once so
// that an ID, an amount and a header are cleaned the same way.
package textnorm

import (
	"strings"
	"unicode"
)

// IsBlank reports spaces (the ideographic space U+3000 and no-break space too) and the
// invisible byte-order mark and zero-width space that copied cells carry.
func IsBlank(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' }

// Trim removes blanks at both ends of s.
func Trim(s string) string { return strings.TrimFunc(s, IsBlank) }

// Narrow maps a full-width form (U+FF01–U+FF5E, the ideographic space, ￥) to its
// ASCII or Latin-1 twin and leaves every other rune as it is.
func Narrow(r rune) rune {
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

// Fold trims s and narrows its full-width forms, then passes every rune through also
// (nil: none), for a parser's own folding such as x → X. An input with nothing to fold
// comes back without a copy.
func Fold(s string, also func(rune) rune) string {
	return strings.Map(func(r rune) rune {
		r = Narrow(r)
		if also != nil {
			r = also(r)
		}
		return r
	}, Trim(s))
}
