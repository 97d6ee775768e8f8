package importer

import (
	"os"

	"pingxin/app"
)

// NomineeStream is a nomination list checked part by part as an import asks for the
// parts, so that storing one part can overlap reading and checking the next
// (service.ImportNominees: on two cores a 10,000-row list no longer waits for the
// whole file to be split and checked before the first household is stored). The rows
// are held to exactly the checks of ParseNominees, in file order.
type NomineeStream struct {
	File string // the name as given

	sha256  string
	src     *rowSource
	pending []Row // data rows read while looking for the header
	c       *listChecker
	done    bool
}

// OpenNominees reads the file at path whole, tells its format, checks its encoding and
// finds the header among its first rows, as ReadTable and ParseNominees do; the file
// that cannot be read at all, or has no header, is the error. The rows after the header
// are split and checked by Next.
func OpenNominees(path string, r NomineeRules) (*NomineeStream, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "importer.open", "Path", path)
	}
	s, err := openNominees(f, path, r)
	if err != nil {
		f.Close()
		return nil, inFile(path, err)
	}
	if s.src.file == nil { // read whole already
		f.Close()
	}
	return s, nil
}

// Close closes the file if it is still being read (a list stopped before its end).
func (s *NomineeStream) Close() { s.src.close() }

func openNominees(f *os.File, path string, r NomineeRules) (*NomineeStream, error) {
	src, err := openRows(f, path, NomineeSchema)
	if err != nil {
		return nil, err
	}
	top := &Table{} // the first rows, to find the header among
	for len(top.Rows) < headerScan {
		row, ok, err := src.rows.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		top.Rows = append(top.Rows, row)
	}
	h, err := NomineeSchema.Header(top)
	if err != nil {
		return nil, readToEnd(src, err)
	}
	s := &NomineeStream{File: path, src: src, pending: top.Rows[h.Index+1:], c: newListChecker(h, r)}
	if c := s.clock(); c != nil {
		c.stop() // until Next
	}
	return s, nil
}

// clock is the read-time bound's clock of a list read as it is checked (CSV), nil for
// one read whole when opened (XLSX). It runs only in OpenNominees and Next: the time an
// import spends storing a part is not reading.
func (s *NomineeStream) clock() *limits {
	if c, ok := s.src.rows.(interface{ clock() *limits }); ok {
		return c.clock()
	}
	return nil
}

// Next checks up to n more rows and returns their good households (blocked ones
// included) in file order; an empty result only after the last row. The error is about
// the whole file (a CSV broken further down, a bound passed), as ReadTable would give
// it, and ends the list.
func (s *NomineeStream) Next(n int) ([]app.Nominee, error) {
	if c := s.clock(); c != nil {
		c.start()
		defer c.stop()
	}
	for !s.done {
		k := min(n, len(s.pending))
		rows := append(make([]Row, 0, n), s.pending[:k]...)
		s.pending = s.pending[k:]
		for len(rows) < n {
			row, ok, err := s.src.rows.next()
			if err != nil {
				s.done = true
				return nil, inFile(s.File, err)
			}
			if !ok {
				s.done = true
				s.sha256 = s.src.sum() // here, where the rows were checked, not where they are stored
				break
			}
			rows = append(rows, row)
		}
		if ns := s.c.check(rows, 1); len(ns) > 0 {
			return ns, nil
		}
	}
	return nil, nil
}

// List is what checking found: every error and warning, the counts, the unknown
// columns. It is whole once Next has returned no households; its Nominees is left
// empty (the households went out through Next).
func (s *NomineeStream) List() *NomineeList { return s.c.l }

// readToEnd reads the rest of src and returns the first error reading it, else err: a
// file that cannot be read whole is refused for that, before its header is judged, as
// ReadTable refuses it.
func readToEnd(src *rowSource, err error) error {
	for {
		_, ok, rerr := src.rows.next()
		if rerr != nil {
			return rerr
		}
		if !ok {
			return err
		}
	}
}

// SHA256 is the SHA-256 of the file's bytes, hex, once Next has returned no households.
func (s *NomineeStream) SHA256() string { return s.sha256 }
