package signing

import (
	"bytes"
	"errors"
	"strconv"
)

// A small reader for the PDF objects this package must look at itself: signature
// dictionaries, the catalog and the cross-reference section of an incremental update.
// It parses only direct objects and never follows references, so a hostile file cannot
// make it loop or allocate much.

type (
	pdfName    string               // /Name, without the slash
	pdfString  []byte               // (literal) or <hex>, decoded
	pdfKeyword string               // obj, R, n, f, trailer, true, false, null …
	pdfRef     struct{ N, G int64 } // N G R
	pdfArray   []any
	pdfDict    map[pdfName]any
)

const maxNesting = 32

// maxElements bounds the entries of one array or dictionary. The objects read here —
// signature dictionaries, catalogs, widgets, trailers — hold a few dozen; a crafted one
// with millions would cost memory out of proportion to the file.
const maxElements = 1 << 14

var errSyntax = errors.New("pdf syntax")

// parseObject reads one object starting at or after b[i] and returns it with the
// position just after it. "N G R" is returned as a pdfRef.
func parseObject(b []byte, i int) (any, int, error) {
	return parseValue(b, i, 0)
}

func parseValue(b []byte, i, depth int) (any, int, error) {
	if depth > maxNesting {
		return nil, i, errSyntax
	}
	v, j, err := parseToken(b, i, depth)
	if err != nil {
		return nil, j, err
	}
	n, ok := v.(int64)
	if !ok || n < 0 {
		return v, j, nil
	}
	if end, gen, ok := refTail(b, j); ok {
		return pdfRef{n, gen}, end, nil
	}
	return n, j, nil
}

// refTail recognises " G R" after an integer, looking only at digits and the keyword,
// so that the look-ahead never parses a nested object twice.
func refTail(b []byte, i int) (int, int64, bool) {
	i = skipSpace(b, i)
	j := i
	for j < len(b) && isDigit(b[j]) {
		j++
	}
	if j == i || j-i > 5 {
		return 0, 0, false
	}
	gen, _ := strconv.ParseInt(string(b[i:j]), 10, 64)
	k := skipSpace(b, j)
	if k == j || k >= len(b) || b[k] != 'R' || (k+1 < len(b) && isRegular(b[k+1])) {
		return 0, 0, false
	}
	return k + 1, gen, true
}

// parseToken reads one token or one composite object, without reference look-ahead.
func parseToken(b []byte, i, depth int) (any, int, error) {
	i = skipSpace(b, i)
	if i >= len(b) {
		return nil, i, errSyntax
	}
	switch c := b[i]; {
	case c == '/':
		return parseName(b, i+1)
	case c == '(':
		return parseLiteral(b, i+1)
	case c == '<' && i+1 < len(b) && b[i+1] == '<':
		return parseDict(b, i+2, depth+1)
	case c == '<':
		return parseHex(b, i+1)
	case c == '[':
		return parseArray(b, i+1, depth+1)
	case c == '+' || c == '-' || c == '.' || isDigit(c):
		return parseNumber(b, i)
	case isRegular(c):
		j := i
		for j < len(b) && isRegular(b[j]) {
			j++
		}
		return pdfKeyword(b[i:j]), j, nil
	}
	return nil, i, errSyntax
}

func parseDict(b []byte, i, depth int) (any, int, error) {
	d := pdfDict{}
	for {
		i = skipSpace(b, i)
		if i+1 < len(b) && b[i] == '>' && b[i+1] == '>' {
			return d, i + 2, nil
		}
		k, j, err := parseToken(b, i, depth)
		name, ok := k.(pdfName)
		if err != nil || !ok {
			return nil, j, errSyntax
		}
		v, j, err := parseValue(b, j, depth)
		if err != nil {
			return nil, j, err
		}
		if _, dup := d[name]; !dup { // the first of duplicate keys wins, as in most readers
			d[name] = v
		}
		if len(d) > maxElements {
			return nil, j, errSyntax
		}
		i = j
	}
}

func parseArray(b []byte, i, depth int) (any, int, error) {
	var a pdfArray
	for {
		i = skipSpace(b, i)
		if i < len(b) && b[i] == ']' {
			return a, i + 1, nil
		}
		v, j, err := parseValue(b, i, depth)
		if err != nil {
			return nil, j, err
		}
		if a = append(a, v); len(a) > maxElements {
			return nil, j, errSyntax
		}
		i = j
	}
}

func parseName(b []byte, i int) (any, int, error) {
	var n []byte
	for i < len(b) && isRegular(b[i]) {
		if b[i] == '#' && i+2 < len(b) && isHex(b[i+1]) && isHex(b[i+2]) {
			n = append(n, unhex(b[i+1])<<4|unhex(b[i+2]))
			i += 3
			continue
		}
		n = append(n, b[i])
		i++
	}
	return pdfName(n), i, nil
}

func parseNumber(b []byte, i int) (any, int, error) {
	j := i
	if b[j] == '+' || b[j] == '-' {
		j++
	}
	for j < len(b) && (isDigit(b[j]) || b[j] == '.') {
		j++
	}
	s := string(b[i:j])
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, j, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, j, errSyntax
	}
	return f, j, nil
}

// parseHex reads <hex>; whitespace is skipped and an odd final digit counts as x0.
func parseHex(b []byte, i int) (any, int, error) {
	var out []byte
	half, odd := byte(0), false
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '>':
			if odd {
				out = append(out, half<<4)
			}
			return pdfString(out), i + 1, nil
		case isHex(c):
			if odd {
				out = append(out, half<<4|unhex(c))
			} else {
				half = unhex(c)
			}
			odd = !odd
		case !isSpace(c):
			return nil, i, errSyntax
		}
	}
	return nil, i, errSyntax
}

// parseLiteral reads (string) with its escapes and balanced parentheses.
func parseLiteral(b []byte, i int) (any, int, error) {
	var out []byte
	for nest := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '(':
			nest++
		case ')':
			if nest == 0 {
				return pdfString(out), i + 1, nil
			}
			nest--
		case '\r': // an end of line in a string is a line feed, whatever its bytes
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			c = '\n'
		case '\\':
			var ok bool
			if c, i, ok = unescape(b, i+1); !ok {
				continue
			}
		}
		out = append(out, c)
	}
	return nil, i, errSyntax
}

// unescape decodes the escape whose first byte is b[i]; it returns the byte, the index
// of the escape's last byte, and false for a line continuation, which stands for nothing.
func unescape(b []byte, i int) (byte, int, bool) {
	if i >= len(b) {
		return 0, i, false
	}
	switch c := b[i]; c {
	case 'n':
		return '\n', i, true
	case 'r':
		return '\r', i, true
	case 't':
		return '\t', i, true
	case 'b':
		return '\b', i, true
	case 'f':
		return '\f', i, true
	case '\r':
		if i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
		return 0, i, false
	case '\n':
		return 0, i, false
	}
	if b[i] < '0' || b[i] > '7' {
		return b[i], i, true // \( \) \\ and any other character stand for themselves
	}
	v, j := 0, i
	for j < i+3 && j < len(b) && b[j] >= '0' && b[j] <= '7' {
		v = v*8 + int(b[j]-'0')
		j++
	}
	return byte(v), j - 1, true
}

// skipSpace skips white space and comments.
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch {
		case isSpace(b[i]):
			i++
		case b[i] == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }

func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
