package importer

import (
	"bytes"
	"io"

	"pingxin/app"
)

// cellBound passes a CSV's text to encoding/csv and refuses a record of more than max
// cells, or a cell longer than any cell of maxCell characters can be written, before
// csv has split it: csv builds each record whole, and one line of 20 million commas (a
// 20 MB file) took 1.7 GB and 11 seconds to split, and one cell of 60 MB 330 MB, before
// the bounds (limits.row) could look at them. It reads quotes as csv with LazyQuotes does: a
// quote opens a quoted cell only as the cell's first character and ends it only before
// a separator or a line end ("\r\n" is one); inside, two quotes are one and any other
// quote is text. Only line ends outside quoted cells end a record, so the row it names
// is readCSV's: every line counts, and a quoted cell spanning lines is one row.
type cellBound struct {
	r     io.Reader
	sep   byte
	ends  string // what ends a plain cell: the separator and a line end
	max   int
	line  int // line ends outside quoted cells so far
	cells int // cells of the record being read
	bytes int // bytes of the cell being read, its quotes included
	state cellState
}

// maxCellWritten is the most bytes a cell of maxCell characters takes in a CSV: four a
// character, each written twice at the most (a quote doubled, a line end as "\r\n"),
// and its two quotes. A longer cell is refused whatever it holds.
const maxCellWritten = maxCell*4*2 + 2

type cellState byte

const (
	cellStart   cellState = iota // at the first character of a cell
	cellPlain                    // in a cell that did not start with a quote
	cellQuoted                   // in a quoted cell
	cellQuote                    // just after a quote in a quoted cell
	cellQuoteCR                  // just after a quote and a "\r" in a quoted cell
)

func newCellBound(r io.Reader, sep rune, max int) *cellBound {
	s := byte(sep)
	return &cellBound{r: r, sep: s, ends: string([]byte{s, '\n'}), max: max, cells: 1}
}

func (b *cellBound) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	for i := 0; i < n; i++ {
		skip := b.skip(p[i:n])
		if b.bytes += skip; b.bytes > maxCellWritten {
			return i, b.tooLong()
		}
		if i += skip; i == n {
			break
		}
		if cut := b.next(p[i]); cut != nil {
			return i, cut // the record's cells so far, then the refusal
		}
	}
	return n, err
}

func (b *cellBound) tooLong() error {
	return app.Errorf(app.EINVALID, "importer.cell_too_long", "Row", b.line+1, "Col", b.cells, "Max", maxCell)
}

// skip is how many bytes at the start of p leave the state as it is: in a quoted cell
// all but a quote, in a plain cell all but a separator and a line end.
func (b *cellBound) skip(p []byte) int {
	j := 0
	switch b.state {
	case cellQuoted:
		j = bytes.IndexByte(p, '"')
	case cellPlain:
		j = bytes.IndexAny(p, b.ends)
	}
	if j < 0 {
		return len(p)
	}
	return j
}

// next moves the state on over c and refuses the record once it has too many cells,
// or the cell once it is too long.
func (b *cellBound) next(c byte) error {
	if b.bytes++; b.bytes > maxCellWritten {
		return b.tooLong()
	}
	switch b.state {
	case cellQuoted: // c is a quote
		b.state = cellQuote
		return nil
	case cellQuote:
		switch c {
		case '"': // two quotes are one
			b.state = cellQuoted
			return nil
		case '\r':
			b.state = cellQuoteCR
			return nil
		case b.sep, '\n': // the cell ends
		default: // the quote was text
			b.state = cellQuoted
			return nil
		}
	case cellQuoteCR:
		if c != '\n' { // the quote and the "\r" were text
			b.state = cellQuoted
			if c == '"' {
				b.state = cellQuote
			}
			return nil
		}
	}
	switch {
	case c == b.sep:
		b.state, b.bytes = cellStart, 0
		if b.cells++; b.cells > b.max {
			return app.Errorf(app.EINVALID, "importer.too_many_cols", "Row", b.line+1, "Max", b.max)
		}
	case c == '\n':
		b.line++
		b.cells, b.bytes, b.state = 1, 0, cellStart
	case c == '"': // at a cell's start: skip passes over the quotes of a plain cell
		b.state = cellQuoted
	default:
		b.state = cellPlain
	}
	return nil
}
