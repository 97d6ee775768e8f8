package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"time"

	"pingxin/app"
)

// Bounds on what a list may hold, so a hostile or broken file is refused within
// seconds instead of filling memory and disk (issue 17: a 2 MB workbook expanding to
// one 2 GiB cell, another to 20 million rows). Each is far above a real list: the
// largest county list seen has some 10,000 rows and 20 columns. docs/RULES.md §6.
const (
	// maxUnzipped bounds the sum of the workbook's parts once decompressed. Go's zip
	// reader refuses a part longer than its declared size, so the declared sizes are
	// checked before anything is decompressed.
	maxUnzipped = 160 << 20
	// maxRows bounds a sheet's row numbers (blank rows count, as Excel shows them).
	maxRows = 200_000
	// maxCols bounds the cells of one row.
	maxCols = 1_000
	// maxCell is Excel's own limit on the characters of one cell.
	maxCell = 32_767
)

// readTimeout bounds the time spent reading one file, whatever it holds.
var readTimeout = 30 * time.Second

// checkUnzipped refuses a workbook whose parts declare more than maxUnzipped bytes in
// all, before any is decompressed. A file that is not a zip is left to excelize to
// refuse.
func checkUnzipped(b []byte) error {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if total > maxUnzipped || f.UncompressedSize64 > maxUnzipped {
			return app.Errorf(app.EINVALID, "importer.unzipped_too_big", "MB", maxUnzipped>>20)
		}
	}
	return nil
}

// prescan reads the sheets and the shared strings of the workbook in b once, as a
// stream, before excelize parses anything (excelize takes 20 s only to open 120 MB of
// empty rows): it refuses more than maxRows row tags in a sheet and any run of text or
// attribute longer than a cell may be, within the time bound.
func prescan(b []byte, lim *limits) error {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil // excelize says it is not a workbook
	}
	for _, f := range z.File {
		name := strings.ToLower(f.Name)
		if !strings.HasPrefix(name, "xl/worksheets/") && name != "xl/sharedstrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		err = scanPart(rc, lim)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// scanPart is prescan on one part.
func scanPart(r io.Reader, lim *limits) error {
	buf := make([]byte, 256<<10)
	var tag [8]byte
	tagLen, inName, rows, run := 0, false, 0, 0
	for {
		n, err := r.Read(buf)
		for _, c := range buf[:n] {
			switch {
			case c == '<':
				inName, tagLen, run = true, 0, 0
				continue
			case inName && (c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r'):
				inName = false
				if t := tag[:min(tagLen, len(tag))]; tagLen <= len(tag) && (string(t) == "row" || bytes.HasSuffix(t, []byte(":row"))) {
					if rows++; rows > maxRows {
						return app.Errorf(app.EINVALID, "importer.too_many_rows", "Max", maxRows)
					}
				}
			case inName:
				if tagLen < len(tag) {
					tag[tagLen] = c
				}
				tagLen++
			}
			if c == '>' {
				run = 0
			} else if run++; run > maxCellBytes {
				return app.Errorf(app.EINVALID, "importer.text_too_long", "Max", maxCell)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return nil // excelize says what is wrong with the part
		}
		if time.Now().After(lim.deadline) {
			return lim.timeout()
		}
	}
}

// maxCellBytes is the most bytes a cell of maxCell characters takes in the XML: each
// may be a 4-byte character or an entity such as &#x10FFFF; (10 bytes).
const maxCellBytes = maxCell * 10

func (l *limits) timeout() error {
	return app.Errorf(app.EINVALID, "importer.too_slow", "Seconds", int(readTimeout/time.Second))
}

// limits counts what a reader has read of one file against the bounds.
type limits struct{ deadline time.Time }

func newLimits() *limits { return &limits{deadline: time.Now().Add(readTimeout)} }

// row checks the row numbered num with its cell values.
func (l *limits) row(num int, cells []string) error {
	if num > maxRows {
		return app.Errorf(app.EINVALID, "importer.too_many_rows", "Max", maxRows)
	}
	if len(cells) > maxCols {
		return app.Errorf(app.EINVALID, "importer.too_many_cols", "Row", num, "Max", maxCols)
	}
	for i, c := range cells {
		if len(c) > maxCell*3 || (len(c) > maxCell && len([]rune(c)) > maxCell) {
			return app.Errorf(app.EINVALID, "importer.cell_too_long", "Row", num, "Col", i+1, "Max", maxCell)
		}
	}
	if num%1024 == 0 && time.Now().After(l.deadline) {
		return l.timeout()
	}
	return nil
}
