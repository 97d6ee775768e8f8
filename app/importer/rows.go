package importer

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/width"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
	"pingxin/app/textnorm"
)

// rowReader reads the cells of one data row by column key and collects what is wrong
// with them.
type rowReader struct {
	s    *Schema
	h    *Header
	row  Row
	errs []RowError
	cols []int           // the file column of each of errs, to report in column order
	bad  map[string]bool // columns whose value could not be read
}

func newRowReader(s *Schema, h *Header, r Row) *rowReader {
	rr := &rowReader{s: s, h: h, row: r}
	rr.checkText()
	return rr
}

// multilineCols are the free-text columns where a line break inside the cell is a
// person's own (Alt+Enter in Excel).
var multilineCols = map[string]bool{ColNotes: true, ColReason: true, ColProposedReason: true,
	ColConclusion: true, ColRecommendation: true}

// checkText refuses a control character or a bidirectional override in any column of
// the row but the ID (whose own check names the character): invisible, it would make
// a name read differently on screen and on paper (docs/RULES.md §6). Keys are visited
// in a fixed order so the report is the same every time.
func (rr *rowReader) checkText() {
	for _, k := range rr.h.keys {
		if k == ColID {
			continue
		}
		if r, bad := textnorm.Unsafe(rr.text(k), multilineCols[k]); bad {
			rr.fail(k, i18n.M("importer.unsafe_char", "Char", fmt.Sprintf("U+%04X", r)), nil)
		}
	}
}

// cell returns the cell of column key; an empty cell when the file has no such column.
func (rr *rowReader) cell(key string) Cell {
	i, ok := rr.h.Cols[key]
	if !ok {
		return Cell{}
	}
	return rr.row.Cell(i)
}

// text returns the trimmed text of column key.
func (rr *rowReader) text(key string) string { return rr.cell(key).Value }

// header names column key as the file writes it, or by its canonical header.
func (rr *rowReader) header(key string) string {
	if t, ok := rr.h.Text[key]; ok {
		return t
	}
	if c, ok := rr.s.Column(key); ok {
		return c.Names[0]
	}
	return key
}

// fail records that column key's value is wrong, and why. An error about a column the
// file does not have (a visitor missing where there is no 核实人 column) is reported at
// the column of the row that the rule applies to and the file has (stand-in), so that
// no message names a column the clerk cannot find.
func (rr *rowReader) fail(key string, reason i18n.Message, cause i18n.Localizer) {
	if rr.bad == nil {
		rr.bad = map[string]bool{}
	}
	rr.bad[key] = true
	at := rr.standIn(key)
	col, ok := rr.h.Cols[at]
	if !ok {
		col = len(rr.row.Cells) + 1 // a missing column is reported after the others
	}
	rr.cols = append(rr.cols, col)
	rr.errs = append(rr.errs, RowError{Row: rr.row.Num, Column: rr.header(at),
		Value: shorten(rr.text(at), at == ColID), Reason: reason, Cause: cause})
}

// standIns are, for a column a file may lack, the columns an error about it is reported
// at instead, in order of preference; the name column, which every list has, is last.
var standIns = map[string][]string{
	ColConclusion:     verificationKeys,
	ColRecommendation: verificationKeys,
	ColVisitors:       verificationKeys,
	ColVisitDate:      verificationKeys,
	ColNotes:          verificationKeys,
	ColProposed:       {ColRequested},
}

// verificationKeys are the columns of a sage-council record, the notes first.
var verificationKeys = []string{ColNotes, ColConclusion, ColRecommendation, ColVisitors, ColVisitDate}

// standIn returns key when the file has that column, else the column that stands in
// for it (standIns): the first the file has with a value in this row, else the first
// the file has, else the name column.
func (rr *rowReader) standIn(key string) string {
	if rr.h.Has(key) {
		return key
	}
	alts := standIns[key]
	for _, k := range alts {
		if rr.h.Has(k) && rr.text(k) != "" {
			return k
		}
	}
	for _, k := range alts {
		if rr.h.Has(k) {
			return k
		}
	}
	if rr.h.Has(ColName) {
		return ColName
	}
	return key
}

// failAt records an error about several columns at once (the vote tally).
func (rr *rowReader) failAt(column, value string, reason i18n.Message) {
	rr.cols = append(rr.cols, rr.h.Cols[ColFor])
	rr.errs = append(rr.errs, RowError{Row: rr.row.Num, Column: column, Value: value, Reason: reason})
}

// errors returns the row's errors in the order of the file's columns.
func (rr *rowReader) errors() []RowError {
	idx := make([]int, len(rr.errs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return rr.cols[idx[a]] < rr.cols[idx[b]] })
	out := make([]RowError, len(idx))
	for i, j := range idx {
		out[i] = rr.errs[j]
	}
	return out
}

// blank reports whether every known column of the row is empty: a row holding only
// remarks in columns the importer does not read carries nothing to import.
func (rr *rowReader) blank() bool {
	for _, i := range rr.h.Cols {
		if rr.row.Cell(i).Value != "" {
			return false
		}
	}
	return true
}

// footer reports a line under the table — 合计, 制表人：…, 审核：… — rather than a
// person: no ID, and a total or a colon where the name goes.
func (rr *rowReader) footer() bool {
	if rr.text(ColID) != "" {
		return false
	}
	name := rr.text(ColName)
	switch name {
	case "合计", "小计", "总计", "共计":
		return true
	}
	return strings.ContainsAny(name, ":：")
}

// amount reads column key as an amount (docs/RULES.md §6 spellings); a header that says 万
// (申请额度（万元）) makes a bare number count in 万. Empty is 0.
func (rr *rowReader) amount(key string) amount.Yuan { return rr.amountText(key, rr.text(key)) }

// amountText reads v, a part of column key's value, as an amount.
func (rr *rowReader) amountText(key, v string) amount.Yuan {
	if v == "" {
		return 0
	}
	if rr.h.Wan[key] && !strings.ContainsAny(v, "万元") {
		v += "万"
	}
	y, err := amount.Parse(v)
	if err != nil {
		var ae *amount.Error
		if errors.As(err, &ae) {
			rr.fail(key, amount.Reason(err), ae)
		} else {
			rr.fail(key, amount.Reason(err), nil)
		}
		return 0
	}
	return y
}

// count reads column key as a whole number of people or votes ("7", "７", "7票",
// "4人"); empty is 0.
func (rr *rowReader) count(key string) int {
	v := narrow(rr.text(key))
	v = strings.TrimSpace(strings.TrimRight(v, "票人口户名"))
	if v == "" {
		return 0
	}
	n, ok := atoiOK(strings.TrimSuffix(v, ".0"))
	if !ok || n > 100000 {
		rr.fail(key, i18n.M("importer.not_count"), nil)
		return 0
	}
	return n
}

// check reads a baseline mark with app.ParseCheck; an empty cell is 符合.
func (rr *rowReader) check(key string) app.Check {
	c, ok := app.ParseCheck(rr.text(key))
	if !ok {
		rr.fail(key, i18n.M("importer.bad_check"), nil)
		return app.Met
	}
	return c
}

// yesNo reads a yes/no mark (是/否, √/×, Y/N) through app.ParseCheck; empty is def.
func (rr *rowReader) yesNo(key string, def bool) bool {
	v := rr.text(key)
	if v == "" {
		return def
	}
	switch c, _ := app.ParseCheck(v); c {
	case app.Met:
		return true
	case app.NotMet:
		return false
	}
	rr.fail(key, i18n.M("importer.bad_yesno"), nil)
	return def
}

// date reads a date as offices write it (2026-03-15, 2026/3/15, 2026.3.15, 2026年3月15日,
// 20260315) or as XLSX stores it (a day number); empty is the zero time.
func (rr *rowReader) date(key string) time.Time {
	c := rr.cell(key)
	if c.Value == "" {
		return time.Time{}
	}
	d, ok := parseDate(c)
	if !ok {
		rr.fail(key, i18n.M("importer.bad_date"), nil)
	}
	return d
}

// residentID reads column ColID as a resident ID checked by idcard.ParseAt on today. A
// cell an XLSX file stored as a number is refused whatever it shows: its last digits
// are gone, and an ID is never guessed.
func (rr *rowReader) residentID(today time.Time) (idcard.ID, bool) {
	c := rr.cell(ColID)
	if c.Numeric && c.Value != "" {
		e := &idcard.Error{Kind: idcard.KindNumeric, Value: c.Value}
		rr.fail(ColID, i18n.M("idcard."+string(e.Kind)), e)
		return idcard.ID{}, false
	}
	id, err := idcard.ParseAt(textMark(c.Value), today)
	if err != nil {
		var ie *idcard.Error
		if errors.As(err, &ie) {
			rr.fail(ColID, i18n.M("idcard."+string(ie.Kind)), ie)
		} else {
			rr.fail(ColID, i18n.M("idcard.length"), nil)
		}
		return idcard.ID{}, false
	}
	return id, true
}

// textMark removes what spreadsheets and exports put around a number to keep it text:
// a leading apostrophe ('330483…) or Excel's formula form ="330483…".
func textMark(v string) string {
	if inner, ok := strings.CutPrefix(v, `="`); ok && strings.HasSuffix(inner, `"`) {
		return inner[:len(inner)-1]
	}
	return strings.TrimPrefix(v, "'")
}

// narrow folds full-width digits and letters to ASCII (１３８ → 138). Most cells are
// plain ASCII already (dates, counts, phones) and are returned as they are: folding
// them anyway allocated more than all the rest of an import's checks.
func narrow(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return width.Narrow.String(s)
		}
	}
	return s
}

// names splits a list of names written with 、，, ; / or spaces.
func names(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、,，;；/／", r) || textnorm.IsBlank(r)
	})
}
