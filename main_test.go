package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestMain lets the test binary run as pingxin itself (PINGXIN_AS_MAIN=1), so that a
// test can start it under any environment with every package's init, Fyne's included.
func TestMain(m *testing.M) {
	if os.Getenv("PINGXIN_AS_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// TestNoFyneOutputUnderCLocale protects docs/CLI.md §2: a command prints nothing of the
// GUI toolkit, whatever the locale — Fyne's lang package used to log "Error parsing user
// locale C" from its init under LANG=C.UTF-8 and the like (see third_party/bootlocale).
func TestNoFyneOutputUnderCLocale(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "p.db")
	for _, env := range [][]string{
		nil, {"LANG=C"}, {"LANG=C.UTF-8"}, {"LC_ALL=C.UTF-8"}, {"LC_MESSAGES=C.UTF-8"}, {"LANG=POSIX"},
		{"LANGUAGE=C.UTF-8"}, {"LANG=zh_CN.UTF-8", "LANGUAGE=en_US:C"},
	} {
		cmd := exec.Command(exe, "--db", db, "village", "list")
		cmd.Env = append([]string{"PINGXIN_AS_MAIN=1", "HOME=" + t.TempDir()}, env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", env, err, out)
		}
		if want := "村  镇（街道）  人数  会议数\n"; string(out) != want {
			t.Errorf("under %v the command printed %q, want only its table", env, out)
		}
	}
}
