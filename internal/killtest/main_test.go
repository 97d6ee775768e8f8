//go:build linux

package killtest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"pingxin/data"
)

// binDir holds the real pingxin binary built for this run, when $PINGXIN_BIN does not
// name one; it is built by the first test that needs it, so `go test -bench` with no
// tests to run builds nothing.
var (
	binDir   string
	binOnce  sync.Once
	binPath  string
	binError error
)

// TestMain either acts as a child process (a writer of entries, or of a full disk) when
// the parent test re-executes this binary with roleEnv set, or builds the real binary
// and runs the tests.
func TestMain(m *testing.M) {
	if role := os.Getenv(roleEnv); role != "" {
		os.Exit(child(role))
	}
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	var err error
	if binDir, err = os.MkdirTemp("", "killtest"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(binDir)
	return m.Run()
}

// bin returns the real pingxin binary, building it the first time.
func bin(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if binPath = os.Getenv("PINGXIN_BIN"); binPath != "" {
			return
		}
		binPath = filepath.Join(binDir, "pingxin")
		build := exec.Command("go", "build", "-o", binPath, "pingxin")
		out, err := build.CombinedOutput()
		if err != nil {
			binError = fmt.Errorf("building pingxin: %v\n%s", err, out)
		}
	})
	if binError != nil {
		t.Fatal(binError)
	}
	return binPath
}

// roleEnv names the part a re-executed test binary plays; dbEnv and meetingEnv say on
// what.
const (
	roleEnv    = "PINGXIN_KILLTEST_ROLE"
	dbEnv      = "PINGXIN_KILLTEST_DB"
	meetingEnv = "PINGXIN_KILLTEST_MEETING"
)

// child runs the role and returns the exit status.
func child(role string) int {
	db := os.Getenv(dbEnv)
	meeting, _ := strconv.ParseInt(os.Getenv(meetingEnv), 10, 64)
	var err error
	switch role {
	case "entries":
		err = writeEntries(db, meeting)
	case "diskfull":
		err = fillDisk(db, meeting)
	default:
		err = fmt.Errorf("unknown role %q", role)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// pingxin runs the real binary on db and returns its stdout, failing the test on a
// non-zero exit.
func pingxin(t *testing.T, db string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin(t), append([]string{"--db", db, "--lang", "en"}, args...)...)
	var errb strings.Builder
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pingxin %v: %v\n%s", args, err, errb.String())
	}
	return strings.TrimSpace(string(out))
}

// mustIntact fails the test unless the database at path passes PRAGMA
// integrity_check. It opens the file as SQLite would after a power cut, replaying
// the WAL, before any Pingxin code touches it.
func mustIntact(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(context.Background(), `PRAGMA integrity_check`)
	if err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	defer rows.Close()
	var res []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		res = append(res, s)
	}
	if strings.Join(res, "\n") != "ok" {
		t.Fatalf("integrity_check after the kill:\n%s", strings.Join(res, "\n"))
	}
	if err := data.Check(path); err != nil {
		t.Fatalf("data.Check after the kill: %v", err)
	}
}
