package minutes

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
)

// Sheet names of the bank sheet.
const (
	bankSheetList    = "授信名单"
	bankSheetSummary = "汇总"
)

// verificationText is the sage council's finding as the sheet states it: the
// conclusion and, when it lowers or refuses, the recommendation; 未走访 when nobody
// visited (a blank cell would read as a gap in the record).
func verificationText(v *app.Verification) string {
	if v == nil {
		return app.NotVisited // said, not left blank: the minutes say 未走访 too
	}
	if v.Conclusion == "" {
		return ""
	}
	s := string(v.Conclusion)
	if a := v.Advice(); a != "" {
		s += "，" + a
	}
	return s
}

// bankStyles are the workbook's cell styles.
type bankStyles struct{ head, text, number, money, date int }

func (st bankStyles) of(k cellKind) int {
	return [...]int{cellText: st.text, cellInt: st.number, cellMoney: st.money, cellDate: st.date}[k]
}

// BankSheet writes the XLSX the bank loads into its own system: one row per passed
// household with the columns of householdColumns that have a bank width — the full ID number and phone stored as
// text cells in text-formatted ("@") columns, so that Excel never turns an ID into a
// number and loses its last digits (docs/RULES.md §5), amounts and counts as numbers,
// dates as dates; printed landscape, one page wide, the header row repeated on every
// page and frozen on screen; and a summary sheet with the count, the total (equal to
// the tally's) and the content fingerprint. It is the only document with full ID
// numbers. Deterministic for a fixed o.Now, which is written in Beijing time.
func BankSheet(w io.Writer, v *app.Village, m *app.Meeting, o Options) error {
	x := excelize.NewFile()
	defer x.Close()
	st, err := newBankStyles(x)
	if err != nil {
		return bankErr(err)
	}
	if err := x.SetSheetName("Sheet1", bankSheetList); err != nil {
		return bankErr(err)
	}
	if err := bankList(x, st, v, m); err != nil {
		return bankErr(err)
	}
	if err := bankPrint(x); err != nil {
		return bankErr(err)
	}
	if err := bankSummary(x, st, v, m); err != nil {
		return bankErr(err)
	}
	stamp := o.now().In(app.Beijing).Format(time.RFC3339)
	if err := x.SetDocProps(&excelize.DocProperties{Creator: "评信 Pingxin", Created: stamp, Modified: stamp,
		LastModifiedBy: "评信 Pingxin", Title: v.Name + "三治信农贷授信名单", Subject: m.DocNumber, Language: "zh-CN"}); err != nil {
		return bankErr(err)
	}
	return bankErr(x.Write(w))
}

func bankErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("minutes: bank sheet: %w", err)
}

func newBankStyles(x *excelize.File) (bankStyles, error) {
	var st bankStyles
	var err error
	dateFmt := "yyyy-mm-dd"
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&st.head, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.text, &excelize.Style{NumFmt: 49}},  // 49 is the built-in text format "@"
		{&st.number, &excelize.Style{NumFmt: 1}}, // 0
		{&st.money, &excelize.Style{NumFmt: 3}},  // #,##0
		{&st.date, &excelize.Style{CustomNumFmt: &dateFmt}},
	} {
		if *s.id, err = x.NewStyle(s.style); err != nil {
			return st, err
		}
	}
	return st, nil
}

// bankList fills the list sheet: header, column widths and formats, one row per passed
// household, the header frozen.
func bankList(x *excelize.File, st bankStyles, v *app.Village, m *app.Meeting) error {
	sh := bankSheetList
	cols := bankColumns()
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.SetColWidth(sh, col, col, c.width); err != nil {
			return err
		}
		if err := x.SetColStyle(sh, col, st.of(c.kind)); err != nil {
			return err
		}
		if err := x.SetCellStr(sh, col+"1", c.head); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := x.SetCellStyle(sh, "A1", last+"1", st.head); err != nil {
		return err
	}
	row := 1
	for i, r := range m.Results(v.Settings) {
		if r.Outcome != app.Passed {
			continue
		}
		row++
		if err := writeBankRow(x, st, row, cols, newHouseholdRow(v, m, i, r, row-1)); err != nil {
			return err
		}
	}
	// excelize leaves the dimension at "A1"; readers that trust it would see one cell
	if err := x.SetSheetDimension(sh, fmt.Sprintf("A1:%s%d", last, row)); err != nil {
		return err
	}
	return x.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// writeBankRow writes one household, each cell by its column's kind.
func writeBankRow(x *excelize.File, st bankStyles, row int, cols []docColumn, h householdRow) error {
	sh := bankSheetList
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, row)
		var err error
		switch val := c.value(h).(type) {
		case nil:
			continue
		case string:
			err = x.SetCellStr(sh, cell, val)
		case int64:
			err = x.SetCellInt(sh, cell, val)
		case time.Time:
			err = x.SetCellValue(sh, cell, val)
		}
		if err != nil {
			return err
		}
		if err := x.SetCellStyle(sh, cell, cell, st.of(c.kind)); err != nil {
			return err
		}
	}
	return nil
}

// bankPrint sets the list up for printing: A4 landscape, every column on one page
// width (as many pages down as needed), the header row repeated on every page.
func bankPrint(x *excelize.File) error {
	sh := bankSheetList
	orient, paper, one, tall := "landscape", 9, 1, 0
	if err := x.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &orient, Size: &paper,
		FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := x.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sh + "'!$1:$1", Scope: sh})
}

// bankSummary writes the summary sheet the loan officer checks the list against.
func bankSummary(x *excelize.File, st bankStyles, v *app.Village, m *app.Meeting) error {
	if _, err := x.NewSheet(bankSheetSummary); err != nil {
		return err
	}
	t := m.Tally(v.Settings)
	rows := []struct {
		label string
		value any
	}{
		{"村", v.Name}, {"所属镇（街道）", v.Town}, {"评议会文号", m.DocNumber}, {"会议日期", m.Date},
		{"提名户数", int64(t.Nominated)}, {"通过户数", int64(t.Passed)}, {"通过授信总额（元）", t.Total},
		{"授信期限", validityText(m.RulesUnder(v.Settings))}, {"内容指纹", Fingerprint(v, m)},
	}
	sh := bankSheetSummary
	if err := x.SetColWidth(sh, "A", "A", 20); err != nil {
		return err
	}
	if err := x.SetColWidth(sh, "B", "B", 28); err != nil {
		return err
	}
	for i, r := range rows {
		a, b := fmt.Sprintf("A%d", i+1), fmt.Sprintf("B%d", i+1)
		if err := x.SetCellStr(sh, a, r.label); err != nil {
			return err
		}
		if err := summaryCell(x, st, b, r.value); err != nil {
			return err
		}
	}
	return nil
}

func summaryCell(x *excelize.File, st bankStyles, cell string, v any) error {
	sh := bankSheetSummary
	var err error
	style := st.text
	switch v := v.(type) {
	case string:
		err = x.SetCellStr(sh, cell, v)
	case int64:
		err, style = x.SetCellInt(sh, cell, v), st.money
	case time.Time:
		err, style = x.SetCellValue(sh, cell, v), st.date
	}
	if err != nil {
		return err
	}
	return x.SetCellStyle(sh, cell, cell, style)
}
