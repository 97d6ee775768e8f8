package cli

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
	"pingxin/app/idcard"
	"pingxin/app/service"
	"pingxin/internal/pdftest"
)

// riskRoster has a sage, a service-group member, a legal-group member and the council.
const riskRoster = "姓名,所属组织,职务\n沈建国,百姓议事会,主持人\n王丽芳,百姓议事会,记录人\n钱国强,百姓议事会,成员\n" +
	"徐月英,百姓议事会,成员\n陆志明,百姓议事会,成员\n张德明,乡贤参事会,会长\n褚立新,百事服务团,团长\n俞敏,法律服务团,成员\n"

// TestRiskChecksFromTheCommandLine protects docs/RULES.md §11 (risk checks) from the
// command line: a tally sheet naming a visitor off the roster's 乡贤参事会/百事服务团 is
// refused with file, row, column and visitor, and so is `household set`; a proposal
// above the request is a warning on stderr, never a refusal; a proposal above the
// standard cap with no visit is 暂缓 with its reason in the minutes, and stays off the
// notice and the bank sheet.
func TestRiskChecksFromTheCommandLine(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	pass := map[string]string{"PINGXIN_PASSPHRASE": "联丰村口令2026年"}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", write("名册.csv", riskRoster))
	id := strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-11-18", "--time", "19:00", "--place", "村委会议室"))

	head := "户主姓名,身份证号码,申请额度,建议授信额度,超额理由,赞成,反对,弃权,回避,核实结论,核实人,走访日期\n"
	bad := write("计票表-错.csv", head+
		"陈永明,"+cliID(201)+",20万,20万,,5,0,0,0,属实,张德明、俞敏,2026-11-15\n"+
		"李春花,"+cliID(202)+",20万,20万,,5,0,0,0,属实,褚立新,2026-11-15\n")
	code, out, errs := h.run(nil, "import", "--meeting", id, bad)
	if code != ExitRefused || out != "" {
		t.Fatalf("a visitor off the roster: exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"计票表-错.csv", "第 2 行", "核实人", "走访人“俞敏”不是乡贤参事会或百事服务团成员"} {
		if !strings.Contains(errs, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, errs)
		}
	}
	if n := len(paperOf(t, h, id).Nominees); n != 0 {
		t.Fatalf("%d households imported from a refused sheet", n)
	}

	good := write("计票表.csv", head+
		"陈永明,"+cliID(201)+",20万,20万,,5,0,0,0,属实,张德明,2026-11-15\n"+
		"李春花,"+cliID(202)+",10万,15万,,5,0,0,0,,,\n"+
		"周小平,"+cliID(203)+",40万,40万,双带能力强，带动周边农户种粮,5,0,0,0,,,\n")
	_, errs = h.runOK(t, "import", "--meeting", id, good)
	for _, want := range []string{"计票表.csv: 第 3 行，建议授信额度“15万”：建议额度 150,000 元高于申请额度 100,000 元（提示，不影响导入）",
		"第 4 行，建议授信额度“40万”：建议额度 400,000 元超过标准上限 300,000 元，须有乡贤参事会走访核实记录，否则应暂缓"} {
		if !strings.Contains(errs, want) {
			t.Errorf("import warnings lack %q:\n%s", want, errs)
		}
	}

	code, _, errs = h.run(nil, "household", "set", "--meeting", id, "--seq", "2", "--visit-date", "2026-11-16",
		"--visitors", "俞敏", "--conclusion", "属实", "--recommend", "维持")
	if code != ExitRefused || !strings.Contains(errs, "走访人“俞敏”不是乡贤参事会或百事服务团成员") {
		t.Fatalf("household set with a visitor off the roster: exit %d, stderr %q", code, errs)
	}
	if v := paperOf(t, h, id).Nominees[1].Verification; v != nil {
		t.Fatalf("the refused visit was stored: %+v", v)
	}
	_, errs = h.runOK(t, "household", "set", "--meeting", id, "--seq", "2", "--proposed", "18万")
	if !strings.Contains(errs, "第 2 户 李春花：建议额度 180,000 元高于申请额度 100,000 元（提示，已保存）") {
		t.Errorf("household set warning: %q", errs)
	}
	if got := paperOf(t, h, id).Nominees[1].Proposed; got != 180_000 {
		t.Fatalf("proposal %d stored, want 180000 despite the warning", got)
	}

	signed := filepath.Join(dir, "纪要.pdf")
	h.okEnv(pass, "minutes", "--meeting", id, "--out", signed, "--sign")
	text := pdftest.Words(t, signed)
	for _, want := range []string{"第3户周小平", "暂缓。原因：建议额度400,000元超过标准上限300,000元，未经乡贤参事会走访核实",
		"未走访，建议额度超过标准上限300,000元，暂缓（见第五部分）：第3户周小平"} {
		if !strings.Contains(text, want) {
			t.Errorf("the minutes lack %q", want)
		}
	}
	h.ok("review", "--meeting", id, "--date", "2026-11-21", "--by", "沈建国")
	notice := filepath.Join(dir, "公示.pdf")
	h.ok("notice", "--meeting", id, "--out", notice, "--from", "2026-11-21")
	nt := pdftest.Words(t, notice)
	if !strings.Contains(nt, "陈永明") || strings.Contains(nt, "周小平") {
		t.Errorf("the notice must list 陈永明 and not the deferred 周小平:\n%s", nt)
	}
	h.now = time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	h.ok("publicity", "close", "--meeting", id, "--result", "无异议")
	zp := filepath.Join(dir, "银行资料包.zip")
	h.okEnv(pass, "export", "--meeting", id, "--out", zp)
	sheet := sheetText(t, zp)
	if !strings.Contains(sheet, cliID(201)) || strings.Contains(sheet, cliID(203)) || strings.Contains(sheet, idcard.Mask(cliID(203))) {
		t.Errorf("the bank sheet must hold 陈永明 and not the deferred 周小平:\n%s", sheet)
	}
}

// runOK runs a command that must succeed and returns its stdout and stderr.
func (h *harness) runOK(t *testing.T, args ...string) (string, string) {
	t.Helper()
	code, out, errs := h.run(nil, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d\nstderr: %s", args, code, errs)
	}
	return out, errs
}

// paperOf reads meeting id from the harness's database.
func paperOf(t *testing.T, h *harness, id string) *app.Meeting {
	t.Helper()
	_, m := h.stored(t, id)
	return m
}

// sheetText is every cell of every sheet of the package's bank sheet, one line a row.
func sheetText(t *testing.T, zp string) string {
	t.Helper()
	zr, err := zip.OpenReader(zp)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != service.PackageSheet {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		x, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		for _, name := range x.GetSheetList() {
			rows, _ := x.GetRows(name)
			for _, r := range rows {
				sb.WriteString(strings.Join(r, "|") + "\n")
			}
		}
		return sb.String()
	}
	t.Fatalf("no %s in the package", service.PackageSheet)
	return ""
}
