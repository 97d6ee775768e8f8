//go:build linux

package killtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/data"
)

// mntEnv is the empty folder the full-disk child mounts its small disk on; outEnv the
// folder it copies the database back to when the disk is full.
const (
	mntEnv = "PINGXIN_KILLTEST_MNT"
	outEnv = "PINGXIN_KILLTEST_OUT"
)

// fillDisk is the full-disk child. In a mount namespace of its own it mounts a tmpfs
// only a little larger than the database on mntEnv, copies the database there, and
// saves ever longer notes, acknowledging each, until a save fails, which it prints as
// a person reads it. Then it copies the database (and its WAL) back to outEnv, where
// the parent checks it: a real ENOSPC from a real file system, not a simulation.
func fillDisk(db string, meetingID int64) error {
	mnt, out := os.Getenv(mntEnv), os.Getenv(outEnv)
	fi, err := os.Stat(db)
	if err != nil {
		return err
	}
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("private mounts: %w", err)
	}
	size := fmt.Sprintf("size=%d", fi.Size()+384<<10)
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, size); err != nil {
		return fmt.Errorf("mount tmpfs: %w", err)
	}
	small := filepath.Join(mnt, "pingxin.db")
	if err := copyFile(db, small); err != nil {
		return err
	}
	if err := saveUntilFull(small, meetingID); err != nil {
		return err
	}
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(small+suffix, filepath.Join(out, "pingxin.db"+suffix)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

func saveUntilFull(db string, meetingID int64) error {
	st, err := data.Open(db)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	m, err := st.Meeting(ctx, meetingID)
	if err != nil {
		return err
	}
	for i := 1; i < 10_000; i++ {
		n := &m.Nominees[i%len(m.Nominees)]
		n.Reason = entryReason(i) + " " + strings.Repeat("核实情况属实。", 2000)
		if err := st.SaveNominee(ctx, n); err != nil {
			fmt.Println("error", i18n.ErrorText(data.Explain(db, err), i18n.En))
			return nil
		}
		fmt.Printf("ack %d\n", i)
	}
	return fmt.Errorf("the disk never filled")
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o600)
}

// TestDiskFull writes until the disk is full and proves the failure reads as a full
// disk, and that the database stays intact with every entry saved before it.
func TestDiskFull(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pingxin.db")
	mnt, out := filepath.Join(dir, "mnt"), filepath.Join(dir, "out")
	os.Mkdir(mnt, 0o700)
	os.Mkdir(out, 0o700)
	id, _ := strconv.ParseInt(pingxin(t, db, "demo"), 10, 64)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), roleEnv+"=diskfull", dbEnv+"="+db, meetingEnv+"="+strconv.FormatInt(id, 10),
		mntEnv+"="+mnt, outEnv+"="+out)
	cmd.SysProcAttr = namespace()
	var errb strings.Builder
	cmd.Stderr = &errb
	stdout, err := cmd.Output()
	if err != nil {
		if strings.Contains(errb.String(), "mount") || errors.Is(err, syscall.EPERM) {
			t.Skipf("no mount namespace for a small disk here: %v %s", err, errb.String())
		}
		t.Fatalf("child: %v\n%s\n%s", err, stdout, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(string(stdout)), "\n")
	small := filepath.Join(mnt, "pingxin.db")
	want := "error " + app.ErrorMessage(app.Errorf(app.EINTERNAL, "data.disk_full", "Path", small), i18n.En)
	if last := lines[len(lines)-1]; last != want || len(lines) < 2 {
		t.Fatalf("after %d saves the child said %q, want %q", len(lines)-1, last, want)
	}
	acked, _ := strconv.Atoi(strings.TrimPrefix(lines[len(lines)-2], "ack "))
	after := filepath.Join(out, "pingxin.db")
	mustIntact(t, after)
	st, err := data.Open(after)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := st.Meeting(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := m.Nominees[acked%len(m.Nominees)]
	if !strings.HasPrefix(n.Reason, entryReason(acked)+" ") {
		t.Fatalf("the last saved entry %d is not on disk: household %d has %.20q", acked, n.Seq, n.Reason)
	}
	t.Logf("the disk filled after %d saves; the database is intact and holds them all", acked)
}

// namespace is a mount namespace for the child: as root only that; otherwise inside
// a user namespace where this user is root, so that it may mount a tmpfs.
func namespace() *syscall.SysProcAttr {
	if os.Geteuid() == 0 {
		return &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNS}
	}
	return &syscall.SysProcAttr{
		Cloneflags:  syscall.CLONE_NEWNS | syscall.CLONE_NEWUSER,
		UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
		GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
	}
}
