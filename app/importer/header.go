package importer

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"pingxin/app"
	"pingxin/app/textnorm"
)

// Header is where a file's columns are: the header row and, for each known column, its
// position, its header as written and whether that header puts the amounts in 万.
type Header struct {
	Index   int               // index of the header row in Table.Rows
	Num     int               // the header's row number as the spreadsheet shows it
	Cols    map[string]int    // column key → 0-based column
	Text    map[string]string // column key → the header as written in the file
	Wan     map[string]bool   // column key → the header says 万 or 万元 (申请额度（万元）)
	Unknown []string          // headers the schema does not know, as written, in file order

	keys []string // the keys of Cols in sorted order, for checks that visit every column
}

// Has reports whether the file has the column with key.
func (h *Header) Has(key string) bool {
	_, ok := h.Cols[key]
	return ok
}

// normalizeHeader reduces a header to what is compared: full-width forms narrowed,
// every space, line break, byte-order mark and zero-width space removed, and any
// bracketed remark dropped ("身份证号码（18位）" → "身份证号码", "* 姓名" → "姓名"). wan
// reports a remark naming 万 as the unit ("申请额度（万元）").
func normalizeHeader(s string) (key string, wan bool) {
	s = width.Narrow.String(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case strings.ContainsRune("([【〔{<《", r):
			depth++
		case strings.ContainsRune(")]】〕}>》", r):
			depth = max(depth-1, 0)
		case depth > 0:
			if r == '万' {
				wan = true
			}
		case unicode.IsSpace(r), textnorm.IsBlank(r), strings.ContainsRune("*※:", r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), wan
}

// match finds the schema column that header h names: -1 when it is known but carries
// nothing to import, and ok=false when the schema does not know it.
func (s *Schema) match(h string) (col int, wan, ok bool) {
	k, wan := normalizeHeader(h)
	if k == "" {
		return -1, false, true
	}
	col, ok = s.index[k]
	return col, wan, ok
}

// readHeader reads row r as a header of s: known columns (the first of two with one
// meaning wins), and unknown ones.
func (s *Schema) readHeader(r Row, index int) *Header {
	h := &Header{Index: index, Num: r.Num, Cols: map[string]int{}, Text: map[string]string{}, Wan: map[string]bool{}}
	for i, c := range r.Cells {
		col, wan, ok := s.match(c.Value)
		switch {
		case !ok:
			h.Unknown = append(h.Unknown, c.Value)
		case col < 0:
		case h.Has(s.Columns[col].Key):
			h.Unknown = append(h.Unknown, c.Value)
		default:
			key := s.Columns[col].Key
			h.Cols[key], h.Text[key], h.Wan[key] = i, c.Value, wan
			h.keys = append(h.keys, key)
		}
	}
	sort.Strings(h.keys) // once per file, not once per row (rowReader.checkText)
	return h
}

// missing lists the canonical headers of the required columns h lacks.
func (s *Schema) missing(h *Header) []string {
	var out []string
	for _, c := range s.Columns {
		if c.Required && !h.Has(c.Key) {
			out = append(out, c.Names[0])
		}
	}
	return out
}

// findHeader looks at the first headerScan rows for the header: the row that names
// every required column and the most known ones (the first such row on a tie). best is
// the row naming the most known columns, complete or not, for the error message.
func (s *Schema) findHeader(rows []Row) (best *Header, ok bool) {
	for i := range min(len(rows), headerScan) {
		h := s.readHeader(rows[i], i)
		complete := len(s.missing(h)) == 0
		switch {
		case best == nil:
			best, ok = h, complete
		case complete && (!ok || len(h.Cols) > len(best.Cols)):
			best, ok = h, true
		case !ok && len(h.Cols) > len(best.Cols):
			best = h
		}
	}
	return best, ok
}

// Header finds the header row of t. A file without one, or whose header lacks a
// required column, is one *app.Error (EINVALID) naming what is missing.
func (s *Schema) Header(t *Table) (*Header, error) {
	if len(t.Rows) == 0 {
		return nil, app.Errorf(app.EINVALID, "importer.empty")
	}
	h, ok := s.findHeader(t.Rows)
	if ok {
		return h, nil
	}
	if len(h.Cols) == 0 {
		return nil, app.Errorf(app.EINVALID, "importer.no_header", "Rows", headerScan, "Required", strings.Join(s.required(), "、"))
	}
	return nil, app.Errorf(app.EINVALID, "importer.missing_columns", "Row", h.Num,
		"Columns", strings.Join(s.missing(h), "、"), "Names", s.synonyms(s.missing(h)))
}

// required lists the canonical headers of the required columns.
func (s *Schema) required() []string {
	var out []string
	for _, c := range s.Columns {
		if c.Required {
			out = append(out, c.Names[0])
		}
	}
	return out
}

// synonyms spells out the accepted headers of the named columns, for the message.
func (s *Schema) synonyms(canonical []string) string {
	var parts []string
	for _, c := range s.Columns {
		for _, n := range canonical {
			if c.Names[0] == n {
				parts = append(parts, strings.Join(c.Names, "/"))
			}
		}
	}
	return strings.Join(parts, "；")
}
