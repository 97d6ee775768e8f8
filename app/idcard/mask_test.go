package idcard

import (
	"testing"
)

func TestMask(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want string
	}{
		{"canonical", "330483196505204151", "330483********4151"},
		{"check X", "11010519491231002X", "110105********002X"},
		{"lowercase x and spaces", " 11010519491231002x ", "110105********002X"},
		{"full-width", fullWidth("11010519491231002x"), "110105********002X"},
		{"19 characters", "3304831965052041511", "330483*********1511"},
		{"17 digits", "33048319650520415", "33048********0415"},
		{"15 digits", "330483650520415", "3304********415"},
		{"10 characters", "1234567890", "1********0"},
		{"9 characters", "123456789", "********9"},
		{"8 characters", "12345678", "********"},
		{"short", "123", "***"},
		{"empty", "", ""},
		{"Chinese", "张三李四王五赵六钱七孙八", "张三********孙八"},
		{"invalid UTF-8", "\xff\xfe1234567890", "\ufffd\ufffd********90"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Mask(c.in); got != c.want {
				t.Fatalf("Mask(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// checkMask asserts the masking promise for any input: as many characters as the
// normalized input, nothing shown between the first 6 and the last 4, and at least 8
// (or, when shorter, all) characters hidden.
func checkMask(t *testing.T, in string) {
	t.Helper()
	got := []rune(Mask(in))
	n := len([]rune(normalize(in)))
	if len(got) != n {
		t.Fatalf("Mask(%q) = %q: %d characters, want %d", in, string(got), len(got), n)
	}
	stars := 0
	for i, r := range got {
		if r == '*' {
			stars++
		} else if i >= 6 && i < n-4 {
			t.Fatalf("Mask(%q) = %q shows character %d", in, string(got), i+1)
		}
	}
	if stars < min(8, n) {
		t.Fatalf("Mask(%q) = %q hides only %d characters", in, string(got), stars)
	}
}
