package idcard

import "strings"

// codeChars is the GB 32100-2015 alphabet in value order: digits and capitals without
// I, O, Z, S, V, which read too much like 1, 0, 2, 5 and U.
const codeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// codeWeights are the MOD 31 factors of the first 17 characters (3^i mod 31).
var codeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ParseCreditCode checks s as a Unified Social Credit Code (统一社会信用代码) of a
// co-operative or village collective, accepting spaces, full-width characters and lower
// case. When s is refused (empty, wrong length, a character outside the alphabet) code is
// "" and warn says why. When only the check character fails, code is the canonical code
// and warn is a *Error with KindCodeChecksum: early pilot codes fail it, so it is a
// warning to show, not a refusal (see Error.Warning).
func ParseCreditCode(s string) (code string, warn error) {
	n := upperASCII(normalize(s))
	var k Kind
	switch {
	case n == "":
		k = KindCodeEmpty
	case badCodeChar(n) >= 0:
		k = KindCodeChar
	case len(n) != 18:
		k = KindCodeLength
	case codeCheckChar(n[:17]) != n[17]:
		return n, &Error{Kind: KindCodeChecksum, Value: s}
	default:
		return n, nil
	}
	return "", &Error{Kind: k, Value: s}
}

// badCodeChar returns the byte index of the first character outside codeChars, or -1.
func badCodeChar(n string) int {
	for i, r := range n {
		if r > 'Z' || !strings.ContainsRune(codeChars, r) {
			return i
		}
	}
	return -1
}

// codeCheckChar computes the MOD 31 check character of 17 characters from codeChars.
func codeCheckChar(body string) byte {
	sum := 0
	for i := range 17 {
		sum += strings.IndexByte(codeChars, body[i]) * codeWeights[i]
	}
	return codeChars[(31-sum%31)%31]
}

// upperASCII upper-cases a–z only, leaving every other character as it is.
func upperASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, s)
}
