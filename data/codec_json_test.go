package data

import (
	"encoding/json"
	"math"
	"testing"
)

// TestListsWrittenAsJSONMarshalWritesThem: the stored lists (visitors, a vote's
// voters) are written without encoding/json when nothing needs escaping; the bytes must
// stay exactly json.Marshal's, so that what is stored, compared and fingerprinted does
// not change with the version that wrote it.
func TestListsWrittenAsJSONMarshalWritesThem(t *testing.T) {
	lists := [][]string{
		{"钱老"}, {"范秀珍", "蒋伯年"}, {"刘䶮", "𫖯"}, {""}, {"a\"b"}, {`a\b`}, {"<b>", "R&D"}, {"x\u2028y"},
		{"tab\there"}, {"\x7f"}, {"bad\xffutf8"}, {"line\nbreak"}, {"\u00e9\u2027\u202a"},
	}
	for _, l := range lists {
		want, _ := json.Marshal(l)
		if got := formatList(l); got != string(want) {
			t.Errorf("formatList(%q) = %s, want %s", l, got, want)
		}
	}
	for _, ids := range [][]int64{{}, {1}, {3, 14, 159}, {-1, 0, math.MaxInt64, math.MinInt64}} {
		want, _ := json.Marshal(ids)
		if got := formatIDs(ids); got != string(want) {
			t.Errorf("formatIDs(%v) = %s, want %s", ids, got, want)
		}
	}
	if formatIDs(nil) != "" || formatList[string](nil) != "[]" {
		t.Error("no set is not \"\", or no visitors not \"[]\"")
	}
}
