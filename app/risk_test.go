package app

import (
	"strings"
	"testing"
	"time"

	"pingxin/app/i18n"
)

// riskVillage has one member of each body that matters to a visit.
func riskVillage() *Village {
	return &Village{Members: []Member{
		{Name: "沈书记", Bodies: []Body{BodyPeople}, Role: RoleChair},
		{Name: "钱乡贤", Bodies: []Body{BodySage}},
		{Name: "孙服务", Bodies: []Body{BodyService}},
		{Name: "李律师", Bodies: []Body{BodyLegal}},
		{Name: "周两会", Bodies: []Body{BodyPeople, BodySage}},
	}}
}

// TestVisitorsMustBeOnRoster protects docs/RULES.md §11 (risk checks): a visitor must
// be a member of the 乡贤参事会 or the 百事服务团 on the roster; anyone else — a
// people's-council member only, the legal group, a name not on the roster — is a
// problem of the verification that names the visitor.
func TestVisitorsMustBeOnRoster(t *testing.T) {
	r := HouseholdRules{Settings: DefaultSettings(), Voters: 9, Visitors: riskVillage().Visitors()}
	visit := func(names ...string) Nominee {
		n := voted(5, 0)
		n.Verification = &Verification{VisitDate: time.Now(), Visitors: names, Conclusion: Confirmed, Recommendation: Keep}
		return n
	}
	for _, ok := range [][]string{{"钱乡贤"}, {"孙服务"}, {"钱乡贤", "孙服务", "周两会"}} {
		n := visit(ok...)
		if p := r.Check(&n); len(p) != 0 {
			t.Errorf("visitors %v refused: %v", ok, p)
		}
	}
	for _, bad := range []string{"沈书记", "李律师", "王路人"} {
		n := visit("钱乡贤", bad)
		p := r.Check(&n)
		if len(p) != 1 || p[0].Field != FieldVerification || p[0].Message.Key != "process.visitor_not_member" ||
			!strings.Contains(p[0].Message.In(i18n.Zh), "“"+bad+"”") {
			t.Errorf("visitor %s: got %v, want one verification problem naming the visitor", bad, p)
		}
	}
	// a household typed in is held to the same check (Admit calls Check)
	n := visit("王路人")
	n.IDNumber = "330483198001010012"
	if p := r.Admit(&n); p.For(FieldVerification) == nil {
		t.Errorf("Admit let a visitor off the roster through: %v", p)
	}
	// an empty roster admits no visitor rather than every one
	empty := HouseholdRules{Settings: DefaultSettings(), Voters: 9, Visitors: (&Village{}).Visitors()}
	if p := empty.Check(&n); p.For(FieldVerification) == nil {
		t.Error("a village with no sage council or service group admitted a visitor")
	}
}

// TestOverCapNeedsVisit protects docs/RULES.md §11 (risk checks): a proposal above the
// standard cap that the council passed is 暂缓 until a visit is recorded, with that
// reason; at the cap, or with a visit, it passes.
func TestOverCapNeedsVisit(t *testing.T) {
	s := DefaultSettings()
	q := council(9, 9).Quorum(s)
	over := voted(9, 0)
	over.Requested, over.Proposed, over.ProposedReason = 400_000, 400_000, "双带能力强、信用良好"
	r := over.Result(q, s, 9)
	if r.Outcome != Deferred || r.Amount != 0 || !r.AwaitsVisit() ||
		!strings.Contains(whyIn(r), "超过标准上限 300,000 元，未经乡贤参事会走访核实") {
		t.Fatalf("above the cap without a visit: %s %d %q, want 暂缓 with the reason", r.Outcome, r.Amount, whyIn(r))
	}
	if u := over.Unfinished(q, s, 9); u != nil {
		t.Errorf("the reason is the rule's own, the clerk need type none: %v", u)
	}
	atCap := voted(9, 0)
	atCap.Requested, atCap.Proposed = 300_000, 300_000
	if r := atCap.Result(q, s, 9); r.Outcome != Passed {
		t.Errorf("at the cap: %s, want 通过 without a visit", r.Outcome)
	}
	visited := over
	visited.Verification = &Verification{VisitDate: time.Now(), Visitors: []string{"钱乡贤"}, Conclusion: Confirmed, Recommendation: Keep}
	if r := visited.Result(q, s, 9); r.Outcome != Passed || r.Amount != 400_000 || r.AwaitsVisit() {
		t.Errorf("above the cap with a visit: %s %d, want 通过 400000", r.Outcome, r.Amount)
	}
	failed := over
	failed.Votes = Votes{For: 2, Against: 7, Recorded: true}
	if r := failed.Result(q, s, 9); r.Outcome != NotPassed || r.AwaitsVisit() {
		t.Errorf("a failed vote stays 不通过, got %s", r.Outcome)
	}
	m := &Meeting{Attendance: council(9, 9).Attendance, Nominees: []Nominee{over, visited}}
	if tl := m.Tally(s); tl.Passed != 1 || tl.Deferred != 1 || tl.Total != 400_000 {
		t.Errorf("tally %+v: the unvisited household counts as 暂缓, not in the total", tl)
	}
}

// TestProposalAboveRequestWarns protects docs/RULES.md §11 (risk checks): a proposal
// above what the household asked for is told, never refused.
func TestProposalAboveRequestWarns(t *testing.T) {
	s := DefaultSettings()
	n := voted(5, 0)
	n.Requested, n.Proposed = 100_000, 150_000
	if p := n.Check(s, 9); len(p) != 0 {
		t.Fatalf("a proposal above the request was refused: %v", p)
	}
	w := n.Warnings(s)
	if len(w) != 1 || w[0].Field != FieldProposed || w[0].Message.In(i18n.Zh) != "建议额度 150,000 元高于申请额度 100,000 元" {
		t.Fatalf("warnings %v, want the proposal above the request", w)
	}
	n.Proposed = 100_000
	if w := n.Warnings(s); len(w) != 0 {
		t.Errorf("at the request: %v", w)
	}
	n.Requested, n.Proposed, n.ProposedReason = 400_000, 400_000, "双带能力强"
	if w := n.Warnings(s); len(w) != 1 || w[0].Message.Key != "process.over_cap_unvisited" {
		t.Errorf("above the cap with no visit: %v, want the clerk told it will be 暂缓", w)
	}
}

func whyIn(r Result) string {
	parts := make([]string, len(r.Why))
	for i, m := range r.Why {
		parts[i] = m.In(i18n.Zh)
	}
	return strings.Join(parts, "；")
}
