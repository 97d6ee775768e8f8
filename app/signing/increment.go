package signing

import (
	"bytes"
)

// signatureOnly reports whether data[from:sp.end()] is an incremental update that only
// adds the signature sp: its signature dictionary and its widget (new objects), a
// catalog that keeps the same pages and entries and lists the same form fields plus the
// new one, and one cross-reference section — a table, or a stream that is the update's
// own (the one startxref names) — whose entries point at exactly those objects. Anything
// else — a new page, a replaced content stream, a second object tagged /Type /XRef, a
// freed object — is a change made after the earlier signature. Our signatures are
// invisible, so pdfsign writes no page update for them (it rewrites the page's /Annots
// only for a visible one), and none is accepted.
func signatureOnly(data []byte, from int, sp sigSpan) bool {
	to := int(sp.end())
	if sp.obj < from || sp.obj >= to || from >= to {
		return false
	}
	prevRoot, ok1 := lastRoot(data[:from])
	prevSize, ok2 := lastSize(data[:from])
	startxref, ok3 := lastStartxref(data[from:to])
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	objs := objectsIn(data, from, to)
	roots := []pdfRef{prevRoot}
	sawSig := false
	var xref *object
	seen := map[pdfRef]bool{}
	for k, o := range objs {
		d, ok := o.val.(pdfDict)
		if !ok || seen[o.ref] {
			return false
		}
		seen[o.ref] = true
		isNew := o.ref.N >= prevSize
		if o.stream {
			if d["Type"] != pdfName("XRef") || int64(o.off) != startxref || xref != nil || !isNew {
				return false
			}
			xref = &objs[k]
			continue
		}
		switch {
		case o.off == sp.obj && isNew:
			sawSig = true
		case d["Subtype"] == pdfName("Widget") && d["FT"] == pdfName("Sig") && isNew:
		case d["Type"] == pdfName("Catalog") && (isNew || o.ref == prevRoot):
			if !sameCatalog(data[:from], prevRoot, d) {
				return false
			}
			roots = append(roots, o.ref)
		default:
			return false
		}
	}
	root, ok := lastRoot(data[from:to])
	if !sawSig || !ok || !containsRef(roots, root) {
		return false
	}
	if xref != nil {
		return xrefStreamPointsAt(data[:to], *xref, objs)
	}
	return xrefPointsAt(data, from, to, objs)
}

// lastSize finds the /Size of the last trailer (or cross-reference stream) in b: the
// object numbers below it exist already, so an update's own objects are numbered from it.
func lastSize(b []byte) (int64, bool) {
	for end := len(b); ; {
		k := bytes.LastIndex(b[:end], []byte("/Size"))
		if k < 0 {
			return 0, false
		}
		end = k
		if v, _, err := parseToken(b, k+5, 0); err == nil {
			if n, ok := v.(int64); ok && n > 0 {
				return n, true
			}
		}
	}
}

// lastStartxref reads the offset after the last "startxref" in b.
func lastStartxref(b []byte) (int64, bool) {
	k := lastKeyword(b, "startxref")
	if k < 0 {
		return 0, false
	}
	v, _, err := parseToken(b, k+len("startxref"), 0)
	n, ok := v.(int64)
	return n, err == nil && ok && n >= 0
}

// lastRoot finds the /Root of the last trailer (or cross-reference stream) in b.
func lastRoot(b []byte) (pdfRef, bool) {
	for end := len(b); ; {
		k := bytes.LastIndex(b[:end], []byte("/Root"))
		if k < 0 {
			return pdfRef{}, false
		}
		end = k
		if v, _, err := parseObject(b, k+5); err == nil {
			if r, ok := v.(pdfRef); ok {
				return r, true
			}
		}
	}
}

// findObject returns the last definition of ref in b as a dictionary.
func findObject(b []byte, ref pdfRef) (pdfDict, bool) {
	for end := len(b); ; {
		k := bytes.LastIndex(b[:end], []byte("obj"))
		if k < 0 {
			return nil, false
		}
		end = k
		start, ok := objHeader(b, k)
		if !ok {
			continue
		}
		n, j, _ := parseToken(b, start, 0)
		g, _, _ := parseToken(b, j, 0)
		if n != ref.N || g != ref.G {
			continue
		}
		v, _, err := parseObject(b, k+3)
		d, ok := v.(pdfDict)
		return d, err == nil && ok
	}
}

// catalogFree are the catalog entries a signing update may add or change.
var catalogFree = map[pdfName]bool{"AcroForm": true, "Version": true, "Type": true}

// sameCatalog reports whether the catalog cat of a signing update keeps every entry of
// the catalog before it (the pages above all) and only adds form fields.
func sameCatalog(prev []byte, prevRoot pdfRef, cat pdfDict) bool {
	old, ok := findObject(prev, prevRoot)
	if !ok || cat["Pages"] == nil {
		return false
	}
	for k, v := range cat {
		if !catalogFree[k] && !sameValue(old[k], v) {
			return false
		}
	}
	for k := range old {
		if _, kept := cat[k]; !kept && !catalogFree[k] {
			return false
		}
	}
	return keepsFields(old["AcroForm"], cat["AcroForm"])
}

// keepsFields reports whether the new form still lists every field of the old one,
// so that no earlier signature is hidden from a PDF reader.
func keepsFields(oldForm, newForm any) bool {
	od, ok := oldForm.(pdfDict)
	if !ok {
		return oldForm == nil || oldForm == newForm
	}
	nd, ok := newForm.(pdfDict)
	if !ok {
		return false
	}
	oldFields, _ := od["Fields"].(pdfArray)
	newFields, _ := nd["Fields"].(pdfArray)
	for _, f := range oldFields {
		if !containsValue(newFields, f) {
			return false
		}
	}
	return true
}

// xrefPointsAt checks the cross-reference table of the update: every entry in use must
// point at an object the update defines, so that no earlier object is replaced or
// redirected, and no object but 0 may be freed.
func xrefPointsAt(data []byte, from, to int, objs []object) bool {
	k := lastKeyword(data[from:to], "xref") // not the one in "startxref"
	if k < 0 {
		return false
	}
	at := make(map[int64]pdfRef, len(objs))
	for _, o := range objs {
		at[int64(o.off)] = o.ref
	}
	i, hit := from+k+4, map[pdfRef]bool{}
	for sections := 0; sections < 1000; sections++ {
		tok, j, err := parseToken(data[:to], i, 0)
		if err != nil {
			return false
		}
		if tok == pdfKeyword("trailer") {
			return len(hit) == len(objs) // and every object of the update is in the table
		}
		first, ok1 := tok.(int64)
		c, j2, _ := parseToken(data[:to], j, 0)
		count, ok2 := c.(int64)
		if !ok1 || !ok2 || count < 0 || count > int64(len(objs))+1 {
			return false
		}
		var ok bool
		if i, ok = xrefEntries(data[:to], j2, first, count, at, hit); !ok {
			return false
		}
	}
	return false
}

// xrefEntries checks count entries of one subsection starting with object first and
// marks in hit the objects they point at; an object listed twice is refused.
func xrefEntries(b []byte, i int, first, count int64, at map[int64]pdfRef, hit map[pdfRef]bool) (int, bool) {
	for n := first; n < first+count; n++ {
		var tok [3]any
		var err error
		for t := range tok {
			if tok[t], i, err = parseToken(b, i, 0); err != nil {
				return i, false
			}
		}
		off, _ := tok[0].(int64)
		gen, _ := tok[1].(int64)
		switch tok[2] {
		case pdfKeyword("n"):
			if ref, ok := at[off]; !ok || ref != (pdfRef{n, gen}) || hit[ref] {
				return i, false
			}
			hit[pdfRef{n, gen}] = true
		case pdfKeyword("f"):
			if n != 0 {
				return i, false
			}
		default:
			return i, false
		}
	}
	return i, true
}

// lastKeyword finds the last kw in b that stands alone, not inside a longer word.
func lastKeyword(b []byte, kw string) int {
	for end := len(b); ; {
		k := bytes.LastIndex(b[:end], []byte(kw))
		if k < 0 {
			return -1
		}
		e := k + len(kw)
		if (k == 0 || !isRegular(b[k-1])) && (e == len(b) || !isRegular(b[e])) {
			return k
		}
		end = k
	}
}

func containsRef(refs []pdfRef, r pdfRef) bool {
	for _, x := range refs {
		if x == r {
			return true
		}
	}
	return false
}

func containsValue(a pdfArray, v any) bool {
	for _, x := range a {
		if sameValue(x, v) {
			return true
		}
	}
	return false
}

// sameValue compares two parsed objects; numbers compare by value, so 1 and 1.000000
// (how a rewritten catalog may print it) are the same.
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case int64:
		return sameNumber(float64(x), b)
	case float64:
		return sameNumber(x, b)
	case pdfString:
		y, ok := b.(pdfString)
		return ok && bytes.Equal(x, y)
	case pdfArray:
		y, ok := b.(pdfArray)
		if !ok || len(x) != len(y) {
			return false
		}
		for k := range x {
			if !sameValue(x[k], y[k]) {
				return false
			}
		}
		return true
	case pdfDict:
		y, ok := b.(pdfDict)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if !sameValue(v, y[k]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func sameNumber(x float64, b any) bool {
	switch y := b.(type) {
	case int64:
		return x == float64(y)
	case float64:
		return x == y
	}
	return false
}
