package importer

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"pingxin/app"
	"pingxin/app/i18n"
)

// cells returns the values of every row of t, for comparison.
func cells(t *Table) [][]string {
	var out [][]string
	for _, r := range t.Rows {
		var vs []string
		for _, c := range r.Cells {
			vs = append(vs, c.Value)
		}
		out = append(out, vs)
	}
	return out
}

func nums(t *Table) []int {
	var out []int
	for _, r := range t.Rows {
		out = append(out, r.Num)
	}
	return out
}

func TestReadCSVEncodings(t *testing.T) {
	text := "户主姓名,身份证号码,备注\r\n张㐀,330483196505201239,“三不准”\r\n"
	want := [][]string{{"户主姓名", "身份证号码", "备注"}, {"张㐀", "330483196505201239", "“三不准”"}}
	gbkText := strings.ReplaceAll(text, "㐀", "三") // GBK has no CJK Extension A
	wantGBK := [][]string{want[0], {"张三", "330483196505201239", "“三不准”"}}
	utf16 := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	tests := []struct {
		name string
		b    []byte
		want [][]string
	}{
		{"utf-8", []byte(text), want},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), text...), want},
		{"gb18030", encode(t, text, simplifiedchinese.GB18030), want},
		{"gbk", encode(t, gbkText, simplifiedchinese.GBK), wantGBK},
		{"utf-16 with BOM (Excel unicode text)", encode(t, strings.ReplaceAll(text, ",", "\t"), utf16), want},
		{"LF endings", []byte(strings.ReplaceAll(text, "\r\n", "\n")), want},
		{"no final line break", []byte(strings.TrimSuffix(text, "\r\n")), want},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cells(readBytes(t, "a.csv", tt.b, nil))
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestUTF8NotTakenForGBK: bytes that are valid UTF-8 and also decode as GBK are UTF-8.
func TestUTF8NotTakenForGBK(t *testing.T) {
	b := []byte("姓名,身份证号码\n浣犲ソ,1\n")
	if _, err := simplifiedchinese.GBK.NewDecoder().Bytes(b); err != nil {
		t.Fatalf("fixture is not valid GBK too: %v", err)
	}
	got := cells(readBytes(t, "a.csv", b, nil))
	if got[1][0] != "浣犲ソ" {
		t.Fatalf("got %q, want the UTF-8 reading", got[1][0])
	}
}

func TestSeparator(t *testing.T) {
	tests := []struct {
		name, text string
		want       rune
	}{
		{"comma", "姓名,身份证号码,申请额度\n张三,1,2\n", ','},
		{"tab", "姓名\t身份证号码\t申请额度\n张三\t1\t2\n", '\t'},
		{"tab with grouped amounts", "姓名\t申请额度\n张三\t300,000\n李四\t1,200,000\n", '\t'},
		{"comma with quoted tabs", "姓名,备注\n张三,\"a\tb\tc\"\n", ','},
		{"one column", "姓名\n张三\n", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := separator(tt.text); got != tt.want {
				t.Fatalf("separator = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCSVRowNumbers: rows are numbered as Excel shows them — blank lines count, a quoted
// cell over two lines is one row.
func TestCSVRowNumbers(t *testing.T) {
	text := "名单\r\n\r\n姓名,备注\r\n张三,\"第一行\r\n第二行\"\r\n李四,x\r\n\r\n王五,y\r\n"
	tb := readBytes(t, "a.csv", []byte(text), nil)
	if got, want := nums(tb), []int{1, 3, 4, 5, 7}; !slices.Equal(got, want) {
		t.Fatalf("row numbers %v, want %v", got, want)
	}
	if got := tb.Rows[2].Cells[1].Value; got != "第一行\n第二行" {
		t.Fatalf("multi-line cell %q", got)
	}
}

func TestUnreadableFiles(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	tests := []struct {
		name string
		b    []byte
		key  string
	}{
		{"empty", nil, "importer.empty"},
		{"only a BOM and blanks", []byte("\xEF\xBB\xBF \r\n"), "importer.empty"},
		{"picture", png, "importer.binary"},
		{"control characters", bytes.Repeat([]byte{1, 2, 3, 'a'}, 50), "importer.binary"},
		{"not any Chinese encoding", []byte("姓名\n\x81\x20\x81\x20\xff\xff\n"), "importer.encoding"},
		{"legacy xls", append(slices.Clone(oleMagic), make([]byte, 512)...), "importer.xls"},
		{"broken xlsx", []byte("PK\x03\x04 this is no zip"), "importer.xlsx_bad"},
		{"unbalanced quote", []byte("姓名,备注\n张三,\"abc\n"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTableFrom(bytes.NewReader(tt.b), "x", NomineeSchema)
			if tt.key == "" {
				return // lazy quotes read it; it must only not panic
			}
			var e *app.Error
			if !errorsAs(err, &e) || e.Message.Key != tt.key || e.Code != app.EINVALID {
				t.Fatalf("err = %v, want %s", err, tt.key)
			}
		})
	}
}

func TestXLSXMessage(t *testing.T) {
	_, err := ReadTableFrom(bytes.NewReader(oleMagic), "旧.xls", nil)
	want := "旧.xls: 这是旧版 Excel（.xls）文件或加了密码的文件，无法读取：请在 Excel 或 WPS 中打开，选择“另存为”，保存类型选 .xlsx，再导入"
	if got := i18n.ErrorText(err, i18n.Zh); got != want {
		t.Fatalf("got %q", got)
	}
	if got := i18n.ErrorText(err, i18n.En); !strings.Contains(got, "Save as") {
		t.Fatalf("English: %q", got)
	}
}

// TestXLSXCells: values are raw, row numbers are the sheet's, number cells are marked.
func TestXLSXCells(t *testing.T) {
	id := nthID(1)
	b := xlsxBytes(t, map[string][][]any{"名单": {
		{"越丰村提名名单"},
		{},
		{"户主姓名", "身份证号码", "申请额度"},
		{"张三", id, 300000},
		{"李四", 330483196505204123, 30.5},
		{"王五", 3.30483196505204e17, "30万"},
	}}, "名单")
	tb := readBytes(t, "a.xlsx", b, NomineeSchema)
	if got, want := nums(tb), []int{1, 3, 4, 5, 6}; !slices.Equal(got, want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	want := [][]Cell{
		{{"张三", false}, {id, false}, {"300000", true}},
		{{"李四", false}, {"330483196505204123", true}, {"30.5", true}},
		{{"王五", false}, {"330483196505204000", true}, {"30万", false}},
	}
	for i, w := range want {
		if got := tb.Rows[i+2].Cells; !slices.Equal(got, w) {
			t.Errorf("row %d: %v, want %v", tb.Rows[i+2].Num, got, w)
		}
	}
}

// TestXLSXSheetWithHeader: the first sheet that has the header is read.
func TestXLSXSheetWithHeader(t *testing.T) {
	b := xlsxBytes(t, map[string][][]any{
		"说明": {{"填表说明"}, {"每户一行"}},
		"名单": {{"户主姓名", "身份证号码", "申请额度"}, {"张三", nthID(1), "30万"}},
	}, "说明", "名单")
	tb := readBytes(t, "a.xlsx", b, NomineeSchema)
	if tb.Sheet != "名单" || len(tb.Rows) != 2 {
		t.Fatalf("read sheet %q with %d rows", tb.Sheet, len(tb.Rows))
	}
	tb = readBytes(t, "a.xlsx", b, RosterSchema)
	if tb.Sheet != "说明" {
		t.Fatalf("with no roster column anywhere the first sheet is read, got %q", tb.Sheet)
	}
	tb = readBytes(t, "a.xlsx", b, BlacklistSchema)
	if tb.Sheet != "名单" {
		t.Fatalf("the sheet naming 姓名 and 身份证号码 is the closest, got %q", tb.Sheet)
	}
	c := xlsxBytes(t, map[string][][]any{"甲": {{"x"}}, "乙": {{"y"}}}, "甲", "乙")
	if tb = readBytes(t, "c.xlsx", c, NomineeSchema); tb.Sheet != "甲" {
		t.Fatalf("with no header anywhere the first sheet is read, got %q", tb.Sheet)
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		id   bool
		want string
	}{
		{"330483196505201234", true, "3304831965…"},
		{"3.30483E+17", true, "3.30483E+1…"},
		{"12345", true, "12345"},
		{"若干", false, "若干"},
		{"一二三四五六七八九十一二三四五六七八九十一", false, "一二三四五六七八九十一二三四五六七八九十…"},
		{"a\nb", false, "a b"},
	}
	for _, tt := range tests {
		if got := shorten(tt.in, tt.id); got != tt.want {
			t.Errorf("shorten(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var _ encoding.Encoding = simplifiedchinese.GBK

func TestColumnIndex(t *testing.T) {
	for ref, want := range map[string]int{"A1": 0, "B12": 1, "Z3": 25, "AA1": 26, "ab7": 27, "XFD1": 16383, "1": -1, "": -1, "ABCD1": -1} {
		if got := columnIndex([]byte(ref)); got != want {
			t.Errorf("columnIndex(%q) = %d, want %d", ref, got, want)
		}
	}
}

// TestSheetScanner: prefixes, quotes, comments, cells without r, inline strings, shared
// strings, entities, _xHHHH_ escapes and line ends are read as an XML parser reads them,
// and every cell keeps whether it was stored as a number.
func TestSheetScanner(t *testing.T) {
	sheet := `<?xml version="1.0"?><x:worksheet xmlns:x="s"><!-- <c r="Z9"/> --><x:sheetData>` +
		`<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r='B2' s="1"><x:v>3.3E+17</x:v></x:c></x:row>` +
		`<x:row><x:c t="n"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>a&lt;c r="Q3"&gt;</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>` +
		`<x:row r="7" spans="1:3"/><x:row r="9"><x:c r="C9" t="s"/><x:c r="D9" t="str"><x:f>A1</x:f><x:v>x&amp;y&#x4E2D;_x000D_z` + "\r\n" + `w</x:v></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
	sc := &sheetScanner{x: []byte(sheet), shared: []string{"户主姓名"}}
	type row struct {
		num  int
		vals string
		num_ string
	}
	var got []row
	for {
		ok, err := sc.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		nums := ""
		for _, n := range sc.row.numeric {
			nums += map[bool]string{true: "n", false: "-"}[n]
		}
		got = append(got, row{sc.row.num, strings.Join(sc.row.vals, "|"), nums})
	}
	want := []row{{2, "户主姓名|3.3E+17", "-n"}, {3, `1|a<c r="Q3">|2`, "n-n"}, {7, "", ""}, {9, "|||x&y中\rz\nw", "----"}}
	if !slices.Equal(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

// TestSharedStrings: runs are joined, phonetic runs left out, empty items kept.
func TestSharedStrings(t *testing.T) {
	sst := `<sst><si><t>王</t></si><si><r><rPr/><t xml:space="preserve">情况 </t></r><r><t>属实</t></r><rPh sb="0" eb="1"><t>おう</t></rPh></si><si/><si><t/></si></sst>`
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create("xl/sharedStrings.xml")
	w.Write([]byte(sst))
	z.Close()
	wb, err := openWorkbook(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got, err := wb.sharedStrings(newLimits())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"王", "情况 属实", "", ""}; !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}
