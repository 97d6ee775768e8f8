package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")

	t.Run("success writes whole file with mode", func(t *testing.T) {
		if err := WriteBytes(path, 0o600, []byte("hello")); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		fi, _ := os.Stat(path)
		if string(b) != "hello" || fi.Mode().Perm() != 0o600 {
			t.Fatalf("got %q mode %v", b, fi.Mode().Perm())
		}
	})
	t.Run("failure leaves old content and no temp file", func(t *testing.T) {
		boom := errors.New("boom")
		err := Write(path, 0o600, func(w io.Writer) error {
			w.Write([]byte("half"))
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		b, _ := os.ReadFile(path)
		if string(b) != "hello" {
			t.Fatalf("target changed to %q", b)
		}
		ents, _ := os.ReadDir(dir)
		if len(ents) != 1 {
			t.Fatalf("leftover files: %v", ents)
		}
	})
	t.Run("failure on new path leaves nothing", func(t *testing.T) {
		p := filepath.Join(dir, "new.zip")
		Write(p, 0o600, func(io.Writer) error { return errors.New("x") })
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Fatalf("file exists: %v", err)
		}
	})
}
