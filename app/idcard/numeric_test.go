package idcard

import "testing"

func TestNumeric(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want bool
	}{
		{"scientific 6 digits", "3.30483E+17", true},
		{"scientific 15 digits", "3.30483196505204E+17", true},
		{"scientific lowercase no plus", "3.30483196505204e17", true},
		{"scientific with spaces", " 3.30483E+17 ", true},
		{"scientific full-width", fullWidth("3.30483E+17"), true},
		{"18 digits 000 failing check", "330483196505204000", true},
		{"decimal tail", "330483196505204000.0", true},
		{"decimal tail no digits", "330483196505204000.", true},
		{"thousands separators", "330,483,196,505,204,000", true},
		{"15 significant digits", "330483196505204", true},
		{"valid ID", "11010519491231002X", false},
		{"valid ID ending in 0", "440524188001010014", false},
		{"wrong check not 000", wrongCheck(idMale), false},
		{"old style ID", "330483650520415", false},
		{"17 digits", idMale[:17], false},
		{"16 digits", idMale[:16], false},
		{"15 digits, no date either way", "330483991399123", false},
		{"short decimal", "12345.0", false},
		{"thousands, few digits", "300,000", false},
		{"bad groups", "330,4831,96505,204000", false},
		{"E alone", "E", false},
		{"E without mantissa", "E+17", false},
		{"text", "不详", false},
		{"empty", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := numeric(normalize(c.in)); got != c.want {
				t.Fatalf("numeric(normalize(%q)) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}
