package minutes

import (
	"fmt"
	"io"

	"pingxin/app"
)

// Cover is what the 报送单 (the bank package's cover sheet) states besides the meeting:
// the files the package holds with their SHA-256, the 组织审定 and 公示 records, and for
// an amendment the package it amends.
type Cover struct {
	Files     []CoverFile
	Review    *app.Review    // nil: not recorded (printed 未填写)
	Publicity *app.Publicity // nil: not issued
	Amends    *CoverAmends   // nil unless the meeting is an amendment
	Passed    int
	Total     int64
}

// CoverFile is one file of the package as the cover sheet lists it.
type CoverFile struct {
	Name, Role, SHA256 string
	Size               int
}

// CoverAmends names the package an amendment's package replaces.
type CoverAmends struct {
	DocNumber, ManifestSHA256 string
	Withdrawn, Added, Changed int
}

// RenderCover writes the one-page 报送单 of a bank package (docs/RULES.md §11.4): for
// whom, from which village and meeting, what the package holds with each file's
// SHA-256, the 组织审定 and the 公示 with its outcome, and for an amendment the package
// it amends. The package signs it like the minutes.
func RenderCover(w io.Writer, v *app.Village, m *app.Meeting, o Options, c Cover) error {
	if err := CheckGlyphs(v, m); err != nil {
		return err
	}
	title := v.Name + "三治信农贷授信材料报送单"
	d, err := newDoc(o.now(), title, m.DocNumber, footer{docNumber: m.DocNumber, fingerprint: Fingerprint(v, m)})
	if err != nil {
		return err
	}
	d.font(true, 18)
	d.text(d.left, d.y, d.width(), title, "C")
	d.y += d.lineH() + 2
	d.font(false, 10.5)
	lw := 30.0
	d.labelled("报送单位：", v.Town+v.Name+"村民委员会", lw)
	d.labelled("报送对象：", "合作银行（三治信农贷授信审批部门）", lw)
	d.labelled("评议会文号：", orUnfilled(m.DocNumber), lw)
	d.labelled("会议日期：", cnDate(m.Date), lw)
	d.labelled("通过户数：", fmt.Sprintf("%d 户，授信总额 %s 元", c.Passed, yuanInt(c.Total)), lw)
	if c.Amends != nil {
		d.heading("更正说明")
		d.labelled("所更正材料：", orUnfilled(c.Amends.DocNumber), lw)
		d.labelled("原清单指纹：", orUnfilled(c.Amends.ManifestSHA256), lw)
		d.labelled("变动户数：", fmt.Sprintf("撤回 %d 户，新增 %d 户，变更 %d 户（明细见 manifest.json）",
			c.Amends.Withdrawn, c.Amends.Added, c.Amends.Changed), lw)
	}
	d.heading("组织审定")
	if r := c.Review; r != nil {
		d.labelled("审定日期：", cnDate(r.Date), lw)
		d.labelled("审定人：", r.Reviewer, lw)
		d.labelled("审定意见：", r.Opinion, lw)
	} else {
		d.labelled("审定：", unfilled, lw)
	}
	d.heading("公示")
	if p := c.Publicity; p != nil {
		d.labelled("公示期：", cnDate(p.Start)+"至"+cnDate(p.End())+fmt.Sprintf("（%d 天）", p.Days), lw)
		d.labelled("公示地点：", orUnfilled(p.Notice.Place), lw)
		outcome := unfilled
		if p.Closed() {
			outcome = string(p.Outcome)
			if len(p.Objections) > 0 {
				outcome += fmt.Sprintf("（异议 %d 件，均已处理）", len(p.Objections))
			}
		}
		d.labelled("公示结果：", outcome, lw)
	} else {
		d.labelled("公示：", unfilled, lw)
	}
	d.heading("材料清单（SHA-256）")
	for i, f := range c.Files {
		d.labelled(fmt.Sprintf("%d. %s", i+1, f.Role), fmt.Sprintf("%s，%d 字节", f.Name, f.Size), 56)
		d.font(false, 9)
		d.labelled("", f.SHA256, 56)
		d.font(false, 10.5)
	}
	d.y += 2
	d.para("本报送单与清单文件 manifest.json 均由本村数字证书签名；银行可用 pingxin verify 核验压缩包中每一个文件。", 0)
	return d.output(w)
}
