package signing

import (
	"bytes"
	"encoding/hex"
	"sort"
	"strconv"
)

// sigSpan is one signature as found in the bytes of a file: its byte range, its
// PKCS#7 blob and, when it can be read, the signature dictionary around them.
type sigSpan struct {
	br       [4]int64
	rangeOK  bool    // the range starts at 0 and leaves out exactly the /Contents string
	contents []byte  // the PKCS#7 blob: the decoded /Contents up to the end of its DER
	padOK    bool    // /Contents is plain hex, one DER value, and nothing but zeros after it
	dict     pdfDict // the signature dictionary; nil when it could not be read
	obj      int     // offset of the dictionary's "N G obj"; -1 when unknown
}

// end is the offset just after the last signed byte.
func (s sigSpan) end() int64 { return s.br[2] + s.br[3] }

// maxSignatures bounds how many distinct byte ranges a file may hold. Minutes carry two
// (the chair's and the clerk's); a file with more than this is refused rather than
// checked, so that no crafted file can make verification cost signatures × file size.
const maxSignatures = 16

var byteRangeKey = []byte("/ByteRange")

// findSignatures finds every signature in data by its /ByteRange, ordered by the end
// of the signed range, i.e. in the order they were added. Scanning the raw bytes
// rather than the document's form fields also finds a signature a later update has
// hidden from the form; every one found must hold for the file to be valid.
//
// It runs in time linear in len(data): each /ByteRange is read with a bounded
// look-ahead, and each /Contents string is decoded once however many ranges point at
// it (two strings cannot overlap, since a hex string holds no '<'). A file with more
// than maxSignatures ranges gives ErrTooManySignatures.
func findSignatures(data []byte) ([]sigSpan, error) {
	var spans []sigSpan
	seen := map[[4]int64]bool{}
	hexAt := map[int64]hexString{}
	for i := 0; ; {
		k := bytes.Index(data[i:], byteRangeKey)
		if k < 0 {
			break
		}
		pos := i + k
		i = pos + len(byteRangeKey)
		br, ok := readByteRange(data, i)
		if !ok || seen[br] {
			continue
		}
		if len(spans) == maxSignatures {
			return nil, ErrTooManySignatures
		}
		seen[br] = true
		spans = append(spans, newSpan(data, pos, br, hexAt))
	}
	sort.SliceStable(spans, func(a, b int) bool { return spans[a].end() < spans[b].end() })
	return spans, nil
}

// readByteRange reads "[a b c d]" of four non-negative integers right after the key at
// data[i:], looking at no more than a line's worth of bytes.
func readByteRange(data []byte, i int) ([4]int64, bool) {
	var br [4]int64
	limit := min(len(data), i+128)
	b := data[:limit]
	if i < len(b) && isRegular(b[i]) {
		return br, false // a longer name such as /ByteRangeX
	}
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != '[' {
		return br, false
	}
	i++
	for k := range br {
		i = skipSpace(b, i)
		j := i
		for j < len(b) && isDigit(b[j]) {
			j++
		}
		if j == i || j-i > 12 {
			return br, false
		}
		n, err := strconv.ParseInt(string(b[i:j]), 10, 64)
		if err != nil || n > 1<<40 {
			return br, false
		}
		br[k], i = n, j
	}
	i = skipSpace(b, i)
	return br, i < len(b) && b[i] == ']'
}

// hexString is one decoded /Contents string and the offset just after its '>'.
type hexString struct {
	val  []byte
	next int
	ok   bool
}

// newSpan checks the shape of a byte range found at pos and reads what it points to.
func newSpan(data []byte, pos int, br [4]int64, hexAt map[int64]hexString) sigSpan {
	sp := sigSpan{br: br, obj: -1}
	size := int64(len(data))
	if br[0] != 0 || br[1] >= br[2] || br[2] > size || br[3] > size-br[2] ||
		data[br[1]] != '<' || data[br[2]-1] != '>' {
		return sp
	}
	h, done := hexAt[br[1]]
	if done {
		return sp // another range already claims this /Contents: neither is a signer's
	}
	h.val, h.next, h.ok = strictHex(data, int(br[1])+1)
	hexAt[br[1]] = h
	if int64(h.next) != br[2] {
		return sp
	}
	sp.rangeOK = true
	if h.ok {
		sp.contents, sp.padOK = derPrefix(h.val)
	}
	sp.dict, sp.obj = findSigDict(data, min(pos, int(br[1])), br)
	return sp
}

// strictHex decodes the hex string whose first digit is data[i], up to its '>', and
// returns where the string ends (0 when it does not) and whether it is well formed. It
// accepts hex digits only, an even number of them, all of one case: a signature's
// /Contents written by a signer has no spaces, and a byte that differs only by case
// or by white space would otherwise decode to the same blob and pass unseen.
func strictHex(data []byte, i int) ([]byte, int, bool) {
	end := bytes.IndexByte(data[i:], '>')
	if end < 0 {
		return nil, 0, false
	}
	s, next := data[i:i+end], i+end+1
	lower, upper := false, false
	for _, c := range s {
		switch {
		case isDigit(c):
		case c >= 'a' && c <= 'f':
			lower = true
		case c >= 'A' && c <= 'F':
			upper = true
		default:
			return nil, next, false
		}
	}
	out := make([]byte, len(s)/2)
	if len(s)%2 != 0 || (lower && upper) {
		return nil, next, false
	}
	if _, err := hex.Decode(out, s); err != nil {
		return nil, next, false
	}
	return out, next, true
}

// derPrefix cuts the DER value at the start of b (the CMS SignedData, a SEQUENCE with
// a definite length) and reports whether everything after it is zero padding.
func derPrefix(b []byte) ([]byte, bool) {
	if len(b) < 2 || b[0] != 0x30 {
		return b, false
	}
	n, hdr := int(b[1]), 2
	if n >= 0x80 {
		k := n & 0x7f
		if k == 0 || k > 4 || len(b) < 2+k || b[2] == 0 {
			return b, false
		}
		n = 0
		for _, c := range b[2 : 2+k] {
			n = n<<8 | int(c)
		}
		if n < 0x80 {
			return b, false // not the shortest form: DER has one encoding per length
		}
		hdr += k
	}
	if n > len(b)-hdr {
		return b, false
	}
	der, pad := b[:hdr+n], b[hdr+n:]
	for _, c := range pad {
		if c != 0 {
			return b, false
		}
	}
	return der, true
}

// findSigDict finds the object that holds the signature dictionary with range br,
// searching back from before (a position inside the dictionary).
func findSigDict(data []byte, before int, br [4]int64) (pdfDict, int) {
	end := before
	for tries := 0; tries < 16; tries++ {
		k := bytes.LastIndex(data[:end], []byte("obj"))
		if k < 0 {
			return nil, -1
		}
		end = k
		start, ok := objHeader(data, k)
		if !ok {
			continue
		}
		v, _, err := parseObject(data, k+3)
		d, isDict := v.(pdfDict)
		if got, ok := byteRange(d["ByteRange"]); err == nil && isDict && ok && got == br {
			return d, start
		}
		return nil, -1
	}
	return nil, -1
}

// objHeader checks that the "obj" at k is the keyword of an "N G obj" header and
// returns where N starts.
func objHeader(data []byte, k int) (int, bool) {
	if e := k + 3; e < len(data) && isRegular(data[e]) {
		return 0, false
	}
	j := k
	for n := 0; n < 2; n++ {
		s := j
		for j > 0 && isSpace(data[j-1]) {
			j--
		}
		if j == s {
			return 0, false
		}
		d := j
		for j > 0 && isDigit(data[j-1]) {
			j--
		}
		if j == d || d-j > 10 {
			return 0, false
		}
	}
	if j > 0 && isRegular(data[j-1]) {
		return 0, false
	}
	return j, true
}

// object is one indirect object of an incremental update.
type object struct {
	ref    pdfRef
	off    int // offset of "N G obj"
	val    any
	stream bool // the object is followed by a stream
}

// objectsIn lists the indirect objects whose headers lie in data[from:to], up to and
// including the first that is not a dictionary.
func objectsIn(data []byte, from, to int) []object {
	var objs []object
	for i := from; i < to; {
		k := bytes.Index(data[i:to], []byte("obj"))
		if k < 0 {
			break
		}
		k += i
		i = k + 3
		start, ok := objHeader(data, k)
		if !ok || start < from {
			continue
		}
		n, j, _ := parseToken(data[:k], start, 0)
		g, _, _ := parseToken(data[:k], j, 0)
		num, ok1 := n.(int64)
		gen, ok2 := g.(int64)
		if !ok1 || !ok2 {
			continue
		}
		ref := pdfRef{num, gen}
		v, next, err := parseObject(data[:to], k+3)
		if err != nil {
			v = nil
		}
		kw, _, _ := parseToken(data[:to], next, 0)
		objs = append(objs, object{ref: ref, off: start, val: v, stream: kw == pdfKeyword("stream")})
		if _, ok := v.(pdfDict); !ok {
			return objs // every object of a signing update is a dictionary: the caller stops here
		}
		i = next // an "obj" inside this object is no header: never parse a byte twice
	}
	return objs
}

// byteRange reads a parsed [a b c d] of four non-negative integers.
func byteRange(v any) ([4]int64, bool) {
	var br [4]int64
	a, ok := v.(pdfArray)
	if !ok || len(a) != 4 {
		return br, false
	}
	for k, x := range a {
		n, ok := x.(int64)
		if !ok || n < 0 || n > 1<<40 {
			return br, false
		}
		br[k] = n
	}
	return br, true
}
