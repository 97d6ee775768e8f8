package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/service"
	"pingxin/data"
	"pingxin/internal/pdftest"
)

// publicize runs a signed meeting's 公示 from the harness's day and, its period over,
// records 无异议, leaving the clock as it was: with the 组织审定, what must happen before
// the bank package.
func publicize(t *testing.T, h *harness, id, dir string) {
	t.Helper()
	day := h.clock()
	h.ok("notice", "--meeting", id, "--out", filepath.Join(dir, "notice-"+id+".pdf"), "--from", day.Format("2006-01-02"))
	saved := h.now
	h.now = day.AddDate(0, 0, 31) // past any village's notice period
	h.ok("publicity", "close", "--meeting", id, "--result", "无异议")
	h.now = saved
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// setNotice stores the village's 公示 settings.
func setNotice(t *testing.T, h *harness, n app.NoticeSettings) {
	t.Helper()
	if cmd, _ := lookup([]string{"village", "set"}); cmd != nil {
		h.ok("village", "set", "--village", "越丰村", "--notice-place", n.Place, "--object-place", n.ObjectPlace,
			"--contact", n.Contact, "--phone", n.Phone, "--supervise-phone", n.SupervisePhone)
		return
	}
	st, err := data.Open(h.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	v, err := st.VillageByName(context.Background(), "越丰村")
	if err != nil {
		t.Fatal(err)
	}
	v.Settings.Notice = n
	if err := service.New(st).UpdateSettings(context.Background(), v.ID, v.Settings); err != nil {
		t.Fatal(err)
	}
}

// docNumberOf reads a meeting's 文号 from the database.
func docNumberOf(t *testing.T, h *harness, id string) string {
	t.Helper()
	_, m := h.stored(t, id)
	return m.DocNumber
}

// refused runs a command that must be refused (exit 1) with stderr containing want.
func (h *harness) refused(want string, args ...string) {
	h.t.Helper()
	code, _, errs := h.run(map[string]string{"PINGXIN_PASSPHRASE": "越丰村村委会口令2026"}, args...)
	if code != ExitRefused || !strings.Contains(errs, want) {
		h.t.Fatalf("%v: exit %d, stderr %q, want refusal with %q", args, code, errs, want)
	}
}

// TestAfterSigningPath drives the record from signing to the bank and through an
// amendment (docs/RULES.md §11), from the command line only: sign, review, notice,
// close (refused before the period ends), export (refused before), amend, re-sign,
// 更正公示, close, export (refused before the amendment's own review), review, export, checking what the documents say with pdftotext.
func TestAfterSigningPath(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	pass := map[string]string{"PINGXIN_PASSPHRASE": "越丰村村委会口令2026"}
	id := itoa(finishDemo(t, h))
	p := func(name string) string { return filepath.Join(dir, name) }

	h.refused("未签署", "notice", "--meeting", id, "--out", p("early.pdf"))
	h.refused("未签署", "review", "--meeting", id, "--date", "2026-11-21", "--by", "沈建国")
	h.ok("minutes", "--meeting", id, "--out", p("draft.pdf"))
	if !strings.Contains(pdftest.Words(t, p("draft.pdf")), "草稿（未签署）") {
		t.Fatal("the unsigned minutes carry no draft mark")
	}
	h.okEnv(pass, "minutes", "--meeting", id, "--out", p("signed.pdf"), "--sign")
	signed, _ := os.ReadFile(p("signed.pdf"))
	if strings.Contains(pdftest.Words(t, p("signed.pdf")), "草稿") {
		t.Fatal("the signed minutes carry the draft mark")
	}
	h.ok("minutes", "--meeting", id, "--out", p("again.pdf"))
	if again, _ := os.ReadFile(p("again.pdf")); string(again) != string(signed) {
		t.Fatal("minutes of a signed meeting must be the stored signed copy, byte for byte")
	}
	if !strings.Contains(pdftest.Words(t, p("signed.pdf")), "组织审定（村党组织）") {
		t.Fatal("the signature page has no 组织审定 block")
	}

	h.ok("review", "--meeting", id, "--date", "2026-11-21", "--by", "沈建国")
	h.refused("已经有组织审定", "review", "--meeting", id, "--date", "2026-11-22", "--by", "沈建国")

	setNotice(t, h, app.NoticeSettings{Place: "村务公开栏", ObjectPlace: "村委会办公室", Contact: "王丽芳",
		Phone: "0573-88001234", SupervisePhone: "0573-88009999"})
	h.ok("notice", "--meeting", id, "--out", p("notice.pdf"), "--from", "2026-11-23")
	nt := pdftest.Words(t, p("notice.pdf"))
	for _, want := range []string{"公示期：2026年11月23日至2026年11月29日（共7天）", "公示地点：村务公开栏", "村委会办公室",
		"联系人：王丽芳，联系电话：0573-88001234", "监督电话：0573-88009999", "越丰村村民委员会（盖章）2026年11月23日"} {
		if !strings.Contains(nt, want) {
			t.Errorf("notice lacks %q", want)
		}
	}
	h.refused("公示结果尚未记录", "export", "--meeting", id, "--out", p("bank.zip"))
	h.now = time.Date(2026, 11, 29, 18, 0, 0, 0, time.Local)
	h.refused("2026-11-29", "publicity", "close", "--meeting", id, "--result", "无异议")
	h.now = time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	h.refused("逐条登记", "publicity", "close", "--meeting", id, "--result", "有异议")
	h.ok("publicity", "close", "--meeting", id, "--result", "有异议", "--objection", "村民反映第1户有外债=经核实已还清，维持")
	h.refused("不能再改", "publicity", "close", "--meeting", id, "--result", "无异议")
	h.okEnv(pass, "export", "--meeting", id, "--out", p("bank.zip"))
	if cmd, _ := lookup([]string{"amend"}); cmd == nil {
		t.Skip("amend is not a command yet")
	}

	// the amendment: its own 文号, today, the sitting's roll call, its own 更正公示
	am := strings.TrimSpace(h.ok("amend", "--meeting", id, "--reason", "第1户建议额度误记，更正为二十五万元",
		"--time", "19:00", "--place", "村委会会议室"))
	h.ok("household", "set", "--meeting", am, "--seq", "1", "--proposed", "250000")
	h.okEnv(pass, "minutes", "--meeting", am, "--out", p("am.pdf"), "--sign")
	at := pdftest.Words(t, p("am.pdf"))
	for _, want := range []string{"（补充纪要）", "越丰村评〔2026〕2号", "对越丰村评〔2026〕1号纪要的补充", "内容指纹",
		"原为“300,000”，更正为“250,000”"} {
		if !strings.Contains(at, want) {
			t.Errorf("amendment minutes lack %q", want)
		}
	}
	table := h.ok("meetings")
	if strings.Count(table, "〔2026〕1号") > 1 {
		t.Errorf("the amendment is shown as a second copy of the original:\n%s", table)
	}
	if l := lineOf(table, am); !strings.Contains(l, "补充纪要，补 "+id) {
		t.Errorf("the amendment's row does not say what it amends: %q", l)
	}
	if orig := strings.Index(table, lineOf(table, id)); strings.Index(table, lineOf(table, am)) != orig+len(lineOf(table, id))+1 {
		t.Errorf("the amendment is not listed right under its original:\n%s", table)
	}
	h.ok("notice", "--meeting", am, "--out", p("am-notice.pdf"), "--from", "2026-11-30")
	an := pdftest.Words(t, p("am-notice.pdf"))
	for _, want := range []string{"更正公示", "公示期：2026年11月30日至2026年12月6日", "最终结果：原为“通过300,000”，更正为“通过250,000”"} {
		if !strings.Contains(an, want) {
			t.Errorf("更正公示 lacks %q", want)
		}
	}
	// a notice board is public: the deliberation's details stay in the minutes (docs/RULES.md §11.5)
	if strings.Contains(an, "建议授信额度：原为") {
		t.Error("the 更正公示 posts the proposal, not only the final result")
	}
	h.refused("组织审定尚未记录，公示结果尚未记录", "export", "--meeting", am, "--out", p("am.zip"))
	h.now = time.Date(2026, 12, 7, 9, 0, 0, 0, time.Local)
	h.ok("publicity", "close", "--meeting", am, "--result", "无异议")
	// the original's review does not cover the amendment's changes: it has its own
	h.refused("组织审定尚未记录", "export", "--meeting", am, "--out", p("am.zip"))
	if _, err := os.Stat(p("am.zip")); err == nil {
		t.Error("a refused export wrote its package")
	}
	h.ok("review", "--meeting", am, "--date", "2026-12-07", "--by", "沈建国")
	h.okEnv(pass, "export", "--meeting", am, "--out", p("am.zip"))

	// a meeting made without time or place gets the next 文号 and does not sign
	bare := strings.TrimSpace(h.ok("meeting", "new", "--village", "越丰村", "--date", "2026-12-08"))
	if doc := docNumberOf(t, h, bare); doc != "越丰村评〔2026〕3号" {
		t.Errorf("the new meeting's 文号: %q", doc)
	}
	h.refused("没有会议地点", "minutes", "--meeting", bare, "--out", p("bare.pdf"), "--sign")
	h.refused("没有会议时间", "minutes", "--meeting", bare, "--out", p("bare.pdf"), "--sign")
}
