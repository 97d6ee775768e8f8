package importer

import (
	"bytes"
	"crypto/sha256"
	"hash"
	"io"
	"os"
	"unicode/utf8"
)

// openGBFile makes a GB18030 (GBK) list on disk ready to give its rows as they are asked
// for, reading and decoding it a part at a time (gbReader), so that an import checks and
// stores the first rows before the whole file has even been read; its SHA-256 is taken
// as it is read. It takes only a file it can judge from its first part exactly as
// readCSV judges the whole: more than one part long, within the size bound, not UTF-8
// (invalid in its first lines, so invalid as a whole), no byte-order mark, no NUL, and
// ten lines to tell the separator from. Otherwise it returns nil with f rewound, and the
// file is read whole. A file that turns out bad further down is read again whole, so
// that it is refused with readCSV's own error (gbRows).
func openGBFile(f *os.File, name string) (*rowSource, error) {
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() <= 2*gbPart || fi.Size() > maxFileSize {
		return nil, nil
	}
	head := make([]byte, gbPart)
	if _, err := io.ReadFull(f, head); err != nil {
		_, err = f.Seek(0, io.SeekStart)
		return nil, err
	}
	lines := bytes.LastIndexByte(head, '\n')
	if sniff(head) != formatText || bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) ||
		bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.IndexByte(head, 0) >= 0 || bytes.Count(head, []byte{'\n'}) < 10 ||
		utf8.Valid(head[:lines+1]) {
		_, err := f.Seek(0, io.SeekStart)
		return nil, err
	}
	h := sha256.New()
	h.Write(head)
	gb := &gbReader{src: io.MultiReader(bytes.NewReader(head), &hashingReader{r: f, h: h})}
	src := &rowSource{name: name, format: "csv", file: f, hash: h, gb: gb}
	src.rows = &gbRows{c: newCSVReader(gb, string(head)), src: src}
	return src, nil
}

// hashingReader hashes what it reads.
type hashingReader struct {
	r io.Reader
	h hash.Hash
}

func (r *hashingReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.h.Write(p[:n])
	return n, err
}

// gbRows gives the rows of a list read part by part (openGBFile). Any error, and a text
// with control characters in it, has the file read again whole and judged as readCSV
// judges it, so that the refusal is the one it would have been read at once.
type gbRows struct {
	c   *csvRows
	src *rowSource
}

func (r *gbRows) clock() *limits { return r.c.clock() }

func (r *gbRows) next() (Row, bool, error) {
	row, ok, err := r.c.next()
	if err != nil || (!ok && r.src.gb.ctl > 0) {
		err = r.src.wholeError(err)
	}
	if !ok || err != nil {
		r.src.close()
	}
	return row, ok, err
}

// wholeError reads the file again from its start, whole, and returns the error readCSV
// gives it, else err.
func (s *rowSource) wholeError(err error) error {
	if _, serr := s.file.Seek(0, io.SeekStart); serr != nil {
		return err
	}
	b, rerr := readLimited(s.file)
	if rerr != nil {
		return err
	}
	if _, werr := readCSV(b); werr != nil {
		return werr
	}
	return err
}
