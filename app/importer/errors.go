package importer

import (
	"path/filepath"
	"strings"
	"unicode/utf8"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/textnorm"
)

// RowError is one thing wrong in one row of a file, told the way the clerk finds it:
// the row number the spreadsheet shows, the column's header as written in the file, the
// value (an ID cut to its first 10 characters, so no full ID is ever printed) and the
// reason.
type RowError struct {
	Row    int
	Column string
	Value  string
	Reason i18n.Message
	// Cause, when set, is the domain error (idcard, amount) that says the reason in its
	// own words; Localize prefers it over Reason, whose key then names the kind only.
	Cause i18n.Localizer
}

// ReasonIn renders the reason alone in l, as the JSON summary gives it.
func (e RowError) ReasonIn(l i18n.Lang) string {
	if e.Cause != nil {
		return e.Cause.Localize(l)
	}
	return e.Reason.In(l)
}

// Localize renders the whole error in l: row, column, value and reason.
func (e RowError) Localize(l i18n.Lang) string {
	key := "importer.row"
	if e.Value == "" {
		key = "importer.row_empty"
	}
	return i18n.T(l, key, i18n.Data{"Row": e.Row, "Column": e.Column, "Value": e.Value, "Reason": e.ReasonIn(l)})
}

// Error renders the error in Chinese.
func (e RowError) Error() string { return e.Localize(i18n.Zh) }

// FileErrors is a file refused because of bad rows: every one of them, so the clerk
// fixes the file in one go. It unwraps to an *app.Error with code EINVALID.
type FileErrors struct {
	File   string
	Errors []RowError
}

// Error renders every row error in Chinese, one per line.
func (f *FileErrors) Error() string { return f.Localize(i18n.Zh) }

// Localize renders every row error in l, one per line.
// The list is cut at i18n.MaxListed lines, the last saying how many more there are.
func (f *FileErrors) Localize(l i18n.Lang) string { return strings.Join(i18n.Cap(f.Lines(l), l), "\n") }

// Lines renders one line per row error, each naming the file, for the command line.
func (f *FileErrors) Lines(l i18n.Lang) []string {
	out := make([]string, len(f.Errors))
	for i, e := range f.Errors {
		out[i] = f.File + ": " + e.Localize(l)
	}
	return out
}

// Unwrap gives the error's code to app.ErrorCode: the input was refused.
func (f *FileErrors) Unwrap() error {
	return app.Errorf(app.EINVALID, "importer.refused", "File", f.File, "Count", len(f.Errors))
}

// shorten keeps a value printable in one line of a report: an ID shows its first 10
// characters and "…" (docs/CLI.md §4), any other long text its first 20.
func shorten(v string, id bool) string {
	n := 20
	if id {
		n = 10
	}
	v = textnorm.Visible(strings.Join(strings.Fields(v), " "))
	if utf8.RuneCountInString(v) <= n {
		return v
	}
	return string([]rune(v)[:n]) + "…"
}

// fileError is a whole file refused (empty, too big, a bomb, not a table), told with
// the file's name: the clerk may have chosen several, and "the file is empty" alone
// does not say which. It unwraps to the *app.Error that says why.
type fileError struct {
	file string
	err  *app.Error
}

// inFile names the file in err, when err is an *app.Error.
func inFile(name string, err error) error {
	ae, ok := err.(*app.Error)
	if !ok || name == "" {
		return err
	}
	return &fileError{file: filepath.Base(name), err: ae}
}

func (e *fileError) Error() string { return e.Localize(i18n.Zh) }

// Localize renders "FILE: reason" in l.
func (e *fileError) Localize(l i18n.Lang) string {
	return i18n.T(l, "importer.file_line", i18n.Data{"File": e.file, "Text": e.err.Localize(l)})
}

func (e *fileError) Unwrap() error { return e.err }
