package importer

import (
	"encoding/csv"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"pingxin/app"
)

// cellCounts splits text as newCSVReader's csv.Reader does and returns each record's
// cells, the truth cellBound must follow.
func cellCounts(t *testing.T, text string, sep rune) []int {
	t.Helper()
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, true, -1
	var out []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("csv: %v", err)
		}
		out = append(out, len(rec))
	}
}

// boundRow reads text through a cellBound of max cells and returns the row it refused,
// 0 when it let the text through whole and unchanged.
func boundRow(t *testing.T, text string, sep rune, max int) int {
	t.Helper()
	var got strings.Builder
	_, err := io.Copy(&got, newCellBound(strings.NewReader(text), sep, max))
	if err == nil {
		if got.String() != text {
			t.Fatalf("the text was changed on its way to csv")
		}
		return 0
	}
	if !isKey(err, "importer.too_many_cols") {
		t.Fatalf("refused with %v, want importer.too_many_cols", err)
	}
	return errorRow(t, err)
}

// TestCellBoundCountsAsCSV: the cells cellBound counts are the cells csv splits, for
// cells as people and programs write them: quoted separators, doubled quotes, a quote
// in the middle of a plain cell, a quote then text inside a quoted cell, quoted line
// breaks (Excel's Alt+Enter), "\r\n" and a lone "\r". For each mix a record csv splits
// into exactly max cells passes whole and unchanged, and one of max+1 cells is refused,
// naming the row csv's rows give it.
func TestCellBoundCountsAsCSV(t *testing.T) {
	cells := []string{`x`, `"a,b"`, `"a"",b"`, `a"b,`, `"a"b,c"`, ``, `"第一行` + "\r\n" + `第二行"`, `"x"` + "\r" + `,y"`,
		`"多,个,逗,号"`, `""`, `""""`, "张\r三", `"a` + "\n\n" + `b"`}
	const max = 40
	for _, sep := range []rune{',', '\t'} {
		s := string(sep)
		head := "户主姓名" + s + "备注\r\n" + `"多行` + "\n" + `备注"` + s + "x\r\n\r\n" // csv's rows 1, 2 (two lines) and a blank 3
		for k := range cells {
			var mix []string // the cells from k round to k-1
			for i := range cells {
				mix = append(mix, strings.ReplaceAll(cells[(k+i)%len(cells)], ",", s))
			}
			record := strings.Join(mix, s)
			for got := cellCounts(t, record+"\n", sep)[0]; got < max; got++ {
				record += s + "x"
			}
			for _, tt := range []struct {
				record string
				want   int
			}{{record, 0}, {record + s + "x", 4}} {
				text := head + tt.record + "\r\n" + "a" + s + "b\n"
				if n := cellCounts(t, text, sep)[2]; n != max+min(tt.want, 1) {
					t.Fatalf("the test's record has %d cells", n)
				}
				if got := boundRow(t, text, sep, max); got != tt.want {
					t.Errorf("sep %q, from cell %d: refused row %d, want %d: %q", sep, k, got, tt.want, tt.record)
				}
			}
		}
	}
}

// TestCSVLineOfCommasRefusedAtOnce: 20 million commas on one line (a 20 MB file) took
// 1.7 GB and 11 seconds before the bound on cells was checked; it is refused within the
// budget of a crafted file, naming its row.
func TestCSVLineOfCommasRefusedAtOnce(t *testing.T) {
	b := []byte("户主姓名,身份证号码\n" + strings.Repeat(",", 20_000_000) + "\n")
	refusedFast(t, "commas.csv", b, "importer.too_many_cols")
	_, err := ReadTableFrom(bytesReader(b), "commas.csv", NomineeSchema)
	if row := errorRow(t, err); row != 2 {
		t.Errorf("refused row %d, want 2", row)
	}
}

// errorRow is the row the refusal names.
func errorRow(t *testing.T, err error) int {
	t.Helper()
	var ae *app.Error
	if !errors.As(err, &ae) {
		t.Fatalf("%v is not a refusal", err)
	}
	row, ok := ae.Message.Data["Row"].(int)
	if !ok {
		t.Fatalf("%v names no row", err)
	}
	return row
}

// TestCSVHugeCellRefusedAtOnce: one cell of 60 MB took 330 MB before the bound on a
// cell's length was checked on the split record; it is refused once its first 262 KB
// are read, naming its row and column, the file read once. A cell of maxCell characters as long as a
// CSV can write one — four-byte characters, or quotes, each doubled — still passes
// the text through to csv, which reads it whole.
func TestCSVHugeCellRefusedAtOnce(t *testing.T) {
	b := []byte("户主姓名,身份证号码\n" + "甲," + strings.Repeat("x", 60_000_000) + "\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadTableFrom(bytesReader(b), "cell.csv", NomineeSchema)
	runtime.ReadMemStats(&after)
	var ae *app.Error
	if !errors.As(err, &ae) || ae.Message.Key != "importer.cell_too_long" || ae.Message.Data["Row"] != 2 || ae.Message.Data["Col"] != 2 {
		t.Errorf("refused %v, want the cell at row 2 column 2 too long", err)
	}
	if got, want := after.TotalAlloc-before.TotalAlloc, uint64(len(b))+16<<20; got > want {
		t.Errorf("refused after allocating %d MiB, want the file read once and little more (%d MiB)", got>>20, want>>20)
	}
	for name, cell := range map[string]string{
		"four-byte characters": strings.Repeat("𫖯", maxCell),
		"doubled quotes":       `"` + strings.Repeat(`""`, maxCell) + `"`,
		"quoted line ends":     `"` + strings.Repeat("\r\n", maxCell/2) + `"`,
	} {
		text := "户主姓名,备注\r\n甲," + cell + "\r\n"
		if row := boundRow(t, text, ',', maxCols); row != 0 {
			t.Errorf("%s: refused at row %d", name, row)
		}
	}
}
