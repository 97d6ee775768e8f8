package minutes

import (
	"fmt"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/idcard"
)

// cellKind is the kind of value a household column holds: text, a whole number, an
// amount in yuan or a date. The bank sheet formats its cells by it ("@", 0, #,##0,
// yyyy-mm-dd); the PDF tables print an amount with separators and a zero as "—".
type cellKind int

const (
	cellText cellKind = iota
	cellInt
	cellMoney
	cellDate
)

// householdRow is what one household's row is made from, in any of the documents.
type householdRow struct {
	n    *app.Nominee
	r    app.Result
	seq  int       // the row's number among the passed households (bank sheet, notice)
	id   idcard.ID // the parsed ID: sex and date of birth; zero when it does not parse
	okID bool
	v    *app.Village
	m    *app.Meeting
}

// newHouseholdRow makes the row of household i of m, the seq-th passed one.
func newHouseholdRow(v *app.Village, m *app.Meeting, i int, r app.Result, seq int) householdRow {
	h := householdRow{n: &m.Nominees[i], r: r, seq: seq, v: v, m: m}
	if id, err := idcard.ParseAt(h.n.IDNumber, m.Date); err == nil {
		h.id, h.okID = id, true
	}
	return h
}

// householdColumn is one column that a household's documents may show: its header, the
// kind and value of its cells, and its width in each document — 0 leaves it out of that
// document. On the bank sheet the width is Excel's (characters); in the minutes' and the
// notice's tables it is relative, scaled by newTable to the text block.
type householdColumn struct {
	head                string
	kind                cellKind
	value               func(h householdRow) any // string, int64 or time.Time; nil leaves it empty
	bank, table, notice float64
	align               string // in the PDF tables: "L", "C" or "R"
	wraps               bool   // the PDF cell may take several lines (names, purposes); otherwise it must fit on one
}

// householdColumns are every household column of the bank sheet (docs/RULES.md §11.4),
// the minutes' household table (§7) and the notice's table, in the order each document
// prints them. It is the one place the columns are named: headers, widths, formats,
// values and the tests all come from it. A column two documents print alike is one
// entry; one they print differently (the full or the masked ID) is two.
var householdColumns = []householdColumn{
	{head: "序号", kind: cellInt, bank: 6, notice: 13, align: "C",
		value: func(h householdRow) any { return int64(h.seq) }},
	{head: "序号", kind: cellInt, table: 8, align: "C",
		value: func(h householdRow) any { return int64(h.n.Seq) }},
	{head: "户主姓名", bank: 12, table: 12.8, notice: 25, align: "L", wraps: true,
		value: func(h householdRow) any { return h.n.Name }},
	{head: "身份证号码", bank: 22,
		value: func(h householdRow) any { return h.n.IDNumber }},
	{head: "身份证号码", table: 28.0, notice: 50, align: "L", // a masked ID on one line
		value: func(h householdRow) any { return idcard.Mask(h.n.IDNumber) }},
	{head: "性别", bank: 6, value: sex},
	{head: "出生日期", kind: cellDate, bank: 12, value: birth},
	{head: "联系电话", bank: 15, value: func(h householdRow) any { return h.n.Phone }},
	{head: "村民小组", bank: 10, table: 12.8, notice: 34, align: "L", wraps: true,
		value: func(h householdRow) any { return h.n.Group }},
	{head: "家庭人口", kind: cellInt, bank: 8, value: familySize},
	{head: "用途", bank: 18, table: 11.7, align: "L", wraps: true,
		value: func(h householdRow) any { return h.n.Purpose }},
	{head: "申请额度（元）", kind: cellMoney, bank: 14, table: 14.3, align: "R",
		value: func(h householdRow) any { return int64(h.n.Requested) }},
	{head: "建议额度（元）", kind: cellMoney, bank: 14, table: 14.3, align: "R",
		value: func(h householdRow) any { return int64(h.n.Proposed) }},
	{head: "表决\n赞/反/弃/避", table: 16.9, align: "C", wraps: true, value: votesCell},
	{head: "超额理由", bank: 18, value: func(h householdRow) any { return h.n.ProposedReason }},
	{head: "核实意见", table: 12.8, align: "L", wraps: true,
		value: func(h householdRow) any { return app.VisitText(h.n.Verification, "\n") }},
	{head: "核实结论", bank: 16, value: func(h householdRow) any { return verificationText(h.n.Verification) }},
	{head: "同意票", kind: cellInt, bank: 7, value: func(h householdRow) any { return int64(h.n.Votes.For) }},
	{head: "反对票", kind: cellInt, bank: 7, value: func(h householdRow) any { return int64(h.n.Votes.Against) }},
	{head: "弃权票", kind: cellInt, bank: 7, value: func(h householdRow) any { return int64(h.n.Votes.Abstain) }},
	{head: "回避", kind: cellInt, bank: 6, value: func(h householdRow) any { return int64(h.n.Votes.Recused) }},
	{head: "结果", table: 10.1, align: "C", value: func(h householdRow) any { return string(h.r.Outcome) }},
	{head: "授信额度（元）", kind: cellMoney, bank: 15, table: 14.3, notice: 34, align: "R",
		value: func(h householdRow) any { return int64(h.r.Amount) }},
	{head: "利率优惠建议", bank: 10, value: func(h householdRow) any { return app.YesNo(h.n.RatePreference) }},
	{head: "授信期限", bank: 20, value: func(h householdRow) any { return validityText(h.m.RulesUnder(h.v.Settings)) }},
	{head: "评议日期", kind: cellDate, bank: 12, value: func(h householdRow) any { return h.m.Date }},
	{head: "评议会文号", bank: 24, value: func(h householdRow) any { return h.m.DocNumber }},
}

// votesCell is the tally over the members present when it was taken (docs/RULES.md
// §3.2, §7): 7/1/0/0 above 在场8人.
func votesCell(h householdRow) any {
	if !h.n.Votes.Recorded {
		return h.n.Votes.Text()
	}
	_, voters := h.m.VoteOf(h.n, h.v.Settings)
	return fmt.Sprintf("%s\n在场%d人", h.n.Votes.Text(), voters)
}

func sex(h householdRow) any {
	switch {
	case !h.okID:
		return nil
	case h.id.Male():
		return "男"
	}
	return "女"
}

func birth(h householdRow) any {
	if !h.okID {
		return nil
	}
	return h.id.Birth()
}

func familySize(h householdRow) any {
	if h.n.HouseholdSize <= 0 {
		return nil
	}
	return int64(h.n.HouseholdSize)
}

// docColumn is a household column as one document prints it.
type docColumn struct {
	householdColumn
	width float64
}

// columnsOf picks the columns of one document, by the width it gives them.
func columnsOf(width func(c householdColumn) float64) []docColumn {
	var out []docColumn
	for _, c := range householdColumns {
		if w := width(c); w > 0 {
			out = append(out, docColumn{c, w})
		}
	}
	return out
}

func bankColumns() []docColumn  { return columnsOf(func(c householdColumn) float64 { return c.bank }) }
func tableColumns() []docColumn { return columnsOf(func(c householdColumn) float64 { return c.table }) }
func noticeColumns() []docColumn {
	return columnsOf(func(c householdColumn) float64 { return c.notice })
}

// pdfColumns are a document's columns as its PDF table lays them out.
func pdfColumns(cols []docColumn) []column {
	out := make([]column, len(cols))
	for i, c := range cols {
		out[i] = column{c.head, c.width, c.align}
	}
	return out
}

// pdfCells are one household's cells as a PDF table prints them.
func pdfCells(cols []docColumn, h householdRow) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = cellString(c.kind, c.value(h))
	}
	return out
}

// cellString prints a cell's value: an amount with separators ("—" for zero), a date as
// Chinese documents write it.
func cellString(k cellKind, v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int64:
		if k == cellMoney {
			return yuan(amount.Yuan(v))
		}
		return fmt.Sprint(v)
	case time.Time:
		return cnDate(v)
	}
	return fmt.Sprint(v)
}
