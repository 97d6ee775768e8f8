package app

import (
	"errors"

	"pingxin/app/i18n"
)

// coded is an error from the database engine that carries its result code (SQLite's
// errors do) but no message a person can read.
type coded interface {
	error
	Code() int
}

// dbMessage says a database engine's error in l without its English text (issue 17:
// "disk I/O error (522)" and "attempt to write a readonly database (8)" reached the
// clerk): what happened, in words, and what to do. ok is false for any other error.
// The primary codes are SQLite's.
func dbMessage(err error, l i18n.Lang) (msg string, ok bool) {
	var c coded
	var loc i18n.Localizer
	if !errors.As(err, &c) || errors.As(err, &loc) {
		return "", false
	}
	key := "guard.db_error"
	switch c.Code() & 0xff {
	case 5, 6: // BUSY, LOCKED
		key = "guard.db_busy"
	case 8: // READONLY
		key = "guard.db_readonly"
	case 13: // FULL
		key = "guard.db_full"
	case 10, 11, 26: // IOERR, CORRUPT, NOTADB
		key = "guard.db_damaged"
	}
	return i18n.T(l, key, i18n.Data{"Code": c.Code()}), true
}
