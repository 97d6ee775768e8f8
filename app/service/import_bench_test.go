package service

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
	"pingxin/app/demo"
	"pingxin/data"
	"pingxin/internal/benchdata"
)

// bigRows is a valid 10,000-household list as a village office brings it: 15 columns,
// the tally and the sage council's free-text notes (internal/benchdata).
func bigRows() [][]string {
	rows := benchdata.List(10000)
	for i, r := range rows[1:] {
		r[1] = idN(i + 20001) // none of them on the test village's blacklist
	}
	return rows
}

// bigXLSX writes bigRows as Excel saves a list: text in the shared string table.
func bigXLSX(b testing.TB, dir string) string {
	f := excelize.NewFile()
	for i, r := range bigRows() {
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &cells); err != nil {
			b.Fatal(err)
		}
	}
	p := filepath.Join(dir, "big.xlsx")
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	return p
}

// benchVillage opens a new store holding the demo village, whose 乡贤参事会 members
// visited every household of the benchmark lists (benchdata.Visitors).
func benchVillage(b testing.TB) (*data.Store, *app.Village) {
	st, err := data.Open(filepath.Join(b.TempDir(), "pingxin.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	v := demo.Village()
	if err := st.CreateVillage(context.Background(), v); err != nil {
		b.Fatal(err)
	}
	return st, v
}

// benchImport imports the file into a new meeting each time: read, check and commit
// in one transaction (creating the meeting is part of the loop and takes ~1 ms).
func benchImport(b *testing.B, path string) {
	st, v := benchVillage(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		m, _ := app.NewMeeting(v, meetingDay, nil)
		if err := st.CreateMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
		sum, err := New(st).ImportNominees(ctx, m.ID, path, false)
		if err != nil || sum.Imported != 10000 {
			b.Fatalf("%v %+v", err, sum.Errors[:min(3, len(sum.Errors))])
		}
	}
}

func BenchmarkImportNomineesCSV10k(b *testing.B) { benchImport(b, gbkFile(b, bigRows())) }

func BenchmarkImportNomineesXLSX10k(b *testing.B) { benchImport(b, bigXLSX(b, b.TempDir())) }

// TestImportPeakRSS imports one big file into a new database, for measuring the peak
// memory of a 10,000-row import from outside:
//
//	PINGXIN_BIG_DIR=/tmp/big go test ./app/service -run TestImportPeakRSS   # writes big.csv, big.xlsx
//	go test -c -o /tmp/svc.test ./app/service
//	PINGXIN_IMPORT_FILE=/tmp/big/big.xlsx /usr/bin/time -v /tmp/svc.test -test.run TestImportPeakRSS
func TestImportPeakRSS(t *testing.T) {
	if dir := os.Getenv("PINGXIN_BIG_DIR"); dir != "" {
		os.MkdirAll(dir, 0o755)
		bigXLSX(t, dir)
		b := []byte(csvOf(bigRows()))
		os.WriteFile(filepath.Join(dir, "big.csv"), b, 0o644)
	}
	path := os.Getenv("PINGXIN_IMPORT_FILE")
	if path == "" {
		t.Skip("set PINGXIN_IMPORT_FILE to a list to import")
	}
	st, v := benchVillage(t)
	m, _ := app.NewMeeting(v, meetingDay, nil)
	if err := st.CreateMeeting(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	sum, err := New(st).ImportNominees(context.Background(), m.ID, path, false)
	if err != nil || sum.Imported != 10000 {
		t.Fatalf("%v %+v", err, sum)
	}
	fmt.Printf("imported %d in %v\n", sum.Imported, time.Since(start))
}

// BenchmarkImportNomineesXLSX10kLibreOffice imports the 10,000-row list saved by
// LibreOffice Calc (scripts/bench.sh makes it and names it in PINGXIN_LO_XLSX).
func BenchmarkImportNomineesXLSX10kLibreOffice(b *testing.B) {
	path := os.Getenv("PINGXIN_LO_XLSX")
	if path == "" {
		b.Skip("set PINGXIN_LO_XLSX to a 10,000-row list saved by LibreOffice (scripts/bench.sh does)")
	}
	benchImport(b, path)
}
