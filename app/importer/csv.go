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
	r, err := newCSVRows(b)
	if err != nil {
		return nil, err
	}
	t := &Table{Format: "csv"}
	for {
		row, ok, err := r.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return t, nil
		}
		t.Rows = append(t.Rows, row)
	}
}

// csvRows gives the non-empty rows of a CSV file one at a time, so that an import can
// check and store the first rows while the rest are still being split.
type csvRows struct {
	r     *csv.Reader
	extra int // line breaks inside quoted cells so far
	lim   *limits
}

// newCSVRows decodes b (see readCSV) and chooses its separator.
func newCSVRows(b []byte) (*csvRows, error) {
	in, head, err := decodeText(b)
	if err != nil {
		return nil, err
	}
	return newCSVReader(in, head), nil
}

// newCSVReader splits the text in into rows, with the separator head tells.
func newCSVReader(in io.Reader, head string) *csvRows {
	sep := separator(head)
	r := csv.NewReader(newCellBound(in, sep, maxCols))
	r.Comma = sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true // only the record's slice is reused; its strings go into the row
	return &csvRows{r: r, lim: newLimits()}
}

// clock is the read-time bound's clock, which NomineeStream stops between parts.
func (c *csvRows) clock() *limits { return c.lim }

// next returns the next non-empty row; ok is false after the last.
func (c *csvRows) next() (row Row, ok bool, err error) {
	for {
		rec, err := c.r.Read()
		if err == io.EOF {
			return Row{}, false, nil
		}
		var ae *app.Error
		if errors.As(err, &ae) { // from the decoder: a sequence GB18030 does not know
			return Row{}, false, ae
		}
		line, _ := c.r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return Row{}, false, app.Errorf(app.EINVALID, "importer.csv_broken", "Row", line-c.extra)
		}
		if err := c.lim.row(line-c.extra, rec); err != nil {
			return Row{}, false, err
		}
		row := Row{Num: line - c.extra, Cells: make([]Cell, len(rec))}
		for i, v := range rec {
			c.extra += strings.Count(v, "\n")
			row.Cells[i] = Cell{Value: clean(v)}
		}
		if !row.blank() {
			return row, true, nil
		}
	}
}

// decodeText turns the bytes of a text file into text, telling the encoding without
// asking: valid UTF-8 is UTF-8 (so a UTF-8 file is never misread as GBK), otherwise
// GB18030, which includes GBK, provided it decodes without a single unknown sequence.
// in reads the text; head is enough of it to tell the separator (the text itself, or
// for GB18030 the bytes as they are: the quote, comma, tab and line break are the same
// bytes in both and never part of a longer sequence).
func decodeText(b []byte) (in io.Reader, head string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		u, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil || bytes.ContainsRune(u, utf8.RuneError) {
			return nil, "", app.Errorf(app.EINVALID, "importer.encoding")
		}
		b = u
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		b = b[3:]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return nil, "", app.Errorf(app.EINVALID, "importer.binary")
	}
	if !utf8.Valid(b) {
		if controls(b) == 0 { // no control character: the text cannot be binary
			return &gbReader{src: bytes.NewReader(b)}, unsafe.String(unsafe.SliceData(b), len(b)), nil
		}
		g, err := decodeGB18030(nil, b)
		if err != nil || bytes.Contains(g, replacement) {
			return nil, "", app.Errorf(app.EINVALID, "importer.encoding")
		}
		b = g
	}
	if binaryText(b) {
		return nil, "", app.Errorf(app.EINVALID, "importer.binary")
	}
	// The text shares b's bytes instead of copying them (a list is megabytes): b is
	// the file as read or as decoded here, and nothing writes to it again.
	text := unsafe.String(unsafe.SliceData(b), len(b))
	return strings.NewReader(text), text, nil
}

// replacement is U+FFFD in UTF-8, what a decoder writes for bytes it cannot read
// (bytes.Contains finds it faster than bytes.ContainsRune).
var replacement = []byte(string(utf8.RuneError))

// decodeGB18030 decodes b into dst (grown if it is too small) sized for the worst valid
// case at once (two bytes become at most three), instead of the decoder's doubling
// buffer that copied the whole text several times.
func decodeGB18030(dst, b []byte) ([]byte, error) {
	if need := len(b) + len(b)/2 + utf8.UTFMax; cap(dst) < need {
		dst = make([]byte, need)
	}
	dst = dst[:cap(dst)]
	n, read, err := simplifiedchinese.GB18030.NewDecoder().Transform(dst, b, true)
	if err == transform.ErrShortDst || (err == nil && read < len(b)) { // invalid bytes, each replaced by three
		return simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	}
	return dst[:n], err
}

// gbPart is how much GB18030 text gbReader decodes at a time.
const gbPart = 64 << 10

// gbReader decodes GB18030 text a part at a time, each part ending at a line break
// (a byte no longer sequence contains), so that the first rows of a list are split and
// checked while the rest is still undecoded (or, from a file, unread), and no buffer of
// the whole text is made. A part with a sequence GB18030 does not know is the encoding
// error, as for the whole; a NUL byte is the binary one. It counts the control
// characters, for the whole to be judged at its end when there are any (binaryText).
type gbReader struct {
	src  io.Reader
	raw  []byte // read, not yet decoded
	eof  bool
	seen func([]byte) // hears every byte of src, in order (a hash)
	text []byte       // decoded, not yet read
	buf  []byte       // the decoding buffer, reused
	ctl  int          // control characters no table holds (controls)
}

func (r *gbReader) Read(p []byte) (int, error) {
	for len(r.text) == 0 {
		part, err := r.part()
		if err != nil || len(part) == 0 {
			return 0, err
		}
		if bytes.IndexByte(part, 0) >= 0 {
			return 0, app.Errorf(app.EINVALID, "importer.binary")
		}
		r.ctl += controls(part)
		r.buf, err = decodeGB18030(r.buf, part)
		if err != nil || bytes.Contains(r.buf, replacement) {
			return 0, app.Errorf(app.EINVALID, "importer.encoding")
		}
		r.text = r.buf
		r.raw = r.raw[:copy(r.raw, r.raw[len(part):])]
	}
	n := copy(p, r.text)
	r.text = r.text[n:]
	return n, nil
}

// part reads src until r.raw holds gbPart bytes and a line break after them, or all
// that is left, and returns the part of it to decode next; io.EOF after the last.
func (r *gbReader) part() ([]byte, error) {
	for !r.eof && (len(r.raw) <= gbPart || bytes.IndexByte(r.raw[gbPart:], '\n') < 0) {
		if len(r.raw) == cap(r.raw) {
			r.raw = append(r.raw, make([]byte, gbPart)...)[:len(r.raw)]
		}
		n, err := r.src.Read(r.raw[len(r.raw):cap(r.raw)])
		if r.seen != nil {
			r.seen(r.raw[len(r.raw) : len(r.raw)+n])
		}
		r.raw = r.raw[:len(r.raw)+n]
		if err == io.EOF {
			r.eof = true
		} else if err != nil {
			return nil, app.Errorf(app.EINVALID, "importer.open", "Path", "")
		}
	}
	if len(r.raw) == 0 {
		return nil, io.EOF
	}
	n := len(r.raw)
	if n > gbPart {
		if i := bytes.IndexByte(r.raw[gbPart:], '\n'); i >= 0 {
			n = gbPart + i + 1
		}
	}
	return r.raw[:n], nil
}

// binaryText reports whether b has more control characters than a table written by a
// person can have (one in two hundred characters): a picture or a program, not a list.
func binaryText(b []byte) bool {
	ctl := controls(b)
	return ctl > 0 && ctl*200 > utf8.RuneCount(b)
}

// controls counts the control characters of b that no table holds (all but tab, line
// breaks, form feed and the old end-of-file mark). They are single bytes in UTF-8 and
// GB18030 alike.
func controls(b []byte) int {
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A {
			ctl++
		}
	}
	return ctl
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
