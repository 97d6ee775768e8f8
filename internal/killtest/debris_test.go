//go:build linux

package killtest

import (
	"archive/zip"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/data"
)

// killAfter runs the real binary with args on db and SIGKILLs it after delay; it says
// whether the kill came before the command finished.
func killAfter(t *testing.T, db string, delay time.Duration, env []string, args ...string) bool {
	t.Helper()
	cmd := exec.Command(bin(t), append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return false
	case <-time.After(delay):
		cmd.Process.Kill()
		err := <-done
		return err != nil && strings.Contains(err.Error(), "killed")
	}
}

// strays lists the files in dir that are neither wanted nor kept.
func strays(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		ok := false
		for _, k := range keep {
			if m, _ := filepath.Match(k, name); m {
				ok = true
			}
		}
		if !ok {
			out = append(out, name)
		}
	}
	return out
}

// timed runs the real binary once and says how long it took.
func timed(t *testing.T, db string, env []string, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	cmd := exec.Command(bin(t), append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return time.Since(start)
}

// TestKillDuringBackup SIGKILLs `pingxin backup --out` of a 10,000-household database
// at random moments (issue 17: 9 of 19 killed backups left a half-written file at
// --out, and the next backup to that path was refused). Every time --out must be
// absent or a whole backup, and a new backup to the same path must then succeed and
// leave no temporary file.
func TestKillDuringBackup(t *testing.T) {
	dir := t.TempDir()
	db, list := filepath.Join(dir, "pingxin.db"), filepath.Join(dir, "list.csv")
	writeList(t, list, importRows)
	pingxin(t, db, "demo")
	id := pingxin(t, db, "meeting", "new", "--village", "越丰村", "--date", "2026-05-01")
	pingxin(t, db, "import", "--meeting", id, list)
	outDir := filepath.Join(dir, "out")
	os.Mkdir(outDir, 0o700)
	took := timed(t, db, nil, "backup", "--out", filepath.Join(outDir, "first.db"))
	killed := 0
	for round := range 10 {
		out := filepath.Join(outDir, fmt.Sprintf("b%d.db", round))
		if killAfter(t, db, time.Duration(rand.Int64N(int64(took))), nil, "backup", "--out", out) {
			killed++
		}
		if _, err := os.Stat(out); err == nil {
			if err := data.Check(out); err != nil {
				t.Fatalf("round %d: a killed backup left a file at --out that is not a whole backup: %v", round, err)
			}
			continue
		}
		pingxin(t, db, "backup", "--out", out)
		if s := strays(t, outDir, "*.db"); len(s) > 0 {
			t.Fatalf("round %d: left behind after the next backup: %v", round, s)
		}
	}
	if killed == 0 {
		t.Fatal("no backup was killed before it finished: the test proved nothing")
	}
	t.Logf("%d of 10 backups killed before they finished (a backup takes %v)", killed, took.Round(time.Millisecond))
}

// TestKillDuringExport SIGKILLs `pingxin export` of a signed meeting at random moments:
// the folder must hold the whole package or nothing, never a hidden file with the
// bank sheet's full IDs (issue 17). Then `pingxin restore` is killed at random
// moments: the next command must find no *.restoring beside the database.
func TestKillDuringExport(t *testing.T) {
	dir := t.TempDir()
	db, list := filepath.Join(dir, "pingxin.db"), filepath.Join(dir, "list.csv")
	pingxin(t, db, "demo")
	id := pingxin(t, db, "meeting", "new", "--village", "越丰村", "--date", "2026-05-01", "--time", "19:00", "--place", "村委会会议室")
	os.WriteFile(list, []byte("序号,户主姓名,身份证号码,申请额度,建议授信额度,赞成,反对,弃权,回避\r\n1,张三,"+residentID(1)+",10万,10万,9,0,0,0\r\n"), 0o600)
	pingxin(t, db, "import", "--meeting", id, list)
	pass := []string{"PINGXIN_PASSPHRASE=correct-horse-battery"}
	timed(t, db, pass, "minutes", "--meeting", id, "--out", filepath.Join(dir, "m.pdf"), "--sign")
	if fi, err := os.Stat(filepath.Join(dir, "m.pdf")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the signed minutes: %v, mode %v; want 0600 (they hold names and IDs)", err, fi.Mode().Perm())
	}
	wantKeyCost(t, db, 17)
	// The bank package follows the 组织审定 and the 公示's recorded outcome (docs/RULES.md
	// §11.4): a period in May has long ended.
	pingxin(t, db, "review", "--meeting", id, "--date", "2026-05-02", "--by", "沈建国")
	pingxin(t, db, "notice", "--meeting", id, "--out", filepath.Join(dir, "notice.pdf"), "--from", "2026-05-02")
	pingxin(t, db, "publicity", "close", "--meeting", id, "--result", "无异议")
	if fi, err := os.Stat(filepath.Join(dir, "notice.pdf")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the notice: %v, mode %v; want 0600 (it names households)", err, fi.Mode().Perm())
	}
	outDir := filepath.Join(dir, "out")
	os.Mkdir(outDir, 0o700)
	took := timed(t, db, pass, "export", "--meeting", id, "--out", filepath.Join(outDir, "first.zip"))
	for round := range 12 {
		out := filepath.Join(outDir, "e"+strconv.Itoa(round)+".zip")
		killAfter(t, db, time.Duration(rand.Int64N(int64(took))), pass, "export", "--meeting", id, "--out", out)
		if s := strays(t, outDir, "*.zip"); len(s) > 0 {
			t.Fatalf("round %d: a killed export left %v", round, s)
		}
		if _, err := os.Stat(out); err == nil {
			if _, err := zip.OpenReader(out); err != nil {
				t.Fatalf("round %d: a half package at --out: %v", round, err)
			}
		}
	}

	backup := filepath.Join(dir, "b.db")
	pingxin(t, db, "backup", "--out", backup)
	took = timed(t, db, nil, "restore", backup)
	for round := range 6 {
		killAfter(t, db, time.Duration(rand.Int64N(int64(took))), nil, "restore", backup)
		pingxin(t, db, "meetings")
		if left, _ := filepath.Glob(db + ".restoring*"); len(left) > 0 {
			t.Fatalf("round %d: a killed restore left %v", round, left)
		}
		mustIntact(t, db)
	}
}

// wantKeyCost checks the scrypt cost (log2 N) recorded in the village key the real
// binary sealed: 2^17 since issue 17.
func wantKeyCost(t *testing.T, db string, logN byte) {
	t.Helper()
	conn, err := sql.Open("sqlite", db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var blob []byte
	if err := conn.QueryRow(`SELECT encrypted FROM village_keys LIMIT 1`).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	if len(blob) < 8 || blob[5] != logN {
		t.Fatalf("the village key is sealed at 2^%d, want 2^%d", blob[5], logN)
	}
}
