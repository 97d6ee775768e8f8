package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"pingxin/app/i18n"
	"pingxin/app/idcard"
)

// cliID returns the n-th of many distinct valid resident IDs of adults.
func cliID(n int) string {
	d := time.Date(1962, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return idcard.Complete(fmt.Sprintf("330483%s%03d", d.Format("20060102"), n))
}

// listCSV is a 20-household nomination list under a title row; rows 5, 8, 11, 13, 16
// and 19 (as a spreadsheet shows them) have one fault each.
func listCSV() string {
	var b strings.Builder
	b.WriteString("越丰村提名名单\r\n户主姓名,身份证号码,村民小组,贷款用途,申请额度\r\n")
	faults := map[int]string{
		3:  ",%s,1组,生产,30万",                   // no name
		6:  "村民%d,3.30483E+17,1组,生产,30万",      // ID stored as a number
		9:  "村民%d,%s,1组,生产,若干",                // amount in words
		11: "村民%d,%s,1组,生产,300500",            // off the rounding unit
		14: "村民%d,%s,1组,生产,60万",               // over the cap
		17: "村民%d," + cliID(1) + ",1组,生产,30万", // the same person as row 3
	}
	for i := 1; i <= 20; i++ {
		switch f, ok := faults[i]; {
		case i == 3:
			fmt.Fprintf(&b, f+"\r\n", cliID(i))
		case ok && strings.Count(f, "%") == 2:
			fmt.Fprintf(&b, f+"\r\n", i, cliID(i))
		case ok:
			fmt.Fprintf(&b, f+"\r\n", i)
		default:
			fmt.Fprintf(&b, "村民%d,%s,1组,生产,\"300,000\"\r\n", i, cliID(i))
		}
	}
	return b.String()
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", writeGBK(t, dir, "名册.csv", rosterCSV))
	id := strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-12-01"))
	list := writeGBK(t, dir, "名单.csv", listCSV())

	code, out, errs := h.run(nil, "import", "--meeting", id, list)
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code != ExitRefused || out != "" || len(lines) != 7 {
		t.Fatalf("exit %d stdout %q stderr:\n%s", code, out, errs)
	}
	for i, row := range []int{5, 8, 11, 13, 16, 19} {
		if !strings.HasPrefix(lines[i], fmt.Sprintf("%s: 第 %d 行，", list, row)) {
			t.Errorf("line %d: %s", i, lines[i])
		}
	}
	if strings.Contains(errs, cliID(1)) {
		t.Fatal("a full ID on stderr")
	}

	code, out, _ = h.run(nil, "import", "--meeting", id, list, "--json")
	var js struct {
		Meeting                    int64
		Imported, Blocked, Skipped int
		Errors                     []struct {
			Row                   int
			Column, Value, Reason string
		}
	}
	if err := json.Unmarshal([]byte(out), &js); code != ExitRefused || err != nil || len(js.Errors) != 6 || js.Imported != 0 ||
		js.Errors[1].Column != "身份证号码" || js.Errors[1].Value != "3.30483E+1…" {
		t.Fatalf("exit %d json %s (%v)", code, out, err)
	}

	code, out, errs = h.run(nil, "import", "--skip-invalid", "--meeting", id, list)
	if code != ExitOK || out != "导入 14 户（其中已拦截 0 户），跳过 6 行\n" || strings.Count(errs, "（已跳过）\n") != 6 {
		t.Fatalf("exit %d stdout %q stderr:\n%s", code, out, errs)
	}
	if !strings.Contains(h.ok("meetings"), "14") {
		t.Fatal("meetings does not show 14 households")
	}
}

func TestImportUsageAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	h.ok("demo")
	xls := writeGBK(t, dir, "old.xls", "")
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"no file", []string{"import", "--meeting", "1"}, ExitUsage, "请给出一个文件"},
		{"no meeting", []string{"import", xls}, ExitUsage, "--meeting"},
		{"bad meeting", []string{"import", "--meeting", "x", xls}, ExitUsage, "x"},
		{"empty file", []string{"import", "--meeting", "1", xls}, ExitRefused, "文件是空的"},
		{"English", []string{"--lang", "en", "import", "--meeting", "1", xls}, ExitRefused, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			e := map[string]string{}
			if args[0] == "--lang" {
				args = args[2:]
				code, _, errs := h.runLang("en", args...)
				if code != tt.code || !strings.Contains(errs, tt.err) {
					t.Fatalf("exit %d stderr %q", code, errs)
				}
				return
			}
			code, _, errs := h.run(e, args...)
			if code != tt.code || !strings.Contains(errs, tt.err) {
				t.Fatalf("exit %d stderr %q", code, errs)
			}
		})
	}
}

func TestBlacklistImportCommand(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", writeGBK(t, dir, "名册.csv", rosterCSV))
	good := writeGBK(t, dir, "黑名单.csv", "姓名,身份证号码,类别,来源,日期,备注\r\n赵某,"+cliID(30)+",老赖,法院,2025-06-01,\r\n")
	if out := h.ok("blacklist", "import", "--village", "联丰村", good); out != "黑名单导入 1 条，0 条已在名单中\n" {
		t.Fatalf("stdout %q", out)
	}
	bad := writeGBK(t, dir, "坏.csv", "姓名,身份证号码,类别\r\n钱某,"+cliID(31)+",坏人\r\n")
	code, out, errs := h.run(nil, "blacklist", "import", "--village", "联丰村", bad)
	if code != ExitRefused || out != "" || !strings.Contains(errs, "第 2 行，类别“坏人”") {
		t.Fatalf("exit %d stdout %q stderr %q", code, out, errs)
	}
	// A blacklisted nominee is imported blocked.
	id := strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-12-01"))
	list := writeGBK(t, dir, "名单.csv", "户主姓名,身份证号码,申请额度\r\n赵某,"+cliID(30)+",30万\r\n")
	if out := h.ok("import", "--meeting", id, list); out != "导入 1 户（其中已拦截 1 户），跳过 0 行\n" {
		t.Fatalf("stdout %q", out)
	}
}

// runLang runs a command with the language set, as --lang does.
func (h *harness) runLang(lang string, args ...string) (code int, stdout, stderr string) {
	return h.runIn(i18n.Parse(lang), nil, args...)
}

// TestLongListsAreCapped: a list imported twice is refused for every row, but the
// report shows i18n.MaxListed of them and how many more (issue 17: 10,000 lines).
func TestLongListsAreCapped(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", writeGBK(t, dir, "名册.csv", rosterCSV))
	id := strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-12-01"))
	var b strings.Builder
	b.WriteString("户主姓名,身份证号码,村民小组,贷款用途,申请额度\r\n")
	for i := range 300 {
		fmt.Fprintf(&b, "村民%d,%s,1组,生产,30万\r\n", i, cliID(i))
	}
	list := writeGBK(t, dir, "名单.csv", b.String())
	h.ok("import", "--meeting", id, list)
	code, _, errs := h.run(nil, "import", "--meeting", id, list)
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code != ExitRefused || len(lines) != i18n.MaxListed+2 {
		t.Fatalf("exit %d, %d lines on stderr, want at most %d", code, len(lines), i18n.MaxListed+2)
	}
	if !strings.Contains(errs, "另有 250 条未列出") || !strings.Contains(lines[len(lines)-1], "--skip-invalid") {
		t.Errorf("the report does not say how many more: %s", lines[len(lines)-2:])
	}
}
