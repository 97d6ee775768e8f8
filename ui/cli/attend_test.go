package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pingxin/app"
)

// TestAttendAsksBeforeRecounting protects docs/CLI.md's `attend --yes`: a roll-call
// correction that changes the count of recorded votes prints which households and
// changes nothing without --yes; a late arrival changes no recorded vote and needs none.
func TestAttendAsksBeforeRecounting(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	roster := filepath.Join(dir, "名册.csv")
	os.WriteFile(roster, []byte(paperRoster), 0o644)
	h.ok("village", "new", "--name", "联丰村", "--town", "高桥街道", "--roster", roster)
	id := strings.TrimSpace(h.ok("meeting", "new", "--village", "联丰村", "--date", "2026-11-18", "--time", "19:00", "--place", "村委会议室"))
	h.ok("attend", "--meeting", id, "--absent", "蒋阿大")
	list := filepath.Join(dir, "计票表.csv")
	os.WriteFile(list, []byte(paperList()), 0o644)
	h.ok("import", "--meeting", id, list)
	p := &paperMeeting{h: h}

	code, out, errs := h.run(nil, "attend", "--meeting", id, "--absent", "沈建国")
	if code != ExitUsage || out != "" || !strings.Contains(errs, "1 陈永明（6→5）") || !strings.Contains(errs, "2 李春花（6→5）") ||
		!strings.Contains(errs, "--yes") {
		t.Fatalf("attend without --yes: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if a := p.meeting(t, id).Attendance[0]; a.Name != "沈建国" || a.Presence != "出席" {
		t.Fatalf("the refused mark was stored: %+v", a)
	}
	if code, _, errs := h.run(nil, "attend", "--meeting", id, "--late", "蒋阿大@20:00"); code != 0 {
		t.Fatalf("a late arrival asked: %s", errs)
	}
	code, _, errs = h.run(nil, "attend", "--meeting", id, "--absent", "沈建国", "--yes")
	if code != 0 || !strings.Contains(errs, "第 1 户 陈永明") {
		t.Fatalf("attend --yes: exit %d, stderr %q", code, errs)
	}
	m := p.meeting(t, id)
	if v := len(m.Nominees[0].Voters); v != 5 {
		t.Errorf("household 1 counts %d voters after the correction, want 5", v)
	}
	if r := m.Results(app.DefaultSettings())[0]; r.Outcome != "待评议" {
		t.Errorf("6 votes over 5 voters: %s, want to be voted again", r.Outcome)
	}
}
