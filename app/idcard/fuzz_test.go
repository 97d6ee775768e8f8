package idcard

import (
	"errors"
	"testing"
)

// FuzzParse feeds arbitrary text to every entry point: nothing panics, an accepted ID is
// canonical and re-parses to itself, a refusal is an *Error that keeps the input, and the
// mask never shows more than it may.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.in)
	}
	for _, s := range []string{"9144030071526726XG", "9144030071526726og", "3.3E+17", "330,483,196,505,204,000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMask(t, s)
		id, err := ParseAt(s, today)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Value != s || e.Error() == "" {
				t.Fatalf("ParseAt(%q) error %#v", s, err)
			}
		} else {
			checkAccepted(t, s, id)
		}
		checkCreditCode(t, s)
	})
}

func checkAccepted(t *testing.T, s string, id ID) {
	t.Helper()
	again, err := ParseAt(id.String(), today)
	if err != nil || again != id {
		t.Fatalf("ParseAt(%q) = %q, which re-parses to %q, %v", s, id, again, err)
	}
	if len(id.String()) != 18 || !checksumOK(id.String()) || id.Birth().After(today) {
		t.Fatalf("ParseAt(%q) accepted %q", s, id)
	}
	if m := Mask(id.String()); m != id.String()[:6]+"********"+id.String()[14:] {
		t.Fatalf("Mask(%q) = %q", id, m)
	}
	if numeric(normalize(s)) {
		t.Fatalf("ParseAt(%q) accepted what numeric flags", s)
	}
}
func checkCreditCode(t *testing.T, s string) {
	t.Helper()
	code, err := ParseCreditCode(s)
	var e *Error
	if err != nil && (!errors.As(err, &e) || e.Value != s) {
		t.Fatalf("ParseCreditCode(%q) error %#v", s, err)
	}
	if code == "" {
		if err == nil || e.Warning() {
			t.Fatalf("ParseCreditCode(%q) refused without a reason: %v", s, err)
		}
		return
	}
	if len(code) != 18 || badCodeChar(code) >= 0 {
		t.Fatalf("ParseCreditCode(%q) = %q", s, code)
	}
	again, err2 := ParseCreditCode(code)
	if again != code || (err2 == nil) != (err == nil) {
		t.Fatalf("ParseCreditCode(%q) = %q, %v; again %q, %v", s, code, err, again, err2)
	}
}
