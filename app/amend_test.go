package app

import (
	"reflect"
	"testing"
)

func TestChanges(t *testing.T) {
	s := DefaultSettings()
	orig := council(9, 9)
	a, b := voted(5, 4), voted(3, 6)
	a.Seq, b.Seq, b.Name, b.Reason = 1, 2, "王五", "负债偏高"
	orig.Nominees = []Nominee{a, b}

	amended := council(9, 9)
	amended.Attendance[8].Presence, amended.Attendance[8].At = Late, "20:10" // its own sitting: not a change
	a2, b2 := a, b
	a2.Proposed = 150_000
	b2.Votes = Votes{For: 6, Against: 3, Recorded: true}
	amended.Nominees = []Nominee{a2, b2}

	got := Changes(orig, amended, s)
	want := []Change{
		{Seq: 1, Name: "张三", Field: "field.proposed", Old: "200,000", New: "150,000"},
		{Seq: 1, Name: "张三", Field: "field.result", Old: "通过 200,000", New: "通过 150,000"},
		{Seq: 2, Name: "王五", Field: "field.votes", Old: "3/6/0/0", New: "6/3/0/0"},
		{Seq: 2, Name: "王五", Field: "field.result", Old: "不通过", New: "通过 200,000"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Changes:\n got %+v\nwant %+v", got, want)
	}
	if len(Changes(orig, orig, s)) != 0 {
		t.Fatal("a meeting compared with itself has no changes")
	}
}

// TestOnlyPublicChangesArePosted protects docs/RULES.md §9 and §11.5: a 更正公示 posts
// who changed and their final result, never visit notes, baseline items, reasons, a
// blacklist category or the tally, which the minutes alone carry.
func TestOnlyPublicChangesArePosted(t *testing.T) {
	for field, public := range map[string]bool{"field.result": true, "field.added": true, "field.removed": true,
		"field.name": true, "field.group": true, "field.verification": false, "field.baseline": false,
		"field.reason": false, "field.blocked": false, "field.votes": false, "field.proposed": false} {
		if got := (Change{Field: field}).Public(); got != public {
			t.Errorf("%s public = %v, want %v", field, got, public)
		}
	}
}
