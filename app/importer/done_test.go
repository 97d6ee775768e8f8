package importer

import (
	"slices"
	"testing"
)

// brokenList is a GBK list of 20 households of which six rows are broken, one fault
// each, under a title row: the "done when" file.
func brokenList() (rows [][]string, broken []int) {
	rows = [][]string{{"越丰村2026年第一批信用户提名名单"}, listHeader}
	faults := map[int]map[string]string{
		4:  {"户主姓名": ""},
		7:  {"身份证号码": "3.30483E+17"},
		9:  {"申请额度": "若干"},
		12: {"赞成": "9", "反对": "3"},
		15: {"身份证号码": nthID(3)}, // same person as the third household
		18: {"申请额度": "300500"},
	}
	for i := 1; i <= 20; i++ {
		rows = append(rows, listRow(i, faults[i]))
		if faults[i] != nil {
			broken = append(broken, i+2) // title row 1, header row 2
		}
	}
	return rows, broken
}

func TestGBKListWithSixBrokenRows(t *testing.T) {
	rows, broken := brokenList()
	tb, err := ReadTable(gbkCSV(t, rows), NomineeSchema)
	if err != nil {
		t.Fatal(err)
	}
	l := parseList(t, tb, rules())
	var got []int
	for _, e := range l.Errors {
		got = append(got, e.Row)
	}
	if !slices.Equal(got, broken) || l.Bad != 6 || len(l.Nominees) != 14 {
		t.Fatalf("error rows %v (bad %d, valid %d), want %v", got, l.Bad, len(l.Nominees), broken)
	}
}
