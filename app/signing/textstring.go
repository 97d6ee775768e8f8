package signing

import (
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// hexText encodes s as a PDF text string in hexadecimal UTF-16BE with a byte-order
// mark: <FEFF…>. Hex form is safe for every character; a literal (…) string would need
// escapes wherever a UTF-16 byte happens to be "(", ")" or "\" (山 is 5C 71, 天 59 29).
func hexText(s string) string {
	units := utf16.Encode([]rune(strings.ToValidUTF8(s, "\uFFFD")))
	b := make([]byte, 2, 2+2*len(units))
	b[0], b[1] = 0xfe, 0xff
	for _, u := range units {
		b = append(b, byte(u>>8), byte(u))
	}
	return "<" + strings.ToUpper(hex.EncodeToString(b)) + ">"
}

// decodeText reads a PDF text string: UTF-16BE or UTF-8 with their marks, otherwise
// PDFDocEncoding, read as Latin-1 (they differ only in rarely used punctuation).
func decodeText(b []byte) string {
	switch {
	case len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff:
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	case len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf:
		return strings.ToValidUTF8(string(b[3:]), "\uFFFD")
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// parsePDFDate reads a PDF date, D:YYYYMMDDHHmmSSOHH'mm', where everything after the
// year is optional.
func parsePDFDate(s string) (time.Time, bool) {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 4 || !utf8.ValidString(s) {
		return time.Time{}, false
	}
	f := [6]int{0, 1, 1, 0, 0, 0}
	widths := [6]int{4, 2, 2, 2, 2, 2}
	for k, w := range widths {
		if len(s) < w || !allDigits(s[:w]) {
			break
		}
		f[k], _ = strconv.Atoi(s[:w])
		s = s[w:]
	}
	loc := time.UTC
	if len(s) >= 3 && (s[0] == '+' || s[0] == '-') && allDigits(s[1:3]) {
		h, _ := strconv.Atoi(s[1:3])
		m := 0
		if rest := strings.TrimPrefix(s[3:], "'"); len(rest) >= 2 && allDigits(rest[:2]) {
			m, _ = strconv.Atoi(rest[:2])
		}
		off := (h*60 + m) * 60
		if s[0] == '-' {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	return time.Date(f[0], time.Month(f[1]), f[2], f[3], f[4], f[5], 0, loc), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
