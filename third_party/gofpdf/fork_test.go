package gofpdf

// Tests of Pingxin's changes to gofpdf (FORK.md). They use the Noto Sans SC font the
// application embeds, which has CJK Extension A and characters above U+FFFF.

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const notoPath = "../../assets/fonts/NotoSansSC_400Regular.ttf"

func notoBytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(notoPath)
	if err != nil {
		t.Skipf("the application's font is not here: %v", err)
	}
	return b
}

// document writes text in the font added by add, with every date fixed so that two
// runs give the same bytes.
func document(t testing.TB, add func(f *Fpdf), text string, compress bool) []byte {
	t.Helper()
	f := New("P", "mm", "A4", "")
	f.SetCompression(compress)
	when := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	f.SetCreationDate(when)
	f.SetModificationDate(when)
	add(f)
	f.SetFont("noto", "", 14)
	f.AddPage()
	f.Cell(0, 10, text)
	f.Ln(12)
	f.MultiCell(80, 8, text+" "+text, "", "J", false)
	f.Text(20, 80, text)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParsedFontGivesTheSameDocument: a font parsed once and added to a document gives
// the bytes AddUTF8FontFromBytes gives, for BMP text and for text beyond it.
func TestParsedFontGivesTheSameDocument(t *testing.T) {
	data := notoBytes(t)
	font, err := ParseUTF8Font(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"刘䶮 王小明 证明", "刘䶮 𫖯 𬌗 张三"} {
		a := document(t, func(f *Fpdf) { f.AddUTF8FontFromBytes("noto", "", data) }, text, true)
		b := document(t, func(f *Fpdf) { f.AddUTF8FontParsed("noto", "", font) }, text, true)
		if !bytes.Equal(a, b) {
			t.Errorf("%q: parsed once gives %d bytes, parsed per document %d", text, len(b), len(a))
		}
	}
}

// TestAstralCharacters: characters above U+FFFF get their glyph (not .notdef), their
// width, and a ToUnicode entry with the UTF-16 surrogate pair, so that text extraction
// finds them; the BMP identity map is kept outside the surrogate range.
func TestAstralCharacters(t *testing.T) {
	font, err := ParseUTF8Font(notoBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []rune{'䶮', 0x2B5AF, 0x2C317} {
		if !font.HasRune(r) {
			t.Fatalf("U+%04X: no glyph read from the font", r)
		}
		if w := font.RuneWidth(r); w != 1000 {
			t.Errorf("U+%04X: width %d, want the ideograph's 1000", r, w)
		}
	}
	pdf := document(t, func(f *Fpdf) { f.AddUTF8FontParsed("noto", "", font) }, "刘䶮 𫖯 𬌗", false)
	for _, want := range []string{"<D800> <D86DDDAF>", "<D801> <D870DF17>", "<0000> <D7FF> <0000>", "<E000> <FFFF> <E000>"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("ToUnicode lacks %s", want)
		}
	}
	// the two astral CIDs have the ideograph's width in the CID font's W array
	if !regexp.MustCompile(`55296 \[1000 1000\]|55296 55297 1000`).Match(pdf) {
		t.Errorf("no width for the surrogate CIDs in /W:\n%s", wArray(pdf))
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "astral.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"刘䶮", "𫖯", "𬌗"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdftotext does not find %s in %q", want, out)
		}
	}
}

func wArray(pdf []byte) string {
	i := bytes.Index(pdf, []byte("/W ["))
	if i < 0 {
		return "(none)"
	}
	return string(pdf[i:min(len(pdf), i+300)])
}

// TestBMPDocumentUnchanged: a document of BMP text writes upstream's constant ToUnicode
// CMap and no surrogate CID.
func TestBMPDocumentUnchanged(t *testing.T) {
	font, err := ParseUTF8Font(notoBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	pdf := document(t, func(f *Fpdf) { f.AddUTF8FontParsed("noto", "", font) }, "刘䶮 王小明", false)
	if !bytes.Contains(pdf, []byte(toUnicode)) || bytes.Contains(pdf, []byte("beginbfchar")) {
		t.Error("a BMP document's ToUnicode CMap is not upstream's")
	}
}

// TestPooledCompressor: a compressor taken again from the pool writes what a new one
// writes, and the stream decompresses to the input.
func TestPooledCompressor(t *testing.T) {
	in := bytes.Repeat([]byte("BT /F1 12 Tf 10 10 Td (abc) Tj ET\n"), 2000)
	var fresh bytes.Buffer
	w, _ := zlib.NewWriterLevel(&fresh, zlib.BestSpeed)
	w.Write(in)
	w.Close()
	for i := 0; i < 3; i++ {
		got := sliceCompress(in)
		if !bytes.Equal(got, fresh.Bytes()) {
			t.Fatalf("run %d: pooled compressor output differs from a new one", i)
		}
		r, err := zlib.NewReader(bytes.NewReader(got))
		if err != nil {
			t.Fatal(err)
		}
		back, _ := io.ReadAll(r)
		if !bytes.Equal(back, in) {
			t.Fatal("does not decompress to the input")
		}
	}
	// Measured against a new writer per stream, over enough runs that the race
	// detector's habit of dropping a quarter of what is put back in a sync.Pool
	// averages out (about 7 allocations pooled against 29 new under -race, 2 against
	// 26 without): reuse must at least halve them.
	pooled := testing.AllocsPerRun(400, func() { sliceCompress(in) })
	newWriter := testing.AllocsPerRun(400, func() {
		var b bytes.Buffer
		w, _ := zlib.NewWriterLevel(&b, zlib.BestSpeed)
		w.Write(in)
		w.Close()
	})
	if pooled > newWriter/2 {
		t.Errorf("%.1f allocations per stream against %.1f for a new writer: the compressor is not reused", pooled, newWriter)
	}
}

// TestUTF16Metadata: a title above U+FFFF is written as a surrogate pair.
func TestUTF16Metadata(t *testing.T) {
	got := utf8toutf16("𫖯", false)
	if got != "\xD8\x6D\xDD\xAF" {
		t.Errorf("utf8toutf16(𫖯) = % X", got)
	}
}

// BenchmarkParsedFontDocument is a one-page document with the font parsed once.
func BenchmarkParsedFontDocument(b *testing.B) {
	font, err := ParseUTF8Font(notoBytes(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		document(b, func(f *Fpdf) { f.AddUTF8FontParsed("noto", "", font) }, "刘䶮 𫖯 𬌗 王小明", true)
	}
}
