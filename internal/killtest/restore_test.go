//go:build linux

package killtest

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/data"
)

// TestRestoreDuringImport runs `pingxin import` of a 10,000-household list and
// `pingxin restore` of an older backup at the same time, as two real processes, with
// the restore started at a different moment of the import in each round. Whatever
// the order, an import that said it was done (exit 0) must be found whole: in the
// database, or in the copy the restore kept of what it replaced. A restore that runs
// while the import has the database open must refuse and name it (issue 17: 5 of 5
// acknowledged imports were lost).
func TestRestoreDuringImport(t *testing.T) {
	dir := t.TempDir()
	db, list := filepath.Join(dir, "pingxin.db"), filepath.Join(dir, "list.csv")
	writeList(t, list, importRows)
	pingxin(t, db, "demo")

	refusedNaming := 0
	for round := range 6 {
		id, err := strconv.ParseInt(pingxin(t, db, "meeting", "new", "--village", "越丰村",
			"--date", fmt.Sprintf("2026-06-%02d", round+1)), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		// A backup that has the meeting, so an import after the restore can succeed.
		backup := filepath.Join(dir, fmt.Sprintf("round%d.db", round))
		pingxin(t, db, "backup", "--out", backup)
		rest := exec.Command(bin(t), "--db", db, "--lang", "en", "restore", backup)
		var restOut bytes.Buffer
		rest.Stdout, rest.Stderr = &restOut, &restOut
		imp := exec.Command(bin(t), "--db", db, "--lang", "en", "import", "--meeting", strconv.FormatInt(id, 10), list)
		// Even rounds start the import first and the restore a little later; odd
		// rounds the restore first, so the import has to wait for it.
		first, second := imp, rest
		if round%2 == 1 {
			first, second = rest, imp
		}
		if err := first.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(round/2) * 200 * time.Millisecond)
		if err := second.Start(); err != nil {
			t.Fatal(err)
		}
		impDone, restErr := imp.Wait(), rest.Wait()
		t.Logf("round %d: import %v; restore %v: %s", round, impDone, restErr, lastLine(restOut.String()))
		if restErr != nil && strings.Contains(restOut.String(), "pingxin import") {
			refusedNaming++
		}
		if impDone != nil {
			continue // not acknowledged: nothing was promised
		}
		if found := findImport(t, db, dir, id); found == "" {
			t.Fatalf("round %d: the import said done, but neither the database nor any kept copy holds its %d households", round, importRows)
		} else {
			t.Logf("round %d: the acknowledged import is in %s", round, filepath.Base(found))
		}
	}
	if refusedNaming == 0 {
		t.Fatal("no restore ran while the import had the database open: the test proved nothing")
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// findImport returns the file (the database or a copy a restore kept) whose meeting id
// holds the whole list, "" when none does.
func findImport(t *testing.T, db, dir string, id int64) string {
	t.Helper()
	candidates := []string{db}
	kept, _ := filepath.Glob(filepath.Join(dir, "backups", "*replaced*.db"))
	candidates = append(candidates, kept...)
	for _, c := range candidates {
		if n := householdsIn(c, id); n == importRows {
			return c
		}
	}
	return ""
}

// householdsIn counts the households of meeting id in the database at path, 0 when
// the meeting is not there.
func householdsIn(path string, id int64) int {
	st, err := data.Open(path)
	if err != nil {
		return 0
	}
	defer st.Close()
	m, err := st.Meeting(context.Background(), id)
	if err != nil {
		return 0
	}
	return len(m.Nominees)
}
