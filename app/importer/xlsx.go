package importer

import (
	"bytes"
	"encoding/xml"
	"errors"
	"path"
	"strings"

	"pingxin/app"
)

// headerScan is how many non-empty rows at the top of a sheet may come before the
// header row: offices put a title, a date and a note above it.
const headerScan = 10

// readXLSX reads the first sheet of the workbook in b that has a header row of s (else
// the sheet whose header comes closest, so the error names what it lacks; else the
// first sheet), from the sheet's XML (sheetxml.go). Values are read raw (300000, not
// "300,000" as a cell format would show it) and every cell keeps whether the workbook
// stored it as a number. The bounds of bounds.go hold before and while it reads.
func readXLSX(b []byte, s *Schema) (*Table, error) {
	lim := newLimits()
	if err := checkUnzipped(b); err != nil {
		return nil, err
	}
	w, err := openWorkbook(b)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "importer.xlsx_bad")
	}
	sheets := w.sheets()
	if len(sheets) == 0 {
		return nil, app.Errorf(app.EINVALID, "importer.xlsx_bad")
	}
	shared, err := w.sharedStrings(lim)
	if err != nil {
		return nil, xlsxErr(err)
	}
	best, bestScore := sheets[0], 0
	for _, sh := range sheets {
		t, score, err := readSheet(w, sh, shared, s, lim)
		if err != nil {
			return nil, err
		}
		if score < 0 {
			return t, nil
		}
		if score > bestScore {
			best, bestScore = sh, score
		}
	}
	t, _, err := readSheet(w, best, shared, nil, lim)
	return t, err
}

// xlsxErr is the error of a workbook that cannot be read: a bound's own error as it
// is, anything else "not a workbook Pingxin can read".
func xlsxErr(err error) error {
	var ae *app.Error
	if errors.As(err, &ae) {
		return err
	}
	return app.Errorf(app.EINVALID, "importer.xlsx_bad")
}

// readSheet reads one sheet; score is -1 when it was read whole. With a schema it
// stops after headerScan rows when none of them is a complete header of s, and score is
// how many known columns the closest row names.
func readSheet(w *workbook, sh sheetRef, shared []string, s *Schema, lim *limits) (t *Table, score int, err error) {
	x, err := w.readChecked(sh.part, lim)
	if err != nil {
		return nil, 0, xlsxErr(err)
	}
	sc := &sheetScanner{x: x, shared: shared}
	t = &Table{Format: "xlsx", Sheet: sh.name}
	found := s == nil
	for {
		ok, err := sc.next()
		if err == errTooManyCols {
			return nil, 0, app.Errorf(app.EINVALID, "importer.too_many_cols", "Row", sc.row.num, "Max", maxCols)
		} else if err != nil {
			return nil, 0, app.Errorf(app.EINVALID, "importer.xlsx_bad")
		}
		if !ok {
			break
		}
		r := sc.row
		if err := lim.row(r.num, r.vals); err != nil {
			return nil, 0, err
		}
		row := Row{Num: r.num, Cells: make([]Cell, len(r.vals))}
		for i, v := range r.vals {
			row.Cells[i] = Cell{Value: clean(v), Numeric: r.numeric[i]}
		}
		if row.blank() {
			continue
		}
		t.Rows = append(t.Rows, row)
		if !found && len(t.Rows) <= headerScan {
			h, ok := s.findHeader(t.Rows)
			found, score = ok, len(h.Cols)
			if !ok && len(t.Rows) == headerScan {
				return t, score, nil
			}
		}
	}
	if !found {
		return t, score, nil
	}
	return t, -1, nil
}

// tagInfo is what the scanner needs of a tag: its local name (for the elements of
// sheetxml.go, else ""), whether it is an end tag or an empty element, and its r and
// t attributes.
type tagInfo struct {
	name       string
	end, empty bool
	r, t       []byte
	hasT       bool
}

// readTag reads the tag that starts at x[i] (just after '<') and returns the index after
// it. Comments, CDATA, processing instructions and declarations are skipped.
func readTag(x []byte, i int) (tagInfo, int) {
	rest := x[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("!--")):
		return tagInfo{}, skipPast(x, i, "-->")
	case bytes.HasPrefix(rest, []byte("![CDATA[")):
		return tagInfo{}, skipPast(x, i, "]]>")
	case bytes.HasPrefix(rest, []byte("?")):
		return tagInfo{}, skipPast(x, i, "?>")
	case bytes.HasPrefix(rest, []byte("!")):
		return tagInfo{}, skipPast(x, i, ">")
	}
	var t tagInfo
	if len(rest) > 0 && rest[0] == '/' {
		t.end = true
		i++
	}
	j := i
	for j < len(x) && !isTagSpace(x[j]) && x[j] != '>' && x[j] != '/' {
		j++
	}
	name := x[i:j]
	if k := bytes.IndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	switch string(name) {
	case "row":
		t.name = "row"
	case "c":
		t.name = "c"
	case "v":
		t.name = "v"
	case "t":
		t.name = "t"
	case "is":
		t.name = "is"
	case "si":
		t.name = "si"
	case "rPh":
		t.name = "rPh"
	default:
		next, empty := skipTag(x, j)
		t.empty = empty
		return t, next
	}
	if t.end {
		next, _ := skipTag(x, j)
		return t, next
	}
	next, empty := t.attrs(x, j)
	t.empty = empty
	return t, next
}

// attrs reads the attributes from x[j] to the end of the tag, keeping r and t; empty
// says the tag ends with "/>".
func (t *tagInfo) attrs(x []byte, j int) (int, bool) {
	for j < len(x) {
		for j < len(x) && isTagSpace(x[j]) {
			j++
		}
		if j >= len(x) || x[j] == '>' || x[j] == '/' {
			return skipTag(x, j)
		}
		k := j
		for k < len(x) && x[k] != '=' && x[k] != '>' && !isTagSpace(x[k]) {
			k++
		}
		key := x[j:k]
		for k < len(x) && (isTagSpace(x[k]) || x[k] == '=') {
			k++
		}
		if k >= len(x) || (x[k] != '"' && x[k] != '\'') {
			return skipTag(x, k)
		}
		end := bytes.IndexByte(x[k+1:], x[k])
		if end < 0 {
			return len(x), false
		}
		switch val := x[k+1 : k+1+end]; string(key) {
		case "r":
			t.r = val
		case "t":
			t.t, t.hasT = val, true
		}
		j = k + 1 + end + 1
	}
	return len(x), false
}

// columnIndex reads the 0-based column of a cell reference such as "AB12" (at most
// three letters, as XFD is the last column), or -1.
func columnIndex(ref []byte) int {
	c, n := 0, 0
	for ; n < len(ref); n++ {
		b := ref[n] | 0x20 // lower case
		if b < 'a' || b > 'z' {
			break
		}
		c = c*26 + int(b-'a') + 1
	}
	if n == 0 || n > 3 {
		return -1
	}
	return c - 1
}

// skipTag returns the index after the '>' that ends the tag x[j] is in, past quotes,
// and whether the tag is an empty element ("/>").
func skipTag(x []byte, j int) (int, bool) {
	var quote, prev byte
	for ; j < len(x); j++ {
		switch c := x[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1, prev == '/'
		}
		prev = x[j]
	}
	return len(x), false
}

// skipPast returns the index after the first end at or after i, or len(x).
func skipPast(x []byte, i int, end string) int {
	k := bytes.Index(x[i:], []byte(end))
	if k < 0 {
		return len(x)
	}
	return i + k + len(end)
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// sheetRef is one sheet of a workbook: its name and its part in the package.
type sheetRef struct{ name, part string }

// sheets lists the workbook's sheets in order with their parts, from xl/workbook.xml
// and its relationships; none when the workbook does not say.
func (w *workbook) sheets() []sheetRef {
	var wb struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if w.decode("xl/workbook.xml", &wb) != nil || w.decode("xl/_rels/workbook.xml.rels", &rels) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	var out []sheetRef
	for _, s := range wb.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" && targets[a.Value] != "" {
				out = append(out, sheetRef{s.Name, targets[a.Value]})
			}
		}
	}
	return out
}

// decode reads a small part (the workbook, its relationships) with encoding/xml.
func (w *workbook) decode(name string, v any) error {
	x, err := w.read(name)
	if err != nil {
		return err
	}
	return xml.Unmarshal(x, v)
}

// atoiOK reads a short run of ASCII digits.
func atoiOK(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
