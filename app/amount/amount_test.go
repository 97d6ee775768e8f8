package amount

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"pingxin/app/i18n"
)

type parseCase struct {
	name string
	in   string
	want Yuan
	kind Kind // "" when accepted
}

var parseCases = []parseCase{
	{"plain", "300000", 300000, ""},
	{"thousands", "300,000", 300000, ""},
	{"full-width comma", "300，000", 300000, ""},
	{"yuan", "300000元", 300000, ""},
	{"thousands yuan", "300,000元", 300000, ""},
	{"wan", "30万", 300000, ""},
	{"wan yuan", "30万元", 300000, ""},
	{"w for wan", "30w", 300000, ""},
	{"W for wan", "30.5W", 305000, ""},
	{"full-width w", "３０ｗ", 300000, ""},
	{"half wan", "30.5万", 305000, ""},
	{"half wan yuan", "30.5万元", 305000, ""},
	{"tenth of a wan", "0.1万", 1000, ""},
	{"full-width half wan", "０.５万", 5000, ""},
	{"full-width point", "３０．５万", 305000, ""},
	{"full-width wan", "３０万", 300000, ""},
	{"four wan decimals", "0.0001万", 1, ""},
	{"wan zeros beyond four", "30.50000万", 305000, ""},
	{"wan with thousands", "1,000万", 10000000, ""},
	{"spaces", "  300000 \t", 300000, ""},
	{"ideographic space", "\u300030万\u3000", 300000, ""},
	{"space before unit", "30 万 元", 300000, ""},
	{"yen", "¥300,000", 300000, ""},
	{"full-width yen", "￥30万", 300000, ""},
	{"renminbi", "人民币30万元", 300000, ""},
	{"renminbi yen", "人民币 ¥300000", 300000, ""},
	{"RMB", "RMB 300,000", 300000, ""},
	{"xlsx zero fraction", "300000.0", 300000, ""},
	{"two zero decimals", "300,000.00元", 300000, ""},
	{"zero", "0", 0, ""},
	{"leading zeros", "0300000", 300000, ""},
	{"largest", "9223372036854775807", math.MaxInt64, ""},
	{"largest grouped", "9,223,372,036,854,775,807", math.MaxInt64, ""},

	{"empty", "", 0, KindEmpty},
	{"blank", " \u3000 ", 0, KindEmpty},
	{"some", "若干", 0, KindInvalid},
	{"unit only", "万元", 0, KindInvalid},
	{"yuan only", "元", 0, KindInvalid},
	{"yen only", "¥", 0, KindInvalid},
	{"garbage after wan", "30万5", 0, KindInvalid},
	{"wan twice", "30万万", 0, KindInvalid},
	{"units reversed", "30元万", 0, KindInvalid},
	{"chinese numerals", "三十万", 0, KindInvalid},
	{"thousand unit", "5千", 0, KindInvalid},
	{"NaN", "NaN", 0, KindInvalid},
	{"Inf", "Inf", 0, KindInvalid},
	{"scientific", "3E+05", 0, KindInvalid},
	{"plus sign", "+300000", 0, KindInvalid},
	{"inner space", "30 0000", 0, KindInvalid},
	{"trailing point", "30.万", 0, KindInvalid},
	{"leading point", ".5万", 0, KindInvalid},
	{"two points", "30.5.5万", 0, KindInvalid},
	{"hex", "0x10", 0, KindInvalid},
	{"trailing comma", "300,000,", 0, KindInvalid},
	{"negative", "-300000", 0, KindNegative},
	{"negative wan", "-30万", 0, KindNegative},
	{"full-width minus", "－30万", 0, KindNegative},
	{"minus sign", "−5000", 0, KindNegative},
	{"negative after yen", "¥-300", 0, KindNegative},
	{"jiao", "1.5", 0, KindFraction},
	{"fen", "300000.01", 0, KindFraction},
	{"part of a yuan in wan", "0.00001万", 0, KindFraction},
	{"three decimals", "300000.000", 0, KindDecimals},
	{"three decimals nonzero", "1.505", 0, KindDecimals},
	{"short group", "30,00", 0, KindComma},
	{"wan grouping", "30,0000", 0, KindComma},
	{"long first group", "3000,000", 0, KindComma},
	{"overflow", "9223372036854775808", 0, KindOverflow},
	{"overflow wan", "922337203685478万", 0, KindOverflow},
	{"huge", strings.Repeat("9", 40), 0, KindOverflow},
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Parse(c.in)
			if c.kind == "" {
				if err != nil || got != c.want {
					t.Fatalf("Parse(%q) = %d, %v; want %d", c.in, got, err, c.want)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind || e.Value != c.in || got != 0 {
				t.Fatalf("Parse(%q) = %d, %#v; want *Error %s", c.in, got, err, c.kind)
			}
		})
	}
}

// Every 0.1万 step up to 100万 is exact, where float64 arithmetic would drift.
func TestParseWanExact(t *testing.T) {
	for tenths := range 1001 {
		in := Yuan(tenths * 1000).Wan()
		got, err := Parse(in)
		if err != nil || got != Yuan(tenths*1000) {
			t.Fatalf("Parse(%q) = %d, %v; want %d", in, got, err, tenths*1000)
		}
	}
}

func TestString(t *testing.T) {
	cases := []struct {
		name string
		in   Yuan
		want string
		wan  string
	}{
		{"zero", 0, "0", "0万"},
		{"one", 1, "1", "0.0001万"},
		{"hundreds", 999, "999", "0.0999万"},
		{"thousand", 1000, "1,000", "0.1万"},
		{"standard cap", 300000, "300,000", "30万"},
		{"half wan", 305000, "305,000", "30.5万"},
		{"raised cap", 500000, "500,000", "50万"},
		{"odd", 1234567, "1,234,567", "123.4567万"},
		{"million", 1000000, "1,000,000", "100万"},
		{"negative", -305000, "-305,000", "-30.5万"},
		{"largest", math.MaxInt64, "9,223,372,036,854,775,807", "922337203685477.5807万"},
		{"smallest", math.MinInt64, "-9,223,372,036,854,775,808", "-922337203685477.5808万"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.in.String(); got != c.want {
				t.Errorf("String() = %q, want %q", got, c.want)
			}
			if got := c.in.Wan(); got != c.wan {
				t.Errorf("Wan() = %q, want %q", got, c.wan)
			}
		})
	}
}

func TestOnUnit(t *testing.T) {
	cases := []struct {
		name string
		y    Yuan
		unit Yuan
		want bool
	}{
		{"on thousand", 305000, 1000, true},
		{"off thousand", 305500, 1000, false},
		{"zero amount", 0, 1000, true},
		{"on ten thousand", 300000, 10000, true},
		{"off ten thousand", 305000, 10000, false},
		{"no rule", 305501, 0, true},
		{"negative unit is no rule", 305501, -1000, true},
		{"unit one", 305501, 1, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.y.OnUnit(c.unit); got != c.want {
				t.Fatalf("%d.OnUnit(%d) = %v, want %v", c.y, c.unit, got, c.want)
			}
		})
	}
}

var allKinds = []Kind{KindEmpty, KindInvalid, KindNegative, KindFraction, KindDecimals, KindComma, KindOverflow}

func TestTranslationsComplete(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, k := range allKinds {
			if !i18n.Has(l, "amount."+string(k)) {
				t.Errorf("%s: no text for amount.%s", l, k)
			}
		}
		for _, key := range i18n.Keys(l) {
			if k, ok := strings.CutPrefix(key, "amount."); ok && !slices.Contains(allKinds, Kind(k)) {
				t.Errorf("%s: key %s has no Kind", l, key)
			}
		}
	}
}

func TestErrorText(t *testing.T) {
	cases := []struct {
		in, zh, en string
	}{
		{"若干", "无法识别的金额：请写成 300000、300,000元 或 30万元 这样的数字", "Not an amount: write it as 300000, 300,000 or 30w (w = 10,000 yuan)"},
		{"1.5", "金额须为整元，不能有角、分", "Amounts are whole yuan, without jiao or fen"},
		{"-5", "金额不能为负数", "An amount cannot be negative"},
		{"30,00", "千位分隔逗号的位置不对：应每三位一个，如 300,000", "Thousands separators in the wrong place: one every three digits, as in 300,000"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := Parse(c.in)
			if err == nil || err.Error() != c.zh || i18n.ErrorText(err, i18n.En) != c.en {
				t.Fatalf("Parse(%q) error %q / %q", c.in, err, i18n.ErrorText(err, i18n.En))
			}
		})
	}
}

// FuzzParse: nothing panics, a refusal is an *Error keeping the input, and an accepted
// amount is non-negative and reads back from both its printed forms.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Value != s || y != 0 || e.Error() == "" {
				t.Fatalf("Parse(%q) = %d, %#v", s, y, err)
			}
			return
		}
		if y < 0 {
			t.Fatalf("Parse(%q) = %d", s, y)
		}
		for _, printed := range []string{y.String(), y.Wan()} {
			if again, err := Parse(printed); err != nil || again != y {
				t.Fatalf("Parse(%q) = %d; Parse(%q) = %d, %v", s, y, printed, again, err)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("300,000元"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseWan(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("３０.５万元"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkString(b *testing.B) {
	for b.Loop() {
		_ = Yuan(1234567).String()
	}
}
