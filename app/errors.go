package app

import (
	"errors"

	"pingxin/app/i18n"
)

// Error codes, after benbjohnson/wtf: a UI decides what to do from the code and shows
// the message; the CLI maps EINVALID and ELOCKED to exit status 1.
const (
	EINVALID  = "invalid"   // the input was refused; the message says why and what to do
	ENOTFOUND = "not_found" // no such village, meeting or household
	ECONFLICT = "conflict"  // already exists (a village name, a nominee's ID in the meeting)
	ELOCKED   = "locked"    // the meeting is signed; corrections go in an amendment
	EINTERNAL = "internal"  // a fault of the program or the machine, not of the user
)

// Error is an error a person reads: a code for programs and a translatable message.
type Error struct {
	Code    string
	Message i18n.Message
}

// Errorf returns an *Error with the given code, message key and name/value data.
func Errorf(code, key string, kv ...any) *Error {
	return &Error{Code: code, Message: i18n.M(key, kv...)}
}

// Error renders the message in Chinese, the app's default language.
func (e *Error) Error() string { return e.Message.String() }

// Localize renders the message in l.
func (e *Error) Localize(l i18n.Lang) string { return e.Message.In(l) }

// ErrorCode returns the code of err (or of the *Error it wraps); EINTERNAL for any
// other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage renders err for a person in language l.
// A database engine's own error is never shown as its English text (dbMessage).
func ErrorMessage(err error, l i18n.Lang) string {
	if msg, ok := dbMessage(err, l); ok {
		return msg
	}
	return i18n.ErrorText(err, l)
}
