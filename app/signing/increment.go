package signing

import (
	"bytes"
)

// signatureOnly reports whether data[from:sp.end()] is an incremental update that only
// adds the signature sp: its signature dictionary, its widget, a catalog that keeps the
// same pages and entries and lists the same form fields plus the new one, and a
// cross-reference section pointing at just those objects. Anything else — a new page,
// a changed content stream, a freed object — is a change made after the earlier
// signature. Cross-reference streams are accepted on the strength of their objects
// alone (their entries are compressed and not read here).
func signatureOnly(data []byte, from int, sp sigSpan) bool {
	to := int(sp.end())
	if sp.obj < from || sp.obj >= to || from >= to {
		return false
	}
	prevRoot, ok := lastRoot(data[:from])
	if !ok {
		return false
	}
	objs := objectsIn(data, from, to)
	roots := []pdfRef{prevRoot}
	sawSig, xrefStream := false, false
	for _, o := range objs {
		d, ok := o.val.(pdfDict)
		if !ok || (o.stream && d["Type"] != pdfName("XRef")) {
			return false
		}
		switch {
		case o.off == sp.obj:
			sawSig = true
		case d["Subtype"] == pdfName("Widget") && d["FT"] == pdfName("Sig"):
		case d["Type"] == pdfName("Catalog"):
			if !sameCatalog(data[:from], prevRoot, d) {
				return false
			}
			roots = append(roots, o.ref)
		case d["Type"] == pdfName("XRef"):
			xrefStream = true
		default:
			return false
		}
	}
	root, ok := lastRoot(data[from:to])
	if !sawSig || !ok || !containsRef(roots, root) {
		return false
	}
	return xrefStream || xrefPointsAt(data, from, to, objs)
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
	i := from + k + 4
	for sections := 0; sections < 1000; sections++ {
		tok, j, err := parseToken(data[:to], i, 0)
		if err != nil {
			return false
		}
		if tok == pdfKeyword("trailer") {
			return true
		}
		first, ok1 := tok.(int64)
		c, j2, _ := parseToken(data[:to], j, 0)
		count, ok2 := c.(int64)
		if !ok1 || !ok2 || count < 0 || count > int64(len(objs))+1 {
			return false
		}
		var ok bool
		if i, ok = xrefEntries(data[:to], j2, first, count, at); !ok {
			return false
		}
	}
	return false
}

// xrefEntries checks count entries of one subsection starting with object first.
func xrefEntries(b []byte, i int, first, count int64, at map[int64]pdfRef) (int, bool) {
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
			if at[off] != (pdfRef{n, gen}) {
				return i, false
			}
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
