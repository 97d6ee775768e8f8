package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"pingxin/app"
)

// bombXLSX builds a workbook whose one sheet is head, then chunk repeated n times,
// then tail, deflated once per chunk and the compressed chunk repeated, so a test
// makes a workbook that expands to gigabytes in milliseconds, as an attacker would.
func bombXLSX(t *testing.T, head, chunk string, n int, tail string) []byte {
	t.Helper()
	deflate := func(s string, final bool) []byte {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.BestCompression)
		w.Write([]byte(s))
		if final {
			w.Close()
		} else {
			w.Flush()
		}
		return b.Bytes()
	}
	var raw bytes.Buffer
	raw.Write(deflate(head, false))
	c := deflate(chunk, false)
	crc := crc32.Update(0, crc32.IEEETable, []byte(head))
	for range n {
		raw.Write(c)
		crc = crc32.Update(crc, crc32.IEEETable, []byte(chunk))
	}
	raw.Write(deflate(tail, true))
	crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))
	size := uint64(len(head)) + uint64(len(chunk))*uint64(n) + uint64(len(tail))

	var out bytes.Buffer
	z := zip.NewWriter(&out)
	small := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"} {
		w, _ := z.Create(name)
		w.Write([]byte(small[name]))
	}
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc, CompressedSize64: uint64(raw.Len()), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

const sheetHead = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`

// refuseBudget is what refusing a crafted file may allocate in all: the files of
// issue 17 took 2.4–9.4 GB before they were bounded. Memory, unlike a wall clock, does
// not grow with the machine's load or the race detector, so the bound holds on a busy
// CI machine and still fails at once if a bound is read after the whole file.
const refuseBudget = 256 << 20

// refusedFast reads b as the file name and wants it refused with the message key
// within refuseBudget bytes allocated, leaving no temp file behind.
func refusedFast(t *testing.T, name string, b []byte, key string) {
	t.Helper()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := ReadTableFrom(bytes.NewReader(b), name, NomineeSchema)
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	var ae *app.Error
	if !errorsAs(err, &ae) || ae.Message.Key != key {
		t.Fatalf("%s: got %v, want the refusal %s", name, err, key)
	}
	if !strings.Contains(err.Error(), name) {
		t.Errorf("the refusal does not name the file %s: %v", name, err)
	}
	if allocated > refuseBudget {
		t.Errorf("%s: refused after allocating %d MiB, want under %d MiB", name, allocated>>20, refuseBudget>>20)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%s left %d temp files, e.g. %s", name, len(left), left[0].Name())
	}
	t.Logf("%s (%d KB): refused in %v after allocating %d MiB: %v", name, len(b)>>10, took.Round(time.Millisecond), allocated>>20, err)
}

// TestXLSXBombOneHugeCell: a 2 MB workbook that expands to one 2 GiB cell (issue 17:
// 300 s, 9.4 GB of memory and a 2.1 GB temp file left) is refused at once.
func TestXLSXBombOneHugeCell(t *testing.T) {
	b := bombXLSX(t, sheetHead+`<row r="1"><c r="A1" t="inlineStr"><is><t>`, strings.Repeat("A", 1<<20), 2048,
		`</t></is></c></row></sheetData></worksheet>`)
	refusedFast(t, "cell-bomb.xlsx", b, "importer.unzipped_too_big")
}

// TestXLSXBombManyRows: a workbook of 20 million empty rows (issue 17: 300 s, 2.4 GB,
// a 1.7 GB temp file) is refused at the row bound, well within its expanded size.
func TestXLSXBombManyRows(t *testing.T) {
	b := bombXLSX(t, sheetHead, strings.Repeat("<row/>", 1<<16), 20_000_000>>16, `</sheetData></worksheet>`)
	refusedFast(t, "row-bomb.xlsx", b, "importer.too_many_rows")
}

// TestXLSXBombFarCell: one cell in the last column makes every row 16,384 cells wide.
func TestXLSXBombFarCell(t *testing.T) {
	b := bombXLSX(t, sheetHead, `<row><c r="XFD1"><v>1</v></c></row>`, 1, `</sheetData></worksheet>`)
	refusedFast(t, "wide.xlsx", b, "importer.too_many_cols")
}

// TestCSVBounds: rows, columns and cell length are bounded in CSV files too.
func TestCSVBounds(t *testing.T) {
	refusedFast(t, "rows.csv", []byte(strings.Repeat("1,2\n", maxRows+1)), "importer.too_many_rows")
	refusedFast(t, "cols.csv", []byte("户主姓名"+strings.Repeat(",x", 1_000_000)+"\n"), "importer.too_many_cols")
	refusedFast(t, "cell.csv", []byte("户主姓名,"+strings.Repeat("长", maxCell+1)+"\n"), "importer.cell_too_long")
}

// TestWholeFileErrorsNameTheFile: "the file is empty" says which file.
func TestWholeFileErrorsNameTheFile(t *testing.T) {
	refusedFast(t, "名单.csv", []byte("  \n"), "importer.empty")
}

// TestPartBounds: the bounds checked while a part is decompressed hold at their exact
// limits — the 200,001st row tag and the 327,671st byte of one run of text — whatever
// the sizes of the pieces the decompressor hands over, a run split by a '>' or by a
// piece's end included.
func TestPartBounds(t *testing.T) {
	run := func(n int) string { return strings.Repeat("字", n/3) + strings.Repeat("a", n%3) }
	cases := []struct {
		name, part, key string // key "" when the part is within bounds
	}{
		{"rows at the bound", strings.Repeat("<row/>", maxRows), ""},
		{"one row too many", strings.Repeat(`<x:row r="1">`, maxRows+1), "importer.too_many_rows"},
		{"end tags are not rows", strings.Repeat("<row></row>", maxRows/2+1) + strings.Repeat("</row>", maxRows), ""},
		{"text at the bound", "<t>" + run(maxCellBytes) + "</t>", ""},
		{"text one byte over", "<t>" + run(maxCellBytes+1) + "</t>", "importer.text_too_long"},
		{"long text cut by a '>'", "<t>" + run(maxCellBytes) + ">" + run(maxCellBytes) + "</t>", ""},
		{"attribute over the bound", `<c r="` + run(maxCellBytes+8) + `">`, "importer.text_too_long"},
		{"tag name over the bound", "<" + run(maxCellBytes+1), "importer.text_too_long"},
	}
	for _, c := range cases {
		for _, piece := range []int{1 << 30, 32 << 10, 4093, 7} {
			var pb partBounds
			var err error
			for b := []byte(c.part); len(b) > 0 && err == nil; {
				n := min(piece, len(b))
				err, b = pb.feed(b[:n]), b[n:]
			}
			var ae *app.Error
			switch {
			case c.key == "" && err != nil:
				t.Errorf("%s, pieces of %d: refused: %v", c.name, piece, err)
			case c.key != "" && (!errorsAs(err, &ae) || ae.Message.Key != c.key):
				t.Errorf("%s, pieces of %d: got %v, want %s", c.name, piece, err, c.key)
			}
		}
	}
}
