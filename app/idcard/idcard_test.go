package idcard

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// today is the fixed day the tests parse on.
var today = time.Date(2026, 5, 10, 15, 0, 0, 0, time.UTC)

// testWeights and testCheck compute the GB 11643 check character independently of the
// package, so the generated IDs do not trust the code under test.
var testWeights = []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

func testCheck(body string) string {
	sum := 0
	for i, c := range body {
		sum += int(c-'0') * testWeights[i]
	}
	return string("10X98765432"[sum%11])
}

// makeID builds a valid ID from a region, a birth date YYYYMMDD and a sequence number.
func makeID(region, birth, seq string) string {
	body := region + birth + seq
	return body + testCheck(body)
}

// wrongCheck returns id with a check character that does not match.
func wrongCheck(id string) string {
	c := "0"
	if id[17] == '0' {
		c = "1"
	}
	return id[:17] + c
}

// fullWidth turns ASCII digits and letters into their full-width forms.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r <= '~' {
			return r + 0xFEE0
		}
		return r
	}, s)
}

var (
	idFeb29  = makeID("330483", "20080229", "123")
	idMale   = makeID("330483", "19650520", "415")
	idFemale = makeID("330483", "19650520", "416")
	idToday  = makeID("330483", "20260510", "001")
	idWithX  = findX()
)

// findX returns a generated ID whose check character is X.
func findX() string {
	for seq := 100; seq < 1000; seq++ {
		id := makeID("330483", "19800101", strings.Repeat("0", 3-len(itoa(seq)))+itoa(seq))
		if id[17] == 'X' {
			return id
		}
	}
	panic("no X")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

type parseCase struct {
	name string
	in   string
	want string // canonical ID when accepted
	kind Kind   // refusal kind, "" when accepted
}

var parseCases = []parseCase{
	{"standard example with X", "11010519491231002X", "11010519491231002X", ""},
	{"standard example 1880: checksum right, 146 years old", "440524188001010014", "", KindTooOld},
	{"lowercase x", "11010519491231002x", "11010519491231002X", ""},
	{"surrounding spaces", "  11010519491231002X\t", "11010519491231002X", ""},
	{"ideographic space and BOM", "\ufeff\u300011010519491231002X\u3000", "11010519491231002X", ""},
	{"full-width digits and X", fullWidth("11010519491231002X"), "11010519491231002X", ""},
	{"full-width lowercase x", fullWidth("11010519491231002x"), "11010519491231002X", ""},
	{"generated male", idMale, idMale, ""},
	{"generated female", idFemale, idFemale, ""},
	{"generated check X", idWithX, idWithX, ""},
	{"born 29 Feb 2008", idFeb29, idFeb29, ""},
	{"born today", idToday, idToday, ""},

	{"empty", "", "", KindEmpty},
	{"blank", " \u3000 ", "", KindEmpty},
	{"wrong check", wrongCheck(idMale), "", KindChecksum},
	{"standard example with digit for X", "110105194912310021", "", KindChecksum},
	{"two digits swapped", "11010519491231020X", "", KindChecksum},
	{"17 digits", idMale[:17], "", KindLength},
	{"16 digits", idMale[:16], "", KindLength},
	{"19 digits", idMale + "1", "", KindLength},
	{"short", "3304", "", KindLength},
	{"letter inside", "33048319650520A15" + "1", "", KindChar},
	{"X not last", "33048319650520X151", "", KindChar},
	{"inner space", "330483 19650520 415", "", KindChar},
	{"Chinese text", "不详", "", KindChar},
	{"dash", "330483-19650520-4151", "", KindChar},
	{"30 February", makeID("330483", "19650230", "415"), "", KindBirthDate},
	{"29 Feb common year", makeID("330483", "20010229", "415"), "", KindBirthDate},
	{"29 Feb 1900", makeID("330483", "19000229", "415"), "", KindBirthDate},
	{"month 13", makeID("330483", "19651301", "415"), "", KindBirthDate},
	{"day 00", makeID("330483", "19650500", "415"), "", KindBirthDate},
	{"year 0000", makeID("330483", "00000101", "415"), "", KindBirthDate},
	{"120 today", makeID("330483", "19060510", "415"), makeID("330483", "19060510", "415"), ""},
	{"born in year 0100", makeID("330483", "01000101", "415"), "", KindTooOld},
	{"born 1899", makeID("330483", "18991231", "415"), "", KindTooOld},
	{"121 today", makeID("330483", "19050510", "415"), "", KindTooOld},
	{"born tomorrow", makeID("330483", "20260511", "415"), "", KindFuture},
	{"born 2099", makeID("330483", "20990101", "415"), "", KindFuture},
	{"old style 15 digits", "330483650520415", "", KindOldStyle},
	{"old style full-width", fullWidth("330483650520415"), "", KindOldStyle},
	{"excel scientific short", "3.30483E+17", "", KindNumeric},
	{"excel scientific long", "3.30483196505204E+17", "", KindNumeric},
	{"excel scientific lower", "3.30483196505204e17", "", KindNumeric},
	{"excel trailing zeros", "330483196505204000", "", KindNumeric},
	{"excel decimal", "330483196505204000.0", "", KindNumeric},
	{"excel thousands", "330,483,196,505,204,000", "", KindNumeric},
	{"excel full-width", fullWidth("330483196505204000"), "", KindNumeric},
	{"15 significant digits", "330483196505204", "", KindNumeric},
}

func TestParseAt(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			id, err := ParseAt(c.in, today)
			if c.kind == "" {
				if err != nil {
					t.Fatalf("ParseAt(%q) error %v", c.in, err)
				}
				if id.String() != c.want {
					t.Fatalf("ParseAt(%q) = %q, want %q", c.in, id, c.want)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseAt(%q) = %q, %v; want *Error %s", c.in, id, err, c.kind)
			}
			if e.Kind != c.kind || e.Value != c.in {
				t.Fatalf("ParseAt(%q) error {%s %q}, want {%s %q}", c.in, e.Kind, e.Value, c.kind, c.in)
			}
			if id != (ID{}) {
				t.Fatalf("ParseAt(%q) refused but returned %q", c.in, id)
			}
		})
	}
}

// An 18-digit ID ending in 000 whose checksum holds is a real ID, not a spreadsheet loss.
func TestParseAtTrailingZerosValid(t *testing.T) {
	for seq := 0; seq < 10; seq++ {
		body := "33048319650520" + itoa(seq) + "00"
		if testCheck(body) != "0" {
			continue
		}
		id, err := ParseAt(body+"0", today)
		if err != nil || id.String() != body+"0" {
			t.Fatalf("ParseAt(%q) = %q, %v; want accepted", body+"0", id, err)
		}
		return
	}
	t.Skip("no sequence x00 with check 0 under this prefix")
}

func TestParseUsesNow(t *testing.T) {
	if _, err := Parse("11010519491231002X"); err != nil {
		t.Fatalf("Parse: %v", err)
	}
	next := time.Now().AddDate(0, 0, 2).Format("20060102")
	_, err := Parse(makeID("330483", next, "415"))
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindFuture {
		t.Fatalf("Parse(born %s) = %v, want KindFuture", next, err)
	}
}

func TestParseAtTodayInOtherZone(t *testing.T) {
	// 2026-05-10 23:30 in Beijing is still 2026-05-10 there; born that day is not future.
	cst := time.FixedZone("CST", 8*3600)
	day := time.Date(2026, 5, 10, 23, 30, 0, 0, cst)
	if _, err := ParseAt(idToday, day); err != nil {
		t.Fatalf("born today in Beijing: %v", err)
	}
	if _, err := ParseAt(idToday, day.AddDate(0, 0, -1)); err == nil {
		t.Fatalf("born tomorrow accepted")
	}
}

func TestIDMethods(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		birth  string
		male   bool
		region string
		masked string
	}{
		{"standard example", "11010519491231002X", "1949-12-31", false, "110105", "110105********002X"},
		{"male", idMale, "1965-05-20", true, "330483", "330483********" + idMale[14:]},
		{"female", idFemale, "1965-05-20", false, "330483", "330483********" + idFemale[14:]},
		{"feb 29", idFeb29, "2008-02-29", true, "330483", "330483********" + idFeb29[14:]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, err := ParseAt(c.in, today)
			if err != nil {
				t.Fatal(err)
			}
			if got := id.Birth().Format("2006-01-02"); got != c.birth {
				t.Errorf("Birth = %s, want %s", got, c.birth)
			}
			if id.Male() != c.male {
				t.Errorf("Male = %v, want %v", id.Male(), c.male)
			}
			if id.Region() != c.region {
				t.Errorf("Region = %q, want %q", id.Region(), c.region)
			}
			if Mask(id.String()) != c.masked {
				t.Errorf("Masked = %q, want %q", Mask(id.String()), c.masked)
			}
		})
	}
}

func TestZeroID(t *testing.T) {
	var id ID
	if id.String() != "" || id.Region() != "" || id.Male() || Mask(id.String()) != "" || !id.Birth().IsZero() {
		t.Fatalf("zero ID: %q %q %v %q %v", id, id.Region(), id.Male(), Mask(id.String()), id.Birth())
	}
	if InCounty(id, "330483") {
		t.Fatal("zero ID in county")
	}
}

func TestAgeOn(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			panic(err)
		}
		return d
	}
	adult := makeID("330483", "20080510", "415")
	cases := []struct {
		name string
		id   string
		on   time.Time
		want int
	}{
		{"day before 18th birthday", adult, day("2026-05-09"), 17},
		{"18th birthday", adult, day("2026-05-10"), 18},
		{"day after", adult, day("2026-05-11"), 18},
		{"birthday late evening in Beijing", adult, time.Date(2026, 5, 10, 23, 59, 0, 0, time.FixedZone("CST", 8*3600)), 18},
		{"month before", adult, day("2026-04-30"), 17},
		{"feb 29: 28 Feb common year", idFeb29, day("2026-02-28"), 17},
		{"feb 29: 1 Mar common year", idFeb29, day("2026-03-01"), 18},
		{"feb 29: 28 Feb leap year", idFeb29, day("2028-02-28"), 19},
		{"feb 29: 29 Feb leap year", idFeb29, day("2028-02-29"), 20},
		{"born 31 Dec, on 1 Jan", "11010519491231002X", day("1950-01-01"), 0},
		{"born 31 Dec, on 31 Dec", "11010519491231002X", day("1950-12-31"), 1},
		{"on birth day", "11010519491231002X", day("1949-12-31"), 0},
		{"before birth", "11010519491231002X", day("1949-12-30"), -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, err := ParseAt(c.id, today)
			if err != nil {
				t.Fatal(err)
			}
			if got := id.AgeOn(c.on); got != c.want {
				t.Fatalf("AgeOn(%s) = %d, want %d", c.on.Format(time.DateTime), got, c.want)
			}
		})
	}
}

func TestInCounty(t *testing.T) {
	id, _ := ParseAt(idMale, today)
	cases := []struct {
		name   string
		county string
		want   bool
	}{
		{"same county", "330483", true},
		{"no county set", "", true},
		{"other county", "330481", false},
		{"prefix only", "3304", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := InCounty(id, c.county); got != c.want {
				t.Fatalf("InCounty(%s, %q) = %v, want %v", id, c.county, got, c.want)
			}
		})
	}
}

func BenchmarkParseAt(b *testing.B) {
	for b.Loop() {
		if _, err := ParseAt("11010519491231002X", today); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseAtFullWidth(b *testing.B) {
	s := fullWidth("11010519491231002x")
	for b.Loop() {
		if _, err := ParseAt(s, today); err != nil {
			b.Fatal(err)
		}
	}
}

func TestComplete(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"standard example", "11010519491231002", "11010519491231002X"},
		{"generated", idMale[:17], idMale},
		{"too short", "1101051949123100", "1101051949123100"},
		{"not digits", "1101051949123100X", "1101051949123100X"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Complete(c.in); got != c.want {
				t.Fatalf("Complete(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
