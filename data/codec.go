package data

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"modernc.org/sqlite"

	"pingxin/app"
	"pingxin/app/idcard"
)

// dateLayout is how civil dates (a meeting day, a visit) are stored: no time, no zone.
const dateLayout = "2006-01-02"

// formatDate stores a civil date; the zero time is "".
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// parseDate reads a stored civil date as midnight UTC; "" is the zero time.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(dateLayout, s)
}

// formatInstant stores an instant as RFC 3339 in UTC, with the fraction kept.
func formatInstant(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// parseInstant reads a stored instant; "" is the zero time.
func parseInstant(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// formatList stores a list of strings as a JSON array; nil and empty are "[]".
func formatList[T ~string](xs []T) string {
	if len(xs) == 0 {
		return "[]"
	}
	b := make([]byte, 0, 64)
	b = append(b, '[')
	for i, x := range xs {
		if !jsonPlain(string(x)) { // what json.Marshal would escape: let it, byte for byte
			b, _ := json.Marshal(xs) // a []string always marshals
			return string(b)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(append(b, '"'), x...), '"')
	}
	return string(append(b, ']'))
}

// jsonPlain reports whether json.Marshal writes s as it is between its quotes: valid
// UTF-8 without control characters, quotes, backslashes, the HTML-escaped <, > and &,
// or U+2028 and U+2029. A list of names is written without it (an import writes one
// for every household).
func jsonPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		case c == 0xE2 && strings.HasPrefix(s[i:], "\u2028"), c == 0xE2 && strings.HasPrefix(s[i:], "\u2029"):
			return false
		}
	}
	return utf8.ValidString(s)
}

// parseList reads a JSON array of strings; an empty array is nil.
func parseList[T ~string](s string) ([]T, error) {
	var xs []T
	if s == "" {
		return nil, nil
	}
	if err := json.Unmarshal([]byte(s), &xs); err != nil {
		return nil, err
	}
	if len(xs) == 0 {
		return nil, nil
	}
	return xs, nil
}

// boolText is how the audit log shows a yes/no field.
func boolText(b bool) string { return strconv.FormatBool(b) }

// itoa is how the audit log shows a number.
func itoa[T ~int | ~int64](n T) string { return strconv.FormatInt(int64(n), 10) }

// maskID hides the middle of an ID number for the audit log and error messages (PIPL).
func maskID(s string) string {
	if s == "" {
		return ""
	}
	return idcard.Mask(s)
}

// maskPhone keeps a phone number's first 3 and last 4 digits (138****1234) and hides
// all of a short one.
func maskPhone(s string) string {
	r := []rune(s)
	if len(r) < 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// SQLite's extended result codes the store turns into app errors.
const (
	sqliteConstraint       = 19   // SQLITE_CONSTRAINT
	sqliteConstraintUnique = 2067 // SQLITE_CONSTRAINT_UNIQUE
	sqliteConstraintPK     = 1555 // SQLITE_CONSTRAINT_PRIMARYKEY
	sqliteConstraintTrig   = 1811 // SQLITE_CONSTRAINT_TRIGGER: RAISE(ABORT) in a trigger
)

// isUnique reports whether err is a UNIQUE or PRIMARY KEY constraint failure.
func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && (se.Code() == sqliteConstraintUnique || se.Code() == sqliteConstraintPK)
}

// lockedByTrigger turns the database's own lock (a trigger's RAISE) into ELOCKED, should
// a change ever get past the store's check.
func lockedByTrigger(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code() == sqliteConstraintTrig || se.Code()&0xff == sqliteConstraint) &&
		strings.Contains(se.Error(), "meeting locked") {
		return app.Errorf(app.ELOCKED, "meeting.locked")
	}
	return err
}

// formatIDs writes a set of record IDs as a JSON array; nil (no set) as "".
func formatIDs(ids []int64) string {
	if ids == nil {
		return ""
	}
	b := make([]byte, 0, 2+8*len(ids))
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// parseIDs reads what formatIDs wrote: "" is nil, "[]" an empty set.
func parseIDs(s string) ([]int64, error) {
	if s == "" {
		return nil, nil
	}
	ids := []int64{}
	if err := json.Unmarshal([]byte(s), &ids); err != nil {
		return nil, err
	}
	return ids, nil
}
