package idcard

import (
	"errors"
	"strings"
	"testing"
)

// testCodeCheck computes the GB 32100 check character independently of the package.
func testCodeCheck(body string) string {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	sum, w := 0, 1
	for _, c := range body {
		sum += strings.IndexRune(alphabet, c) * w
		w = w * 3 % 31
	}
	return string(alphabet[(31-sum%31)%31])
}

func TestParseCreditCode(t *testing.T) {
	coop := "93330483MA2" + "BCD123"
	coop += testCodeCheck(coop)
	cases := []struct {
		name string
		in   string
		want string // canonical code, "" when refused
		kind Kind   // "" when clean
	}{
		// Published codes of large companies, checked by hand against the standard.
		{"Tencent, check X then G", "9144030071526726XG", "9144030071526726XG", ""},
		{"Huawei, digit check", "914403001922038216", "914403001922038216", ""},
		{"ICBC, check T", "91100000100003962T", "91100000100003962T", ""},
		{"generated co-operative", coop, coop, ""},
		{"lowercase", strings.ToLower(coop), coop, ""},
		{"full-width and spaces", " " + fullWidth(strings.ToLower(coop)) + "\u3000", coop, ""},
		{"check fails: warning only", "91440300715267260G", "91440300715267260G", KindCodeChecksum},
		{"empty", "  ", "", KindCodeEmpty},
		{"letter O", "9144030071526726OG", "", KindCodeChar},
		{"letter I", "9144030071526726IG", "", KindCodeChar},
		{"letter Z", "9144030071526726ZG", "", KindCodeChar},
		{"letter S", "9144030071526726SG", "", KindCodeChar},
		{"letter V", "9144030071526726VG", "", KindCodeChar},
		{"dash", "91440300-71526726XG", "", KindCodeChar},
		{"17 characters", "9144030071526726X", "", KindCodeLength},
		{"19 characters", "9144030071526726XG1", "", KindCodeLength},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseCreditCode(c.in)
			if got != c.want {
				t.Fatalf("ParseCreditCode(%q) = %q, want %q", c.in, got, c.want)
			}
			if c.kind == "" {
				if err != nil {
					t.Fatalf("ParseCreditCode(%q) warns %v", c.in, err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != c.kind || e.Value != c.in {
				t.Fatalf("ParseCreditCode(%q) error %#v, want kind %s", c.in, err, c.kind)
			}
			if e.Warning() != (c.kind == KindCodeChecksum) {
				t.Fatalf("Warning() = %v for %s", e.Warning(), c.kind)
			}
		})
	}
}

func BenchmarkParseCreditCode(b *testing.B) {
	for b.Loop() {
		if _, err := ParseCreditCode("9144030071526726XG"); err != nil {
			b.Fatal(err)
		}
	}
}
