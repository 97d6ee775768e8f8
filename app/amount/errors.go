package amount

import (
	"errors"

	"pingxin/app/i18n"
)

// Kind says why an amount was refused; callers branch on it, and it names the translation
// key "amount.<kind>".
type Kind string

// The kinds of Error.
const (
	KindEmpty    Kind = "empty"    // nothing was entered
	KindInvalid  Kind = "invalid"  // not an amount: words (若干), stray characters, 30万5
	KindNegative Kind = "negative" // a minus sign
	KindFraction Kind = "fraction" // jiao or fen: amounts are whole yuan
	KindDecimals Kind = "decimals" // more than two decimals on a yuan amount
	KindComma    Kind = "comma"    // thousands separators not every three digits (30,00)
	KindOverflow Kind = "overflow" // too large to hold
)

// Error is why an amount was refused, for the clerk to read: Kind for programs, Value as
// it was given for the row report (the text itself does not repeat it).
type Error struct {
	Kind  Kind
	Value string
}

// Error renders the reason in Chinese, the language of the village office.
func (e *Error) Error() string { return e.Localize(i18n.Zh) }

// Localize renders the reason in l from the key "amount.<kind>".
func (e *Error) Localize(l i18n.Lang) string { return i18n.T(l, "amount."+string(e.Kind), nil) }

// Reason is the message saying why Parse refused an amount, for a form's field or a
// file's cell alike.
func Reason(err error) i18n.Message {
	var ae *Error
	if errors.As(err, &ae) {
		return i18n.M("amount." + string(ae.Kind))
	}
	return i18n.M("amount.invalid")
}
