package importer

import (
	"time"

	"pingxin/app"
	"pingxin/app/i18n"
)

// Column keys of the bank's reply sheet (with ColName, ColID, ColRate, ColDate, ColNote).
const (
	ColResult = "result"
	ColCredit = "credit"
)

// BankSchema is the sheet the bank sends back (docs/RULES.md §11): per household its
// ID number, the 审批结果, the amount granted, the approval date, the rate and remarks.
var BankSchema = newSchema("bank", []Column{
	{ColName, nameNames, false},
	{ColID, idNames, true},
	{ColResult, []string{"审批结果", "审批意见", "授信结果", "是否批准", "审批结论"}, true},
	{ColCredit, []string{"授信额度", "批准额度", "授信金额", "核定额度", "批准金额"}, false},
	{ColDate, []string{"审批日期", "批准日期", "授信日期", "核定日期"}, false},
	{ColRate, []string{"利率", "执行利率", "年利率", "贷款利率"}, false},
	{ColNote, []string{"备注", "说明", "审批备注"}, false},
}, ignored)

// creditColumn maps the keys app.BankAnswer.Check names to the sheet's columns.
var creditColumn = map[string]string{"id": ColID, "name": ColName, "amount": ColCredit, "date": ColDate, "result": ColResult}

// ParseBank reads the bank's reply in t and checks each row against the register:
// row returns the household's register entry for an ID number (nil when the village
// passed no such household). A sheet with any bad row gives no answers and a
// *FileErrors naming every bad row, its column and value.
func ParseBank(t *Table, today time.Time, row func(id string) *app.CreditRow) ([]app.BankAnswer, error) {
	h, err := BankSchema.Header(t)
	if err != nil {
		return nil, err
	}
	var out []app.BankAnswer
	var errs []RowError
	seen := map[string]int{}
	for _, r := range t.Rows[h.Index+1:] {
		rr := newRowReader(BankSchema, h, r)
		if rr.blank() || rr.footer() {
			continue
		}
		a, ok := bankAnswer(rr, today)
		if ok {
			if first, dup := seen[a.IDNumber]; dup {
				rr.fail(ColID, i18n.M("importer.duplicate", "First", first), nil)
			} else {
				seen[a.IDNumber] = r.Num
				for key, why := range a.Check(row(a.IDNumber)) {
					if !rr.bad[creditColumn[key]] {
						rr.fail(creditColumn[key], why, nil)
					}
				}
			}
		}
		a.Source = t.Name
		errs = append(errs, rr.errors()...)
		out = append(out, a)
	}
	if len(errs) > 0 {
		return nil, &FileErrors{File: t.Name, Errors: errs}
	}
	return out, nil
}

// bankAnswer reads one row; ok is false when its ID cannot be read, so it is matched
// against nothing.
func bankAnswer(rr *rowReader, today time.Time) (app.BankAnswer, bool) {
	a := app.BankAnswer{Name: rr.text(ColName), Rate: rr.text(ColRate), Note: rr.text(ColNote)}
	switch res, ok := app.ParseBankResult(rr.text(ColResult)); {
	case rr.text(ColResult) == "":
		rr.fail(ColResult, i18n.M("credit.result_required"), nil)
	case !ok:
		rr.fail(ColResult, i18n.M("credit.result_unknown"), nil)
	default:
		a.Result = res
	}
	a.Amount = rr.amount(ColCredit)
	a.Date = rr.date(ColDate)
	id, ok := rr.residentID(today)
	a.IDNumber = id.String()
	return a, ok && a.Result != ""
}
