package minutes

import (
	"fmt"
	"strings"

	"pingxin/app"
	"pingxin/app/idcard"
)

// householdSize is the household table's type size in points: smaller than the body,
// as GB/T 9704 allows for tables, so that a masked ID stays on one line.
const householdSize = 7.5

// householdPad is the household table's cell padding in mm: tighter than other tables',
// so that its eleven columns hold their widest values on one line
// (TestHouseholdTablesFitTheTextBlock).
const householdPad = 1.0

// households prints the household table, one row per nominee in list order.
func (mn *minutes) households() {
	d := mn.d
	d.need(40) // the heading, the table's header and its first rows start on one page
	d.heading("四、逐户评议结果")
	if len(mn.m.Nominees) == 0 {
		d.para("提名名单为空。", 0)
		return
	}
	cols := tableColumns()
	t := newTable(d, householdSize, pdfColumns(cols))
	t.pad = householdPad
	t.begin()
	for i := range mn.m.Nominees {
		t.row(pdfCells(cols, newHouseholdRow(mn.v, mn.m, i, mn.results[i], 0)), i%2 == 1)
	}
	t.end()
	d.font(false, householdSize)
	d.para("注：身份证号码中间八位已隐去；完整号码仅见报送农商银行的授信名单。“—”表示无此项。", 0)
	d.font(false, bodySize)
}

// who names a household as the text sections do: № 3 张三（330483********123X，第二组）.
func who(n *app.Nominee) string {
	parts := []string{idcard.Mask(n.IDNumber)}
	if n.Group != "" {
		parts = append(parts, n.Group)
	}
	return fmt.Sprintf("第 %d 户 %s（%s）", n.Seq, n.Name, strings.Join(parts, "，"))
}

// excluded prints every household that did not pass, with every reason: the domain's,
// the meeting's own words, and which baseline items failed.
func (mn *minutes) excluded() {
	d := mn.d
	d.heading("五、未通过、暂缓和拦截的农户及理由")
	count := 0
	for i := range mn.m.Nominees {
		n, r := &mn.m.Nominees[i], mn.results[i]
		if r.Outcome == app.Passed {
			continue
		}
		count++
		s := fmt.Sprintf("%s：%s。", who(n), r.Outcome)
		if w := whyText(r.Why); strings.HasPrefix(w, string(r.Outcome)) { // 已拦截：列入黑名单…
			s = fmt.Sprintf("%s：%s。", who(n), w)
		} else if w != "" {
			s += "原因：" + w + "。"
		}
		if b := app.BaselineText(n); b != "" {
			s += b
		}
		if n.Reason != "" {
			s += "会议意见：" + n.Reason
		}
		d.para(s, 0)
		d.y += 0.8
	}
	if count == 0 {
		d.para("无。全部提名农户均通过评议。", 0)
	}
}

// others prints the rate-preference recommendations and every reason given for a
// proposed amount, so that no text the clerk typed is left out.
func (mn *minutes) others() {
	d := mn.d
	d.heading("六、其他事项")
	var pref []string
	for i := range mn.m.Nominees {
		if n := &mn.m.Nominees[i]; n.RatePreference && mn.results[i].Outcome == app.Passed {
			pref = append(pref, fmt.Sprintf("第 %d 户 %s", n.Seq, n.Name))
		}
	}
	d.para(fmt.Sprintf("建议给予利率优惠的通过农户（共 %d 户）：%s。", len(pref), joinNames(pref)), 0)
	first := true
	for i := range mn.m.Nominees {
		n := &mn.m.Nominees[i]
		if strings.TrimSpace(n.ProposedReason) == "" {
			continue
		}
		if first {
			d.y += 0.8
			d.para("建议授信额度的说明理由：", 0)
			first = false
		}
		d.para(fmt.Sprintf("%s，建议额度 %s 元：%s", who(n), n.Proposed.String(), n.ProposedReason), 0)
	}
}

// notes prints the sage council's verification of every visited household with its
// notes in full, flowing across pages line by line; then the households not visited.
func (mn *minutes) notes() {
	d := mn.d
	d.heading("七、乡贤参事会核实意见全文")
	var unvisited, deferred []string
	for i := range mn.m.Nominees {
		n := &mn.m.Nominees[i]
		v := n.Verification
		if v == nil && mn.results[i].AwaitsVisit() {
			deferred = append(deferred, fmt.Sprintf("第 %d 户 %s", n.Seq, n.Name))
			continue
		}
		if v == nil {
			unvisited = append(unvisited, fmt.Sprintf("第 %d 户 %s", n.Seq, n.Name))
			continue
		}
		d.font(true, bodySize)
		d.need(3 * d.lineH())
		d.para(who(n), 0)
		d.font(false, bodySize)
		rec := string(v.Recommendation)
		if v.Recommendation == app.LowerTo {
			rec += " " + v.LowerTo.String() + " 元"
		}
		visitors := unfilled
		if len(v.Visitors) > 0 {
			visitors = joinNames(v.Visitors)
		}
		d.para(fmt.Sprintf("走访日期：%s；走访人：%s；核实结论：%s；建议：%s。",
			orUnfilled(cnDate(v.VisitDate)), visitors, orUnfilled(string(v.Conclusion)), orUnfilled(rec)), 0)
		notes := v.Notes
		if strings.TrimSpace(notes) == "" {
			notes = "（无文字意见）"
		}
		d.labelled("核实意见：", notes, d.textWidth("核实意见："))
		d.y += 1.5
	}
	if len(unvisited) > 0 {
		d.para(app.NotVisited+"（不影响评议结果）："+joinNames(unvisited)+"。", 0)
	}
	if len(deferred) > 0 {
		d.para(fmt.Sprintf("未走访，建议额度超过标准上限 %s 元，暂缓（见第五部分）：%s。", mn.s.StandardCap.String(), joinNames(deferred)), 0)
	}
}

// totals prints the tally and the credit's validity.
func (mn *minutes) totals() {
	d, t := mn.d, mn.tally
	d.heading("八、评议结果汇总")
	tb := newTable(d, 9.5, []column{
		{"提名户数", 1, "C"}, {"通过", 1, "C"}, {"不通过", 1, "C"}, {"暂缓", 1, "C"},
		{"拦截", 1, "C"}, {"待评议", 1, "C"}, {"通过授信总额（元）", 1.8, "R"},
	})
	tb.begin()
	tb.row([]string{fmt.Sprint(t.Nominated), fmt.Sprint(t.Passed), fmt.Sprint(t.NotPassed), fmt.Sprint(t.Deferred),
		fmt.Sprint(t.Blocked), fmt.Sprint(t.Pending), yuanInt(t.Total)}, false)
	tb.end()
	s := fmt.Sprintf("本次会议评议提名农户 %d 户，通过 %d 户，通过授信总额 %s 元。授信有效期%s，一次核定、%s年有效、循环使用、随借随贷。",
		t.Nominated, t.Passed, yuanInt(t.Total), validityText(mn.s), cnCount(mn.s.ValidityYears))
	if !mn.quorum.Met {
		s += "因出席人数未达到法定人数，本次会议不作授信决定。"
	}
	d.para(s, 2*d.runeWidth('中'))
}
