package importer

import (
	"bytes"
	"strings"
	"testing"

	"pingxin/app/idcard"
)

// checkList asserts what no input may break: no valid household fails a check.
func checkList(t *testing.T, l *NomineeList) {
	t.Helper()
	r := rules()
	seen := map[string]bool{}
	for i, n := range l.Nominees {
		id, err := idcard.ParseAt(n.IDNumber, today)
		switch {
		case err != nil || id.String() != n.IDNumber:
			t.Fatalf("nominee %d has ID %q: %v", i, n.IDNumber, err)
		case id.AgeOn(meetingDay) < r.Settings.AdultAge:
			t.Fatalf("nominee %d is a minor", i)
		case seen[n.IDNumber]:
			t.Fatalf("nominee %d twice", i)
		case len(n.Check(r.Settings, r.Voters)) > 0:
			t.Fatalf("nominee %d fails its check: %v", i, n.Check(r.Settings, r.Voters))
		case strings.TrimSpace(n.Name) == "":
			t.Fatalf("nominee %d has no name", i)
		}
		seen[n.IDNumber] = true
	}
	for _, e := range l.Errors {
		if e.Row <= 0 || e.Localize("zh_Hans") == "" {
			t.Fatalf("error without row or text: %+v", e)
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	rows, _ := brokenList()
	f.Add([]byte(csvText(rows, ",", "\r\n")))
	f.Add([]byte(csvText(rows, "\t", "\n")))
	f.Add(encode(f, csvText(rows, ",", "\r\n"), nil))
	f.Add([]byte("名单\r\n\r\n姓名,备注\r\n张三,\"第一行\r\n第二行\"\r\n"))
	f.Add([]byte("户主姓名,身份证号码,申请额度\n\"甲,\"\"\",330483196505201239,30万\n"))
	f.Add([]byte("\xEF\xBB\xBF户主姓名,身份证号码,申请额度\n甲,3.30483E+17,若干\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := ReadTableFrom(bytes.NewReader(b), "f.csv", NomineeSchema)
		if err != nil {
			return
		}
		if l, err := ParseNominees(tb, rules()); err == nil {
			checkList(t, l)
		}
		_, _ = ParseRoster(tb)
		_, _ = ParseBlacklist(tb, today)
	})
}

func FuzzHeader(f *testing.F) {
	for _, c := range headerCases {
		f.Add(c.in)
	}
	for _, c := range NomineeSchema.Columns {
		f.Add(c.Names[0])
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, _ := normalizeHeader(s)
		if k2, _ := normalizeHeader(k); k2 != k {
			t.Fatalf("not idempotent: %q → %q → %q", s, k, k2)
		}
		col, _, ok := NomineeSchema.match(s)
		if ok && col >= len(NomineeSchema.Columns) {
			t.Fatalf("column %d out of range", col)
		}
		tb := listOf([]string{s, "身份证号码", "申请额度"}, []string{"甲", nthID(1), "30万"})
		if l, err := ParseNominees(tb, rules()); err == nil {
			checkList(t, l)
		}
	})
}

func FuzzAmountCell(f *testing.F) {
	for _, c := range amountSpellings {
		f.Add(c.in, false)
	}
	for _, s := range []string{"若干", "", "300500", "60万", "-5000", "300000.5", "30万5", "1e5", "9223372036854775807"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, v string, wan bool) {
		h := "申请额度"
		if wan {
			h = "申请额度（万元）"
		}
		tb := listOf([]string{"户主姓名", "身份证号码", h, "建议授信额度"}, []string{"甲", nthID(1), v, v})
		l := parseList(t, tb, rules())
		checkList(t, l)
		if len(l.Nominees) == 1 {
			y := l.Nominees[0].Requested
			s := rules().Settings
			if y <= 0 || !y.OnUnit(s.RoundingUnit) || y > s.RaisedCap {
				t.Fatalf("%q imported as %d", v, y)
			}
		}
	})
}
