package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"pingxin/app"
)

// readCSV decodes b (UTF-8 with or without BOM, UTF-16 with BOM as Excel's "Unicode
// text" writes it, GBK or GB18030), finds the separator (comma or tab) and splits the
// records. Row numbers are the ones Excel shows when it opens the file: every line
// counts, blank ones too, and a quoted cell spanning lines is still one row.
func readCSV(b []byte) (*Table, error) {
	text, err := decodeText(b)
	if err != nil {
		return nil, err
	}
	t := &Table{Format: "csv"}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = separator(text)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true // only the record's slice is reused; its strings go into the row
	extra := 0           // line breaks inside quoted cells so far
	lim := newLimits()
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, app.Errorf(app.EINVALID, "importer.csv_broken", "Row", line-extra)
		}
		if err := lim.row(line-extra, rec); err != nil {
			return nil, err
		}
		row := Row{Num: line - extra, Cells: make([]Cell, len(rec))}
		for i, v := range rec {
			extra += strings.Count(v, "\n")
			row.Cells[i] = Cell{Value: clean(v)}
		}
		if !row.blank() {
			t.Rows = append(t.Rows, row)
		}
	}
	return t, nil
}

// decodeText turns the bytes of a text file into a string, telling the encoding without
// asking: valid UTF-8 is UTF-8 (so a UTF-8 file is never misread as GBK), otherwise
// GB18030, which includes GBK, provided it decodes without a single unknown sequence.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		u, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil || bytes.ContainsRune(u, utf8.RuneError) {
			return "", app.Errorf(app.EINVALID, "importer.encoding")
		}
		b = u
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		b = b[3:]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", app.Errorf(app.EINVALID, "importer.binary")
	}
	if !utf8.Valid(b) {
		g, err := decodeGB18030(b)
		if err != nil || bytes.Contains(g, replacement) {
			return "", app.Errorf(app.EINVALID, "importer.encoding")
		}
		b = g
	}
	if binaryText(b) {
		return "", app.Errorf(app.EINVALID, "importer.binary")
	}
	// The text shares b's bytes instead of copying them (a list is megabytes): b is
	// the file as read or as decoded here, and nothing writes to it again.
	return unsafe.String(unsafe.SliceData(b), len(b)), nil
}

// replacement is U+FFFD in UTF-8, what a decoder writes for bytes it cannot read
// (bytes.Contains finds it faster than bytes.ContainsRune).
var replacement = []byte(string(utf8.RuneError))

// decodeGB18030 decodes b into a buffer sized for the worst valid case at once (two
// bytes become at most three), instead of the decoder's doubling one that copied the
// whole text several times.
func decodeGB18030(b []byte) ([]byte, error) {
	dst := make([]byte, len(b)+len(b)/2+utf8.UTFMax)
	n, read, err := simplifiedchinese.GB18030.NewDecoder().Transform(dst, b, true)
	if err == transform.ErrShortDst || (err == nil && read < len(b)) { // invalid bytes, each replaced by three
		return simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	}
	return dst[:n], err
}

// binaryText reports whether b has more control characters than a table written by a
// person can have (one in two hundred characters): a picture or a program, not a list.
func binaryText(b []byte) bool {
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A {
			ctl++
		}
	}
	return ctl > 0 && ctl*200 > utf8.RuneCount(b)
}

// separator chooses tab or comma: the one that splits the first lines into the same
// number of cells most often (a tab-separated file may still hold "300,000" in its
// amounts, and a title line has neither). A tie is a comma.
func separator(text string) rune {
	if consistency(text, '\t') > consistency(text, ',') {
		return '\t'
	}
	return ','
}

// consistency counts, among the first ten lines, those split by sep (outside quotes)
// into the most common number of cells above one.
func consistency(text string, sep byte) int {
	counts := map[int]int{}
	fields, lines, quoted := 1, 0, false
	for i := 0; i < len(text) && lines < 10; i++ {
		switch c := text[i]; {
		case c == '"':
			quoted = !quoted
		case c == sep && !quoted:
			fields++
		case c == '\n' && !quoted:
			if fields > 1 {
				counts[fields]++
			}
			fields, lines = 1, lines+1
		}
	}
	if fields > 1 {
		counts[fields]++
	}
	best := 0
	for _, n := range counts {
		best = max(best, n)
	}
	return best
}
