package importer

import (
	"strings"
	"testing"

	"pingxin/app/i18n"
)

// TestInvisibleCharactersRefused: a right-to-left override or a control character in a
// name or any other text is refused with the row and column named, and the report
// shows the character's code, never the raw character (issue 17: accepted, and echoed
// raw to the terminal). A line break in a free-text opinion stays allowed.
func TestInvisibleCharactersRefused(t *testing.T) {
	rows := [][]string{listHeader,
		listRow(1, map[string]string{"户主姓名": "张三\u202e321"}),
		listRow(2, map[string]string{"贷款用途": "养殖\x1b[31m"}),
		listRow(3, map[string]string{"核实意见": "第一行\n第二行"}),
		listRow(4, map[string]string{"村民小组": "3组\u2066"}),
	}
	tb := readBytes(t, "名单.csv", []byte(csvText(rows, ",", "\r\n")), NomineeSchema)
	l := parseList(t, tb, rules())
	fe := &FileErrors{File: "名单.csv", Errors: l.Errors}
	got := map[int]string{}
	for _, e := range fe.Errors {
		got[e.Row] += e.Column + "|"
		text := e.Localize(i18n.Zh)
		if strings.ContainsAny(text, "\u202e\x1b\u2066") {
			t.Errorf("row %d: the report carries the raw character: %q", e.Row, text)
		}
	}
	want := map[int]string{2: "户主姓名|", 3: "贷款用途|", 5: "村民小组|"}
	for row, cols := range want {
		if got[row] != cols {
			t.Errorf("row %d: errors in %q, want %q (all: %v)", row, got[row], cols, fe.Lines(i18n.Zh))
		}
	}
	if got[4] != "" {
		t.Errorf("a line break in 核实意见 was refused: %v", fe.Lines(i18n.Zh))
	}
	t.Log(strings.Join(fe.Lines(i18n.Zh), "\n"))
}
