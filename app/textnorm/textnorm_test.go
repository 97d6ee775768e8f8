package textnorm

import "testing"

func TestNarrowAndTrim(t *testing.T) {
	for in, want := range map[rune]rune{'３': '3', 'Ｘ': 'X', '，': ',', '．': '.', '\u3000': ' ', '￥': '¥', '万': '万', 'x': 'x'} {
		if got := Narrow(in); got != want {
			t.Errorf("Narrow(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Trim("\ufeff\u3000 33 \u200b"); got != "33" {
		t.Errorf("Trim = %q", got)
	}
}

func TestFold(t *testing.T) {
	upper := func(r rune) rune {
		if r == 'x' {
			return 'X'
		}
		return r
	}
	for _, c := range []struct {
		in   string
		also func(rune) rune
		want string
	}{
		{" ３０万 ", nil, "30万"},
		{"\ufeff33048319650520401x", upper, "33048319650520401X"},
		{"300,000", nil, "300,000"},
	} {
		if got := Fold(c.in, c.also); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
