package data

import (
	"testing"
)

// BenchmarkOpenChecked10k opens a database of 10,000 households as the desktop should
// at start-up: schema probe, migrations check and PRAGMA quick_check.
func BenchmarkOpenChecked10k(b *testing.B) {
	path, _ := populated(b, b.TempDir(), "big.db", 10_000)
	for b.Loop() {
		st, err := OpenChecked(path)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}

// BenchmarkAutoBackup10k is the backup made when a meeting of 10,000 households is
// closed or signed (VACUUM INTO, synced, pruned to the last 30).
func BenchmarkAutoBackup10k(b *testing.B) {
	path, _ := populated(b, b.TempDir(), "big.db", 10_000)
	st, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for b.Loop() {
		if _, err := AutoBackup(st, path, WhySigned); err != nil {
			b.Fatal(err)
		}
	}
}
