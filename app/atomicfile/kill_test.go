package atomicfile

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// childEnv makes the test binary a writer that is killed in the middle of Write.
const childEnv = "ATOMICFILE_KILL_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(childEnv); path != "" {
		Write(path, 0o600, func(w io.Writer) error {
			w.Write([]byte(strings.Repeat("330483198001010012 张三\n", 1000)))
			os.Stdout.WriteString("writing\n")
			select {} // killed here, half-way
		})
	}
	os.Exit(m.Run())
}

// TestKilledWriterLeavesNothing kills a process in the middle of Write (as a power
// cut or the task manager would): no file holding the half-written content may stay
// in the folder (issue 17: a killed export left a hidden file with full IDs), at once
// where the system has unnamed files, else after the next Write into the folder.
func TestKilledWriterLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "export.zip")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+target)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	if line != "writing\n" {
		t.Fatalf("child said %q", line)
	}
	cmd.Process.Kill()
	cmd.Wait()
	left, _ := os.ReadDir(dir)
	t.Logf("right after the kill: %d files in the folder", len(left))
	if err := WriteBytes(filepath.Join(dir, "other.pdf"), 0o600, []byte("x")); err != nil {
		t.Fatal(err)
	}
	left, _ = os.ReadDir(dir)
	for _, e := range left {
		if e.Name() != "other.pdf" {
			t.Errorf("left behind after the next write: %s", e.Name())
		}
	}
}

// TestSweepKeepsLiveWriters: the temporary file of a writer still running is not
// swept from under it; a dead writer's is.
func TestSweepKeepsLiveWriters(t *testing.T) {
	dir := t.TempDir()
	mine := TempName(filepath.Join(dir, "a.zip"))
	os.WriteFile(mine, nil, 0o600)
	dead := filepath.Join(dir, ".b.zip"+tmpMark+"999999999-00")
	os.WriteFile(dead, nil, 0o600)
	Sweep(dir)
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a live writer's temp file was swept: %v", err)
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("a dead writer's temp file was not swept")
	}
}
