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
