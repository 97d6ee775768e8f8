package importer

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The LibreOffice fixture is brokenList saved by LibreOffice Calc as .xlsx, with the ID
// and phone columns imported as text. To make it again (LibreOffice installed):
//
//	PINGXIN_GEN_FIXTURE=1 go test ./app/importer -run TestGenerateLibreOfficeFixture
const (
	loSource  = "testdata/libreoffice-source.csv"
	loFixture = "testdata/libreoffice.xlsx"
	loNumeric = "testdata/libreoffice-numeric.xlsx" // the same, IDs left to become numbers
)

func TestGenerateLibreOfficeFixture(t *testing.T) {
	if os.Getenv("PINGXIN_GEN_FIXTURE") == "" {
		t.Skip("set PINGXIN_GEN_FIXTURE=1 to regenerate")
	}
	rows, _ := brokenList()
	if err := os.WriteFile(loSource, []byte("\xEF\xBB\xBF"+csvText(rows, ",", "\r\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	// CSV filter: comma, double quote, UTF-8, from row 1, columns 2 (ID) and 4 (phone) as
	// text; then with every column left to LibreOffice's guess.
	soffice(t, "CSV:44,34,76,1,2/2/4/2", loFixture)
	soffice(t, "CSV:44,34,76,1", loNumeric)
}

func soffice(t *testing.T, filter, to string) {
	dir := t.TempDir()
	out, err := exec.Command("soffice", "--headless", "--convert-to", "xlsx", "--infilter="+filter,
		"--outdir", dir, loSource).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "libreoffice-source.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLibreOfficeXLSX: the list saved by LibreOffice imports the same households, and
// names the same broken rows, as the CSV it was made from.
func TestLibreOfficeXLSX(t *testing.T) {
	fromCSV, err := ReadTable(loSource, NomineeSchema)
	if err != nil {
		t.Fatal(err)
	}
	fromXLSX, err := ReadTable(loFixture, NomineeSchema)
	if err != nil {
		t.Fatal(err)
	}
	if fromXLSX.Format != "xlsx" {
		t.Fatalf("format %s", fromXLSX.Format)
	}
	a, b := parseList(t, fromCSV, rules()), parseList(t, fromXLSX, rules())
	if len(a.Nominees) != 14 || !slices.EqualFunc(a.Nominees, b.Nominees, sameHousehold) || !slices.Equal(a.Rows, b.Rows) {
		t.Fatalf("CSV %d households, XLSX %d:\n%+v\n%+v", len(a.Nominees), len(b.Nominees), a.Nominees, b.Nominees)
	}
	var ra, rb []int
	for _, e := range a.Errors {
		ra = append(ra, e.Row)
	}
	for _, e := range b.Errors {
		rb = append(rb, e.Row)
	}
	if _, broken := brokenList(); !slices.Equal(ra, broken) || !slices.Equal(rb, broken) {
		t.Fatalf("error rows CSV %v XLSX %v, want %v", ra, rb, broken)
	}
}

// TestLibreOfficeNumericIDs: when LibreOffice made the IDs numbers, every row is refused
// for it, row by row, and nothing is imported.
func TestLibreOfficeNumericIDs(t *testing.T) {
	tb, err := ReadTable(loNumeric, NomineeSchema)
	if err != nil {
		t.Fatal(err)
	}
	l := parseList(t, tb, rules())
	// IDs ending in X cannot be numbers and stay text: those rows alone are read.
	for _, n := range l.Nominees {
		if !strings.HasSuffix(n.IDNumber, "X") {
			t.Errorf("household %s imported from a number cell", n.Name)
		}
	}
	numeric := 0
	for _, e := range l.Errors {
		if e.Reason.Key == "idcard.numeric" {
			numeric++
		}
	}
	// 20 rows: 2 IDs end in X, one more is the duplicate of one of them.
	if len(l.Nominees) != 2 || numeric != 17 {
		t.Fatalf("%d households, %d numeric-ID errors: %v", len(l.Nominees), numeric, l.Errors)
	}
}
