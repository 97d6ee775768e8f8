package importer

import (
	"bytes"
	"os"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"pingxin/internal/benchdata"
)

// bigList returns the rows of a valid list as a village office brings it: 15 columns,
// the tally and the sage council's free-text notes (internal/benchdata).
func bigList(n int) [][]string { return benchdata.List(n) }

// bigRules are rules under which every household of bigList is valid.
func bigRules() NomineeRules {
	r := rules()
	r.Voters = 9
	r.Visitors = map[string]bool{}
	for _, n := range benchdata.VisitorNames {
		r.Visitors[n] = true
	}
	return r
}

func benchParse(b *testing.B, name string, data []byte) {
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		tb, err := ReadTableFrom(bytes.NewReader(data), name, NomineeSchema)
		if err != nil {
			b.Fatal(err)
		}
		l, err := ParseNominees(tb, bigRules())
		if err != nil || len(l.Nominees) != 10000 || len(l.Errors) != 0 {
			b.Fatalf("err %v, %d nominees, errors %v", err, len(l.Nominees), l.Errors[:min(3, len(l.Errors))])
		}
	}
}

// BenchmarkImportCSV10k reads and checks a 10,000-row GBK CSV.
func BenchmarkImportCSV10k(b *testing.B) {
	data := encode(b, csvText(bigList(10000), ",", "\r\n"), simplifiedchinese.GBK)
	benchParse(b, "big.csv", data)
}

// BenchmarkImportXLSX10k reads and checks a 10,000-row XLSX whose text is in the shared
// string table, as Excel, WPS and LibreOffice save it.
func BenchmarkImportXLSX10k(b *testing.B) {
	benchParse(b, "big.xlsx", sharedXLSX(b, bigList(10000)))
}

// BenchmarkImportXLSX10kLibreOffice reads and checks the 10,000-row list saved by
// LibreOffice Calc (scripts/bench.sh makes it and names it in PINGXIN_LO_XLSX).
func BenchmarkImportXLSX10kLibreOffice(b *testing.B) {
	path := os.Getenv("PINGXIN_LO_XLSX")
	if path == "" {
		b.Skip("set PINGXIN_LO_XLSX to a 10,000-row list saved by LibreOffice (scripts/bench.sh does)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	benchParse(b, "big.xlsx", data)
}

// BenchmarkImportXLSX10kInline is the same with inline strings, as streaming writers
// (excelize's StreamWriter) save it: the slowest form to read.
func BenchmarkImportXLSX10kInline(b *testing.B) {
	rows := bigList(10000)
	cells := make([][]any, len(rows))
	for i, r := range rows {
		cells[i] = anyRow(r)
	}
	benchParse(b, "big.xlsx", xlsxBytes(b, map[string][][]any{"Sheet1": cells}, "Sheet1"))
}

// sharedXLSX writes rows with SetSheetRow, which puts text in the shared string table.
func sharedXLSX(b *testing.B, rows [][]string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cells := anyRow(r)
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &cells); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}
