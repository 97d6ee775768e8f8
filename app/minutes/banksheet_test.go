package minutes

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
)

// readBankSheet writes the bank sheet of m and opens it again with excelize.
func readBankSheet(t *testing.T, v *app.Village, m *app.Meeting) (*excelize.File, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := BankSheet(&b, v, m, Options{Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x, b.Bytes()
}

// numFmt is the number format of a style.
func numFmt(t *testing.T, x *excelize.File, style int) int {
	t.Helper()
	s, err := x.GetStyle(style)
	if err != nil {
		t.Fatal(err)
	}
	return s.NumFmt
}

// TestBankSheet: one row per passed household, in list order; every ID (and phone) a
// text cell in a text-formatted column, holding the full 18 characters; amounts numbers
// that sum to the tally's total; validity dates as dates.
func TestBankSheet(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	x, _ := readBankSheet(t, v, m)
	sh := bankSheetList
	for _, col := range []string{"C", "D"} {
		st, err := x.GetColStyle(sh, col)
		if err != nil || numFmt(t, x, st) != 49 {
			t.Errorf("column %s: style %d (%v), want the text format @ (49)", col, st, err)
		}
	}
	var passed []*app.Nominee
	var amounts []int64
	for i, r := range m.Results(v.Settings) {
		if r.Outcome == app.Passed {
			passed = append(passed, &m.Nominees[i])
			amounts = append(amounts, int64(r.Amount))
		}
	}
	rows, err := x.GetRows(sh)
	if err != nil || len(rows) != len(passed)+1 {
		t.Fatalf("%d rows (%v), want %d", len(rows), err, len(passed)+1)
	}
	sum := int64(0)
	for i, n := range passed {
		row := i + 2
		cell := func(c string) string { return fmt.Sprintf("%s%d", c, row) }
		checkTextCell(t, x, cell("C"), n.IDNumber)
		checkTextCell(t, x, cell("D"), n.Phone)
		raw, _ := x.GetCellValue(sh, cell("F"), excelize.Options{RawCellValue: true})
		amt, err := strconv.ParseInt(raw, 10, 64)
		if ct, _ := x.GetCellType(sh, cell("F")); err != nil || ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString || amt != amounts[i] {
			t.Errorf("%s: %q type %v, want the number %d", cell("F"), raw, ct, amounts[i])
		}
		sum += amt
		for c, want := range map[string]string{"B": n.Name, "E": n.Group, "G": "自银行审批之日起三年", "H": "2026-03-15", "K": m.DocNumber} {
			if got, _ := x.GetCellValue(sh, cell(c)); got != want {
				t.Errorf("%s = %q, want %q", cell(c), got, want)
			}
		}
	}
	if tl := m.Tally(v.Settings); sum != tl.Total || sum != 4_500_000 {
		t.Errorf("amounts sum to %d, tally total %d", sum, tl.Total)
	}
	if got, _ := x.GetCellValue(bankSheetSummary, "B7", excelize.Options{RawCellValue: true}); got != "4500000" {
		t.Errorf("summary total %q", got)
	}
}

// checkTextCell asserts a cell is a string cell, formatted as text, holding want.
func checkTextCell(t *testing.T, x *excelize.File, cell, want string) {
	t.Helper()
	sh := bankSheetList
	ct, _ := x.GetCellType(sh, cell)
	got, _ := x.GetCellValue(sh, cell)
	st, _ := x.GetCellStyle(sh, cell)
	if (ct != excelize.CellTypeSharedString && ct != excelize.CellTypeInlineString) || got != want || numFmt(t, x, st) != 49 {
		t.Errorf("%s: type %v value %q numFmt %d, want text %q in @", cell, ct, got, numFmt(t, x, st), want)
	}
}

// TestBankSheetDeterministic: the same meeting under the same clock, the same bytes.
func TestBankSheetDeterministic(t *testing.T) {
	v := testVillage()
	_, a := readBankSheet(t, v, testMeeting(v))
	_, b := readBankSheet(t, v, testMeeting(v))
	if !bytes.Equal(a, b) {
		t.Error("two bank sheets of one meeting differ")
	}
}
