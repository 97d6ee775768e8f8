package desktop

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"pingxin/app"
)

// pdfWords is a PDF's text as pdftotext reads it, without white space.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// signOn signs the meeting of tab mt with a village key that already exists.
func signOn(t *testing.T, mt *minutesTab, pass string) {
	t.Helper()
	test.Tap(mt.sign)
	if mt.signDialog == nil {
		t.Fatal("no sign dialog")
	}
	mt.signPass.SetText(pass)
	if mt.signAgain != nil {
		mt.signAgain.SetText(pass)
	}
	mt.signDialog.Submit()
	waitBackground()
	if !mt.problem.Hidden || !mt.mm.locked() {
		t.Fatalf("sign failed: %s", mt.problem.Text)
	}
}

// TestRecordToTheBankThroughTheDesktop walks docs/RULES.md §11 on the desktop, the
// same path as the command line's tests: sign, 公示 from a chosen day (not only today),
// 组织审定, close after the period, bank package; then the 补充纪要 at its own sitting
// — a changed amount, its own 文号, signed, its 更正公示 with a fresh period, review,
// close, package — with what the PDFs say read back by pdftotext.
func TestRecordToTheBankThroughTheDesktop(t *testing.T) {
	const pass = "村委会2026年口令"
	d, s := openDemoMeeting(t)
	finishAll(t, s)
	s.tabs.SelectIndex(4)
	mt := s.minutes
	if !mt.fromRow.Hidden {
		t.Error("the 公示 day is offered before signing")
	}
	signOn(t, mt, pass)
	ctx := context.Background()

	// the 公示 starts on the day the clerk chooses
	if mt.fromRow.Hidden || mt.noticeFrom.Text != testDay.Format("2006-01-02") {
		t.Fatalf("公示 day %q (hidden %v), want today by default", mt.noticeFrom.Text, mt.fromRow.Hidden)
	}
	from := testDay.AddDate(0, 0, 2)
	mt.noticeFrom.SetText(from.Format("2006-01-02"))
	test.Tap(mt.generate)
	waitBackground()
	if p, _ := d.Store.Publicity(ctx, s.model.id); p == nil || !p.Start.Equal(app.Day(from)) {
		t.Fatalf("publicity %+v, want it from %s (%s)", p, from.Format("2006-01-02"), mt.problem.Text)
	}
	nt := pdfWords(t, mt.path(fileNotice))
	if !strings.Contains(nt, "公示期："+from.Format("2006年1月2日")) || !strings.Contains(nt, "（盖章）"+from.Format("2006年1月2日")) {
		t.Errorf("the notice does not run from %s:\n%s", from.Format("2006-01-02"), nt)
	}
	test.Tap(mt.review)
	mt.reviewDialog.by.SetText("沈建国")
	mt.saveReview(mt.reviewDialog)
	d.Now = func() time.Time { return from.AddDate(0, 0, 7) } // the day after the last day
	test.Tap(mt.closePub)
	mt.savePublicity(mt.publicityDialog)
	if p, _ := d.Store.Publicity(ctx, s.model.id); p == nil || p.Outcome != app.NoObjection {
		t.Fatalf("outcome not recorded: %+v (%s)", p, mt.problem.Text)
	}
	mt.exportTo(filepath.Join(t.TempDir(), "bank.zip"), pass)
	waitBackground()
	if !mt.problem.Hidden {
		t.Fatalf("export: %s", mt.problem.Text)
	}

	// the 补充纪要: its own sitting, 文号 and signing
	mt.amendWith("第 13 户建议额度笔误，更正为二十万元")
	waitBackground() // the amendment opens in the background
	am, ok := d.Nav.(*Navigator).Top().(*MeetingScreen)
	if !ok || am.model.m.AmendsID != s.model.id {
		t.Fatalf("amendment screen not opened: %s", mt.problem.Text)
	}
	amm := am.model
	facts := *amm.m
	facts.Time, facts.Place = "19:00", "越丰村文化礼堂"
	if err := amm.updateFacts(&facts); err != nil {
		t.Fatal(err)
	}
	i := amm.indexOfSeq(13)
	n := *amm.nominee(i)
	n.Proposed = 200_000
	if err := amm.saveNominee(i, n); err != nil {
		t.Fatal(err)
	}
	am.tabs.SelectIndex(4)
	amt := am.minutes
	signOn(t, amt, pass)
	text := pdfWords(t, amt.path(fileSigned))
	for _, want := range []string{"（补充纪要）", "越丰村评〔2026〕2号", "对越丰村评〔2026〕1号纪要的补充", "内容指纹",
		"最终结果：原为“通过300,000”，更正为“通过200,000”"} {
		if !strings.Contains(text, want) {
			t.Errorf("the signed amendment lacks %q", want)
		}
	}
	test.Tap(amt.generate)
	waitBackground()
	if !amt.problem.Hidden {
		t.Fatalf("the amendment's notice: %s (from %q)", amt.problem.Text, amt.noticeFrom.Text)
	}
	an := pdfWords(t, amt.path(fileNotice))
	for _, want := range []string{"更正公示", "对越丰村评〔2026〕1号纪要作出以下更正", "最终结果：原为“通过300,000”，更正为“通过200,000”",
		"公示期：" + d.Now().Format("2006年1月2日")} {
		if !strings.Contains(an, want) {
			t.Errorf("the 更正公示 lacks %q", want)
		}
	}
	test.Tap(amt.review)
	amt.reviewDialog.by.SetText("沈建国")
	amt.saveReview(amt.reviewDialog)
	later := d.Now().AddDate(0, 0, 8)
	d.Now = func() time.Time { return later }
	test.Tap(amt.closePub)
	amt.savePublicity(amt.publicityDialog)
	zip := filepath.Join(t.TempDir(), "amend.zip")
	amt.exportTo(zip, pass)
	waitBackground()
	if b, err := os.ReadFile(zip); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("amendment package: %v (%s)", err, amt.problem.Text)
	}
}
