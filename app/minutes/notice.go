package minutes

import (
	"fmt"
	"io"

	"pingxin/app"
	"pingxin/app/idcard"
)

// Notice type sizes, in points: read from a step away on a notice board.
const (
	noticeTitleSize = 24
	noticeBodySize  = 15
	noticeTableSize = 14
)

// RenderNotice writes the public notice (公示) of meeting m as an A4 PDF to w, in large
// type for the village notice board: the passed households with masked ID, group and
// final amount, the notice period (from o.NoticeStart or the meeting date, the village's
// NoticeDays long), where and how to object, and the village committee's name and the
// date. Full ID numbers never appear on it.
func RenderNotice(w io.Writer, v *app.Village, m *app.Meeting, o Options) error {
	if err := CheckGlyphs(v, m); err != nil {
		return err
	}
	if err := checkFields([]field{{key: "object_to", text: o.ObjectTo}, {key: "object_phone", text: o.ObjectPhone}}, regular, bold); err != nil {
		return err
	}
	title := v.Name + "三治信农贷授信评议结果公示"
	d, err := newDoc(o.now(), title, m.DocNumber, footer{m.DocNumber, Fingerprint(v, m)})
	if err != nil {
		return err
	}
	noticeHead(d, title, m)
	passed := noticeTable(d, m, m.Results(v.Settings))
	noticeTerms(d, v, m, o, passed)
	return d.output(w)
}

func noticeHead(d *doc, title string, m *app.Meeting) {
	d.y += 6
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
func noticeTable(d *doc, m *app.Meeting, results []app.Result) int {
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
	t := newTable(d, noticeTableSize, []column{
		{"序号", 14, "C"}, {"户主姓名", 35, "L"}, {"身份证号码", 52, "L"}, {"村民小组", 34, "L"}, {"授信额度（元）", 39, "R"},
	})
	t.pad = 2
	t.begin()
	k := 0
	for i := range m.Nominees {
		n, r := &m.Nominees[i], results[i]
		if r.Outcome != app.Passed {
			continue
		}
		k++
		t.row([]string{fmt.Sprint(k), n.Name, idcard.Mask(n.IDNumber), n.Group, r.Amount.String()}, k%2 == 0)
	}
	t.end()
	d.font(true, noticeBodySize)
	d.para(fmt.Sprintf("合计：%d 户，授信总额 %s 元。", passed, yuanInt(total)), 0)
	d.font(false, noticeBodySize)
	return passed
}

// noticeTerms prints the notice period, how to object and the committee's signature.
func noticeTerms(d *doc, v *app.Village, m *app.Meeting, o Options, passed int) {
	from, to, days := noticePeriod(m, v.Settings, o)
	indent := 2 * d.runeWidth('中')
	d.y += 3
	d.font(true, noticeBodySize)
	d.para(fmt.Sprintf("公示期：%s至%s（共 %d 天）。", cnDate(from), cnDate(to), days), 0)
	d.font(false, noticeBodySize)
	where := o.ObjectTo
	if where == "" {
		where = committee(v)
	}
	how := fmt.Sprintf("公示期内，村民对公示的农户或授信额度有异议的，请以书面或当面方式向%s实名反映", where)
	if o.ObjectPhone != "" {
		how += "，也可拨打电话 " + o.ObjectPhone
	}
	how += "，并说明理由和依据。村民委员会将及时调查核实并答复。"
	if passed > 0 {
		how += "公示期满无异议或异议不成立的，报送农商银行办理授信。"
	}
	d.para(how, indent)
	d.y += 12
	d.need(3 * d.lineH())
	for _, s := range []string{committee(v), cnDate(from)} {
		for _, ln := range d.lines(s, d.width()/2) {
			d.text(d.left+d.width()/2, d.y, d.width()/2-6, ln, "R")
			d.y += d.lineH()
		}
	}
}
