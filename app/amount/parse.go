package amount

import (
	"math"
	"strings"
	"unicode"
)

// Parse reads an amount as people write it in a nomination list or an entry field:
// 300000, 300,000, 300，000, 300000元, ¥300,000, 人民币30万元, 30万, 30.5万, ３０万,
// 300000.00, with spaces around. Every accepted form is read exactly (30.5万 is 305000).
// It refuses, with an *Error saying why: nothing, words (若干), a minus sign, fen or jiao
// (1.5 元, 0.00001万), more than two decimals, misplaced thousands separators (30,00),
// anything after the unit (30万5), and values too large for Yuan. Zero is accepted;
// whether zero is allowed is the caller's rule.
func Parse(s string) (Yuan, error) {
	y, k := parse(s)
	if k != "" {
		return 0, &Error{Kind: k, Value: s}
	}
	return y, nil
}

// parse is Parse returning a Kind instead of an error.
func parse(s string) (Yuan, Kind) {
	n := normalize(s)
	if n == "" {
		return 0, KindEmpty
	}
	n, neg := stripPrefix(n)
	if neg {
		return 0, KindNegative
	}
	n, _ = cutUnit(n, "元")
	n, inWan := cutWan(n)
	if n == "" {
		return 0, KindInvalid
	}
	whole, frac, dot := strings.Cut(n, ".")
	digits, k := ungroup(whole)
	switch {
	case k != "":
		return 0, k
	case dot && !allDigits(frac):
		return 0, KindInvalid
	case !inWan && len(frac) > 2:
		return 0, KindDecimals
	}
	if inWan {
		return scaled(digits, frac, 4)
	}
	return scaled(digits, frac, 0)
}

// stripPrefix removes the currency marks 人民币, ¥ and RMB in front of the number and
// reports a minus sign found among them.
func stripPrefix(n string) (rest string, neg bool) {
	for {
		n = strings.TrimFunc(n, unicode.IsSpace)
		switch {
		case strings.HasPrefix(n, "-"), strings.HasPrefix(n, "−"):
			return n, true
		case strings.HasPrefix(n, "人民币"):
			n = n[len("人民币"):]
		case strings.HasPrefix(n, "¥"):
			n = n[len("¥"):]
		case strings.HasPrefix(n, "RMB"):
			n = n[len("RMB"):]
		default:
			return n, false
		}
	}
}

// cutWan removes a trailing 万, or the w or W that a clerk without a Chinese input
// method types for it (30w), and reports whether there was one.
func cutWan(n string) (string, bool) {
	for _, u := range []string{"万", "w", "W"} {
		if rest, ok := cutUnit(n, u); ok {
			return rest, true
		}
	}
	return n, false
}

// cutUnit removes one trailing unit (元 or 万) and the spaces before it.
func cutUnit(n, unit string) (string, bool) {
	rest, ok := strings.CutSuffix(n, unit)
	return strings.TrimFunc(rest, unicode.IsSpace), ok
}

// ungroup removes thousands separators from the whole part, which must be digits in
// groups of three after a first group of one to three (300,000); it returns the digits.
func ungroup(whole string) (string, Kind) {
	if !strings.Contains(whole, ",") {
		if !allDigits(whole) {
			return "", KindInvalid
		}
		return whole, ""
	}
	groups := strings.Split(whole, ",")
	for i, g := range groups {
		if !allDigits(g) {
			return "", KindInvalid
		}
		if (i == 0 && len(g) > 3) || (i > 0 && len(g) != 3) {
			return "", KindComma
		}
	}
	return strings.Join(groups, ""), ""
}

// scaled computes whole.frac × 10^places exactly. Fraction digits beyond places must be
// zeros, or the amount is not a whole yuan.
func scaled(whole, frac string, places int) (Yuan, Kind) {
	if len(frac) > places {
		if strings.Trim(frac[places:], "0") != "" {
			return 0, KindFraction
		}
		frac = frac[:places]
	}
	digits := whole + frac + strings.Repeat("0", places-len(frac))
	var v uint64
	for i := range len(digits) {
		d := uint64(digits[i] - '0')
		if v > (math.MaxInt64-d)/10 {
			return 0, KindOverflow
		}
		v = v*10 + d
	}
	return Yuan(v), ""
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
