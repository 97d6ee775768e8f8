package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
)

// headerScan is how many non-empty rows at the top of a sheet may come before the
// header row: offices put a title, a date and a note above it.
const headerScan = 10

// readXLSX reads the first sheet of the workbook in b that has a header row of s (else
// the sheet whose header comes closest, so the error names what it lacks; else the
// first sheet), with excelize's streaming reader. Values are read raw (300000, not
// "300,000" as a cell format would show it) and every cell keeps whether the workbook
// stored it as a number.
func readXLSX(b []byte, s *Schema) (*Table, error) {
	lim := newLimits()
	if err := checkUnzipped(b); err != nil {
		return nil, err
	}
	if err := prescan(b, lim); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelizeOptions())
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "importer.xlsx_bad")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, app.Errorf(app.EINVALID, "importer.xlsx_bad")
	}
	parts := sheetParts(b)
	best, bestScore := sheets[0], 0
	for _, name := range sheets {
		t, score, err := readSheet(f, name, s, lim)
		if err != nil {
			return nil, err
		}
		if score < 0 {
			return typed(t, b, parts[name])
		}
		if score > bestScore {
			best, bestScore = name, score
		}
	}
	t, _, err := readSheet(f, best, nil, lim)
	if err != nil {
		return nil, err
	}
	return typed(t, b, parts[best])
}

// readSheet streams one sheet; score is -1 when it was read whole. With a schema it
// stops after headerScan rows when none of them is a complete header of s, and score is
// how many known columns the closest row names.
func readSheet(f *excelize.File, name string, s *Schema, lim *limits) (t *Table, score int, err error) {
	rows, err := f.Rows(name)
	if err != nil {
		return nil, 0, app.Errorf(app.EINVALID, "importer.xlsx_bad")
	}
	defer rows.Close()
	t = &Table{Format: "xlsx", Sheet: name}
	found := s == nil
	for num := 1; rows.Next(); num++ {
		vals, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, 0, app.Errorf(app.EINVALID, "importer.xlsx_bad")
		}
		if err := lim.row(num, vals); err != nil {
			return nil, 0, err
		}
		row := Row{Num: num, Cells: make([]Cell, len(vals))}
		for i, v := range vals {
			row.Cells[i] = Cell{Value: clean(v)}
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
	if rows.Error() != nil {
		return nil, 0, app.Errorf(app.EINVALID, "importer.xlsx_bad")
	}
	if !found {
		return t, score, nil
	}
	return t, -1, nil
}

// typed marks the cells the workbook stored as numbers, from the sheet part's XML: the
// streaming reader gives text only, and an ID must never be taken from a number cell.
func typed(t *Table, b []byte, part string) (*Table, error) {
	if part == "" {
		return t, nil
	}
	num, err := numericCells(b, part)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "importer.xlsx_bad")
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		cols, ok := num[r.Num]
		if !ok {
			continue
		}
		for _, c := range cols {
			if c < len(r.Cells) {
				r.Cells[c].Numeric = true
			}
		}
	}
	return t, nil
}

// numericCells scans a worksheet part and returns, per row number, the 0-based columns
// of cells stored as numbers (no t attribute, or t="n"). It reads the tags with a small
// scanner rather than encoding/xml: it needs three attributes of two elements, and a
// 10,000-row sheet is scanned in a few milliseconds instead of a few hundred.
func numericCells(b []byte, part string) (map[int][]int, error) {
	rc, err := openPart(b, part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	x, err := io.ReadAll(rc)
	if err != nil {
		return nil, err
	}
	out := map[int][]int{}
	row, col := 0, -1
	for i := 0; i < len(x); {
		lt := bytes.IndexByte(x[i:], '<')
		if lt < 0 {
			break
		}
		var t tagInfo
		t, i = readTag(x, i+lt+1)
		switch t.name {
		case "row":
			row, col = row+1, -1
			if n, ok := atoiOK(string(t.r)); ok && n > 0 {
				row = n
			}
		case "c":
			col++
			if c := columnIndex(t.r); c >= 0 {
				col = c
			}
			if !t.hasT || string(t.t) == "n" {
				out[row] = append(out[row], col)
			}
		}
	}
	return out, nil
}

// tagInfo is what numericCells needs of a start tag: its local name ("row" or "c", else
// "") and its r and t attributes.
type tagInfo struct {
	name string
	r, t []byte
	hasT bool
}

// readTag reads the tag that starts at x[i] (just after '<') and returns the index after
// it. Comments, CDATA, processing instructions and end tags are skipped.
func readTag(x []byte, i int) (tagInfo, int) {
	rest := x[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("!--")):
		return tagInfo{}, skipPast(x, i, "-->")
	case bytes.HasPrefix(rest, []byte("![CDATA[")):
		return tagInfo{}, skipPast(x, i, "]]>")
	case bytes.HasPrefix(rest, []byte("?")):
		return tagInfo{}, skipPast(x, i, "?>")
	case bytes.HasPrefix(rest, []byte("/")), bytes.HasPrefix(rest, []byte("!")):
		return tagInfo{}, skipPast(x, i, ">")
	}
	j := i
	for j < len(x) && !isTagSpace(x[j]) && x[j] != '>' && x[j] != '/' {
		j++
	}
	name := x[i:j]
	if k := bytes.IndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	var t tagInfo
	switch string(name) {
	case "row":
		t.name = "row"
	case "c":
		t.name = "c"
	default:
		return t, skipTag(x, j)
	}
	return t, t.attrs(x, j)
}

// attrs reads the attributes from x[j] to the end of the tag, keeping r and t.
func (t *tagInfo) attrs(x []byte, j int) int {
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
			return len(x)
		}
		switch val := x[k+1 : k+1+end]; string(key) {
		case "r":
			t.r = val
		case "t":
			t.t, t.hasT = val, true
		}
		j = k + 1 + end + 1
	}
	return len(x)
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

// skipTag returns the index after the '>' that ends the tag x[j] is in, past quotes.
func skipTag(x []byte, j int) int {
	var quote byte
	for ; j < len(x); j++ {
		switch c := x[j]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return len(x)
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

// sheetParts maps each sheet's name to its part in the package, from xl/workbook.xml
// and its relationships. It returns an empty map when the workbook does not say.
func sheetParts(b []byte) map[string]string {
	out := map[string]string{}
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
	if decodePart(b, "xl/workbook.xml", &wb) != nil || decodePart(b, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return out
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
	for _, s := range wb.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				out[s.Name] = targets[a.Value]
			}
		}
	}
	return out
}

func decodePart(b []byte, name string, v any) error {
	rc, err := openPart(b, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// openPart opens one part of the zip package in b, matching the name without regard to
// case, as Excel does.
func openPart(b []byte, name string) (io.ReadCloser, error) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	for _, f := range z.File {
		if strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, io.ErrUnexpectedEOF
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
