package importer

import (
	"strings"
	"testing"

	"pingxin/app"
	"pingxin/app/i18n"
)

// tallyHeader is a tally sheet as a village office writes it: the sage council's words
// in 核实意见 and who visited in 核实人, but no 核实结论 column.
var tallyHeader = []string{"户主姓名", "身份证号码", "申请额度", "建议授信额度", "赞成", "反对", "弃权", "核实意见", "核实人"}

// longNote is a 113-character note with the punctuation, line break and spacing
// people type, to be kept character for character.
var longNote = strings.Repeat("该户经营稳定，", 6) + "家庭和睦，邻里评价好；\n" +
	strings.Repeat("走访时户主在家  ", 4) + "建议按申请额度授信（参事会一致意见）。" + strings.Repeat("备", 4)

// TestTallySheetAsWritten: free-text 核实意见 is the notes, kept whole; the conclusion
// is read from it only when it is unambiguous, otherwise left open; no row is refused.
func TestTallySheetAsWritten(t *testing.T) {
	if n := len([]rune(longNote)); n != 113 {
		t.Fatalf("the long note has %d characters, want 113", n)
	}
	notes := []struct {
		note string
		want app.Conclusion
		rec  app.Recommendation
	}{
		{"情况属实", app.Confirmed, app.Keep},
		{"经营稳定，建议授信", "", ""},
		{longNote, "", ""},
		{"经走访核实，情况不属实", app.NotConfirmed, ""},
		{"部分属实，收入偏低", app.PartlyTrue, ""},
		{"基本属实", "", ""},
		{"不完全属实", "", ""},
		{"是否属实待查", "", ""},
		{"前半属实，后半不属实", "", ""},
		{"情况属实。经查属实", app.Confirmed, app.Keep},
	}
	rows := [][]string{tallyHeader}
	for i, n := range notes {
		rows = append(rows, []string{"村民" + string(rune('甲'+i)), nthID(i + 1), "20万", "20万", "7", "1", "0", n.note, "钱老、孙老"})
	}
	l := parseList(t, listOf(rows...), rules())
	if len(l.Errors) != 0 || len(l.Nominees) != len(notes) {
		t.Fatalf("errors %v, nominees %d: want every row imported", l.Errors, len(l.Nominees))
	}
	for i, n := range notes {
		v := l.Nominees[i].Verification
		if v == nil || v.Notes != n.note {
			t.Fatalf("row %d: notes %q, want %q kept whole", i+2, v.Notes, n.note)
		}
		if v.Conclusion != n.want || v.Recommendation != n.rec {
			t.Errorf("%q: conclusion %q recommendation %q, want %q %q", n.note, v.Conclusion, v.Recommendation, n.want, n.rec)
		}
		if open := v.Open(); open != (n.rec == "") {
			t.Errorf("%q: open %v", n.note, open)
		}
	}
}

// TestOpenConclusionBlocksSigning: a household imported with its conclusion open is
// listed among what keeps the minutes from being signed, saying what is missing.
func TestOpenConclusionBlocksSigning(t *testing.T) {
	rows := [][]string{tallyHeader, {"王五", nthID(1), "20万", "20万", "7", "1", "0", "经营稳定，建议授信", "钱老"}}
	l := parseList(t, listOf(rows...), rules())
	n := l.Nominees[0]
	n.Seq = 1
	m := &app.Meeting{Nominees: []app.Nominee{n}}
	found := false
	for _, u := range m.Signable(app.DefaultSettings()) {
		for _, msg := range u.Messages {
			found = found || (u.Seq == 1 && msg.Key == "verification.conclusion_open")
		}
	}
	if !found {
		t.Fatalf("the open conclusion is not among what keeps the minutes unsigned: %+v", m.Signable(app.DefaultSettings()))
	}
}

// TestNoErrorNamesAMissingColumn: a sheet without 核实人 or 核实结论 columns never has an
// error naming them; a missing value reads 未填写, not an empty quote.
func TestNoErrorNamesAMissingColumn(t *testing.T) {
	header := []string{"户主姓名", "身份证号码", "申请额度", "建议授信额度", "核实意见", "核实日期"}
	rows := [][]string{header,
		{"王五", nthID(1), "20万", "20万", "情况属实", "2026-03-01"},
		{"赵六", nthID(2), "20万", "20万", "不属实", ""},
	}
	l := parseList(t, listOf(rows...), rules())
	if len(l.Errors) == 0 {
		t.Fatal("a record without a visitor was accepted")
	}
	for _, e := range l.Errors {
		if !contains(header, e.Column) {
			t.Errorf("error names %q, which the file does not have: %s", e.Column, e.Error())
		}
		if s := e.Localize(i18n.Zh); strings.Contains(s, "“”") || strings.Contains(s, "：（") {
			t.Errorf("empty value quoted: %s", s)
		}
	}
	var empty RowError
	for _, e := range l.Errors {
		if e.Value == "" {
			empty = e
		}
	}
	if !strings.Contains(empty.Localize(i18n.Zh), "未填写") {
		t.Errorf("a missing value does not say 未填写: %q", empty.Localize(i18n.Zh))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
