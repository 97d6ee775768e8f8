package minutes

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
	"pingxin/app/idcard"
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
	for _, col := range []string{bankLetter(t, "身份证号码"), bankLetter(t, "联系电话")} {
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
		checkTextCell(t, x, cell(bankLetter(t, "身份证号码")), n.IDNumber)
		checkTextCell(t, x, cell(bankLetter(t, "联系电话")), n.Phone)
		credit := cell(bankLetter(t, "授信额度（元）"))
		raw, _ := x.GetCellValue(sh, credit, excelize.Options{RawCellValue: true})
		amt, err := strconv.ParseInt(raw, 10, 64)
		if ct, _ := x.GetCellType(sh, credit); err != nil || ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString || amt != amounts[i] {
			t.Errorf("%s: %q type %v, want the number %d", credit, raw, ct, amounts[i])
		}
		sum += amt
		id, _ := idcard.ParseAt(n.IDNumber, m.Date)
		sex := map[bool]string{true: "男", false: "女"}[id.Male()]
		for head, want := range map[string]string{"户主姓名": n.Name, "性别": sex, "出生日期": id.Birth().Format("2006-01-02"),
			"村民小组": n.Group, "申请额度（元）": strconv.FormatInt(int64(n.Requested), 10), "同意票": strconv.Itoa(n.Votes.For),
			"授信期限": "自银行审批之日起三年", "评议日期": "2026-03-15", "评议会文号": m.DocNumber,
			"核实结论": verificationText(n.Verification)} {
			raw := head == "申请额度（元）" || head == "同意票"
			if got, _ := x.GetCellValue(sh, cell(bankLetter(t, head)), excelize.Options{RawCellValue: raw}); got != want {
				t.Errorf("%s (%s) = %q, want %q", cell(bankLetter(t, head)), head, got, want)
			}
		}
	}
	if got := verificationText(nil); got != "未走访" {
		t.Errorf("an unvisited household's 核实结论 reads %q, want 未走访, not a blank", got)
	}
	if tl := m.Tally(v.Settings); sum != tl.Total || sum != 4_500_000 {
		t.Errorf("amounts sum to %d, tally total %d", sum, tl.Total)
	}
	if got := summaryValue(t, x, "通过授信总额（元）"); got != "4500000" {
		t.Errorf("summary total %q", got)
	}
}

// TestBankSheetPrintsOnePageWide: landscape, fitted to one page width, the header row
// repeated on every page, frozen on screen, and a sheet dimension that covers the data.
func TestBankSheetPrintsOnePageWide(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	x, raw := readBankSheet(t, v, m)
	sh := bankSheetList
	pl, err := x.GetPageLayout(sh)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
		pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("page layout %+v (%v), want landscape one page wide", pl, err)
	}
	if p, _ := x.GetSheetProps(sh); p.FitToPage == nil || !*p.FitToPage {
		t.Error("fit to page is not set")
	}
	found := false
	for _, d := range x.GetDefinedName() {
		found = found || (d.Name == "_xlnm.Print_Titles" && d.Scope == sh && strings.Contains(d.RefersTo, "$1:$1"))
	}
	if !found {
		t.Error("the header row is not repeated on printed pages")
	}
	if panes, _ := x.GetPanes(sh); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, want the header frozen", panes)
	}
	rows, _ := x.GetRows(sh)
	last, _ := excelize.ColumnNumberToName(len(bankColumns()))
	want := fmt.Sprintf(`<dimension ref="A1:%s%d"`, last, len(rows))
	if !strings.Contains(unzipped(t, raw, "xl/worksheets/sheet1.xml"), want) {
		t.Errorf("sheet dimension is not %s", want)
	}
}

func unzipped(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			out, _ := io.ReadAll(rc)
			return string(out)
		}
	}
	t.Fatalf("%s not in the workbook", name)
	return ""
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

// bankLetter is the letter of the bank sheet's column headed head, from householdColumns.
func bankLetter(t *testing.T, head string) string {
	t.Helper()
	col, _ := excelize.ColumnNumberToName(colIndex(t, bankColumns(), head) + 1)
	return col
}

// colIndex is the index of the column headed head among a document's columns.
func colIndex(t *testing.T, cols []docColumn, head string) int {
	t.Helper()
	for i, c := range cols {
		if c.head == head {
			return i
		}
	}
	t.Fatalf("no column %q", head)
	return -1
}

// summaryValue is the raw value the summary sheet gives for label.
func summaryValue(t *testing.T, x *excelize.File, label string) string {
	t.Helper()
	rows, err := x.GetRows(bankSheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if len(r) == 2 && r[0] == label {
			return r[1]
		}
	}
	t.Fatalf("no %q on the summary sheet", label)
	return ""
}
