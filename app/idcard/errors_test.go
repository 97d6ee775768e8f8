package idcard

import (
	"slices"
	"strings"
	"testing"

	"pingxin/app/i18n"
)

var allKinds = []Kind{
	KindEmpty, KindChar, KindLength, KindOldStyle, KindNumeric, KindBirthDate, KindFuture, KindTooOld,
	KindChecksum, KindRegion, KindCodeEmpty, KindCodeChar, KindCodeLength, KindCodeChecksum,
}

func TestTranslationsComplete(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, k := range allKinds {
			if !i18n.Has(l, "idcard."+string(k)) {
				t.Errorf("%s: no text for idcard.%s", l, k)
			}
		}
		for _, key := range i18n.Keys(l) {
			if k, ok := strings.CutPrefix(key, "idcard."); ok && !slices.Contains(allKinds, Kind(k)) {
				t.Errorf("%s: key %s has no Kind", l, key)
			}
		}
	}
}

func TestErrorText(t *testing.T) {
	cases := []struct {
		name string
		err  *Error
		zh   string
		en   string
	}{
		{"checksum", &Error{KindChecksum, "110105194912310021"},
			"校验位错误：身份证号中有数字写错了，请与证件核对",
			"Wrong check character: a digit of the ID number is mistyped; check against the ID card"},
		{"birth date", &Error{KindBirthDate, "x"}, "出生日期不存在（身份证号第7–14位），请与证件核对", ""},
		{"numeric", &Error{KindNumeric, "3.30483E+17"},
			"身份证号被表格存成了数字，末几位已丢失；请把该列设为文本后重新录入", ""},
		{"length counts characters", &Error{KindLength, " ３３０４８３ "},
			"身份证号应为18位，这里是6位", "An ID number has 18 characters, this one has 6"},
		{"char names it", &Error{KindChar, "33048319650520A151"},
			"身份证号里有不该有的字符“A”：前17位只能是数字，最后一位是数字或X", ""},
		{"char names misplaced X", &Error{KindChar, "33048319650520x151"},
			"身份证号里有不该有的字符“X”：前17位只能是数字，最后一位是数字或X", ""},
		{"char names a space", &Error{KindChar, "330483 19650520 415"},
			"身份证号里有不该有的字符“空格”：前17位只能是数字，最后一位是数字或X",
			"The ID number contains \"space\": the first 17 characters must be digits, the last a digit or X"},
		{"region", &Error{KindRegion, "110105194912310021"}, "身份证号的地区码110105不属于本县，请核实户籍", ""},
		{"code char", &Error{KindCodeChar, "9144030071526726og"},
			"统一社会信用代码里有不该有的字符“O”：只用数字和大写字母，且不用I、O、Z、S、V", ""},
		{"code length", &Error{KindCodeLength, "914403"}, "统一社会信用代码应为18位，这里是6位", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.err.Error(); got != c.zh {
				t.Errorf("Error() = %q, want %q", got, c.zh)
			}
			if got := i18n.ErrorText(c.err, i18n.Zh); got != c.zh {
				t.Errorf("ErrorText zh = %q", got)
			}
			if c.en != "" {
				if got := c.err.Localize(i18n.En); got != c.en {
					t.Errorf("Localize(en) = %q, want %q", got, c.en)
				}
			}
		})
	}
}

// No message may repeat the full number: errors end up in logs and screenshots.
func TestErrorTextHidesValue(t *testing.T) {
	v := "330483196505204151"
	for _, k := range allKinds {
		for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
			if s := (&Error{k, v}).Localize(l); strings.Contains(s, v) || strings.Contains(s, "<no value>") {
				t.Errorf("%s %s: %q", k, l, s)
			}
		}
	}
}
