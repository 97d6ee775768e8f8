package cli

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
	"pingxin/app/idcard"
	"pingxin/data"
)

// passedHouseholds returns the households meeting id passed, with their amounts.
func passedHouseholds(t *testing.T, h *harness, id string) []app.CreditRow {
	t.Helper()
	v, m := h.stored(t, id)
	var out []app.CreditRow
	for i, r := range m.Results(v.Settings) {
		if r.Outcome == app.Passed {
			out = append(out, app.CreditRow{Name: m.Nominees[i].Name, IDNumber: m.Nominees[i].IDNumber, Passed: r.Amount})
		}
	}
	if len(out) < 4 {
		t.Fatalf("the demo meeting passed %d households; the cycle needs 4", len(out))
	}
	return out
}

// TestCreditCycle drives the register's whole cycle from the command line: a meeting
// signed and exported, the bank's reply (one refused, one reduced, one bad row that
// refuses the whole sheet), the register, the expiry three years later under a fixed
// clock, and the households due put on the next meeting as nominees in one step.
func TestCreditCycle(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	pass := map[string]string{"PINGXIN_PASSPHRASE": "越丰村2026年的口令"}
	id := strconv.FormatInt(finishDemo(t, h), 10)
	h.okEnv(pass, "minutes", "--meeting", id, "--out", filepath.Join(dir, "minutes.pdf"), "--sign")
	publicize(t, h, id, dir)
	h.ok("review", "--meeting", id, "--date", "2026-11-20", "--by", "沈建国", "--opinion", "同意")
	h.ok("notice", "--meeting", id, "--out", filepath.Join(dir, "公示.pdf"), "--from", "2026-11-20")
	// the demo meeting comes with its 公示 outcome recorded (无异议): a second is refused
	if code, _, errs := h.run(nil, "publicity", "close", "--meeting", id, "--result", "无异议"); code != ExitRefused || !strings.Contains(errs, "已经记录") {
		t.Fatalf("publicity close: exit %d, %s", code, errs)
	}
	h.okEnv(pass, "export", "--meeting", id, "--out", filepath.Join(dir, "bank.zip"))
	p := passedHouseholds(t, h, id)
	full, refused, reduced, over := p[0], p[1], p[2], p[3]

	header := []any{"序号", "户主姓名", "身份证号码", "审批结果", "授信额度", "审批日期", "利率", "备注"}
	good := [][]any{header,
		{1, full.Name, full.IDNumber, "批准", int64(full.Passed), "2026-11-25", "4.35%", ""},
		{2, refused.Name, refused.IDNumber, "不批准", "", "2026-11-25", "", "征信有逾期"},
		{3, reduced.Name, reduced.IDNumber, "批准", int64(reduced.Passed) - 50000, "2026/11/26", "4.35%", "按收入核减"},
	}

	t.Run("a sheet with a bad row records nothing and names file, row, column and value", func(t *testing.T) {
		bad := append(append([][]any{}, good...),
			[]any{4, over.Name, over.IDNumber, "批准", int64(over.Passed) + 10000, "2026-11-25", "", ""},
			[]any{5, "外村人", "11010519491231002X", "批准", 100000, "2026-11-25", "", ""},
			[]any{6, full.Name, full.IDNumber, "批准", 10000, "2026-11-01", "", ""})
		sheet := writeXLSX(t, dir, "回执-错.xlsx", bad)
		code, out, errs := h.run(nil, "bank", "import", "--village", "越丰村", sheet)
		if code != ExitRefused || out != "" {
			t.Fatalf("exit %d, stdout %q", code, out)
		}
		for _, want := range []string{"回执-错.xlsx", "第 5 行", "授信额度", "第 6 行", "身份证号码", "1101051949", "第 7 行"} {
			if !strings.Contains(errs, want) {
				t.Fatalf("stderr lacks %q:\n%s", want, errs)
			}
		}
		if reg := h.ok("register", "--village", "越丰村"); strings.Contains(reg, "有效") || strings.Contains(reg, "未批准") {
			t.Fatalf("a refused sheet recorded answers:\n%s", reg)
		}
	})

	h.ok("bank", "import", "--village", "越丰村", writeXLSX(t, dir, "回执.xlsx", good))
	reg := h.ok("register", "--village", "越丰村")
	for _, tc := range []struct {
		who  app.CreditRow
		want string
	}{
		{full, "有效"}, {refused, "未批准"}, {reduced, "有效"}, {over, "待银行审批"},
	} {
		line := lineWith(reg, idcard.Mask(tc.who.IDNumber))
		if !strings.Contains(line, tc.want) || !strings.Contains(line, tc.who.Name) {
			t.Fatalf("%s should be %s:\n%s", tc.who.Name, tc.want, reg)
		}
	}
	if strings.Contains(reg, full.IDNumber) {
		t.Fatal("the register table must mask ID numbers")
	}
	if line := lineWith(reg, idcard.Mask(reduced.IDNumber)); !strings.Contains(line, (reduced.Passed-50000).Wan()) ||
		!strings.Contains(line, "2029-11-26") {
		t.Fatalf("the reduced household shows the bank's amount and expires three years after approval:\n%s", line)
	}

	t.Run("a blacklisted household shows 已撤销建议 and the bank's export lists it", func(t *testing.T) {
		bl := filepath.Join(dir, "黑名单.csv")
		os.WriteFile(bl, []byte("姓名,身份证号码,类别,来源,日期,备注\n"+over.Name+","+over.IDNumber+",老赖,法院,2026-12-01,\n"), 0o644)
		h.ok("blacklist", "import", "--village", "越丰村", bl)
		if line := lineWith(h.ok("register", "--village", "越丰村"), idcard.Mask(over.IDNumber)); !strings.Contains(line, "已撤销建议（老赖，2026-12-01）") {
			t.Fatalf("blacklisted household: %s", line)
		}
		xlsx, pdf := filepath.Join(dir, "台账.xlsx"), filepath.Join(dir, "台账.pdf")
		h.ok("register", "--village", "越丰村", "--xlsx", xlsx, "--pdf", pdf)
		checkRegisterSheet(t, xlsx, full, over)
		checkRegisterPDF(t, pdf, full)
	})

	t.Run("an amendment that no longer passes a household withdraws it: 已撤销, and the bank cannot answer for it", func(t *testing.T) {
		gone := p[4]
		h.now = time.Date(2026, 11, 28, 19, 0, 0, 0, time.Local)
		defer func() { h.now = time.Time{} }()
		am := strings.TrimSpace(h.ok("amend", "--meeting", id, "--reason", gone.Name+"户核实不实，撤销", "--date", "2026-11-28", "--time", "19:00", "--place", "村委会会议室"))
		seq := strconv.Itoa(seqOf(t, h, am, gone.IDNumber))
		h.ok("household", "set", "--meeting", am, "--seq", seq, "--for", "1", "--against", "7", "--abstain", "0", "--recused", "0", "--reason", "核实不实")
		h.okEnv(pass, "minutes", "--meeting", am, "--out", filepath.Join(dir, "补充纪要.pdf"), "--sign")
		line := lineWith(h.ok("register", "--village", "越丰村"), idcard.Mask(gone.IDNumber))
		if !strings.Contains(line, "已撤销") || strings.Contains(line, "已撤销建议") {
			t.Fatalf("the withdrawn household: %s", line)
		}
		sheet := writeXLSX(t, dir, "回执-撤销户.xlsx", [][]any{header, {1, gone.Name, gone.IDNumber, "批准", 10000, "2026-11-29", "", ""}})
		if code, _, errs := h.run(nil, "bank", "import", "--village", "越丰村", sheet); code != ExitRefused || !strings.Contains(errs, "撤销") {
			t.Fatalf("a bank answer for a withdrawn household: exit %d\n%s", code, errs)
		}
		if hist := h.ok("register", "--village", "越丰村", "--id", gone.IDNumber); !strings.Contains(hist, "补充纪要") {
			t.Fatalf("the history lacks the amendment:\n%s", hist)
		}
	})

	// three years later, under a fixed clock
	h.now = time.Date(2029, 10, 1, 9, 0, 0, 0, time.Local)
	var js []registerJSON
	if err := json.Unmarshal([]byte(h.ok("register", "--village", "越丰村", "--expiring", "60", "--json")), &js); err != nil {
		t.Fatal(err)
	}
	if len(js) != 2 || js[0].Status != string(app.CreditExpiring) || !js[0].Due || js[0].Expiry != "2029-11-25" {
		t.Fatalf("--expiring 60 on 2029-10-01 should list the two approved households, soonest first: %+v", js)
	}
	h.ok("village", "set", "--village", "越丰村", "--reminder-days", "30")
	if out := h.ok("register", "--village", "越丰村", "--search", full.Name); !strings.Contains(out, "有效") {
		t.Fatalf("with a 30-day reminder a rating 55 days from expiry is 有效 again:\n%s", out)
	}
	h.ok("village", "set", "--village", "越丰村", "--reminder-days", "90")
	if out := h.ok("register", "--village", "越丰村", "--expiring", "30"); lineWith(out, full.Name) != "" {
		t.Fatalf("--expiring 30 lists a rating that ends in 55 days:\n%s", out)
	}

	next := strings.TrimSpace(h.ok("meeting", "new", "--village", "越丰村", "--date", "2029-10-20"))
	if out := h.ok("register", "--village", "越丰村", "--renew-into", next); !strings.Contains(out, "2 户") {
		t.Fatalf("renew-into: %q", out)
	}
	if out := h.ok("register", "--village", "越丰村", "--renew-into", next); !strings.Contains(out, "0 户") {
		t.Fatalf("a second renew-into must add nobody: %q", out)
	}
	st, err := data.Open(h.db)
	if err != nil {
		t.Fatal(err)
	}
	nid, _ := strconv.ParseInt(next, 10, 64)
	m, err := st.Meeting(context.Background(), nid)
	st.Close()
	if err != nil || len(m.Nominees) != 2 || m.Nominees[1].IDNumber != reduced.IDNumber || m.Nominees[1].Requested != reduced.Passed-50000 {
		t.Fatalf("the next meeting's list should hold the two due households asking for what they hold: %+v %v", m, err)
	}

	hist := h.ok("register", "--village", "越丰村", "--id", reduced.IDNumber)
	for _, want := range []string{"上次评议：", "通过 " + reduced.Passed.Wan(), "银行批准 " + (reduced.Passed - 50000).Wan(),
		"提名", "评议", "银行审批", "回执.xlsx", "按收入核减"} {
		if !strings.Contains(hist, want) {
			t.Fatalf("history lacks %q:\n%s", want, hist)
		}
	}
}

// lineWith returns the first line of out that contains s, or "".
func lineWith(out, s string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// checkRegisterSheet checks the bank's register workbook: full IDs as text cells, the
// blacklisted household on the 撤销建议 sheet with its category.
func checkRegisterSheet(t *testing.T, path string, approved, blacklisted app.CreditRow) {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("授信台账")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i, r := range rows {
		if len(r) > 2 && r[2] == approved.IDNumber {
			found = true
			cell, _ := excelize.CoordinatesToCellName(3, i+1)
			if typ, _ := x.GetCellType("授信台账", cell); typ == excelize.CellTypeNumber {
				t.Fatalf("the ID cell %s is a number", cell)
			}
			if r[11] != "有效" || r[6] != "批准" {
				t.Fatalf("approved household's row: %q", r)
			}
		}
	}
	if !found {
		t.Fatalf("the register sheet lacks the full ID of %s", approved.Name)
	}
	revoke, err := x.GetRows("撤销建议")
	if err != nil || len(revoke) != 2 || revoke[1][2] != blacklisted.IDNumber || revoke[1][12] != "老赖" || revoke[1][11] != "已撤销建议" {
		t.Fatalf("撤销建议 sheet: %q, %v", revoke, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("a sheet with full IDs must be 0600: %v %v", fi.Mode(), err)
	}
}

// checkRegisterPDF checks the village's printed register: names and masked IDs, no
// full ID anywhere, a sound file.
func checkRegisterPDF(t *testing.T, path string, approved app.CreditRow) {
	t.Helper()
	txt, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Skipf("pdftotext: %v", err)
	}
	text := string(txt)
	for _, want := range []string{"越丰村三治信农贷授信台账", approved.Name, idcard.Mask(approved.IDNumber), "有效", "已撤销建议（", "2026-12-01）"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the register PDF lacks %q", want)
		}
	}
	if regexp.MustCompile(`\d{17}[\dX]`).MatchString(text) {
		t.Fatal("the register PDF prints a full ID")
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// seqOf is the № of the household with idNumber on meeting id's list.
func seqOf(t *testing.T, h *harness, id, idNumber string) int {
	t.Helper()
	_, m := h.stored(t, id)
	for _, x := range m.Nominees {
		if x.IDNumber == idNumber {
			return x.Seq
		}
	}
	t.Fatalf("meeting %s has no household %s", id, idNumber)
	return 0
}
