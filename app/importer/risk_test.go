package importer

import (
	"strings"
	"testing"

	"pingxin/app/i18n"
)

// TestVisitorOffRoster protects docs/RULES.md §11 (risk checks) for tally sheets: a
// 核实人 who is not a member of the 乡贤参事会 or 百事服务团 on the roster is an error
// of that row and column naming the visitor, one per such visitor, and the file
// (FileErrors) names the file too; nothing of the row is imported.
func TestVisitorOffRoster(t *testing.T) {
	rows := [][]string{tallyHeader,
		{"王五", nthID(1), "20万", "20万", "7", "1", "0", "情况属实", "钱老"},
		{"赵六", nthID(2), "20万", "20万", "7", "1", "0", "情况属实", "钱老、张路人、李过客"},
	}
	l := parseList(t, listOf(rows...), rules())
	if len(l.Nominees) != 1 || l.Bad != 1 || len(l.Errors) != 2 {
		t.Fatalf("nominees %d bad %d errors %v: want row 3 refused with two errors", len(l.Nominees), l.Bad, l.Errors)
	}
	for i, name := range []string{"张路人", "李过客"} {
		e := l.Errors[i]
		if e.Row != 3 || e.Column != "核实人" || e.Value != "钱老、张路人、李过客" ||
			!strings.Contains(e.Localize(i18n.Zh), "走访人“"+name+"”不是乡贤参事会或百事服务团成员") {
			t.Errorf("error %d: %q, want row 3, 核实人, naming %s", i, e.Localize(i18n.Zh), name)
		}
	}
	fe := &FileErrors{File: "台账.xlsx", Errors: l.Errors}
	if line := fe.Lines(i18n.Zh)[0]; !strings.HasPrefix(line, "台账.xlsx: 第 3 行") || !strings.Contains(line, "张路人") {
		t.Errorf("file line %q: want the file, the row and the visitor", line)
	}
}

// TestProposalWarnings protects docs/RULES.md §11 (risk checks) for tally sheets: a
// proposal above the request, and one above the standard cap with no visit, are told
// at the 建议授信额度 cell and imported, never refused.
func TestProposalWarnings(t *testing.T) {
	h := []string{"户主姓名", "身份证号码", "申请额度", "建议授信额度", "超额理由", "赞成", "反对", "弃权"}
	rows := [][]string{h,
		{"王五", nthID(1), "10万", "15万", "", "7", "1", "0"},
		{"赵六", nthID(2), "40万", "40万", "双带能力强，带动本村十余户", "7", "1", "0"},
		{"孙七", nthID(3), "20万", "20万", "", "7", "1", "0"},
	}
	l := parseList(t, listOf(rows...), rules())
	if len(l.Errors) != 0 || len(l.Nominees) != 3 {
		t.Fatalf("errors %v nominees %d: a warning must not refuse a row", l.Errors, len(l.Nominees))
	}
	var got []string
	for _, w := range l.Warnings {
		got = append(got, w.Localize(i18n.Zh))
	}
	want := []string{
		"第 2 行，建议授信额度“15万”：建议额度 150,000 元高于申请额度 100,000 元",
		"第 3 行，建议授信额度“40万”：建议额度 400,000 元超过标准上限 300,000 元，须有乡贤参事会走访核实记录，否则应暂缓",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
