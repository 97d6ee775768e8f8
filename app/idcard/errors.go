package idcard

import (
	"strings"
	"unicode"

	"pingxin/app/i18n"
)

// Kind says why a value was refused (or warned about); callers branch on it, and it names
// the translation key "idcard.<kind>".
type Kind string

// The kinds of Error. The Code kinds are about Unified Social Credit Codes; the others
// about resident IDs.
const (
	KindEmpty     Kind = "empty"      // nothing was entered
	KindChar      Kind = "char"       // a character that is not a digit, or X not in last place
	KindLength    Kind = "length"     // not 18 characters
	KindOldStyle  Kind = "old_style"  // a 15-digit first-generation ID; the 18-digit one is needed
	KindNumeric   Kind = "numeric"    // a spreadsheet stored the ID as a number and lost digits
	KindBirthDate Kind = "birth_date" // positions 7–14 are not a real date
	KindFuture    Kind = "future"     // the birth date is after today
	KindTooOld    Kind = "too_old"    // over MaxAge years old: a mistyped year, not a villager
	KindChecksum  Kind = "checksum"   // the check character does not match: a mistyped digit
	KindRegion    Kind = "region"     // warning: registered outside the village's county (InCounty)

	KindCodeEmpty    Kind = "code_empty"    // credit code: nothing was entered
	KindCodeChar     Kind = "code_char"     // credit code: a character outside the alphabet
	KindCodeLength   Kind = "code_length"   // credit code: not 18 characters
	KindCodeChecksum Kind = "code_checksum" // credit code: check failed; only a warning
)

// Error is why an ID or credit code was refused, for the clerk to read: Kind for programs,
// Value as it was given (untrimmed) for the row report. Its text never repeats the value,
// so it can be logged without spreading the full number.
type Error struct {
	Kind  Kind
	Value string
}

// Error renders the reason in Chinese, the language of the village office.
func (e *Error) Error() string { return e.Localize(i18n.Zh) }

// Localize renders the reason in l from the key "idcard.<kind>".
func (e *Error) Localize(l i18n.Lang) string {
	return i18n.T(l, "idcard."+string(e.Kind), e.data(l))
}

// Warning reports whether e only warns (a failed credit-code check, an ID from another
// county): the value is kept and the clerk is told.
func (e *Error) Warning() bool { return e.Kind == KindCodeChecksum || e.Kind == KindRegion }

// data gives the templates what they may name: the length, the offending character and
// the region code, all derived from Value.
func (e *Error) data(l i18n.Lang) i18n.Data {
	n := normalize(e.Value)
	if strings.HasPrefix(string(e.Kind), "code_") {
		n = upperASCII(n)
	}
	r := []rune(n)
	return i18n.Data{
		"Len":    len(r),
		"Char":   showChar(e.offending(n), l),
		"Region": string(r[:min(6, len(r))]),
	}
}

// offending finds the character a KindChar or KindCodeChar message names.
func (e *Error) offending(n string) string {
	i := -1
	switch e.Kind {
	case KindCodeChar:
		i = badCodeChar(n)
	case KindChar:
		if i = badChar(n); i < 0 {
			i = strings.IndexByte(n, 'X')
		}
	}
	if i < 0 {
		return ""
	}
	for _, r := range n[i:] {
		return string(r)
	}
	return ""
}

// showChar makes an invisible character visible in a message.
func showChar(c string, l i18n.Lang) string {
	if c == "" || !unicode.IsSpace([]rune(c)[0]) {
		return c
	}
	if l == i18n.En {
		return "space"
	}
	return "空格"
}
