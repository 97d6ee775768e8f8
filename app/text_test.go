package app

import (
	"testing"
)

// TestDocumentWords protects the one wording of a yes/no, a tally, a visit and the
// baseline that the minutes, the bank sheet and an amendment's changes share.
func TestDocumentWords(t *testing.T) {
	if YesNo(true) != "是" || YesNo(false) != "否" {
		t.Errorf("YesNo = %q/%q", YesNo(true), YesNo(false))
	}
	if got := (Votes{}).Text(); got != "未表决" {
		t.Errorf("an unrecorded tally = %q", got)
	}
	if got := (Votes{For: 12, Against: 3, Abstain: 1, Recorded: true}).Text(); got != "12/3/1/0" {
		t.Errorf("a tally = %q", got)
	}
	for _, c := range []struct {
		v    *Verification
		want string
	}{
		{nil, "未走访"},
		{&Verification{}, "未填写|未填写"},
		{&Verification{Conclusion: "情况属实", Recommendation: LowerTo, LowerTo: 50_000}, "情况属实|调低至50,000"},
	} {
		if got := VisitText(c.v, "|"); got != c.want {
			t.Errorf("VisitText(%+v) = %q, want %q", c.v, got, c.want)
		}
	}
	n := NewNominee("张三", "")
	if got := BaselineText(&n); got != "" {
		t.Errorf("a household meeting the baseline = %q, want nothing", got)
	}
	n.Baseline[3], n.Baseline[5], n.Baseline[0], n.Undertaking = NotMet, NotMet, ToVerify, false
	if got, want := BaselineText(&n), "不符合：无高息借贷、无负面征信。待核实：无违法违纪。未签署“三不准”承诺。"; got != want {
		t.Errorf("BaselineText = %q, want %q", got, want)
	}
}

// TestChangesWordValuesAsTheMinutes protects that an amendment lists a corrected
// baseline, visit and rate preference in the minutes' words.
func TestChangesWordValuesAsTheMinutes(t *testing.T) {
	orig := council(9, 9)
	a := voted(5, 4)
	a.Seq = 1
	orig.Nominees = []Nominee{a}
	amended := council(9, 9)
	a2 := a
	a2.Baseline[3], a2.RatePreference = NotMet, true
	a2.Verification = &Verification{Conclusion: "情况属实", Recommendation: LowerTo, LowerTo: 50_000, Notes: "规模偏小"}
	amended.Nominees = []Nominee{a2}
	got := map[string][2]string{}
	for _, c := range Changes(orig, amended, DefaultSettings()) {
		got[c.Field] = [2]string{c.Old, c.New}
	}
	for field, want := range map[string][2]string{
		"field.baseline":     {"均符合", "不符合：无高息借贷。"},
		"field.rate":         {"否", "是"},
		"field.verification": {"未走访", "情况属实，调低至50,000；规模偏小"},
	} {
		if got[field] != want {
			t.Errorf("%s: %q, want %q", field, got[field], want)
		}
	}
}
