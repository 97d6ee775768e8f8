package minutes

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"pingxin/app"
)

// level2Names are GB 18030-2022 level 2 names: CJK Extension A (䶮) and two of the
// 通用规范汉字表's characters beyond the BMP (𫖯 U+2B5AF, 𬌗 U+2C317).
var level2Names = []string{"刘䶮", "王𫖯", "李𬌗"}

// TestLevel2NamesPrinted: such names pass the glyph check and print in the minutes, the
// notice and the bank sheet, where pdftotext (and a spreadsheet) find them; they change
// the fingerprint like any other character.
func TestLevel2NamesPrinted(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	before := Fingerprint(v, m)
	q, voters := m.Quorum(v.Settings), m.Voters()
	k := 0
	for i := range m.Nominees { // passed households: the notice and the bank sheet list only those
		if n := &m.Nominees[i]; k < len(level2Names) && n.Result(q, v.Settings, voters).Outcome == app.Passed {
			n.Name, k = level2Names[k], k+1
		}
	}
	if err := CheckGlyphs(v, m); err != nil {
		t.Fatalf("refused: %v", err)
	}
	if Fingerprint(v, m) == before {
		t.Error("the fingerprint does not change with the names")
	}
	minutesPath, _ := renderMinutes(t, v, m)
	noticePath, _ := renderNotice(t, v, m, Options{})
	for _, doc := range []struct{ name, text string }{{"minutes", pdfText(t, minutesPath)}, {"notice", pdfText(t, noticePath)}} {
		for _, name := range level2Names {
			if !strings.Contains(doc.text, name) {
				t.Errorf("%s: pdftotext does not find %s", doc.name, name)
			}
		}
	}
	var buf bytes.Buffer
	if err := BankSheet(&buf, v, m, Options{Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows(x.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range rows {
		all.WriteString(strings.Join(r, "|"))
	}
	for _, name := range level2Names {
		if !strings.Contains(all.String(), name) {
			t.Errorf("bank sheet lacks %s", name)
		}
	}
}

// TestCharacterTheFontLacksStillRefused: a character beyond the BMP that the font does
// not have (an emoji) is still refused before anything is printed.
func TestCharacterTheFontLacksStillRefused(t *testing.T) {
	v := testVillage()
	m := testMeeting(v)
	m.Nominees[0].Name = "王😀"
	if err := CheckGlyphs(v, m); err == nil || !strings.Contains(err.Error(), "U+1F600") {
		t.Fatalf("CheckGlyphs = %v, want the emoji refused by its code", err)
	}
}
