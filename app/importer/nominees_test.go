package importer

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
)

// listOf builds a table from the header and rows, numbered from 1.
func listOf(rows ...[]string) *Table {
	t := &Table{Name: "名单.csv"}
	for i, r := range rows {
		t.Rows = append(t.Rows, row(i+1, r...))
	}
	return t
}

// TestBadRows: each row has one fault and gives exactly the one error expected, and the
// good row before it is still read.
func TestBadRows(t *testing.T) {
	id := nthID(7)
	tests := []struct {
		name   string
		over   map[string]string
		column string
		value  string
		key    string
	}{
		{"no name", map[string]string{"户主姓名": ""}, "户主姓名", "", "nominee.name_required"},
		{"spaces for a name", map[string]string{"户主姓名": "\u3000 "}, "户主姓名", "", "nominee.name_required"},
		{"wrong check digit", map[string]string{"身份证号码": id[:17] + otherCheck(id)}, "身份证号码", id[:10] + "…", "idcard.checksum"},
		{"no such birth date", map[string]string{"身份证号码": makeID("19650230", 1)}, "身份证号码", "3304831965…", "idcard.birth_date"},
		{"born in the future", map[string]string{"身份证号码": makeID("20260320", 1)}, "身份证号码", "3304832026…", "idcard.future"},
		{"minor on the meeting date", map[string]string{"身份证号码": makeID("20080316", 1)}, "身份证号码", "3304832008…", "household.minor"},
		{"ID in E notation", map[string]string{"身份证号码": "3.30483E+17"}, "身份证号码", "3.30483E+1…", "idcard.numeric"},
		{"ID with lost digits", map[string]string{"身份证号码": "330483196505204000"}, "身份证号码", "3304831965…", "idcard.numeric"},
		{"old 15-digit ID", map[string]string{"身份证号码": "330483650520123"}, "身份证号码", "3304836505…", "idcard.old_style"},
		{"letter in the ID", map[string]string{"身份证号码": "33048319650520123A"}, "身份证号码", "3304831965…", "idcard.char"},
		{"no ID", map[string]string{"身份证号码": ""}, "身份证号码", "", "idcard.empty"},
		{"amount in words", map[string]string{"申请额度": "若干"}, "申请额度", "若干", "amount.invalid"},
		{"no amount", map[string]string{"申请额度": ""}, "申请额度", "", "nominee.requested_required"},
		{"amount off the unit", map[string]string{"申请额度": "300500"}, "申请额度", "300500", "rule.amount_off_unit"},
		{"amount over the cap", map[string]string{"申请额度": "60万"}, "申请额度", "60万", "rule.amount_over_cap"},
		{"fen in an amount", map[string]string{"申请额度": "300000.5"}, "申请额度", "300000.5", "amount.fraction"},
		{"negative proposal", map[string]string{"建议授信额度": "-5000"}, "建议授信额度", "-5000", "amount.negative"},
		{"proposal over the standard cap without reason", map[string]string{"建议授信额度": "40万"}, "建议授信额度", "40万", "nominee.over_standard_cap"},
		{"votes without a proposal", map[string]string{"建议授信额度": ""}, "建议授信额度", "", "votes.no_amount"},
		{"more votes than members present", map[string]string{"赞成": "8", "反对": "2"}, "赞成/反对/弃权/回避", "8/2/0/0", "votes.too_many"},
		{"vote in words", map[string]string{"赞成": "七"}, "赞成", "七", "importer.not_count"},
		{"household size in words", map[string]string{"家庭人口": "四口"}, "家庭人口", "四口", "importer.not_count"},
		{"unknown conclusion", map[string]string{"核实结论": "存疑"}, "核实结论", "存疑", "verification.conclusion"},
		{"verification without visitor", map[string]string{"核实人": ""}, "核实人", "", "verification.visitor_required"},
		{"same person twice", map[string]string{"身份证号码": nthID(1)}, "身份证号码", nthID(1)[:10] + "…", "importer.duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := listOf(listHeader, listRow(1, nil), listRow(2, tt.over))
			l := parseList(t, tb, rules())
			if len(l.Errors) != 1 {
				t.Fatalf("errors %v, want one", l.Errors)
			}
			e := l.Errors[0]
			if e.Row != 3 || e.Column != tt.column || e.Value != tt.value || e.Reason.Key != tt.key {
				t.Fatalf("got row %d %q %q %s, want row 3 %q %q %s", e.Row, e.Column, e.Value, e.Reason.Key, tt.column, tt.value, tt.key)
			}
			if len(l.Nominees) != 1 || l.Bad != 1 || l.Rows[0] != 2 {
				t.Fatalf("nominees %d bad %d rows %v, want the good row 2 kept", len(l.Nominees), l.Bad, l.Rows)
			}
			if strings.Contains(e.Localize(i18n.Zh), nthID(2)) {
				t.Fatalf("full ID printed: %s", e.Localize(i18n.Zh))
			}
		})
	}
}

func otherCheck(id string) string {
	if id[17] == '0' {
		return "1"
	}
	return "0"
}

// TestRowErrorText: the lines the clerk reads, in both languages.
func TestRowErrorText(t *testing.T) {
	tb := listOf(listHeader,
		listRow(1, map[string]string{"身份证号码": makeID("20080316", 1)}),
		listRow(2, map[string]string{"申请额度": "若干"}),
		listRow(3, map[string]string{"身份证号码": "3.30483E+17"}),
		listRow(4, map[string]string{"户主姓名": ""}))
	l := parseList(t, tb, rules())
	want := []string{
		"第 2 行，身份证号码“3304832008…”：会议日期 2026-03-15 时未满 18 周岁（17 岁）",
		"第 3 行，申请额度“若干”：无法识别的金额：请写成 300000、300,000元 或 30万元 这样的数字",
		"第 4 行，身份证号码“3.30483E+1…”：身份证号被表格存成了数字，末几位已丢失；请把该列设为文本后重新录入",
		"第 5 行，户主姓名（未填写）：户主姓名不能为空",
	}
	if len(l.Errors) != len(want) {
		t.Fatalf("errors %v", l.Errors)
	}
	for i, w := range want {
		if got := l.Errors[i].Localize(i18n.Zh); got != w {
			t.Errorf("got  %s\nwant %s", got, w)
		}
	}
	if got := l.Errors[0].Localize(i18n.En); got != "row 2, 身份证号码 \"3304832008…\": Under 18 on the meeting date 2026-03-15 (aged 17)" {
		t.Errorf("English: %s", got)
	}
}

// amountSpellings are the spellings of docs/RULES.md §6, also the fuzz seeds.
var amountSpellings = []struct {
	in   string
	want amount.Yuan
}{
	{"300000", 300000}, {"300,000", 300000}, {"300,000元", 300000}, {"30万", 300000},
	{"30万元", 300000}, {"30.5万", 305000}, {"３０万", 300000}, {"３０．５万", 305000},
	{"300，000", 300000}, {" 30 万 ", 300000}, {"¥300,000", 300000},
}

// TestAmountSpellings: every spelling of docs/RULES.md §6 reads as the same yuan.
func TestAmountSpellings(t *testing.T) {
	tests := amountSpellings
	rows := [][]string{listHeader}
	for i, tt := range tests {
		rows = append(rows, listRow(i+1, map[string]string{"申请额度": tt.in}))
	}
	l := parseList(t, listOf(rows...), rules())
	if len(l.Errors) != 0 {
		t.Fatalf("errors: %v", l.Errors)
	}
	for i, tt := range tests {
		if got := l.Nominees[i].Requested; got != tt.want {
			t.Errorf("%q = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestWanHeader: a header in 万 makes bare numbers count in 万; spelled units still win.
func TestWanHeader(t *testing.T) {
	tb := listOf([]string{"户主姓名", "身份证号码", "申请额度（万元）"},
		[]string{"甲", nthID(1), "30"}, []string{"乙", nthID(2), "30.5"}, []string{"丙", nthID(3), "300,000元"})
	l := parseList(t, tb, rules())
	if len(l.Errors) != 0 || l.Nominees[0].Requested != 300000 || l.Nominees[1].Requested != 305000 || l.Nominees[2].Requested != 300000 {
		t.Fatalf("errors %v nominees %+v", l.Errors, l.Nominees)
	}
}

// TestFullWidthAndAdult: full-width digits and x are read; 18 on the very day is adult.
func TestFullWidthAndAdult(t *testing.T) {
	id := makeID("20080315", 12)
	fw := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '０'
		}
		if r == 'X' {
			return 'ｘ'
		}
		return r
	}, id)
	tb := listOf([]string{"户主姓名", "身份证号码", "申请额度", "联系电话"}, []string{"甲", fw, "３０万", "１３８００００００００"})
	l := parseList(t, tb, rules())
	if len(l.Errors) != 0 || l.Nominees[0].IDNumber != id || l.Nominees[0].Phone != "13800000000" {
		t.Fatalf("errors %v nominees %+v", l.Errors, l.Nominees)
	}
}

// TestResultColumns: a meeting held on paper is entered with its tally and verification;
// a sheet with no 走访日期 leaves the visit's date unknown, not the meeting's (docs/RULES.md §11).
func TestResultColumns(t *testing.T) {
	h := append(append([]string{}, listHeader...), "利率优惠", "核实建议", "无高息借贷", "三不准承诺", "超额理由")
	r := append(listRow(1, map[string]string{"建议授信额度": "45万", "核实结论": "部分属实"}), "是", "调低至30万", "待核实", "否", "双带能力强")
	l := parseList(t, listOf(h, r), rules())
	if len(l.Errors) != 0 {
		t.Fatalf("errors: %v", l.Errors)
	}
	n := l.Nominees[0]
	v := n.Verification
	if n.Proposed != 450000 || !n.RatePreference || n.Votes != (app.Votes{For: 7, Against: 1, Recorded: true}) ||
		n.Baseline[3] != app.ToVerify || n.Baseline[0] != app.Met || n.Undertaking || n.ProposedReason != "双带能力强" {
		t.Fatalf("nominee %+v", n)
	}
	if v == nil || v.Conclusion != app.PartlyTrue || v.Recommendation != app.LowerTo || v.LowerTo != 300000 ||
		v.Notes != "家庭和睦，经营正常" || len(v.Visitors) != 2 || !v.VisitDate.IsZero() {
		t.Fatalf("verification %+v", v)
	}
}

func TestBadMarks(t *testing.T) {
	h := []string{"户主姓名", "身份证号码", "申请额度", "无高息借贷", "利率优惠", "核实结论", "核实建议", "核实人", "走访日期"}
	tb := listOf(h, []string{"甲", nthID(1), "30万", "可能", "也许", "属实", "调低至若干", "乡贤甲", "三月"})
	l := parseList(t, tb, rules())
	var got []string
	for _, e := range l.Errors {
		got = append(got, e.Column+":"+e.Reason.Key)
	}
	want := "无高息借贷:importer.bad_check 利率优惠:importer.bad_yesno 核实建议:amount.invalid 走访日期:importer.bad_date"
	if strings.Join(got, " ") != want {
		t.Fatalf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestBlocked: a blacklisted ID and a forbidden purpose are imported blocked, not refused.
func TestBlocked(t *testing.T) {
	r := rules()
	r.Blacklist = app.NewBlacklist([]app.BlacklistEntry{{IDNumber: nthID(2), Category: app.Defaulter}})
	tb := listOf(listHeader, listRow(1, nil), listRow(2, nil), listRow(3, map[string]string{"贷款用途": "购房首付"}))
	l := parseList(t, tb, r)
	if len(l.Errors) != 0 || len(l.Nominees) != 3 || l.Blocked != 2 {
		t.Fatalf("errors %v nominees %d blocked %d", l.Errors, len(l.Nominees), l.Blocked)
	}
	if b := l.Nominees[1].Blocked; b != "老赖" {
		t.Errorf("blacklisted: %q", b)
	}
	if b := l.Nominees[2].Blocked; b != "贷款用途违反“三不准”（购房）" {
		t.Errorf("forbidden purpose: %q", b)
	}
	if l.Nominees[0].Blocked != "" {
		t.Errorf("clean household blocked: %q", l.Nominees[0].Blocked)
	}
}

// TestAlreadyInMeeting: a household already on the meeting's list is an error.
func TestAlreadyInMeeting(t *testing.T) {
	r := rules()
	r.Existing = map[string]bool{nthID(2): true}
	l := parseList(t, listOf(listHeader, listRow(1, nil), listRow(2, nil)), r)
	if len(l.Errors) != 1 || l.Errors[0].Row != 3 || l.Errors[0].Reason.Key != "household.on_list" {
		t.Fatalf("errors %v", l.Errors)
	}
}

// TestRegionWarning: an ID from another county is kept, with a warning.
func TestRegionWarning(t *testing.T) {
	r := rules()
	r.CountyCode = "330481"
	l := parseList(t, listOf(listHeader, listRow(1, nil)), r)
	if len(l.Errors) != 0 || len(l.Nominees) != 1 || len(l.Warnings) != 1 || l.Warnings[0].Reason.Key != "idcard.region" {
		t.Fatalf("errors %v warnings %v", l.Errors, l.Warnings)
	}
}

// TestFooterAndBlankRows: 合计 and 制表人 lines under the table and blank rows are not households.
func TestFooterAndBlankRows(t *testing.T) {
	tb := listOf(listHeader, listRow(1, nil), make([]string, len(listHeader)),
		[]string{"合计", "", "", "", "", "", "60万"}, []string{"制表人：张三"}, []string{"", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "备注在未知列"})
	l := parseList(t, tb, rules())
	if len(l.Errors) != 0 || len(l.Nominees) != 1 {
		t.Fatalf("errors %v nominees %d", l.Errors, len(l.Nominees))
	}
}

// TestXLSXNumericIDs: an ID column stored as numbers is refused row by row, whatever the
// numbers show — even 18 digits that would pass the checksum.
func TestXLSXNumericIDs(t *testing.T) {
	good := nthID(1)
	var exact int64
	fmt.Sscan(nthID(2)[:18], &exact) // a valid ID typed into a number cell
	if strings.HasSuffix(nthID(2), "X") {
		t.Fatal("fixture ID must be all digits")
	}
	b := xlsxBytes(t, map[string][][]any{"Sheet1": {
		{"越丰村 2026 年提名名单"},
		{"户主姓名", "身份证号码", "申请额度"},
		{"甲", good, 300000},
		{"乙", exact, 300000},
		{"丙", 3.30483196505204e17, "30万"},
	}}, "Sheet1")
	l := parseList(t, readBytes(t, "a.xlsx", b, NomineeSchema), rules())
	if len(l.Nominees) != 1 || l.Nominees[0].IDNumber != good || l.Nominees[0].Requested != 300000 {
		t.Fatalf("nominees %+v", l.Nominees)
	}
	if len(l.Errors) != 2 {
		t.Fatalf("errors %v", l.Errors)
	}
	for i, e := range l.Errors {
		if e.Row != 4+i || e.Column != "身份证号码" || e.Reason.Key != "idcard.numeric" {
			t.Errorf("error %d: %+v", i, e)
		}
		var ie *idcard.Error
		if !errorsAs(e.Cause.(error), &ie) || ie.Kind != idcard.KindNumeric {
			t.Errorf("cause %v", e.Cause)
		}
	}
}

// TestTextMarks: an ID kept as text by an apostrophe or by ="…" is read.
func TestTextMarks(t *testing.T) {
	tb := listOf([]string{"户主姓名", "身份证号码", "申请额度"},
		[]string{"甲", "'" + nthID(1), "30万"}, []string{"乙", `="` + nthID(2) + `"`, "30万"}, []string{"丙", `="1`, "30万"})
	l := parseList(t, tb, rules())
	if len(l.Nominees) != 2 || l.Nominees[0].IDNumber != nthID(1) || l.Nominees[1].IDNumber != nthID(2) || l.Bad != 1 {
		t.Fatalf("nominees %+v errors %v", l.Nominees, l.Errors)
	}
}

// TestParseNomineesInParallel: a long list checked on several goroutines gives exactly
// what checking it on one gives — every error, warning, skipped row and household in
// file order — with the same person twice across the goroutines' shares refused at
// the second row and a duplicate's warnings dropped with it.
func TestParseNomineesInParallel(t *testing.T) {
	rows := bigList(3 * parallelRows)
	col := func(name string) int { return slices.Index(rows[0], name) }
	id, req, prop, group := col("身份证号码"), col("申请额度"), col("建议授信额度"), col("村民小组")
	other := idcard.Complete("110101198001010" + "12") // a valid ID of another county: a warning
	rows[2][id] = other
	rows[5000][id] = rows[3][id]              // the same person again, in another share
	rows[5001][id] = other                    // and the other county's again: an error, its warning kept
	rows[4000][id] = "33048319800101001"      // too short
	rows[4001][req] = "很多"                    // not an amount
	rows[4002][prop] = "9999999"              // above the request and the cap
	rows[3001] = make([]string, len(rows[0])) // blank
	rows[3002] = append([]string{"合计"}, make([]string, len(rows[0])-1)...)
	rows[5999][group] = "三组\u202e" // an invisible override
	rows = append(rows, rows[1])   // the first household once more, at the very end
	tb := &Table{Format: "csv"}
	for i, r := range rows {
		cells := make([]Cell, len(r))
		for j, v := range r {
			cells[j] = Cell{Value: v}
		}
		tb.Rows = append(tb.Rows, Row{Num: i + 1, Cells: cells})
	}
	h, err := NomineeSchema.Header(tb)
	if err != nil {
		t.Fatal(err)
	}
	r := bigRules()
	r.CountyCode = "330483"
	one := parseNominees(h, tb.Rows[1:], r, 1)
	if one.Bad < 5 || len(one.Warnings) < 2 || len(one.Nominees) < 5900 {
		t.Fatalf("the list does not exercise the checks: %d bad, %d warnings, %d households", one.Bad, len(one.Warnings), len(one.Nominees))
	}
	for _, w := range []int{2, 3, 7} {
		if many := parseNominees(h, tb.Rows[1:], r, w); !reflect.DeepEqual(many, one) {
			t.Errorf("%d goroutines: %d bad, %d warnings, %d households; one: %d, %d, %d",
				w, many.Bad, len(many.Warnings), len(many.Nominees), one.Bad, len(one.Warnings), len(one.Nominees))
		}
	}
	var dups []int
	for _, e := range one.Errors {
		if e.Reason.Key == "importer.duplicate" {
			dups = append(dups, e.Row)
		}
	}
	if want := []int{5001, 5002, len(rows)}; !slices.Equal(dups, want) {
		t.Errorf("duplicates refused at rows %v, want %v", dups, want)
	}
}

// TestSeenIDsKeepNoRowText: the IDs a list remembers, to refuse one seen before, are
// copies: a key cut from its row's text would keep that whole row alive until the end of
// the list, for every row.
func TestSeenIDsKeepNoRowText(t *testing.T) {
	var rows []Row
	for n := range 50 {
		var cells []Cell
		line := strings.Join(listRow(n+1, nil), "\x00") // one text, as a CSV record's cells are
		for v := range strings.SplitSeq(line, "\x00") {
			cells = append(cells, Cell{Value: v})
		}
		rows = append(rows, Row{Num: n + 2, Cells: cells})
	}
	var cells []Cell
	for _, v := range listHeader {
		cells = append(cells, Cell{Value: v})
	}
	h, err := NomineeSchema.Header(&Table{Rows: []Row{{Num: 1, Cells: cells}}})
	if err != nil {
		t.Fatal(err)
	}
	c := newListChecker(h, rules())
	if ns := c.check(rows, 1); len(ns) != len(rows) {
		t.Fatalf("%d households of %d rows: %v", len(ns), len(rows), c.l.Errors)
	}
	for id := range c.seen {
		p := uintptr(unsafe.Pointer(unsafe.StringData(id)))
		for _, r := range rows {
			for _, cl := range r.Cells {
				lo := uintptr(unsafe.Pointer(unsafe.StringData(cl.Value)))
				if len(cl.Value) > 0 && p >= lo && p < lo+uintptr(len(cl.Value)) {
					t.Fatalf("the ID %s remembered is cut from row %d's text", id, r.Num)
				}
			}
		}
	}
	if len(c.seen) != len(rows) {
		t.Fatalf("%d IDs remembered, want %d", len(c.seen), len(rows))
	}
}
