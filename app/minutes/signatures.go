package minutes

import (
	"pingxin/app"
)

// signatures prints the signature page: the chair, the clerk and every present member
// with a line to sign and a date, and a box for the village committee's seal.
func (mn *minutes) signatures() {
	d, m := mn.d, mn.m
	d.newPage()
	d.y += 2
	d.font(true, 16)
	d.text(d.left, d.y, d.width(), "会议纪要签字页", "C")
	d.y += d.lineH()
	d.font(false, 10.5)
	for _, ln := range d.lines(minutesTitle(mn.v, m)+"（"+m.DocNumber+"）", d.width()) {
		d.text(d.left, d.y, d.width(), ln, "C")
		d.y += d.lineH()
	}
	d.y += 3
	d.para("以上纪要内容经与会人员核对无误，签字确认。", 2*d.runeWidth('中'))
	d.y += 2
	t := newTable(d, 10.5, []column{
		{"职责", 46, "L"}, {"姓名", 28, "L"}, {"签名", 44, "L"}, {"日期", 32, "C"},
	})
	t.minH = 8
	t.begin()
	for _, s := range signers(m) {
		t.row([]string{s.role, s.name, "", "    年    月    日"}, false)
	}
	t.end()
	mn.sealBoxes()
}

// signer is a line of the signature table.
type signer struct{ role, name string }

// signers lists the chair, the clerk, then every other person present in roll-call
// order with the bodies they sit in.
func signers(m *app.Meeting) []signer {
	out := []signer{{"主持人", m.Chair}, {"记录人", m.Clerk}}
	for _, a := range m.Attendance {
		if !a.Presence.Counts() || a.Name == m.Chair || a.Name == m.Clerk {
			continue
		}
		out = append(out, signer{bodiesText(a), a.Name})
	}
	return out
}

// bodiesText names what an attendee sits in: 百姓议事会、乡贤参事会 or 列席（驻村干部）.
func bodiesText(a app.Attendance) string {
	s := ""
	for _, b := range a.Bodies {
		if b == app.BodyObserver {
			continue
		}
		if s != "" {
			s += "、"
		}
		s += string(b)
	}
	if s == "" {
		s = "列席"
		if a.Role != "" && a.Role != app.RoleOfficer && a.Role != app.RoleMember {
			s += "（" + string(a.Role) + "）"
		}
	}
	return s
}

// sealBoxes draws, side by side and kept together, the 组织审定 block of the village
// Party organisation with its seal place (docs/RULES.md §11.2) and the box where the
// village committee sets its seal.
func (mn *minutes) sealBoxes() {
	d := mn.d
	const h, gap, sealW = 44.0, 6.0, 58.0
	d.need(h + 4)
	y := d.y + 4
	mn.reviewBox(d.left, y, d.width()-sealW-gap, h)
	mn.sealBox(d.right-sealW, y, sealW, h)
	d.y = y + h + 2
}

// dashedBox draws the dashed frame of a block to fill in and seal by hand.
func (d *doc) dashedBox(x, y, w, h float64) {
	d.f.SetDrawColor(90, 90, 90)
	d.f.SetLineWidth(0.3)
	d.f.SetDashPattern([]float64{1.5, 1.2}, 0)
	d.f.Rect(x, y, w, h, "D")
	d.f.SetDashPattern([]float64{}, 0)
	d.f.SetDrawColor(0, 0, 0)
}

// reviewBox is the 组织审定 block: the opinion, the reviewer and the date as recorded,
// or lines to fill in by hand, and the Party organisation's seal place.
func (mn *minutes) reviewBox(x, y, w, h float64) {
	d := mn.d
	d.dashedBox(x, y, w, h)
	d.font(true, 10.5)
	d.text(x+3, y+2, w-6, "组织审定（村党组织）", "L")
	d.font(false, 10.5)
	opinion, by, date := "", "", "    年    月    日"
	if r := mn.o.Review; r != nil {
		opinion, by, date = r.Opinion, r.Reviewer, cnDate(r.Date)
	}
	yy := y + 3 + d.lineH()
	for _, row := range [][2]string{{"审定意见：", opinion}, {"审定人：", by}, {"审定日期：", date}} {
		lw := d.textWidth("审定意见：")
		d.text(x+3, yy, lw, row[0], "L")
		if row[1] != "" {
			d.text(x+3+lw, yy, w-6-lw, row[1], "L")
		} else {
			d.f.SetDrawColor(120, 120, 120)
			d.f.Line(x+3+lw, yy+d.lineH()-1, x+w-4, yy+d.lineH()-1)
			d.f.SetDrawColor(0, 0, 0)
		}
		yy += d.lineH() + 2
	}
	d.text(x+3, y+h-3-d.lineH(), w-6, "村党组织（盖章）", "R")
}

// sealBox is the box where the village committee sets its seal, with its name and a
// date line.
func (mn *minutes) sealBox(x, y, w, h float64) {
	d := mn.d
	d.dashedBox(x, y, w, h)
	d.font(false, 9)
	d.text(x, y+2, w, "村委会盖章", "C")
	d.font(false, 10.5)
	ls := d.lines(committee(mn.v)+"（盖章）", w-4)
	yy := y + h - 4 - float64(len(ls)+1)*d.lineH()
	for _, ln := range ls {
		d.text(x+2, yy, w-4, ln, "C")
		yy += d.lineH()
	}
	d.text(x+2, yy, w-4, "    年    月    日", "C")
}
