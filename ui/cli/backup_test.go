package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pingxin/data"
)

func TestBackupAndRestore(t *testing.T) {
	h := newHarness(t)
	id := strings.TrimSpace(h.ok("demo"))
	dir := t.TempDir()
	backup := filepath.Join(dir, "备份.db")

	t.Run("backup prints the path of a checked copy", func(t *testing.T) {
		if out := h.ok("backup", "--out", backup); out != backup+"\n" {
			t.Fatalf("stdout %q, want the path alone", out)
		}
		if err := data.Check(backup); err != nil {
			t.Fatalf("the backup fails Check: %v", err)
		}
	})
	t.Run("backup never overwrites", func(t *testing.T) {
		code, _, errs := h.run(nil, "backup", "--out", backup)
		if code != ExitRefused || !strings.Contains(errs, backup) {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
	})
	t.Run("backup without --out is wrong usage", func(t *testing.T) {
		if code, _, _ := h.run(nil, "backup"); code != ExitUsage {
			t.Fatalf("exit %d, want %d", code, ExitUsage)
		}
	})

	h.ok("demo") // a second meeting, after the backup
	damaged, err := os.ReadFile(h.db)
	if err != nil {
		t.Fatal(err)
	}
	damaged = damaged[:len(damaged)/2]
	if err := os.WriteFile(h.db, damaged, 0o600); err != nil {
		t.Fatal(err)
	}

	t.Run("a damaged database opens to a clear message", func(t *testing.T) {
		_, err := data.OpenChecked(h.db)
		if !errors.Is(err, data.ErrDamaged) {
			t.Fatalf("OpenChecked = %v, want ErrDamaged", err)
		}
	})
	t.Run("restore refuses a file that is not a Pingxin database", func(t *testing.T) {
		other := filepath.Join(dir, "notes.db")
		os.WriteFile(other, []byte("not a database"), 0o600)
		code, _, errs := h.runLang("en", "restore", other)
		if code != ExitRefused || !strings.Contains(errs, "not a Pingxin database") {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
		if now, _ := os.ReadFile(h.db); !bytes.Equal(now, damaged) {
			t.Fatal("a refused restore changed the database")
		}
	})
	t.Run("restore refuses while the app has the database open", func(t *testing.T) {
		release, err := data.Acquire(h.db)
		if err != nil {
			t.Fatal(err)
		}
		defer release()
		code, _, errs := h.runLang("en", "restore", backup)
		if code != ExitRefused || !strings.Contains(errs, "already has this database open") {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
	})
	t.Run("restore brings the backup back and keeps the damaged file", func(t *testing.T) {
		code, out, errs := h.run(nil, "restore", backup)
		if code != ExitOK || out != h.db+"\n" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
		}
		list := h.ok("meetings")
		if !strings.Contains(list, "\n"+id+" ") || strings.Count(strings.TrimSpace(list), "\n") != 1 {
			t.Fatalf("after restore the meetings are not the backup's (meeting %s only):\n%s", id, list)
		}
		bs, err := data.Backups(h.db)
		if err != nil || len(bs) != 1 || bs[0].Why != data.WhyReplaced || !strings.Contains(errs, bs[0].Path) {
			t.Fatalf("kept copies %+v (%v); stderr %q", bs, err, errs)
		}
		if kept, _ := os.ReadFile(bs[0].Path); !bytes.Equal(kept, damaged) {
			t.Fatal("the kept copy is not the damaged file")
		}
	})
}
