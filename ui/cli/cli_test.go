package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/data"
)

// harness runs commands against one real database file, as a script would.
type harness struct {
	t   *testing.T
	db  string
	now time.Time // the commands' clock; zero is the fixed default below
}

func newHarness(t *testing.T) *harness {
	return &harness{t: t, db: filepath.Join(t.TempDir(), "cfg", "pingxin.db")}
}

// stored reads meeting id and its village from the harness's database, to look at what
// the commands stored.
func (h *harness) stored(t *testing.T, id string) (*app.Village, *app.Meeting) {
	t.Helper()
	st, err := data.Open(h.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, _ := strconv.ParseInt(id, 10, 64)
	ctx := context.Background()
	m, err := st.Meeting(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.Village(ctx, m.VillageID)
	if err != nil {
		t.Fatal(err)
	}
	return v, m
}

func (h *harness) run(env map[string]string, args ...string) (code int, stdout, stderr string) {
	return h.runIn(i18n.Zh, env, args...)
}

// runIn runs a command in language l with the environment variables env, on a fixed
// clock, with main's file operations over the harness's database.
func (h *harness) runIn(l i18n.Lang, env map[string]string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	e := &Env{
		Open:   func() (app.Store, error) { return data.Open(h.db) },
		DBPath: h.db, Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""), Lang: l,
		Now:    h.clock,
		Getenv: func(k string) string { return env[k] },
		Files: Files{
			Lock:    func() (func(), error) { return data.Acquire(h.db) },
			Restore: func(src string) (string, error) { return data.Restore(src, h.db) },
			Explain: data.Explain,
		},
	}
	code = Run(args, e)
	return code, out.String(), errb.String()
}

// clock is the harness's fixed clock: h.now when set, else 2026-11-20 19:30.
func (h *harness) clock() time.Time {
	if h.now.IsZero() {
		return time.Date(2026, 11, 20, 19, 30, 0, 0, time.Local)
	}
	return h.now
}

func (h *harness) ok(args ...string) string {
	h.t.Helper()
	return h.okEnv(nil, args...)
}

func (h *harness) okEnv(env map[string]string, args ...string) string {
	h.t.Helper()
	code, out, errs := h.run(env, args...)
	if code != 0 {
		h.t.Fatalf("%v: exit %d\nstderr: %s", args, code, errs)
	}
	return out
}

func TestDemoThenMeetings(t *testing.T) {
	h := newHarness(t)
	out := h.ok("demo")
	id := strings.TrimSpace(out)
	if _, err := strconv.Atoi(id); err != nil || strings.Count(out, "\n") != 1 {
		t.Fatalf("demo must print the meeting ID alone on one line, got %q", out)
	}
	list := h.ok("meetings")
	if !strings.Contains(list, "越丰村") || !strings.Contains(list, "\n"+id+" ") {
		t.Fatalf("meetings does not list meeting %s:\n%s", id, list)
	}
	fi, err := os.Stat(h.db)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("database mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	if second := strings.TrimSpace(h.ok("demo")); second == id {
		t.Fatalf("a second demo must be a new meeting, got the same ID %s", id)
	}
	if v := h.ok("village", "list"); !strings.Contains(v, "越丰村") || !strings.Contains(v, "18") {
		t.Fatalf("village list:\n%s", v)
	}
}

const rosterCSV = "姓名,所属组织,职务\r\n沈建国,百姓议事会,主持人\r\n王丽芳,百姓议事会,记录人\r\n钱国强,百姓议事会,成员\r\n张德明,乡贤参事会,会长\r\n孙晓东,列席,驻村干部\r\n"

func writeGBK(t *testing.T, dir, name, text string) string {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeXLSX(t *testing.T, dir, name string, rows [][]any) string {
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestVillageNewFromRoster(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t)
	gbk := writeGBK(t, dir, "名册.csv", rosterCSV)
	if out := h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", gbk); out != "联丰村\n" {
		t.Fatalf("village new printed %q", out)
	}
	xlsx := writeXLSX(t, dir, "roster.xlsx", [][]any{
		{"姓名", "所属组织", "职务"}, {"陆一", "百姓议事会", "主持人"}, {"陆二", "百姓议事会、乡贤参事会", ""},
	})
	h.ok("village", "new", "--name", "新农村", "--town", "洲泉镇", "--roster", xlsx)
	list := h.ok("village", "list")
	for _, want := range []string{"联丰村", "新农村"} {
		if !strings.Contains(list, want) {
			t.Fatalf("village list lacks %s:\n%s", want, list)
		}
	}

	t.Run("a broken roster creates nothing and names every bad row", func(t *testing.T) {
		bad := writeGBK(t, dir, "bad.csv", "姓名,所属组织,职务\r\n好人,百姓议事会,成员\r\n,百姓议事会,成员\r\n坏人,不存在的会,成员\r\n")
		code, out, errs := h.run(nil, "village", "new", "--name", "坏村", "--town", "某镇", "--roster", bad)
		if code != ExitRefused || out != "" {
			t.Fatalf("exit %d, stdout %q", code, out)
		}
		if !strings.Contains(errs, "3") || !strings.Contains(errs, "4") || !strings.Contains(errs, "不存在的会") {
			t.Fatalf("stderr must name rows 3 and 4 and the bad value:\n%s", errs)
		}
		if strings.Contains(h.ok("village", "list"), "坏村") {
			t.Fatal("a refused roster must create no village")
		}
	})
}

func TestMeetingNewAndUsage(t *testing.T) {
	h := newHarness(t)
	h.ok("demo")
	id := strings.TrimSpace(h.ok("meeting", "new", "--village", "越丰村", "--date", "2026-12-01", "--time", "19:00", "--absent", "钱国强,徐月英"))
	if _, err := strconv.Atoi(id); err != nil {
		t.Fatalf("meeting new printed %q", id)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"unknown command", []string{"frobnicate"}, ExitUsage},
		{"missing --date", []string{"meeting", "new", "--village", "越丰村"}, ExitUsage},
		{"bad date", []string{"meeting", "new", "--village", "越丰村", "--date", "2026-13-01"}, ExitUsage},
		{"unknown village", []string{"meeting", "new", "--village", "无此村", "--date", "2026-12-01"}, ExitRefused},
		{"unknown absent member", []string{"meeting", "new", "--village", "越丰村", "--date", "2026-12-01", "--absent", "无此人"}, ExitRefused},
		{"bad time", []string{"meeting", "new", "--village", "越丰村", "--date", "2026-12-01", "--time", "25:99"}, ExitRefused},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := h.run(nil, tt.args...)
			if code != tt.code || out != "" || errs == "" {
				t.Fatalf("exit %d (want %d), stdout %q, stderr %q", code, tt.code, out, errs)
			}
		})
	}
}
