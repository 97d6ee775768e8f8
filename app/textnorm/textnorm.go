// Package textnorm folds what Chinese input methods and spreadsheets put into a cell —
// full-width digits and punctuation, the ideographic space, an invisible byte-order
// mark or zero-width space — into the plain form the parsers read. It lives once so
// that an ID, an amount and a header are cleaned the same way.
package textnorm

import (
	"fmt"
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

// Unsafe returns the first rune of s that must not stand in a name or any other text a
// list brings in (docs/RULES.md §6): a control character (a tab or line break only
// where multiline allows them, as in a free-text opinion), or a bidirectional override
// or isolate such as U+202E, which makes "张三\u202E321" show as "张三123" on screen and
// on paper. ok is false when there is none.
func Unsafe(s string, multiline bool) (r rune, ok bool) {
	for _, r := range s {
		switch {
		case multiline && (r == '\n' || r == '\r' || r == '\t'):
		case unicode.IsControl(r), isBidiControl(r):
			return r, true
		}
	}
	return 0, false
}

// isBidiControl reports the invisible characters that change the direction text is
// shown in: LRM, RLM, ALM, the embeddings and overrides U+202A–U+202E and the isolates
// U+2066–U+2069.
func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// Visible replaces every rune Unsafe would report with its code point in brackets
// ("[U+202E]"), so a message that quotes a value never sends the raw character to a
// terminal or a screen.
func Visible(s string) string {
	if _, bad := Unsafe(s, false); !bad {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) || isBidiControl(r) {
			fmt.Fprintf(&b, "[U+%04X]", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
