package idcard

import "strings"

// numeric reports whether the normalized n is what a spreadsheet makes of an 18-digit
// ID it stored as a number (Excel keeps only 15 significant digits): scientific notation
// (3.30483E+17), a decimal tail (330483196505204000.0), thousands separators, 18 digits
// ending in 000 that fail the checksum, or 15 digits that read as the start of an
// 18-digit ID rather than as a first-generation ID. The lost digits cannot be
// recovered, so such a value is refused with KindNumeric and must be retyped.
func numeric(n string) bool {
	if scientific(n) || decimalTail(n) || grouped(n) {
		return true
	}
	if !allDigits(n) {
		return false
	}
	switch len(n) {
	case 18:
		return strings.HasSuffix(n, "000") && !checksumOK(n)
	case 15:
		return newBirthOK(n) && !oldBirthOK(n)
	}
	return false
}

// scientific matches a number in E notation: 3.30483E+17, 3.30483196505204e17.
func scientific(n string) bool {
	i := strings.IndexAny(n, "Ee")
	if i <= 0 {
		return false
	}
	mant, exp := n[:i], strings.TrimPrefix(n[i+1:], "+")
	whole, frac, dot := strings.Cut(mant, ".")
	return allDigits(whole) && (!dot || allDigits(frac)) && allDigits(exp) && len(exp) <= 3
}

// decimalTail matches 15 or more digits followed by a decimal point: 330483196505204000.0.
func decimalTail(n string) bool {
	whole, frac, dot := strings.Cut(n, ".")
	return dot && len(whole) >= 15 && allDigits(whole) && (frac == "" || allDigits(frac))
}

// grouped matches 15 or more digits written with thousands separators:
// 330,483,196,505,204,000.
func grouped(n string) bool {
	groups := strings.Split(n, ",")
	if len(groups) < 2 || len(groups[0]) > 3 || !allDigits(groups[0]) {
		return false
	}
	digits := len(groups[0])
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
		digits += 3
	}
	return digits >= 15
}

// newBirthOK reports whether positions 7–14 hold a plausible birth date (1900–2099), as
// in an 18-digit ID.
func newBirthOK(n string) bool {
	t, ok := birthOf(n)
	return ok && allDigits(n[:14]) && t.Year() >= 1900 && t.Year() < 2100
}

// oldBirthOK reports whether the 15 digits n are a first-generation ID: a real date
// 19YYMMDD at positions 7–12.
func oldBirthOK(n string) bool {
	if len(n) != 15 || !allDigits(n) {
		return false
	}
	_, ok := realDate(1900+atoi(n[6:8]), atoi(n[8:10]), atoi(n[10:12]))
	return ok
}
