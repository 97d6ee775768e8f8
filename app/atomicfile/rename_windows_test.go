//go:build windows

package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"pingxin/app"
)

// TestWriteOverHeldFile protects the clerk who re-renders the minutes while the last copy
// is open in a PDF reader: Windows refuses to replace a file held open without delete
// sharing (Go's os.Open holds it so, like most readers), and the write must then fail
// with the "close it" message, the old file untouched and no temporary file left; a
// holder that lets go within the wait (an antivirus scan) must not fail the write.
// scripts/wine-check.sh runs it under Wine.
func TestWriteOverHeldFile(t *testing.T) {
	dir, err := os.MkdirTemp("", "held")
	if err != nil {
		t.Fatal(err)
	}
	defer removeFolder(dir)
	path := filepath.Join(dir, "纪要.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	defer func(w time.Duration) { renameWait = w }(renameWait)

	renameWait = 300 * time.Millisecond
	err = WriteBytes(path, 0o600, []byte("new"))
	if app.ErrorCode(err) != app.ECONFLICT {
		t.Fatalf("writing over a held file: %v (code %q), want the ECONFLICT atomicfile.in_use", err, app.ErrorCode(err))
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("the held file now holds %q, want it untouched", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the folder holds %d entries after the refused write, want only the file", len(entries))
	}

	renameWait = 5 * time.Second
	go func() {
		time.Sleep(300 * time.Millisecond)
		reader.Close()
	}()
	if err := WriteBytes(path, 0o600, []byte("new")); err != nil {
		t.Fatalf("writing over a file released within the wait: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("the file holds %q after the write, want %q", b, "new")
	}
}

// removeFolder removes dir and the files in it one by one: Wine 8 lacks the call Go
// 1.26's os.RemoveAll (and so t.TempDir's cleanup) makes on Windows.
func removeFolder(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.Remove(filepath.Join(dir, e.Name()))
	}
	os.Remove(dir)
}
