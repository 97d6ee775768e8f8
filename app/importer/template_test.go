package importer

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTemplate: the template reads back as an empty list with every column known, its
// ID column is text, and a list typed into it imports.
func TestTemplate(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTemplate(&b); err != nil {
		t.Fatal(err)
	}
	tb := readBytes(t, "模板.xlsx", b.Bytes(), NomineeSchema)
	h, err := NomineeSchema.Header(tb)
	if err != nil {
		t.Fatal(err)
	}
	if h.Num != 2 || len(h.Unknown) != 0 || len(h.Cols) != len(templateColumns) {
		t.Fatalf("header row %d unknown %v columns %d", h.Num, h.Unknown, len(h.Cols))
	}
	l := parseList(t, tb, rules())
	if len(l.Nominees) != 0 || len(l.Errors) != 0 {
		t.Fatalf("blank template gave %v %v", l.Nominees, l.Errors)
	}

	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, cell := range []string{"B3", "B1002", "D500"} {
		id, _ := f.GetCellStyle(templateSheet, cell)
		st, _ := f.GetStyle(id)
		if st == nil || st.NumFmt != 49 {
			t.Errorf("%s is not formatted as text: %+v", cell, st)
		}
	}
	note, _ := f.GetCellValue(templateSheet, "A1")
	for _, s := range []string{"30.5万", "300,000元", "文本"} {
		if !bytes.Contains([]byte(note), []byte(s)) {
			t.Errorf("note lacks %q: %s", s, note)
		}
	}

	// The clerk types two households into the template.
	f.SetSheetRow(templateSheet, "A3", &[]any{"张三", nthID(1), "3组", "13800000000", 4, "生产", "30万"})
	f.SetSheetRow(templateSheet, "A4", &[]any{"李四", nthID(2), "2组", "", 3, "建房", 200000})
	var filled bytes.Buffer
	if _, err := f.WriteTo(&filled); err != nil {
		t.Fatal(err)
	}
	l = parseList(t, readBytes(t, "名单.xlsx", filled.Bytes(), NomineeSchema), rules())
	if len(l.Errors) != 0 || !slices.Equal(l.Rows, []int{3, 4}) || l.Nominees[1].Requested != 200000 {
		t.Fatalf("errors %v rows %v", l.Errors, l.Rows)
	}
}
