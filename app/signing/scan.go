package signing

import (
	"bytes"
	"sort"
)

// sigSpan is one signature as found in the bytes of a file: its byte range, its
// PKCS#7 blob and, when it can be read, the signature dictionary around them.
type sigSpan struct {
	br       [4]int64
	rangeOK  bool    // the range starts at 0 and leaves out exactly the /Contents string
	contents []byte  // decoded /Contents: the PKCS#7 blob and its zero padding
	dict     pdfDict // the signature dictionary; nil when it could not be read
	obj      int     // offset of the dictionary's "N G obj"; -1 when unknown
}

// end is the offset just after the last signed byte.
func (s sigSpan) end() int64 { return s.br[2] + s.br[3] }

var byteRangeKey = []byte("/ByteRange")

// findSignatures finds every signature in data by its /ByteRange, ordered by the end
// of the signed range, i.e. in the order they were added. Scanning the raw bytes
// rather than the document's form fields also finds a signature a later update has
// hidden from the form; every one found must hold for the file to be valid.
func findSignatures(data []byte) []sigSpan {
	var spans []sigSpan
	seen := map[[4]int64]bool{}
	for i := 0; ; {
		k := bytes.Index(data[i:], byteRangeKey)
		if k < 0 {
			break
		}
		pos := i + k
		i = pos + len(byteRangeKey)
		if i < len(data) && isRegular(data[i]) {
			continue // a longer name such as /ByteRangeX
		}
		v, _, err := parseObject(data, i)
		br, ok := byteRange(v)
		if err != nil || !ok || seen[br] {
			continue
		}
		seen[br] = true
		spans = append(spans, newSpan(data, pos, br))
	}
	sort.SliceStable(spans, func(a, b int) bool { return spans[a].end() < spans[b].end() })
	return spans
}

// byteRange reads [a b c d] of four non-negative integers.
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

// newSpan checks the shape of a byte range found at pos and reads what it points to.
func newSpan(data []byte, pos int, br [4]int64) sigSpan {
	sp := sigSpan{br: br, obj: -1}
	size := int64(len(data))
	if br[0] != 0 || br[1] >= br[2] || br[2] > size || br[3] > size-br[2] ||
		data[br[1]] != '<' || data[br[2]-1] != '>' {
		return sp
	}
	v, next, err := parseHex(data, int(br[1])+1)
	if err != nil || int64(next) != br[2] {
		return sp
	}
	sp.rangeOK, sp.contents = true, v.(pdfString)
	sp.dict, sp.obj = findSigDict(data, min(pos, int(br[1])), br)
	return sp
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

// objectsIn lists the indirect objects whose headers lie in data[from:to].
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
	}
	return objs
}
