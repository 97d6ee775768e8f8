package importer

import (
	"archive/zip"
	"bytes"
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

// partBounds checks a sheet or the shared strings while they are decompressed (see
// workbook.readChecked), before anything parses them: it refuses more than maxRows row
// tags and any run of text or attribute longer than a cell may be. It reads the part
// once, as it arrives, so a workbook of millions of empty rows is refused after its
// first 200,000 having decompressed no more of it.
type partBounds struct {
	tag    [8]byte // the start of the tag name being read
	tagLen int
	inName bool // between '<' and the end of the tag's name
	rows   int
	run    int // bytes since the last '<' or '>'
}

// feed checks the next bytes of the part.
func (pb *partBounds) feed(p []byte) error {
	for i := 0; i < len(p); {
		if pb.inName {
			if err := pb.nameByte(p[i]); err != nil {
				return err
			}
			i++
			continue
		}
		// Outside a tag's name only '<' and '>' matter: jump from one to the next.
		k := bytes.IndexByte(p[i:], '<')
		if k < 0 {
			k = len(p) - i
		}
		if err := pb.text(p[i : i+k]); err != nil {
			return err
		}
		i += k
		if i < len(p) { // at a '<'
			pb.inName, pb.tagLen, pb.run = true, 0, 0
			i++
		}
	}
	return nil
}

// text accounts for seg, which holds no '<': the run restarts after each '>'.
func (pb *partBounds) text(seg []byte) error {
	for pb.run+len(seg) > maxCellBytes {
		g := bytes.IndexByte(seg, '>')
		if g < 0 || pb.run+g > maxCellBytes {
			return app.Errorf(app.EINVALID, "importer.text_too_long", "Max", maxCell)
		}
		pb.run, seg = 0, seg[g+1:]
	}
	if g := bytes.LastIndexByte(seg, '>'); g >= 0 {
		pb.run = len(seg) - g - 1
	} else {
		pb.run += len(seg)
	}
	return nil
}

// nameByte reads one byte of a tag's name, counting the row tags (<row>, <x:row>).
func (pb *partBounds) nameByte(c byte) error {
	switch {
	case c == '<':
		pb.tagLen, pb.run = 0, 0
		return nil
	case c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r':
		pb.inName = false
		if t := pb.tag[:min(pb.tagLen, len(pb.tag))]; pb.tagLen <= len(pb.tag) && (string(t) == "row" || bytes.HasSuffix(t, []byte(":row"))) {
			if pb.rows++; pb.rows > maxRows {
				return app.Errorf(app.EINVALID, "importer.too_many_rows", "Max", maxRows)
			}
		}
	default:
		if pb.tagLen < len(pb.tag) {
			pb.tag[pb.tagLen] = c
		}
		pb.tagLen++
	}
	if c == '>' {
		pb.run = 0
	} else if pb.run++; pb.run > maxCellBytes {
		return app.Errorf(app.EINVALID, "importer.text_too_long", "Max", maxCell)
	}
	return nil
}

// maxCellBytes is the most bytes a cell of maxCell characters takes in the XML: each
// may be a 4-byte character or an entity such as &#x10FFFF; (10 bytes).
const maxCellBytes = maxCell * 10

func (l *limits) timeout() error {
	return app.Errorf(app.EINVALID, "importer.too_slow", "Seconds", int(readTimeout/time.Second))
}

// limits counts what a reader has read of one file against the bounds. Its clock
// counts reading only: a list read part by part (NomineeStream) stops it while the store
// stores a part, so a slow disk under the database never makes a file "too slow to read".
type limits struct {
	deadline time.Time
	stopped  time.Time // when the clock was stopped; zero while it runs
}

func newLimits() *limits { return &limits{deadline: time.Now().Add(readTimeout)} }

// stop stops the clock until start.
func (l *limits) stop() { l.stopped = time.Now() }

// start runs the clock again, the deadline moved on by the time it was stopped.
func (l *limits) start() {
	if !l.stopped.IsZero() {
		l.deadline = l.deadline.Add(time.Since(l.stopped))
		l.stopped = time.Time{}
	}
}

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
