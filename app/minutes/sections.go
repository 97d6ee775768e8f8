package minutes

import (
	"fmt"
	"strings"

	"pingxin/app"
	"pingxin/app/i18n"
)

// Body text size of the minutes, in points.
const bodySize = 10.5

// title prints the title, the document number and the red rule of an official document.
func (mn *minutes) title() {
	d := mn.d
	d.y += 4
	d.font(true, 19)
	for _, ln := range d.lines(mn.v.Name+"三治信农贷评议会议纪要", d.width()) {
		d.text(d.left, d.y, d.width(), ln, "C")
		d.y += d.lineH()
	}
	if mn.m.AmendsID != 0 {
		d.font(true, 14)
		d.text(d.left, d.y, d.width(), "（补充纪要）", "C")
		d.y += d.lineH()
		if o := mn.o.Original; o != nil {
			d.font(false, 11)
			for _, ln := range d.lines("对"+o.DocNumber+"纪要的补充", d.width()) {
				d.text(d.left, d.y, d.width(), ln, "C")
				d.y += d.lineH()
			}
		}
	}
	d.y += 2
	d.font(false, 11)
	for _, ln := range d.lines(mn.m.DocNumber, d.width()) {
		d.text(d.left, d.y, d.width(), ln, "C")
		d.y += d.lineH()
	}
	d.y += 1.5
	d.f.SetDrawColor(200, 30, 30)
	d.f.SetLineWidth(0.7)
	d.f.Line(d.left, d.y, d.right, d.y)
	d.f.SetDrawColor(0, 0, 0)
	d.y += 4
}

// facts prints the meeting's facts as label: value lines.
func (mn *minutes) facts() {
	d, m := mn.d, mn.m
	d.heading("一、会议基本情况")
	when := cnDate(m.Date)
	if m.Time != "" {
		when += " " + m.Time
	}
	rows := [][2]string{
		{"会议类型", m.Type}, {"会议时间", when}, {"会议地点", orUnfilled(m.Place)},
		{"主持人", orUnfilled(m.Chair)}, {"记录人", orUnfilled(m.Clerk)},
	}
	if m.AmendsID != 0 {
		if o := mn.o.Original; o != nil {
			rows = append(rows, [2]string{"原纪要", fmt.Sprintf("%s（%s会议），内容指纹 %s，%s签署",
				o.DocNumber, cnDate(o.Date), o.Fingerprint, o.SignedAt.In(app.Beijing).Format("2006年1月2日 15:04"))}) // Beijing time, as everything a bank reads (docs/RULES.md §11.4)
		}
		rows = append(rows, [2]string{"补充说明", m.AmendsWhy})
	}
	lw := d.textWidth("会议地点：") + 1
	for _, r := range rows {
		d.labelled(r[0]+"：", r[1], lw)
	}
	mn.changes()
}

// attendance prints each body's roll call and the quorum statement with its numbers.
func (mn *minutes) attendance() {
	d := mn.d
	d.heading("二、出席情况")
	for _, b := range app.Bodies {
		if s := bodyRollCall(mn.m.Attendance, b); s != "" {
			d.para(s, 0)
		}
	}
	q := mn.quorum
	key := "quorum.not_met"
	if q.Met {
		key = "quorum.met"
	}
	stmt := i18n.T(i18n.Zh, key, i18n.Data{"Expected": q.Expected, "Present": q.Present, "Required": q.Required})
	d.y += 1
	d.font(true, bodySize)
	d.para(fmt.Sprintf("法定人数（百姓议事会成员的%s）：%s。", ratio(mn.s.QuorumNum, mn.s.QuorumDen), stmt), 0)
	d.font(false, bodySize)
}

// inBody reports whether an attendee belongs to b; one in no body is an observer.
func inBody(a app.Attendance, b app.Body) bool {
	if len(a.Bodies) == 0 {
		return b == app.BodyObserver
	}
	for _, x := range a.Bodies {
		if x == b {
			return true
		}
	}
	return false
}

// bodyRollCall is one body's line: counts, then the names under each mark.
func bodyRollCall(att []app.Attendance, b app.Body) string {
	byMark := map[app.Presence][]string{}
	n := 0
	for _, a := range att {
		if !inBody(a, b) {
			continue
		}
		n++
		name := a.Name
		switch {
		case a.Presence == app.Late:
			name += "（" + roleNote(a.Role, "迟到，"+a.At+"到会") + "）"
		case a.Presence == app.LeftEarly:
			name += "（" + roleNote(a.Role, "早退，"+a.At+"离会") + "）"
		case roleNote(a.Role, "") != "":
			name += "（" + roleNote(a.Role, "") + "）"
		}
		mark := a.Presence
		if mark.Counts() {
			mark = app.Present
		}
		byMark[mark] = append(byMark[mark], name)
	}
	if n == 0 {
		return ""
	}
	present := len(byMark[app.Present])
	s := fmt.Sprintf("%s：应到 %d 人，实到 %d 人，缺席 %d 人，请假 %d 人。出席：%s",
		b, n, present, len(byMark[app.Absent]), len(byMark[app.Leave]), joinNames(byMark[app.Present]))
	if b == app.BodyObserver {
		s = fmt.Sprintf("列席人员：%s", joinNames(byMark[app.Present]))
	}
	if x := byMark[app.Absent]; len(x) > 0 {
		s += "；缺席：" + joinNames(x)
	}
	if x := byMark[app.Leave]; len(x) > 0 {
		s += "；请假：" + joinNames(x)
	}
	return s + "。"
}

// roleNote is the bracket after a name: the role unless plain member, and a note.
func roleNote(r app.Role, note string) string {
	parts := []string{}
	if r != "" && r != app.RoleMember {
		parts = append(parts, string(r))
	}
	if note != "" {
		parts = append(parts, note)
	}
	return strings.Join(parts, "，")
}

// rules prints the rules applied, in one paragraph, from the village's settings.
func (mn *minutes) rules() {
	d, s := mn.d, mn.s
	d.heading("三、评议依据和规则")
	majority := "过半数"
	if s.Majority == app.MajorityTwoThirds {
		majority = "三分之二以上"
	}
	p := fmt.Sprintf("本次评议依据《村规民约》和三治信农贷有关规定，以道德评判团提名名单为基础逐户评议。"+
		"基本条件为“六无”（%s）和“三不准”承诺（%s），有一项不符合的不予通过，有待核实的暂缓。"+
		"建议授信额度一般不超过 %s 元，超过的须说明理由（双带能力强、信用良好、带头作用明显），最高不超过 %s 元，以 %s 元为单位。"+
		"百姓议事会出席成员达到%s方可作出决定；表决以出席且不回避的百姓议事会成员%s赞成为通过，本人或近亲属为被评议人的成员回避。"+
		"乡贤参事会核实意见为“不予授信”的不予授信，为“调低至”的按调低后的额度授信。"+
		"授信一次核定、%s年有效、循环使用、随借随贷。",
		strings.Join(app.BaselineItems[:], "、"), app.Undertaking,
		s.StandardCap.String(), s.RaisedCap.String(), s.RoundingUnit.String(),
		ratio(s.QuorumNum, s.QuorumDen), majority, cnCount(s.ValidityYears))
	d.para(p, 2*d.runeWidth('中'))
}

// cnCount writes a small count in Chinese numerals (三年有效) and larger ones in digits.
func cnCount(n int) string {
	digits := []string{"零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n < len(digits) {
		return digits[n]
	}
	return fmt.Sprint(n)
}

// changes lists, in an amendment, every correction against the signed minutes: the
// household, the field, what was signed and what it is now (issue: "listing what
// changed and why").
func (mn *minutes) changes() {
	if mn.m.AmendsID == 0 {
		return
	}
	d := mn.d
	if len(mn.o.Changes) == 0 {
		d.para("更正事项：无。", 0)
		return
	}
	d.para("更正事项：", 0)
	for i, c := range mn.o.Changes {
		who := c.Name
		if c.Seq > 0 {
			who = fmt.Sprintf("第 %d 户 %s", c.Seq, c.Name)
		}
		old, now := c.Old, c.New
		if old == "" {
			old = "（空）"
		}
		if now == "" {
			now = "（空）"
		}
		d.para(fmt.Sprintf("%d. %s，%s：原为“%s”，更正为“%s”。", i+1, who, c.Label(i18n.Zh), old, now), 4)
	}
}
