package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"pingxin/app"
)

// FuzzCheck damages a real database file in the ways the fuzzer finds (bytes changed,
// cut, grown) and holds Check to its word: it never panics, never changes the file,
// always says what is wrong in words (an *app.Error, not SQLite's English), and a file
// it passes really opens and reads whole.
func FuzzCheck(f *testing.F) {
	dir := f.TempDir()
	good, _ := populated(f, dir, "seed.db", 40)
	b, err := os.ReadFile(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b, 0, byte(0), 0)
	f.Add(b, 18, byte(0xFF), 0)
	f.Add(b, 28, byte(0x7F), 0)
	f.Add(b, len(b)/2, byte(0xA5), 1)
	f.Fuzz(func(t *testing.T, seed []byte, at int, val byte, cut int) {
		data := append([]byte(nil), seed...)
		if len(data) > 0 && at >= 0 {
			data[at%len(data)] ^= val
		}
		if cut > 0 && cut < len(data) {
			data = data[:len(data)-cut]
		}
		path := filepath.Join(t.TempDir(), "x.db")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		err := Check(path)
		after, _ := os.ReadFile(path)
		if string(after) != string(data) {
			t.Fatal("Check changed the file")
		}
		if err != nil {
			var ae *app.Error
			if !errors.As(err, &ae) && !errors.Is(err, ErrDamaged) {
				t.Fatalf("Check said %q (%T): not in words", err, err)
			}
			return
		}
		st, err := OpenChecked(path)
		if err != nil {
			t.Fatalf("Check passed the file, OpenChecked refused it: %v", err)
		}
		defer st.Close()
		if _, err := st.Villages(t.Context()); err != nil {
			t.Fatalf("Check passed the file, reading it failed: %v", err)
		}
	})
}
