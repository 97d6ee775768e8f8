package minutes

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
)

// Sheet names of the register workbook.
const (
	registerSheetList   = "授信台账"
	registerSheetRevoke = "撤销建议"
)

// registerHeaders are the register workbook's columns, A to O: C (the ID) is text.
var registerHeaders = []string{"序号", "户主姓名", "身份证号码", "村民小组", "评议会文号", "评议通过额度（元）",
	"审批结果", "授信额度（元）", "审批日期", "到期日", "利率", "状态", "黑名单类别", "列入日期", "说明"}

// RegisterSheet writes the credit register for the bank as XLSX (docs/RULES.md §11.6):
// every household with its full ID number as a text cell (as the bank sheet), the
// village's and the bank's amounts as numbers, the approval and expiry dates as dates
// and the status on reg.Today; and a second sheet, 撤销建议, listing the households on
// the village blacklist, whose credit the village suggests the bank revoke, with the
// entry's category and date. Deterministic for a fixed o.Now.
func RegisterSheet(w io.Writer, village string, reg *app.Register, o Options) error {
	x := excelize.NewFile()
	defer x.Close()
	st, err := newBankStyles(x)
	if err != nil {
		return registerErr(err)
	}
	if err := x.SetSheetName("Sheet1", registerSheetList); err != nil {
		return registerErr(err)
	}
	var revoke []*app.RegisterEntry
	all := make([]*app.RegisterEntry, len(reg.Entries))
	for i := range reg.Entries {
		all[i] = &reg.Entries[i]
		if all[i].Status == app.CreditRevokeSuggested {
			revoke = append(revoke, all[i])
		}
	}
	if err := registerList(x, st, registerSheetList, all); err != nil {
		return registerErr(err)
	}
	if _, err := x.NewSheet(registerSheetRevoke); err != nil {
		return registerErr(err)
	}
	if err := registerList(x, st, registerSheetRevoke, revoke); err != nil {
		return registerErr(err)
	}
	stamp := o.now().UTC().Format(time.RFC3339)
	if err := x.SetDocProps(&excelize.DocProperties{Creator: "评信 Pingxin", Created: stamp, Modified: stamp,
		LastModifiedBy: "评信 Pingxin", Title: village + "授信台账", Subject: "截至 " + day(reg.Today), Language: "zh-CN"}); err != nil {
		return registerErr(err)
	}
	return registerErr(x.Write(w))
}

func registerErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("minutes: register sheet: %w", err)
}

// registerList writes one sheet of the register: header, column formats, the entries.
func registerList(x *excelize.File, st bankStyles, sh string, es []*app.RegisterEntry) error {
	widths := []float64{6, 12, 22, 12, 24, 15, 10, 15, 12, 12, 10, 12, 10, 12, 30}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.SetColWidth(sh, col, col, wd); err != nil {
			return err
		}
	}
	if err := x.SetColStyle(sh, "C", st.text); err != nil {
		return err
	}
	if err := x.SetSheetRow(sh, "A1", &registerHeaders); err != nil {
		return err
	}
	if err := x.SetCellStyle(sh, "A1", "O1", st.head); err != nil {
		return err
	}
	for i, e := range es {
		if err := registerRow(x, st, sh, i+2, e); err != nil {
			return err
		}
	}
	return x.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// registerRow writes one household: the ID as a text cell, amounts as numbers, dates
// as dates (left empty when there is none).
func registerRow(x *excelize.File, st bankStyles, sh string, row int, e *app.RegisterEntry) error {
	cell := func(col string) string { return fmt.Sprintf("%s%d", col, row) }
	category, listed, note := "", time.Time{}, e.BankNote
	if b := e.Blacklist; b != nil {
		category, listed = string(b.Category), b.Date
	}
	if e.RevokedDoc != "" {
		note = "由" + e.RevokedDoc + "撤销"
	}
	values := []any{row - 1, e.Name, e.IDNumber, e.Group, e.DocNumber, int64(e.Passed), string(e.Bank),
		int64(e.BankAmount), nil, nil, e.BankRate, e.Status.Label(i18n.Zh), category, nil, note}
	if err := x.SetSheetRow(sh, cell("A"), &values); err != nil {
		return err
	}
	if err := x.SetCellStr(sh, cell("C"), e.IDNumber); err != nil {
		return err
	}
	if err := x.SetCellStyle(sh, cell("C"), cell("C"), st.text); err != nil {
		return err
	}
	for _, col := range []string{"F", "H"} {
		if err := x.SetCellStyle(sh, cell(col), cell(col), st.money); err != nil {
			return err
		}
	}
	for _, d := range []struct {
		col string
		t   time.Time
	}{{"I", e.BankDate}, {"J", e.Expiry}, {"N", listed}} {
		if d.t.IsZero() {
			continue
		}
		if err := x.SetCellValue(sh, cell(d.col), d.t); err != nil {
			return err
		}
		if err := x.SetCellStyle(sh, cell(d.col), cell(d.col), st.date); err != nil {
			return err
		}
	}
	return nil
}

// Register type sizes, in points: a table to file and consult, not a notice board.
const (
	registerTitleSize = 18
	registerTableSize = 8
)

// RenderRegister writes the credit register for the village file as an A4 PDF: every
// household with its ID masked (no full ID is printed), group, amounts, approval and
// expiry dates and its status on reg.Today, a blacklisted household's status with the
// entry's category and date, and the count of each status.
func RenderRegister(w io.Writer, village string, reg *app.Register, o Options) error {
	title := village + "三治信农贷授信台账"
	d, err := newDoc(o.now(), title, "截至 "+day(reg.Today), footer{docNumber: "截至 " + day(reg.Today), plain: true})
	if err != nil {
		return err
	}
	d.y += 4
	d.font(true, registerTitleSize)
	d.text(d.left, d.y, d.width(), title, "C")
	d.y += d.lineH()
	d.font(false, 11)
	d.text(d.left, d.y, d.width(), fmt.Sprintf("截至%s，共 %d 户；到期提醒期 %d 天", cnDate(reg.Today), len(reg.Entries), reg.ReminderDays), "C")
	d.y += d.lineH() + 2
	t := newTable(d, registerTableSize, []column{
		{"序号", 7, "C"}, {"户主姓名", 13, "L"}, {"身份证号码", 32, "L"}, {"村民小组", 20, "L"}, {"评议通过", 11, "R"},
		{"授信额度", 11, "R"}, {"审批日期", 19, "C"}, {"到期日", 19, "C"}, {"状态", 24, "L"},
	})
	t.hsize = registerTableSize - 1
	t.begin()
	counts := map[app.CreditStatus]int{}
	for i := range reg.Entries {
		e := &reg.Entries[i]
		counts[e.Status]++
		t.row([]string{fmt.Sprint(i + 1), e.Name, idcard.Mask(e.IDNumber), e.Group, app.WanOrDash(e.Passed),
			app.WanOrDash(e.Current), app.DayOrDash(e.BankDate), app.DayOrDash(e.Expiry), e.StatusText(i18n.Zh)}, i%2 == 1)
	}
	t.end()
	d.y += 3
	d.font(false, 11)
	line := "合计："
	for _, s := range []app.CreditStatus{app.CreditValid, app.CreditExpiring, app.CreditExpired, app.CreditAwaiting,
		app.CreditRefused, app.CreditRevoked, app.CreditRevokeSuggested} {
		if counts[s] > 0 {
			line += fmt.Sprintf("%s %d 户　", s.Label(i18n.Zh), counts[s])
		}
	}
	d.para(line, 0)
	return d.output(w)
}
