package minutes

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
)

// TestMinutesText protects docs/RULES.md §7's "no text the clerk typed may be lost": every name,
// masked ID, group, purpose, reason and every character of every note is in the PDF's
// text as pdftotext extracts it, and so are the facts, the quorum statement and totals.
func TestMinutesText(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	path, _ := renderMinutes(t, v, m)
	txt := pdfText(t, path)
	q := m.Quorum(v.Settings)
	assertContains(t, txt, "facts", "越丰村三治信农贷评议会议纪要", m.DocNumber, m.Type, "2026年3月15日19:30", m.Place, m.Chair, m.Clerk,
		i18n.T(i18n.Zh, "quorum.met", i18n.Data{"Expected": q.Expected, "Present": q.Present, "Required": q.Required}),
		"蒋立新（迟到，19:45到会）", "缺席：韩雪梅", "请假：沈金龙", "王驻村（驻村干部）", "村委会盖章", "越丰村村民委员会（盖章）")
	for _, a := range m.Attendance {
		assertContains(t, txt, "attendee", a.Name)
	}
	for _, n := range m.Nominees {
		what := fmt.Sprintf("household %d", n.Seq)
		assertContains(t, txt, what, n.Name, idcard.Mask(n.IDNumber), n.Group, n.Purpose, n.Reason, n.Blocked, n.ProposedReason)
		if v := n.Verification; v != nil {
			assertContains(t, txt, what+" notes", v.Notes, strings.Join(v.Visitors, "、"))
		}
	}
	tl := m.Tally(v.Settings)
	assertContains(t, txt, "totals", fmt.Sprintf("本次会议评议提名农户%d户，通过%d户，通过授信总额4,500,000元", tl.Nominated, tl.Passed),
		"授信有效期自银行审批之日起三年")
	if tl.Total != 4_500_000 || tl.Passed != 23 {
		t.Errorf("tally %+v; the expected text above assumes 23 households and 4,500,000", tl)
	}
}

// TestMinutesNoFullID protects docs/RULES.md §5: the minutes show masked IDs only.
func TestMinutesNoFullID(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	path, raw := renderMinutes(t, v, m)
	txt := pdfText(t, path)
	for _, s := range []string{txt, squeeze(txt)} {
		if id := fullID.FindString(s); id != "" {
			t.Errorf("full ID %s in the minutes", id)
		}
	}
	for _, n := range m.Nominees {
		if bytes.Contains(raw, []byte(n.IDNumber)) || strings.Contains(squeeze(txt), n.IDNumber) {
			t.Errorf("household %d: full ID in the minutes", n.Seq)
		}
	}
}

// TestMinutesPDFChecks: qpdf finds the file sound and pdffonts shows every font embedded.
func TestMinutesPDFChecks(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	path, _ := renderMinutes(t, v, m)
	if out, err := exec.Command(needTool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(needTool(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	checkFontsEmbedded(t, string(out))
}

// checkFontsEmbedded reads pdffonts' table: every font row says "yes" under emb.
func checkFontsEmbedded(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	col := strings.Index(lines[0], "emb")
	for _, ln := range lines[2:] {
		if len(ln) < col+3 || ln[col:col+3] != "yes" {
			t.Errorf("font not embedded: %s", ln)
		}
	}
	if n := len(lines) - 2; n != 2 {
		t.Errorf("%d fonts, want 2 (regular and bold):\n%s", n, out)
	}
	// the body is the serif, the headings the sans bold (docs/RULES.md §7), by name
	for _, name := range []string{"utf8notoserifsc ", "utf8notosansscB "} {
		if !strings.Contains(out, name) {
			t.Errorf("pdffonts does not list %q:\n%s", name, out)
		}
	}
}

// TestMinutesFooter: every page says 第 X 页 共 Y 页 with the real total, the document
// number and the fingerprint.
func TestMinutesFooter(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	path, _ := renderMinutes(t, v, m)
	n := pageCount(t, path)
	pages := pageTexts(t, path)
	if len(pages) != n || n < 3 {
		t.Fatalf("%d page texts for %d pages", len(pages), n)
	}
	fp := Fingerprint(v, m)
	for i, p := range pages {
		want := fmt.Sprintf("第%d页共%d页%s内容指纹%s", i+1, n, m.DocNumber, fp)
		if !strings.HasSuffix(squeeze(p), want) {
			t.Errorf("page %d does not end with the footer %q:\n…%s", i+1, want, tail(squeeze(p), 60))
		}
	}
	if strings.Contains(pdfText(t, path), nbAlias) {
		t.Error("page count alias left unreplaced")
	}
}

// TestMinutesTableHeaderRepeats: with 150 households the table spans pages, and every
// page with a row of it starts with the header.
func TestMinutesTableHeaderRepeats(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	for i := 30; i < 150; i++ {
		m.Nominees = append(m.Nominees, household(i))
	}
	path, _ := renderMinutes(t, v, m)
	tablePages := 0
	for i, p := range pageTexts(t, path) {
		if !strings.Contains(p, "7/0/0/0") { // a vote only the table prints
			continue
		}
		tablePages++
		assertContains(t, p, fmt.Sprintf("page %d", i+1), "身份证号码", "赞/反/弃/避", "授信额度（元）")
	}
	if tablePages < 3 {
		t.Errorf("table on %d pages, want at least 3", tablePages)
	}
}

// TestMinutesDeterministic: the same meeting under the same clock gives the same bytes;
// another clock changes the file but not the fingerprint.
func TestMinutesDeterministic(t *testing.T) {
	v := testVillage()
	render := func(o Options) []byte {
		var b bytes.Buffer
		if err := Render(&b, v, testMeeting(v), o); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := render(Options{Now: fixedNow}), render(Options{Now: fixedNow})
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of one meeting differ")
	}
	c := render(Options{Now: fixedNow.AddDate(0, 0, 1)})
	if bytes.Equal(a, c) {
		t.Error("the clock does not reach the PDF's dates")
	}
}

// TestMinutesVariants renders the meetings that print differently: no quorum, an
// amendment, no households, a row taller than a page.
func TestMinutesVariants(t *testing.T) {
	huge := strings.Repeat("湖羊养殖、扩建羊舍、购买饲料和兽药，", 120)
	for _, c := range []struct {
		name  string
		edit  func(m *app.Meeting)
		wants []string
	}{
		{"no quorum", func(m *app.Meeting) {
			for i := range m.Attendance {
				if m.Attendance[i].Name == "朱永明" || m.Attendance[i].Name == "徐桂芳" {
					m.Attendance[i].Presence = app.Absent
				}
			}
		}, []string{"应到9人，实到5人，未达到法定人数（至少6人），本次会议不作决定", "本次会议不作授信决定"}},
		{"amendment", func(m *app.Meeting) {
			m.AmendsID, m.AmendsWhy = 6, "更正第5户走访日期。原纪要误记为3月2日。"
		}, []string{"（补充纪要）", "补充说明：更正第5户走访日期。原纪要误记为3月2日。"}},
		{"no households", func(m *app.Meeting) { m.Nominees = nil }, []string{"提名名单为空", "提名户数"}},
		{"row taller than a page", func(m *app.Meeting) { m.Nominees[0].Purpose = huge }, []string{"湖羊养殖、扩建羊舍、购买饲料和兽药，"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := testVillage()
			m := testMeeting(v)
			c.edit(m)
			path, _ := renderMinutes(t, v, m)
			assertContains(t, pdfText(t, path), c.name, c.wants...)
		})
	}
}

// TestTableRowsNeverCut renders rows of every height, from one line to taller than a
// page; the layout check inside drawRow fails the render if any row crosses a page end.
func TestTableRowsNeverCut(t *testing.T) {
	d, err := newDoc(fixedNow, "t", "t", footer{docNumber: "t"})
	if err != nil {
		t.Fatal(err)
	}
	cols := tableColumns()
	tb := newTable(d, 8, pdfColumns(cols))
	tb.begin()
	want := []string{}
	purpose := colIndex(t, cols, "用途")
	for i := 0; i < 120; i++ {
		cells := make([]string, len(cols))
		cells[0] = fmt.Sprint(i)
		cells[purpose] = strings.Repeat("建", (i*37)%90+1) + fmt.Sprintf("第%d行", i)
		if i == 60 {
			cells[purpose] = strings.Repeat("很长的用途说明", 300) + "完"
		}
		want = append(want, cells[purpose])
		tb.row(cells, i%2 == 0)
	}
	tb.end()
	var b bytes.Buffer
	if err := d.output(&b); err != nil {
		t.Fatal(err)
	}
	path, _ := writePDF(t, "table.pdf", func(w *bytes.Buffer) error { _, err := w.Write(b.Bytes()); return err })
	txt := pdfText(t, path)
	assertContains(t, txt, "rows", want[:60]...)
	assertContains(t, txt, "rows", want[61:]...)
	// the row taller than a page is continued across pages, between headers and footers:
	// count its characters instead (none of them is in any other cell or the header)
	for _, r := range "很长的说明" {
		if n := strings.Count(txt, string(r)); n != 300 {
			t.Errorf("%q %d times in the text, want 300", r, n)
		}
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}

// TestDraftMarkOnEveryPage protects docs/RULES.md §7: unsigned minutes say 草稿（未签署）
// on every page; the copy rendered for signing does not.
func TestDraftMarkOnEveryPage(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	path, _ := renderMinutes(t, v, m)
	pages := pageTexts(t, path)
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, pg := range pages {
		if !strings.Contains(squeeze(pg), "草稿（未签署）") {
			t.Errorf("page %d has no draft mark", i+1)
		}
	}
	final, _ := writePDF(t, "final.pdf", func(b *bytes.Buffer) error { return Render(b, v, m, Options{Now: fixedNow, Final: true}) })
	if strings.Contains(pdfText(t, final), "草稿") {
		t.Error("the copy for signing carries the draft mark")
	}
}

// TestNothingInvented protects docs/RULES.md §11: a visit without a date or visitors
// prints 未填写, never the meeting date; the validity starts at the bank's approval.
func TestNothingInvented(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	for i := range m.Nominees {
		if vf := m.Nominees[i].Verification; vf != nil {
			vf.VisitDate, vf.Visitors = time.Time{}, nil
		}
	}
	path, _ := renderMinutes(t, v, m)
	txt := pdfText(t, path)
	assertContains(t, txt, "unfilled", "走访日期：未填写；走访人：未填写", "授信有效期自银行审批之日起三年")
	if strings.Contains(squeeze(txt), "走访日期："+cnDate(m.Date)) {
		t.Error("a visit without a date printed the meeting date")
	}
}

// TestAmendmentNamesTheOriginalInBeijingTime protects docs/RULES.md §11.4–§11.5: the
// 补充纪要 names the original's 文号, fingerprint and signing time, and that time is
// Beijing time whatever zone the PC is set to (a UTC machine printed 03:09 for 11:09).
func TestAmendmentNamesTheOriginalInBeijingTime(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	m.AmendsID, m.AmendsWhy = 6, "公示期间核实，更正第4户建议额度"
	signed := time.Date(2026, 11, 20, 3, 9, 0, 0, time.UTC) // 11:09 in Beijing
	o := Options{Now: fixedNow, Original: &Original{DocNumber: "越丰村评〔2026〕1号", Date: m.Date,
		Fingerprint: "fd791b9b4fed", SignedAt: signed}}
	path, _ := writePDF(t, "amendment.pdf", func(b *bytes.Buffer) error { return Render(b, v, m, o) })
	assertContains(t, pdfText(t, path), "original", "越丰村评〔2026〕1号", "内容指纹fd791b9b4fed", "2026年11月20日11:09签署")
}
