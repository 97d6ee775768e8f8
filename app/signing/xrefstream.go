package signing

import (
	"bytes"
	"compress/zlib"
	"io"
)

// maxXRefStream bounds the decoded size of an update's cross-reference stream: a
// signature's update lists a handful of objects, so a larger one is refused unread.
const maxXRefStream = 1 << 16

// xrefStreamPointsAt checks the cross-reference stream x of a signing update as
// xrefPointsAt checks a table: every entry in use (type 1) points at an object the
// update defines, by offset and number, each once; none is compressed into an object
// stream (type 2); only object 0 is free; and every object of the update is listed.
func xrefStreamPointsAt(data []byte, x object, objs []object) bool {
	d := x.val.(pdfDict)
	raw, ok := streamBytes(data, x.off, d)
	if !ok {
		return false
	}
	rows, ok := decodeXRefRows(raw, d)
	if !ok {
		return false
	}
	w, ok := widths(d["W"])
	if !ok {
		return false
	}
	index, ok := xrefIndex(d)
	if !ok {
		return false
	}
	at := make(map[int64]pdfRef, len(objs))
	for _, o := range objs {
		at[int64(o.off)] = o.ref
	}
	hit, row := map[pdfRef]bool{}, 0
	for s := 0; s+1 < len(index); s += 2 {
		for n := index[s]; n < index[s]+index[s+1]; n++ {
			if row >= len(rows) {
				return false
			}
			f := fields(rows[row], w)
			row++
			switch f[0] {
			case 0:
				if n != 0 {
					return false
				}
			case 1:
				ref, ok := at[f[1]]
				if !ok || ref != (pdfRef{n, f[2]}) || hit[ref] {
					return false
				}
				hit[ref] = true
			default:
				return false
			}
		}
	}
	return row == len(rows) && len(hit) == len(objs)
}

// streamBytes returns the raw bytes of the stream of the object at off, whose /Length
// must be a direct number.
func streamBytes(data []byte, off int, d pdfDict) ([]byte, bool) {
	n, ok := d["Length"].(int64)
	if !ok || n < 0 || n > int64(len(data)) {
		return nil, false
	}
	k := bytes.Index(data[off:], []byte("stream"))
	if k < 0 {
		return nil, false
	}
	i := off + k + len("stream")
	if i < len(data) && data[i] == '\r' {
		i++
	}
	if i >= len(data) || data[i] != '\n' || int64(i+1)+n > int64(len(data)) {
		return nil, false
	}
	return data[i+1 : i+1+int(n)], true
}

// decodeXRefRows inflates the stream (FlateDecode or none) and undoes the PNG row
// predictors (None, Sub, Up) that writers use for cross-reference streams.
func decodeXRefRows(raw []byte, d pdfDict) ([][]byte, bool) {
	w, ok := widths(d["W"])
	if !ok {
		return nil, false
	}
	cols := int(w[0] + w[1] + w[2])
	plain := raw
	switch d["Filter"] {
	case nil:
	case pdfName("FlateDecode"):
		zr, err := zlib.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, false
		}
		plain, err = io.ReadAll(io.LimitReader(zr, maxXRefStream+1))
		if err != nil || len(plain) > maxXRefStream {
			return nil, false
		}
	default:
		return nil, false
	}
	pred := int64(1)
	if p, ok := d["DecodeParms"].(pdfDict); ok {
		if v, ok := p["Predictor"].(int64); ok {
			pred = v
		}
		if c, ok := p["Columns"].(int64); ok && c != int64(cols) {
			return nil, false
		}
	}
	if pred == 1 {
		if cols == 0 || len(plain)%cols != 0 {
			return nil, false
		}
		var rows [][]byte
		for i := 0; i < len(plain); i += cols {
			rows = append(rows, plain[i:i+cols])
		}
		return rows, true
	}
	if pred < 10 || pred > 15 || len(plain)%(cols+1) != 0 {
		return nil, false
	}
	var rows [][]byte
	prev := make([]byte, cols)
	for i := 0; i < len(plain); i += cols + 1 {
		row := make([]byte, cols)
		copy(row, plain[i+1:i+1+cols])
		switch plain[i] {
		case 0:
		case 1:
			for k := 1; k < cols; k++ {
				row[k] += row[k-1]
			}
		case 2:
			for k := range row {
				row[k] += prev[k]
			}
		default:
			return nil, false
		}
		rows, prev = append(rows, row), row
	}
	return rows, true
}

// widths reads /W [a b c], each field at most 8 bytes.
func widths(v any) ([3]int64, bool) {
	var w [3]int64
	a, ok := v.(pdfArray)
	if !ok || len(a) != 3 {
		return w, false
	}
	for k, x := range a {
		n, ok := x.(int64)
		if !ok || n < 0 || n > 8 {
			return w, false
		}
		w[k] = n
	}
	return w, w[1] > 0
}

// xrefIndex reads /Index [first count …], by default [0 Size].
func xrefIndex(d pdfDict) ([]int64, bool) {
	a, ok := d["Index"].(pdfArray)
	if !ok {
		size, ok := d["Size"].(int64)
		return []int64{0, size}, ok && size >= 0 && size <= maxXRefStream
	}
	if len(a)%2 != 0 || len(a) > 64 {
		return nil, false
	}
	out := make([]int64, len(a))
	for k, x := range a {
		n, ok := x.(int64)
		if !ok || n < 0 || n > 1<<31 {
			return nil, false
		}
		out[k] = n
	}
	return out, true
}

// fields splits one row into its three numbers; a missing type field means type 1.
func fields(row []byte, w [3]int64) [3]int64 {
	var f [3]int64
	i := 0
	for k := range f {
		for n := int64(0); n < w[k]; n++ {
			f[k] = f[k]<<8 | int64(row[i])
			i++
		}
	}
	if w[0] == 0 {
		f[0] = 1
	}
	return f
}
