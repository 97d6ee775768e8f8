package importer

import (
	"slices"
	"testing"

	"pingxin/app/i18n"
)

// headerCases are normalizeHeader's cases, also the fuzz seeds.
var headerCases = []struct {
	in, want string
	wan      bool
}{
	{"户主姓名", "户主姓名", false},
	{" 户主姓名 ", "户主姓名", false},
	{"\ufeff姓名", "姓名", false},
	{"姓\u3000名", "姓名", false},
	{"身份证\n号码", "身份证号码", false},
	{"身份证号码（18位）", "身份证号码", false},
	{"身份证号码(18位)", "身份证号码", false},
	{"申请额度（元）", "申请额度", false},
	{"申请额度（万元）", "申请额度", true},
	{"申请额度【万元】", "申请额度", true},
	{"* 户主姓名", "户主姓名", false},
	{"户主姓名：", "户主姓名", false},
	{"ｎｏ", "no", false},
	{"（备注）", "", false},
	{"a)b(c", "ab", false},
}

func TestNormalizeHeader(t *testing.T) {
	tests := headerCases
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, wan := normalizeHeader(tt.in)
			if got != tt.want || wan != tt.wan {
				t.Fatalf("normalizeHeader(%q) = %q, %v; want %q, %v", tt.in, got, wan, tt.want, tt.wan)
			}
		})
	}
}

// TestSynonyms: every synonym docs/RULES.md §6 and the issue name finds its column.
func TestSynonyms(t *testing.T) {
	tests := map[string][]string{
		ColName:      {"户主姓名", "姓名", "户主"},
		ColID:        {"身份证号码", "身份证号", "证件号码"},
		ColGroup:     {"村民小组", "组别"},
		ColPhone:     {"联系电话", "手机号码"},
		ColSize:      {"家庭人口", "人口数"},
		ColPurpose:   {"贷款用途", "用途"},
		ColRequested: {"申请额度", "申请金额", "贷款金额"},
		ColProposed:  {"建议授信额度"},
		ColRate:      {"利率优惠"},
		ColFor:       {"赞成"}, ColAgainst: {"反对"}, ColAbstain: {"弃权"}, ColRecused: {"回避"},
		ColConclusion: {"核实结论"}, ColNotes: {"核实意见"}, ColVisitors: {"核实人"},
		ColBaseline(0): {"无违法违纪"}, ColBaseline(5): {"无负面征信"},
	}
	for key, hs := range tests {
		for _, h := range hs {
			col, _, ok := NomineeSchema.match(h)
			if !ok || col < 0 || NomineeSchema.Columns[col].Key != key {
				t.Errorf("%q: matched %d/%v, want column %s", h, col, ok, key)
			}
		}
	}
	if col, _, ok := NomineeSchema.match("序号"); !ok || col != -1 {
		t.Errorf("序号 should be known and ignored")
	}
}

func row(num int, vs ...string) Row {
	r := Row{Num: num}
	for _, v := range vs {
		r.Cells = append(r.Cells, Cell{Value: v})
	}
	return r
}

func TestHeader(t *testing.T) {
	tests := []struct {
		name    string
		rows    []Row
		num     int      // header row number; 0 when an error is expected
		unknown []string // unknown headers
		err     string   // the error in Chinese
	}{
		{"first row", []Row{row(1, "户主姓名", "身份证号码", "申请额度"), row(2, "张三")}, 1, nil, ""},
		{"under a title and a date", []Row{row(1, "越丰村2026年第一批提名名单"), row(2, "填报日期：2026年3月1日", "申请额度"),
			row(4, "序号", "户主姓名", "身份证号码（18位）", "申请额度（万元）", "备注", "")}, 4, []string{"备注"}, ""},
		{"the most complete row wins", []Row{row(1, "户主姓名", "身份证号码", "申请额度"),
			row(2, "户主姓名", "身份证号码", "申请额度", "贷款用途")}, 2, nil, ""},
		{"second column of one meaning is unknown", []Row{row(1, "姓名", "户主姓名", "身份证号码", "申请额度")}, 1, []string{"户主姓名"}, ""},
		{"missing ID", []Row{row(1, "名单"), row(2, "户主姓名", "证件类型", "申请额度")}, 0, nil,
			"缺少必需的列：身份证号码（表头在第 2 行；可用的列名：身份证号码/身份证号/证件号码/公民身份号码/身份证/户主身份证号码/户主身份证号）"},
		{"no header", []Row{row(1, "a", "b"), row(2, "c")}, 0, nil, "找不到表头：前 10 行中没有包含“户主姓名、身份证号码、申请额度”等列名的一行"},
		{"header below row 10 is not looked for", append(slicesRepeat(row(1, "说明"), 10), row(11, "户主姓名", "身份证号码", "申请额度")), 0, nil,
			"找不到表头：前 10 行中没有包含“户主姓名、身份证号码、申请额度”等列名的一行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := NomineeSchema.Header(&Table{Rows: tt.rows})
			if tt.err != "" {
				if got := i18n.ErrorText(err, i18n.Zh); got != tt.err {
					t.Fatalf("error %q, want %q", got, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if h.Num != tt.num || !slices.Equal(h.Unknown, tt.unknown) {
				t.Fatalf("header row %d unknown %q; want %d %q", h.Num, h.Unknown, tt.num, tt.unknown)
			}
		})
	}
}

func slicesRepeat(r Row, n int) []Row {
	out := make([]Row, n)
	for i := range out {
		out[i] = r
		out[i].Num = i + 1
	}
	return out
}
