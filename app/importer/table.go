// Package importer reads the files people bring to Pingxin — the nomination list, the
// council roster and the village blacklist — as Excel, WPS and office systems on Chinese
// Windows produce them: CSV in UTF-8 (with or without BOM), GBK or GB18030, comma or tab
// separated, and XLSX. It finds the columns by their Chinese headers wherever the header
// row is, checks every row with the domain's own rules, and reports every bad row by the
// row number the spreadsheet shows, the column, the value and the reason. It never
// guesses: an ID a spreadsheet stored as a number is refused, not repaired.
package importer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"os"

	"pingxin/app"
	"pingxin/app/textnorm"
)

// Cell is one spreadsheet cell as read: its text, and whether an XLSX file stored it as
// a number (an ID stored so has lost its last digits, whatever the text now shows).
type Cell struct {
	Value   string
	Numeric bool
}

// Row is one non-empty row with the number the spreadsheet shows for it (the first row
// is 1), so that an error names the row the clerk sees on screen.
type Row struct {
	Num   int
	Cells []Cell
}

// Cell returns the cell in column i (0-based), or an empty cell past the row's end:
// spreadsheets leave trailing empty cells out.
func (r Row) Cell(i int) Cell {
	if i < 0 || i >= len(r.Cells) {
		return Cell{}
	}
	return r.Cells[i]
}

// blank reports whether every cell of r is empty; the readers have cleaned each cell
// (clean), so a cell of only spaces is empty by then.
func (r Row) blank() bool {
	for _, c := range r.Cells {
		if c.Value != "" {
			return false
		}
	}
	return true
}

// Table is the content of one sheet (or one CSV file): its non-empty rows in order.
type Table struct {
	Name   string // the file name as given, for messages
	Format string // "csv" or "xlsx"
	Sheet  string // the XLSX sheet read; "" for CSV
	SHA256 string // of the file's bytes, hex: the audit log names the file by it
	Rows   []Row
}

// maxFileSize bounds what is read into memory: a nomination list of a whole county is
// well below it, and a mistaken choice of a video file is refused at once.
const maxFileSize = 64 << 20

// ReadTable reads the CSV or XLSX file at path. The format is told by the content, not
// the name. For an XLSX workbook it reads the first sheet that has a header row of
// schema s (the first sheet when s is nil or none has). A file that cannot be read at all
// is one *app.Error with code EINVALID that says why and what to do.
func ReadTable(path string, s *Schema) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "importer.open", "Path", path)
	}
	defer f.Close()
	return ReadTableFrom(f, path, s)
}

// ReadTableFrom is ReadTable over an open reader; name is used in messages only, and
// every whole-file refusal names it.
func ReadTableFrom(r io.Reader, name string, s *Schema) (*Table, error) {
	t, err := readTableFrom(r, name, s)
	if err != nil {
		return nil, inFile(name, err)
	}
	return t, nil
}

func readTableFrom(r io.Reader, name string, s *Schema) (*Table, error) {
	src, err := openRows(r, name, s)
	if err != nil {
		return nil, err
	}
	if tr, ok := src.rows.(*tableRows); ok { // XLSX: read whole already
		tr.t.Name, tr.t.SHA256 = src.name, src.sum()
		return tr.t, nil
	}
	t := src.table()
	for {
		row, ok, err := src.rows.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			t.SHA256 = src.sum() // of a file read part by part, whole only now
			return t, nil
		}
		t.Rows = append(t.Rows, row)
	}
}

// rowSource is a file opened for reading: what it is, and its non-empty rows, given
// one at a time (a CSV file is split as they are asked for).
type rowSource struct {
	name, format, sheet string
	b                   []byte // the file, when read whole
	rows                interface{ next() (Row, bool, error) }

	file *os.File  // the file still being read (openGBFile), closed after its last row
	hash hash.Hash // of what has been read of file
	gb   *gbReader
}

// close closes the file still being read, if any.
func (s *rowSource) close() {
	if s.file != nil {
		s.file.Close()
		s.file = nil
	}
}

// table is an empty Table naming the source, without its SHA-256 (sum).
func (s *rowSource) table() *Table {
	return &Table{Name: s.name, Format: s.format, Sheet: s.sheet}
}

// sum is the SHA-256 of the file, hex: the audit log names the file by it.
func (s *rowSource) sum() string {
	if s.hash != nil {
		return hex.EncodeToString(s.hash.Sum(nil))
	}
	sum := sha256.Sum256(s.b)
	return hex.EncodeToString(sum[:])
}

// openRows reads r whole, tells its format by its content and makes ready to give its
// rows: a workbook is read at once, a CSV file is decoded (its encoding is checked on
// the whole) and split later.
func openRows(r io.Reader, name string, s *Schema) (*rowSource, error) {
	if f, ok := r.(*os.File); ok {
		if src, err := openGBFile(f, name); err != nil {
			return nil, app.Errorf(app.EINVALID, "importer.open", "Path", name)
		} else if src != nil {
			return src, nil
		}
	}
	b, err := readLimited(r)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "importer.open", "Path", name)
	}
	if len(b) > maxFileSize {
		return nil, app.Errorf(app.EINVALID, "importer.too_big", "MB", maxFileSize>>20)
	}
	src := &rowSource{name: name, b: b}
	switch sniff(b) {
	case formatEmpty:
		return nil, app.Errorf(app.EINVALID, "importer.empty")
	case formatXLS:
		return nil, app.Errorf(app.EINVALID, "importer.xls")
	case formatXLSX:
		t, err := readXLSX(b, s)
		if err != nil {
			return nil, err
		}
		src.format, src.sheet, src.rows = t.Format, t.Sheet, &tableRows{t: t}
	default:
		rows, err := newCSVRows(b)
		if err != nil {
			return nil, err
		}
		src.format, src.rows = "csv", rows
	}
	return src, nil
}

// readLimited reads r to its end, or to one byte past maxFileSize. An open file, or a
// reader that knows its length, is read into a buffer of its size, not one grown by
// doubling: a list is megabytes, and each doubling copied it and touched new memory.
func readLimited(r io.Reader) ([]byte, error) {
	size := 512
	switch f := r.(type) {
	case *os.File:
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = int(min(fi.Size(), maxFileSize)) + 1 // +1: the end is seen without growing
		}
	case interface{ Len() int }: // bytes.Reader, strings.Reader
		size = min(f.Len(), maxFileSize) + 1
	}
	r = io.LimitReader(r, maxFileSize+1)
	b := make([]byte, 0, size)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// tableRows gives the rows of a table already read.
type tableRows struct {
	t *Table
	i int
}

func (r *tableRows) next() (Row, bool, error) {
	if r.i == len(r.t.Rows) {
		return Row{}, false, nil
	}
	r.i++
	return r.t.Rows[r.i-1], true, nil
}

type format int

const (
	formatText format = iota
	formatEmpty
	formatXLSX
	formatXLS
)

// oleMagic starts every legacy .xls (and .et) workbook, and every encrypted .xlsx.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff tells the format from the first bytes.
func sniff(b []byte) format {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return formatXLSX
	case bytes.HasPrefix(b, oleMagic):
		return formatXLS
	case len(bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")))) == 0:
		return formatEmpty
	}
	return formatText
}

// clean trims what copied cells carry around a value: spaces (the ideographic space
// too), the byte-order mark and zero-width spaces.
func clean(s string) string { return textnorm.Trim(s) }
