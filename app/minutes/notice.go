package minutes

import (
	"fmt"
	"io"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
)

// Notice type sizes, in points: read from a step away on a notice board.
const (
	noticeTitleSize = 24
	noticeBodySize  = 15
	noticeTableSize = 12
	noticeTablePad  = 1.6 // mm
)

// RenderNotice writes the public notice (公示) of meeting m as an A4 PDF to w, in large
// type for the village notice board (docs/RULES.md §11.3): the passed households with
// masked ID, group and final amount (for an amendment, the 更正公示 of the households it
// changes), the period (o.Publicity's, or from today for the village's notice days),
// where it is posted, where, to whom and by which phone objections go, the supervision
// phone, and the 落款 — the village committee, its seal place and the date — on the same
// page as the text above it. A setting nobody filled in prints 未填写. Full ID numbers
// never appear on it.
func RenderNotice(w io.Writer, v *app.Village, m *app.Meeting, o Options) error {
	if err := CheckGlyphs(v, m); err != nil {
		return err
	}
	reg, bold, err := faces()
	if err != nil {
		return err
	}
	p := o.Publicity
	if p == nil {
		p = &app.Publicity{Start: app.Day(o.now()), Days: v.Settings.NoticeDays, Notice: v.Settings.Notice}
	}
	n := p.Notice
	if err := checkFields([]field{{key: "notice_place", text: n.Place}, {key: "object_to", text: n.ObjectPlace},
		{key: "object_to", text: n.Contact}, {key: "object_phone", text: n.Phone}, {key: "object_phone", text: n.SupervisePhone}},
		reg, bold); err != nil {
		return err
	}
	title := v.Name + "三治信农贷授信评议结果公示"
	if m.AmendsID != 0 {
		title = v.Name + "三治信农贷授信评议结果更正公示"
	}
	d, err := newDoc(o.now(), title, m.DocNumber, footer{docNumber: m.DocNumber, fingerprint: Fingerprint(v, m)})
	if err != nil {
		return err
	}
	noticeHead(d, title, m)
	results := m.Results(v.Settings)
	passed := 0
	if m.AmendsID != 0 {
		passed = noticeChanges(d, m, results, o)
	} else {
		passed = noticeTable(d, v, m, results)
	}
	noticeTerms(d, v, p, passed)
	return d.output(w)
}

func noticeHead(d *doc, title string, m *app.Meeting) {
	d.y += 2
	d.font(true, noticeTitleSize)
	for _, ln := range d.lines(title, d.width()) {
		d.text(d.left, d.y, d.width(), ln, "C")
		d.y += d.lineH()
	}
	d.font(false, 13)
	if m.DocNumber != "" {
		d.text(d.left, d.y, d.width(), m.DocNumber, "C")
		d.y += d.lineH()
	}
	d.y += 4
	d.font(false, noticeBodySize)
}

// noticeTable prints the intro and the passed households; it returns how many passed.
func noticeTable(d *doc, v *app.Village, m *app.Meeting, results []app.Result) int {
	passed, total := 0, int64(0)
	for _, r := range results {
		if r.Outcome == app.Passed {
			passed++
			total += int64(r.Amount)
		}
	}
	indent := 2 * d.runeWidth('中')
	if passed == 0 {
		d.para(fmt.Sprintf("%s召开的三治信农贷公议授信评议会议（%s）评议，本次无通过授信评议的农户。", cnDate(m.Date), m.DocNumber), indent)
		return 0
	}
	d.para(fmt.Sprintf("经%s召开的三治信农贷公议授信评议会议（%s）评议，以下 %d 户农户通过授信评议，现将名单和授信额度予以公示：",
		cnDate(m.Date), m.DocNumber, passed), indent)
	d.y += 2
	cols := noticeColumns()
	t := newTable(d, noticeTableSize, pdfColumns(cols))
	t.pad = noticeTablePad
	t.begin()
	k := 0
	for i := range m.Nominees {
		if results[i].Outcome != app.Passed {
			continue
		}
		k++
		t.row(pdfCells(cols, newHouseholdRow(v, m, i, results[i], k)), k%2 == 0)
	}
	t.end()
	d.font(true, noticeBodySize)
	d.para(fmt.Sprintf("合计：%d 户，授信总额 %s 元。", passed, yuanInt(total)), 0)
	d.font(false, noticeBodySize)
	return passed
}

// noticeChanges prints an amendment's 更正公示: what it corrects and, for each household
// it changes, the corrections the public may see (app.Change.Public: who, and the final
// result). It returns how many of them pass.
func noticeChanges(d *doc, m *app.Meeting, results []app.Result, o Options) int {
	indent := 2 * d.runeWidth('中')
	ref := "原纪要"
	if o.Original != nil {
		ref = o.Original.DocNumber + "纪要"
	}
	d.para(fmt.Sprintf("经%s召开的三治信农贷公议授信评议会议（%s）评议，对%s作出以下更正，现予以公示：",
		cnDate(m.Date), m.DocNumber, ref), indent)
	var public []app.Change
	for _, c := range o.Changes {
		if c.Public() {
			public = append(public, c)
		}
	}
	if len(public) == 0 {
		d.para("更正事项：无。", 0)
		return 0
	}
	bySeq := map[int]int{}
	for i := range m.Nominees {
		bySeq[m.Nominees[i].Seq] = i
	}
	passed := 0
	for i, c := range public {
		who := c.Name
		if c.Seq > 0 {
			who = fmt.Sprintf("第 %d 户 %s", c.Seq, c.Name)
			if k, ok := bySeq[c.Seq]; ok {
				who = fmt.Sprintf("第 %d 户 %s（%s）", c.Seq, c.Name, idcard.Mask(m.Nominees[k].IDNumber))
				if c.Field == "field.result" && results[k].Outcome == app.Passed {
					passed++
				}
			}
		}
		d.para(fmt.Sprintf("%d. %s，%s：原为“%s”，更正为“%s”。", i+1, who, c.Label(i18n.Zh), orNone(c.Old), orNone(c.New)), 0)
	}
	return passed
}

func orNone(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// noticeTerms prints the period, where the notice is posted, how to object, the
// supervision phone and the 落款, all kept on one page: the 落款 never stands alone.
func noticeTerms(d *doc, v *app.Village, p *app.Publicity, passed int) {
	n := p.Notice
	indent := 2 * d.runeWidth('中')
	how := fmt.Sprintf("公示期内，对公示的农户或授信额度有异议的，请以书面或当面方式实名向%s反映（联系人：%s，联系电话：%s），并说明理由和依据。村民委员会将及时调查核实并答复。",
		orUnfilled(n.ObjectPlace), orUnfilled(n.Contact), orUnfilled(n.Phone))
	if passed > 0 {
		how += "公示期满无异议或异议不成立的，报送农商银行办理授信。"
	}
	paras := []struct {
		bold   bool
		text   string
		indent float64
	}{
		{true, fmt.Sprintf("公示期：%s至%s（共 %d 天）。", cnDate(p.Start), cnDate(p.End()), p.Days), 0},
		{false, "公示地点：" + orUnfilled(n.Place) + "。", 0},
		{false, how, indent},
		{false, "监督电话：" + orUnfilled(n.SupervisePhone) + "。", 0},
	}
	sign := []string{committee(v) + "（盖章）", cnDate(p.Start)}
	d.y += 3
	// The terms and the 落款 go on one page together, or at least the last paragraph
	// and the 落款 do (docs/RULES.md §11.3): the 落款 never stands alone.
	height := func(i int) float64 {
		d.font(paras[i].bold, noticeBodySize)
		return float64(len(d.linesIndented(paras[i].text, d.width(), paras[i].indent))) * d.lineH()
	}
	d.font(false, noticeBodySize)
	signH := 12 + float64(len(sign))*d.lineH()
	tail, all := height(len(paras)-1)+signH, signH
	for i := range paras {
		all += height(i)
	}
	if all <= d.bottom-d.top {
		d.need(all)
	}
	for i, pr := range paras {
		if i == len(paras)-1 {
			d.need(tail)
		}
		d.font(pr.bold, noticeBodySize)
		d.para(pr.text, pr.indent)
	}
	d.font(false, noticeBodySize)
	d.y += 12
	for _, s := range sign {
		for _, ln := range d.lines(s, d.width()/2) {
			d.text(d.left+d.width()/2, d.y, d.width()/2-6, ln, "R")
			d.y += d.lineH()
		}
	}
}
