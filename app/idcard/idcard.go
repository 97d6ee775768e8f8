// Package idcard reads the identity numbers a village council works with: the 18-character
// resident ID (公民身份号码, GB 11643-1999) and the Unified Social Credit Code of
// co-operatives and collectives (统一社会信用代码, GB 32100-2015). It accepts what clerks
// and spreadsheets actually produce (full-width digits, lowercase x, stray spaces), refuses
// anything it cannot vouch for — above all an ID a spreadsheet stored as a number and so
// cut short — and masks IDs for the minutes and the public notice.
package idcard

import (
	"time"
)

// ID is a checked resident ID in canonical form (18 characters, upper-case X). It can only
// be made by Parse or ParseAt, so holding one means the checksum and birth date were
// verified. The zero ID is "no ID".
type ID struct {
	s string
}

// weights are the ISO 7064 MOD 11-2 factors of the first 17 digits (GB 11643-1999).
var weights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// checkChars maps the weighted sum modulo 11 to the check character.
const checkChars = "10X98765432"

// MaxAge is the oldest a holder may be: a birth year such as 0100 or 1890 is a typing
// or conversion error, never a living villager (docs/RULES.md §5).
const MaxAge = 120

// Parse checks s as a resident ID, refusing a birth date after today. It is ParseAt with
// time.Now(); use ParseAt where the day must be fixed (tests, a meeting date).
func Parse(s string) (ID, error) { return ParseAt(s, time.Now()) }

// ParseAt checks s as a resident ID whose holder must be born on or before today's date.
// It accepts surrounding spaces, lowercase x and full-width characters and returns the
// canonical form. A refusal is an *Error whose Kind says why: KindNumeric when a
// spreadsheet stored the ID as a number, KindOldStyle for a 15-digit first-generation
// ID, and so on. It never guesses or repairs an ID.
func ParseAt(s string, today time.Time) (ID, error) {
	n := normalize(s)
	if k := refusal(n, today); k != "" {
		return ID{}, &Error{Kind: k, Value: s}
	}
	return ID{s: n}, nil
}

// refusal returns why the normalized n is not an ID, or "" when it is one.
func refusal(n string, today time.Time) Kind {
	switch {
	case n == "":
		return KindEmpty
	case numeric(n):
		return KindNumeric
	case badChar(n) >= 0:
		return KindChar
	case len(n) == 15 && oldBirthOK(n):
		return KindOldStyle
	case len(n) != 18:
		return KindLength
	case !allDigits(n[:17]):
		return KindChar // an X before the last place
	}
	birth, ok := birthOf(n)
	switch {
	case !ok:
		return KindBirthDate
	case birth.After(dateOf(today)):
		return KindFuture
	case ID{s: n}.AgeOn(today) > MaxAge:
		return KindTooOld
	case !checksumOK(n):
		return KindChecksum
	}
	return ""
}

// badChar returns the byte index of the first character that is neither a digit nor X,
// or -1 when there is none. Where an X stands is checked once the length is right.
func badChar(n string) int {
	for i, r := range n {
		if (r < '0' || r > '9') && r != 'X' {
			return i
		}
	}
	return -1
}

// checksumOK reports whether the 18-character n ends in its MOD 11-2 check character.
func checksumOK(n string) bool {
	if len(n) != 18 || !allDigits(n[:17]) {
		return false
	}
	return n[17] == checkChar(n[:17])
}

// checkChar computes the check character of 17 digits.
func checkChar(body string) byte {
	sum := 0
	for i := range 17 {
		sum += int(body[i]-'0') * weights[i]
	}
	return checkChars[sum%11]
}

// birthOf reads the birth date at positions 7–14 and reports whether it is a real date.
func birthOf(n string) (time.Time, bool) {
	if len(n) < 14 {
		return time.Time{}, false
	}
	return realDate(atoi(n[6:10]), atoi(n[10:12]), atoi(n[12:14]))
}

// realDate builds the date y-m-d at midnight UTC and reports whether it exists (no 2月30日).
func realDate(y, m, d int) (time.Time, bool) {
	if y <= 0 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && int(t.Month()) == m
}

// dateOf is the calendar date of t in its own location, at midnight UTC, so that it
// compares with birth dates.
func dateOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// atoi reads a short run of ASCII digits; the caller has checked they are digits.
func atoi(s string) int {
	v := 0
	for i := range len(s) {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// allDigits reports whether s is non-empty and only ASCII digits.
func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// String returns the canonical 18-character ID, the form to store and to put in the bank
// sheet. It is "" for the zero ID.
func (id ID) String() string { return id.s }

// Birth returns the date of birth (positions 7–14) at midnight UTC; only the date counts.
func (id ID) Birth() time.Time {
	t, _ := birthOf(id.s)
	return t
}

// Male reports whether the 17th digit is odd, which the standard reserves for men.
func (id ID) Male() bool { return len(id.s) == 18 && (id.s[16]-'0')%2 == 1 }

// Region returns the six-digit administrative code of the place of first registration.
func (id ID) Region() string {
	if len(id.s) < 6 {
		return ""
	}
	return id.s[:6]
}

// AgeOn returns the holder's age in whole years on the calendar date of d (in d's own
// location), as the adult-age rule needs. A person born on 29 February becomes a year
// older on 1 March in common years. The result is negative before the birth date.
func (id ID) AgeOn(d time.Time) int {
	b := id.Birth()
	y, m, day := d.Date()
	age := y - b.Year()
	if m < b.Month() || (m == b.Month() && day < b.Day()) {
		age--
	}
	return age
}

// InCounty reports whether id was first registered in the county with the six-digit
// countyCode. An ID from elsewhere is only a warning (people move), so callers show
// KindRegion and go on. An empty countyCode means the village has not set one: true.
func InCounty(id ID, countyCode string) bool {
	return countyCode == "" || id.Region() == countyCode
}
