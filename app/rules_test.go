package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"pingxin/app/amount"
)

// council builds a meeting whose people's council has n members, present of them there.
func council(n, present int) *Meeting {
	m := &Meeting{}
	for i := 0; i < n; i++ {
		p := Absent
		if i < present {
			p = Present
			if i == 0 {
				p = Late // late members count as present
			}
		}
		m.Attendance = append(m.Attendance, Attendance{Name: string(rune('A' + i)), Bodies: []Body{BodyPeople}, Presence: p, At: "19:40"})
	}
	// observers and sages never count for quorum
	m.Attendance = append(m.Attendance,
		Attendance{Name: "驻村干部", Bodies: []Body{BodyObserver}, Presence: Present},
		Attendance{Name: "乡贤", Bodies: []Body{BodySage}, Presence: Absent})
	return m
}

func TestQuorum(t *testing.T) {
	tests := []struct {
		name             string
		members, present int
		num, den         int
		wantMet          bool
		wantRequired     int
	}{
		{"6 of 9 is a quorum", 9, 6, 2, 3, true, 6},
		{"5 of 9 is not", 9, 5, 2, 3, false, 6},
		{"7 of 10 is (ceil 6.67)", 10, 7, 2, 3, true, 7},
		{"6 of 10 is not", 10, 6, 2, 3, false, 7},
		{"half rule 5 of 10", 10, 5, 1, 2, true, 5},
		{"nobody on the roll", 0, 0, 2, 3, false, 0},
		{"everyone", 9, 9, 2, 3, true, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultSettings()
			s.QuorumNum, s.QuorumDen = tt.num, tt.den
			q := council(tt.members, tt.present).Quorum(s)
			if q.Met != tt.wantMet || q.Required != tt.wantRequired || q.Present != tt.present || q.Expected != tt.members {
				t.Fatalf("got %+v, want met=%v required=%d present=%d expected=%d", q, tt.wantMet, tt.wantRequired, tt.present, tt.members)
			}
		})
	}
}

func TestVotesPasses(t *testing.T) {
	tests := []struct {
		name   string
		v      Votes
		voters int
		rule   Majority
		want   bool
	}{
		{"5 of 9 passes", Votes{For: 5, Against: 4}, 9, MajorityHalf, true},
		{"4 of 9 fails", Votes{For: 4, Against: 3, Abstain: 2}, 9, MajorityHalf, false},
		{"4 of 8 is not more than half", Votes{For: 4, Against: 4}, 8, MajorityHalf, false},
		{"recused leave the base: 4 of 9-2", Votes{For: 4, Against: 3, Recused: 2}, 9, MajorityHalf, true},
		{"silent members count against: 4 of 9 with 5 unaccounted", Votes{For: 4}, 9, MajorityHalf, false},
		{"two thirds: 6 of 9 passes", Votes{For: 6, Against: 3}, 9, MajorityTwoThirds, true},
		{"two thirds: 5 of 9 fails", Votes{For: 5, Against: 4}, 9, MajorityTwoThirds, false},
		{"everyone recused", Votes{Recused: 3}, 3, MajorityHalf, false},
		{"nobody for", Votes{}, 9, MajorityHalf, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.v.Passes(tt.voters, tt.rule); got != tt.want {
				t.Fatalf("Passes = %v, want %v", got, tt.want)
			}
		})
	}
}

func voted(for_, against int) Nominee {
	n := NewNominee("张三", "")
	n.Requested, n.Proposed = 200_000, 200_000
	n.Votes = Votes{For: for_, Against: against, Recorded: true}
	return n
}

func TestResult(t *testing.T) {
	s := DefaultSettings()
	quorum := council(9, 9).Quorum(s)
	noQuorum := council(9, 5).Quorum(s)
	tests := []struct {
		name       string
		n          func() Nominee
		q          Quorum
		want       Decision
		wantAmount amount.Yuan
	}{
		{"passed vote, clean baseline", func() Nominee { return voted(5, 4) }, quorum, Passed, 200_000},
		{"failed vote", func() Nominee { return voted(4, 5) }, quorum, NotPassed, 0},
		{"tally larger than the members now present", func() Nominee { return voted(6, 4) }, quorum, Pending, 0},
		{"not voted", func() Nominee { n := voted(0, 0); n.Votes.Recorded = false; return n }, quorum, Pending, 0},
		{"blocked beats votes", func() Nominee { n := voted(9, 0); n.Blocked = "老赖"; return n }, quorum, Blocked, 0},
		{"no quorum defers", func() Nominee { return voted(5, 0) }, noQuorum, Deferred, 0},
		{"to-verify item defers", func() Nominee { n := voted(9, 0); n.Baseline[3] = ToVerify; return n }, quorum, Deferred, 0},
		{"not-met item fails", func() Nominee { n := voted(9, 0); n.Baseline[5] = NotMet; return n }, quorum, NotPassed, 0},
		{"undertaking unsigned fails", func() Nominee { n := voted(9, 0); n.Undertaking = false; return n }, quorum, NotPassed, 0},
		{"verification refuses", func() Nominee {
			n := voted(9, 0)
			n.Verification = &Verification{Recommendation: Refuse}
			return n
		}, quorum, NotPassed, 0},
		{"verification lowers the amount", func() Nominee {
			n := voted(9, 0)
			n.Verification = &Verification{Recommendation: LowerTo, LowerTo: 150_000}
			return n
		}, quorum, Passed, 150_000},
		{"verification keeps", func() Nominee {
			n := voted(9, 0)
			n.Verification = &Verification{Recommendation: Keep, Conclusion: Confirmed}
			return n
		}, quorum, Passed, 200_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.n()
			r := n.Result(tt.q, s, 9)
			if r.Outcome != tt.want || r.Amount != tt.wantAmount {
				t.Fatalf("got %s %d, want %s %d (why %v)", r.Outcome, r.Amount, tt.want, tt.wantAmount, r.Why)
			}
			if (r.Outcome != Passed) != (len(r.Why) > 0) {
				t.Fatalf("why = %v for %s", r.Why, r.Outcome)
			}
		})
	}
}

func TestUnfinishedNeedsReason(t *testing.T) {
	s := DefaultSettings()
	q := council(9, 9).Quorum(s)
	n := voted(3, 6)
	if n.Unfinished(q, s, 9) == nil {
		t.Fatal("a failed vote without a reason must keep the minutes unsigned")
	}
	n.Reason = "家庭负债较高"
	if why := n.Unfinished(q, s, 9); why != nil {
		t.Fatalf("with a reason it is finished, got %v", why)
	}
	p := voted(5, 4)
	if p.Unfinished(q, s, 9) != nil {
		t.Fatal("a passed household needs no reason")
	}
}

func TestNomineeCheck(t *testing.T) {
	s := DefaultSettings()
	tests := []struct {
		name      string
		edit      func(n *Nominee)
		wantField string // "" = no problem
	}{
		{"clean", func(n *Nominee) {}, ""},
		{"empty name", func(n *Nominee) { n.Name = " " }, FieldName},
		{"no request", func(n *Nominee) { n.Requested = 0 }, FieldRequested},
		{"request off unit", func(n *Nominee) { n.Requested = 200_500 }, FieldRequested},
		{"request over raised cap", func(n *Nominee) { n.Requested = 501_000 }, FieldRequested},
		{"request at raised cap", func(n *Nominee) { n.Requested = 500_000 }, ""},
		{"proposed at standard cap needs no reason", func(n *Nominee) { n.Proposed = 300_000 }, ""},
		{"proposed one unit over standard cap needs a reason", func(n *Nominee) { n.Proposed = 301_000 }, FieldProposedWhy},
		{"over standard cap with reason", func(n *Nominee) { n.Proposed, n.ProposedReason = 400_000, "双带能力强" }, ""},
		{"votes add up to present", func(n *Nominee) { n.Votes = Votes{For: 5, Against: 2, Abstain: 1, Recused: 1, Recorded: true} }, ""},
		{"votes one more than present", func(n *Nominee) { n.Votes = Votes{For: 5, Against: 3, Abstain: 1, Recused: 1, Recorded: true} }, FieldVotes},
		{"negative votes", func(n *Nominee) { n.Votes = Votes{For: -1} }, FieldVotes},
		{"vote without amount", func(n *Nominee) { n.Proposed = 0; n.Votes = Votes{For: 5, Recorded: true} }, FieldProposed},
		{"verification without visitor", func(n *Nominee) {
			n.Verification = &Verification{VisitDate: time.Now(), Conclusion: Confirmed, Recommendation: Keep}
		}, FieldVerification},
		{"lower to above proposed", func(n *Nominee) {
			n.Verification = &Verification{VisitDate: time.Now(), Visitors: []string{"钱老"}, Conclusion: PartlyTrue, Recommendation: LowerTo, LowerTo: 250_000}
		}, FieldVerification},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := NewNominee("李四", "")
			n.Requested, n.Proposed = 200_000, 200_000
			tt.edit(&n)
			p := n.Check(s, 9)
			if tt.wantField == "" {
				if len(p) != 0 {
					t.Fatalf("unexpected problems: %v", p)
				}
				return
			}
			if p.For(tt.wantField) == nil {
				t.Fatalf("want a problem on %s, got %v", tt.wantField, p)
			}
		})
	}
}

func TestNeedsCapReason(t *testing.T) {
	s := DefaultSettings()
	if s.NeedsCapReason(300_000) || !s.NeedsCapReason(301_000) {
		t.Fatal("a reason is needed above the standard cap of 300,000, not at it")
	}
}

// TestForbiddenPurpose protects the default list: every purpose docs/RULES.md §3 names
// is blocked, the common legitimate ones are not.
func TestForbiddenPurpose(t *testing.T) {
	s := DefaultSettings()
	for purpose, want := range map[string]bool{
		"扩大养殖规模": false, "建房": false, "子女就学": false, "娶亲": false,
		"购房首付": true, "买房": true, "炒股": true, "转借他人": true, "投资证券": true,
		"股票": true, "期货交易": true, "买基金": true, "理财产品": true, "虚拟货币": true,
		"出借给亲戚": true, "赌博": true, "买彩票": true,
	} {
		if got := s.ForbiddenPurpose(purpose) != ""; got != want {
			t.Errorf("%s: forbidden = %v, want %v", purpose, got, want)
		}
	}
}

// TestForbiddenListKeepsCore: a village may add words to its list but not drop a core one.
func TestForbiddenListKeepsCore(t *testing.T) {
	s := DefaultSettings()
	s.ForbiddenPurposes = append(s.ForbiddenPurposes, "高利贷")
	if err := s.Validate(); err != nil {
		t.Fatalf("an added word: %v", err)
	}
	if s.ForbiddenPurpose("放高利贷") == "" {
		t.Error("an added word must block")
	}
	s.ForbiddenPurposes = slices.DeleteFunc(slices.Clone(s.ForbiddenPurposes), func(w string) bool { return w == "彩票" })
	if err := s.Validate(); ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "彩票") {
		t.Fatalf("dropping 彩票: %v", err)
	}
}

func TestNewMeetingRoll(t *testing.T) {
	v := &Village{Name: "越丰村", Members: []Member{
		{ID: 1, Name: "沈书记", Bodies: []Body{BodyPeople}, Role: RoleChair},
		{ID: 2, Name: "王记录", Bodies: []Body{BodyPeople}, Role: RoleClerk},
		{ID: 3, Name: "陈三", Bodies: []Body{BodyPeople}, Role: RoleMember},
	}}
	m, err := NewMeeting(v, time.Date(2026, 3, 1, 0, 0, 0, 0, time.Local), []string{"陈三"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Chair != "沈书记" || m.Clerk != "王记录" || m.Attendance[2].Presence != Absent || m.Attendance[0].Presence != Present {
		t.Fatalf("got %+v", m)
	}
	if _, err := NewMeeting(v, m.Date, []string{"无此人"}); ErrorCode(err) != EINVALID {
		t.Fatalf("unknown absent name: err = %v", err)
	}
}

// TestNextDocNumber: the next number follows the highest used that year, so that a
// number typed by hand (5号) or an amendment's own number is never given again.
func TestNextDocNumber(t *testing.T) {
	v := &Village{ID: 7, Name: "越丰村"}
	known := []MeetingSummary{
		{VillageID: 7, DocNumber: "越丰村评〔2026〕1号"},
		{VillageID: 7, DocNumber: "越丰村评〔2026〕2号"},
		{VillageID: 7, DocNumber: "越丰村评〔2025〕9号"},  // another year
		{VillageID: 8, DocNumber: "越丰村评〔2026〕12号"}, // another village
		{VillageID: 7, DocNumber: "手写〔2026〕30号"},   // not the village's form
	}
	if got := NextDocNumber(v, 2026, known); got != "越丰村评〔2026〕3号" {
		t.Fatalf("got %s", got)
	}
	if got := NextDocNumber(v, 2027, known); got != "越丰村评〔2027〕1号" {
		t.Fatalf("a new year starts at 1, got %s", got)
	}
	known = append(known, MeetingSummary{VillageID: 7, DocNumber: "越丰村评〔2026〕5号"})
	if got := NextDocNumber(v, 2026, known); got != "越丰村评〔2026〕6号" {
		t.Fatalf("after a hand-typed 5号, got %s", got)
	}
}

// TestCapReasonMustBeReal protects docs/RULES.md §4: above the standard cap a
// placeholder ("x", "无", "。") is refused as a reason; a real one is accepted.
func TestCapReasonMustBeReal(t *testing.T) {
	s := DefaultSettings()
	for _, reason := range []string{"x", "无", "。", " ", "——", "同上", "X"} {
		n := NewNominee("张三", "")
		n.Requested, n.Proposed, n.ProposedReason = 400_000, 400_000, reason
		if p := n.Check(s, 9).For(FieldProposedWhy); p == nil {
			t.Errorf("reason %q accepted above the cap", reason)
		}
	}
	n := NewNominee("张三", "")
	n.Requested, n.Proposed, n.ProposedReason = 400_000, 400_000, "双带能力强、信用良好"
	if p := n.Check(s, 9).For(FieldProposedWhy); p != nil {
		t.Errorf("a real reason refused: %v", p.Message)
	}
}

// TestInRecordOrder: an amendment follows its original (and an amendment of it follows
// that), whatever the list's order was, so it is never read as a second meeting.
func TestInRecordOrder(t *testing.T) {
	ms := []MeetingSummary{{ID: 5, AmendsID: 1}, {ID: 4}, {ID: 3, AmendsID: 1}, {ID: 6, AmendsID: 3}, {ID: 1}, {ID: 7, AmendsID: 99}}
	var got []int64
	for _, m := range InRecordOrder(ms) {
		got = append(got, m.ID)
	}
	want := []int64{4, 1, 3, 6, 5, 7}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
