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

// bankHeaders are the bank sheet's columns, A to K. The ID (C) and the phone (D) are
// text; the amount (F) is a number; the dates (G, H) are dates.
var bankHeaders = []string{"序号", "户主姓名", "身份证号码", "联系电话", "村民小组", "授信额度（元）",
	"授信期限", "评议日期", "利率优惠建议", "用途", "评议会文号"}

// bankStyles are the workbook's cell styles.
type bankStyles struct{ head, text, money, date int }

// BankSheet writes the XLSX the bank loads into its own system: one row per passed
// household with the full ID number and phone stored as text cells in text-formatted
// ("@") columns, so that Excel never turns an ID into a number and loses its last
// digits (docs/RULES.md §5), the final amount as a number, the credit validity dates, group,
// rate-preference recommendation and purpose; and a summary sheet with the count, the
// total (equal to the tally's) and the content fingerprint. It is the only document with
// full ID numbers. Deterministic for a fixed o.Now.
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
	if err := bankSummary(x, st, v, m); err != nil {
		return bankErr(err)
	}
	stamp := o.now().UTC().Format(time.RFC3339)
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
		{&st.text, &excelize.Style{NumFmt: 49}}, // 49 is the built-in text format "@"
		{&st.money, &excelize.Style{NumFmt: 3}}, // #,##0
		{&st.date, &excelize.Style{CustomNumFmt: &dateFmt}},
	} {
		if *s.id, err = x.NewStyle(s.style); err != nil {
			return st, err
		}
	}
	return st, nil
}

// bankList fills the list sheet: header, column formats, one row per passed household.
func bankList(x *excelize.File, st bankStyles, v *app.Village, m *app.Meeting) error {
	sh := bankSheetList
	for _, c := range []struct {
		cols  string
		width float64
		style int
	}{
		{"A", 6, 0}, {"B", 12, 0}, {"C", 22, st.text}, {"D", 15, st.text}, {"E", 12, st.text},
		{"F", 15, st.money}, {"G", 20, st.text}, {"H", 12, st.date}, {"I", 12, st.text},
		{"J", 20, st.text}, {"K", 24, st.text},
	} {
		if err := x.SetColWidth(sh, c.cols, c.cols, c.width); err != nil {
			return err
		}
		if c.style != 0 {
			if err := x.SetColStyle(sh, c.cols, c.style); err != nil {
				return err
			}
		}
	}
	for i, h := range bankHeaders {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := x.SetCellStr(sh, cell, h); err != nil {
			return err
		}
	}
	if err := x.SetCellStyle(sh, "A1", "K1", st.head); err != nil {
		return err
	}
	row := 1
	for i, r := range m.Results(v.Settings) {
		if r.Outcome != app.Passed {
			continue
		}
		row++
		if err := bankRow(x, st, row, &m.Nominees[i], r, validityText(v.Settings), m); err != nil {
			return err
		}
	}
	return x.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// bankRow writes one household: text cells as strings, the amount as a number, the
// meeting's date as a date. The credit's term is text: it starts on the bank's approval,
// which the village does not date (docs/RULES.md §11.4).
func bankRow(x *excelize.File, st bankStyles, row int, n *app.Nominee, r app.Result, term string, m *app.Meeting) error {
	sh := bankSheetList
	cell := func(col string) string { return fmt.Sprintf("%s%d", col, row) }
	pref := "否"
	if n.RatePreference {
		pref = "是"
	}
	texts := map[string]string{"B": n.Name, "C": n.IDNumber, "D": n.Phone, "E": n.Group, "G": term, "I": pref, "J": n.Purpose, "K": m.DocNumber}
	for _, col := range []string{"B", "C", "D", "E", "G", "I", "J", "K"} {
		if err := x.SetCellStr(sh, cell(col), texts[col]); err != nil {
			return err
		}
		if err := x.SetCellStyle(sh, cell(col), cell(col), st.text); err != nil {
			return err
		}
	}
	if err := x.SetCellInt(sh, cell("A"), int64(row-1)); err != nil {
		return err
	}
	if err := x.SetCellInt(sh, cell("F"), int64(r.Amount)); err != nil {
		return err
	}
	if err := x.SetCellStyle(sh, cell("F"), cell("F"), st.money); err != nil {
		return err
	}
	for _, c := range []struct {
		col string
		t   time.Time
	}{{"H", m.Date}} {
		if err := x.SetCellValue(sh, cell(c.col), c.t); err != nil {
			return err
		}
		if err := x.SetCellStyle(sh, cell(c.col), cell(c.col), st.date); err != nil {
			return err
		}
	}
	return nil
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
		{"授信期限", validityText(v.Settings)}, {"内容指纹", Fingerprint(v, m)},
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
