package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"

	"pingxin/app"
	"pingxin/app/idcard"
)

// meetingDay and today are the fixed dates every test checks against.
var (
	meetingDay = time.Date(2026, 3, 15, 0, 0, 0, 0, time.Local)
	today      = time.Date(2026, 3, 14, 10, 0, 0, 0, time.Local)
)

// makeID returns a valid resident ID of 桐乡市 born on birth (YYYYMMDD), numbered seq.
func makeID(birth string, seq int) string {
	return idcard.Complete(fmt.Sprintf("330483%s%03d", birth, seq%1000))
}

// nthID returns the n-th of many distinct valid IDs of adults.
func nthID(n int) string {
	d := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n/1000)
	return makeID(d.Format("20060102"), n)
}

// listHeader is a nomination list header with the optional result columns.
var listHeader = []string{"户主姓名", "身份证号码", "村民小组", "联系电话", "家庭人口", "贷款用途", "申请额度",
	"建议授信额度", "赞成", "反对", "弃权", "回避", "核实结论", "核实意见", "核实人"}

// listRow returns row n of a valid list, with cells replaced by header name from over.
func listRow(n int, over map[string]string) []string {
	base := map[string]string{
		"户主姓名": fmt.Sprintf("村民%d", n), "身份证号码": nthID(n), "村民小组": "3组", "联系电话": "13800000000",
		"家庭人口": "4", "贷款用途": "生产", "申请额度": "30万", "建议授信额度": "200,000",
		"赞成": "7", "反对": "1", "弃权": "0", "回避": "0", "核实结论": "属实", "核实意见": "家庭和睦，经营正常", "核实人": "乡贤甲、乡贤乙",
	}
	out := make([]string, len(listHeader))
	for i, h := range listHeader {
		out[i] = base[h]
		if v, ok := over[h]; ok {
			out[i] = v
		}
	}
	return out
}

// rules are the checks of a meeting on meetingDay with 9 members present.
func rules() NomineeRules {
	return NomineeRules{Settings: app.DefaultSettings(), MeetingDate: meetingDay, Today: today, Voters: 9,
		Visitors: map[string]bool{"乡贤甲": true, "乡贤乙": true, "钱老": true, "孙老": true}}
}

// csvText joins rows with sep and eol, quoting cells that need it.
func csvText(rows [][]string, sep, eol string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString(sep)
			}
			if strings.ContainsAny(c, sep+"\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString(eol)
	}
	return b.String()
}

// encode encodes text with enc (nil: UTF-8).
func encode(t testing.TB, text string, enc encoding.Encoding) []byte {
	t.Helper()
	if enc == nil {
		return []byte(text)
	}
	b, err := enc.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// writeFile writes b to a new file name in a temporary folder and returns its path.
func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// gbkCSV writes rows as a GBK, comma-separated CRLF file, as Excel on Chinese Windows
// saves "CSV (逗号分隔)".
func gbkCSV(t testing.TB, rows [][]string) string {
	return writeFile(t, "名单.csv", encode(t, csvText(rows, ",", "\r\n"), simplifiedchinese.GBK))
}

// xlsxBytes builds a workbook whose first sheet holds rows; a cell value that is not a
// string (int, float64) is stored as a number, as Excel stores a typed number.
func xlsxBytes(t testing.TB, sheets map[string][][]any, order ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, row); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// anyRow turns a row of strings into cells for xlsxBytes.
func anyRow(r []string) []any {
	out := make([]any, len(r))
	for i, c := range r {
		out[i] = c
	}
	return out
}

// readBytes reads b as a file called name with schema s.
func readBytes(t testing.TB, name string, b []byte, s *Schema) *Table {
	t.Helper()
	tb, err := ReadTableFrom(bytes.NewReader(b), name, s)
	if err != nil {
		t.Fatalf("ReadTableFrom(%s): %v", name, err)
	}
	return tb
}

// parseList reads and checks a nomination list, failing the test on a file error.
func parseList(t testing.TB, tb *Table, r NomineeRules) *NomineeList {
	t.Helper()
	l, err := ParseNominees(tb, r)
	if err != nil {
		t.Fatalf("ParseNominees: %v", err)
	}
	return l
}
