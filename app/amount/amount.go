// Package amount reads credit amounts as villagers and spreadsheets write them ("300,000元",
// "30万", "３０.５万") and prints them as the minutes and screens show them ("300,000",
// "30.5万"). Amounts in this domain are whole yuan, so the arithmetic is exact integer
// arithmetic: no float64, no silent rounding. A value that cannot be read for certain is
// refused with a reason the clerk can act on.
package amount

import (
	"strconv"
	"strings"
)

// Yuan is an amount in whole yuan (元). Credit lines are granted in whole yuan, usually in
// thousands, so an integer is exact and sums never drift.
type Yuan int64

// wan is one 万 (ten thousand yuan), the unit villagers count credit in.
const wan = 10000

// String formats y with thousands separators, as the minutes print it: 300,000.
func (y Yuan) String() string {
	digits := strconv.FormatUint(abs(y), 10)
	var b strings.Builder
	b.Grow(len(digits) + len(digits)/3 + 1)
	if y < 0 {
		b.WriteByte('-')
	}
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// Wan formats y in 万 for on-screen summaries: 30万, 30.5万, 0.1234万. It is exact (up to
// four decimals, trailing zeros dropped), and Parse reads it back to y.
func (y Yuan) Wan() string {
	u := abs(y)
	sign := ""
	if y < 0 {
		sign = "-"
	}
	s := sign + strconv.FormatUint(u/wan, 10)
	if r := u % wan; r != 0 {
		frac := strconv.FormatUint(r+wan, 10)[1:] // four digits, leading zeros kept
		s += "." + strings.TrimRight(frac, "0")
	}
	return s + "万"
}

// OnUnit reports whether y is a whole multiple of unit, the village's rounding unit
// (default 1,000 yuan): amounts off the unit are an error, never rounded for the clerk.
// A unit of zero or less means the village has no such rule, so every amount is on it.
func (y Yuan) OnUnit(unit Yuan) bool { return unit <= 0 || y%unit == 0 }

// abs returns |y| as uint64, correct even for the most negative Yuan.
func abs(y Yuan) uint64 {
	if y < 0 {
		return uint64(-(y + 1)) + 1
	}
	return uint64(y)
}
