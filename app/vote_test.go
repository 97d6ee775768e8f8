package app

import (
	"slices"
	"testing"
	"time"
)

// sittingDay is the day of the test sittings.
var sittingDay = time.Date(2026, 3, 15, 0, 0, 0, 0, time.Local)

// sitting is a meeting of nine people's-council members (IDs 1…9) and an observer
// (10), the members in away marked absent, and households voted at once, in order, each
// stamped with those present as it was recorded.
func sitting(away ...int64) *Meeting {
	m := &Meeting{Date: sittingDay}
	for id := int64(1); id <= 9; id++ {
		p := Present
		if slices.Contains(away, id) {
			p = Absent
		}
		m.Attendance = append(m.Attendance, Attendance{MemberID: id, Name: string(rune('A' + id - 1)),
			Bodies: []Body{BodyPeople}, Presence: p})
	}
	m.Attendance = append(m.Attendance, Attendance{MemberID: 10, Name: "驻村干部", Bodies: []Body{BodyObserver}, Presence: Present})
	return m
}

// vote records household seq's tally for, against now, as the service does.
func (m *Meeting) vote(seq, for_, against int) *Nominee {
	n := voted(for_, against)
	n.ID, n.Seq = int64(seq), seq
	m.StampVote(nil, &n, sittingDay.Add(20*time.Hour))
	m.Nominees = append(m.Nominees, n)
	return &m.Nominees[len(m.Nominees)-1]
}

// TestLateArrivalKeepsEarlierVotes protects docs/RULES.md §3.2: someone marked 迟到 when
// they come does not change the voter count of the votes taken before they came, and is
// counted in the votes after.
func TestLateArrivalKeepsEarlierVotes(t *testing.T) {
	s := DefaultSettings()
	m := sitting(9)
	before := m.vote(1, 5, 3)
	if rs := m.Remark(9, Late, "19:50"); rs != nil {
		t.Fatalf("a late arrival recounted %+v", rs)
	}
	after := m.vote(2, 5, 4)
	if _, v := m.VoteOf(&m.Nominees[0], s); v != 8 || len(before.Voters) != 8 {
		t.Errorf("the vote before the arrival counts %d voters, want 8", v)
	}
	if _, v := m.VoteOf(after, s); v != 9 {
		t.Errorf("the vote after the arrival counts %d voters, want 9", v)
	}
	// 5 of 8 passes; 5 of 9 passes too, but 5/3 against 9 voters would be a different base
	if r := m.ResultOf(&m.Nominees[0], s); r.Outcome != Passed || r.Why != nil {
		t.Errorf("household 1: %+v", r)
	}
}

// TestLeftEarlyKeepsEarlierVotes protects the report: a member leaving mid-meeting
// turned passed households into 请重新表决. With 早退 the votes already taken stand, and
// later ones count one fewer.
func TestLeftEarlyKeepsEarlierVotes(t *testing.T) {
	s := DefaultSettings()
	m := sitting()
	m.vote(1, 9, 0)
	if rs := m.Remark(3, LeftEarly, "20:10"); rs != nil {
		t.Fatalf("leaving early recounted %+v", rs)
	}
	if r := m.ResultOf(&m.Nominees[0], s); r.Outcome != Passed {
		t.Fatalf("a 9/0 vote taken with nine present is %s after one left: %v", r.Outcome, r.Why)
	}
	later := m.vote(2, 8, 0)
	if _, v := m.VoteOf(later, s); v != 8 {
		t.Errorf("a vote after the leaving counts %d, want 8", v)
	}
	if m.Tally(s).Passed != 2 {
		t.Errorf("tally %+v", m.Tally(s))
	}
}

// TestCorrectionRecountsNamedHouseholds: 缺席 (never here) takes the member out of every
// recorded vote that counted them, and says which; 出席 (here throughout) puts them in.
// A tally now larger than its voters must be voted again.
func TestCorrectionRecountsNamedHouseholds(t *testing.T) {
	s := DefaultSettings()
	m := sitting(9)
	m.vote(1, 8, 0)
	m.vote(2, 6, 1)
	preview := m.RemarkPreview(RollMark{MemberID: 2, Presence: Absent})
	if len(preview) != 2 || m.Attendance[1].Presence != Present || len(m.Nominees[0].Voters) != 8 {
		t.Fatalf("preview %+v changed the meeting: %v, %v", preview, m.Attendance[1].Presence, m.Nominees[0].Voters)
	}
	rs := m.Remark(2, Absent, "")
	if len(rs) != 2 || rs[0].Seq != 1 || len(rs[0].Before) != 8 || len(rs[0].After) != 7 || slices.Contains(rs[0].After, 2) {
		t.Fatalf("recounts %+v", rs)
	}
	if r := m.ResultOf(&m.Nominees[0], s); r.Outcome != Pending {
		t.Errorf("8 votes over 7 voters: %s, want 请重新表决", r.Outcome)
	}
	if r := m.ResultOf(&m.Nominees[1], s); r.Outcome != Passed {
		t.Errorf("6/1 over 7 voters: %s", r.Outcome)
	}
	back := m.Remark(9, Present, "")
	if len(back) != 2 || len(back[1].After) != 8 || !slices.Contains(back[1].After, 9) {
		t.Errorf("出席 for someone not counted: %+v", back)
	}
	if rs := m.Remark(10, Absent, ""); rs != nil {
		t.Errorf("an observer recounted votes: %+v", rs)
	}
	if msg := RecountMessage(rs).Message; msg.Data["Households"] != "1 张三（8→7）、2 张三（8→7）" || msg.Data["Count"] != 2 {
		t.Errorf("message %+v", msg)
	}
}

// TestQuorumIsTheVotes: a vote taken with a quorum keeps its decision when members leave
// afterwards and the meeting no longer has one; a vote taken without one is 暂缓.
func TestQuorumIsTheVotes(t *testing.T) {
	s := DefaultSettings()
	m := sitting()
	m.vote(1, 9, 0)
	for id := int64(1); id <= 4; id++ {
		m.Remark(id, LeftEarly, "21:00")
	}
	if !m.Quorum(s).Met {
		t.Fatal("the attendance counts those who left early")
	}
	m.vote(2, 5, 0)
	if r := m.ResultOf(&m.Nominees[0], s); r.Outcome != Passed {
		t.Errorf("a vote taken with a quorum: %s %v", r.Outcome, r.Why)
	}
	if r := m.ResultOf(&m.Nominees[1], s); r.Outcome != Deferred {
		t.Errorf("a vote taken without one: %s", r.Outcome)
	}
}

// TestStampVote: the set is taken once, kept through a corrected tally, dropped with the
// vote, and taken anew for a vote that must be taken again.
func TestStampVote(t *testing.T) {
	m := sitting(9)
	old := m.vote(1, 4, 4)
	n := *old
	n.Votes.For = 5
	m.Remark(9, Late, "20:00")
	m.StampVote(old, &n, sittingDay)
	if len(n.Voters) != 8 {
		t.Errorf("a corrected tally took a new set: %v", n.Voters)
	}
	n.Votes = Votes{}
	m.StampVote(old, &n, sittingDay)
	if n.Voters != nil {
		t.Errorf("a cleared vote keeps %v", n.Voters)
	}
	revote := *old
	revote.Voters = []int64{1, 2}
	n = revote
	n.Votes = Votes{For: 9, Recorded: true}
	m.StampVote(&revote, &n, sittingDay)
	if len(n.Voters) != 9 {
		t.Errorf("a vote taken again counts %d, want those present now (9)", len(n.Voters))
	}
}

// TestPaperEntryCountsThoseWhoLeft: a tally typed in on a later day than the meeting
// (held on paper) counts a member who left early, since who voted before they left is
// not known; on the day, they are not counted.
func TestPaperEntryCountsThoseWhoLeft(t *testing.T) {
	m := sitting()
	m.Remark(3, LeftEarly, "20:30")
	if got := len(m.PresentVoters(sittingDay.Add(21 * time.Hour))); got != 8 {
		t.Errorf("on the day: %d voters, want 8", got)
	}
	if got := len(m.PresentVoters(sittingDay.AddDate(0, 0, 2))); got != 9 {
		t.Errorf("typed in two days later: %d voters, want 9", got)
	}
}

// TestClockTakesTheTimesAClerkTypes: the time of a 迟到 or 早退 is stored as HH:MM
// whether typed 19:35, 9:35, 1935, 935 or with a Chinese input method's colon (19：35);
// what is no time of day is refused (docs/RULES.md §3.2).
func TestClockTakesTheTimesAClerkTypes(t *testing.T) {
	for in, want := range map[string]string{
		"19:35": "19:35", " 9:35 ": "09:35", "1935": "19:35", "935": "09:35", "19：35": "19:35", "0000": "00:00",
	} {
		if got, ok := Clock(in); !ok || got != want {
			t.Errorf("Clock(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "19:75", "2400", "19", "19350", "七点半", "19:3a", "1:2:3"} {
		if got, ok := Clock(in); ok {
			t.Errorf("Clock(%q) = %q, accepted", in, got)
		}
	}
	if err := CheckMark("陆雪芬", Late, "1935"); err != nil {
		t.Errorf("CheckMark refused 1935: %v", err)
	}
	if err := CheckMark("陆雪芬", Late, "19:75"); err == nil {
		t.Error("CheckMark took 19:75")
	}
}

// TestDayAfterIsTheDatesCompared: dayAfter says what comparing the two dates written as
// 2006-01-02 says, each in its own location, across years, months, days and zones.
func TestDayAfterIsTheDatesCompared(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	base := time.Date(2026, 11, 30, 23, 30, 0, 0, shanghai)
	for _, d := range []time.Duration{0, time.Hour, -time.Hour, 24 * time.Hour, -24 * time.Hour, 31 * 24 * time.Hour,
		-40 * 24 * time.Hour, 366 * 24 * time.Hour, -400 * 24 * time.Hour} {
		for _, loc := range []*time.Location{shanghai, time.UTC} {
			a := base.Add(d).In(loc)
			for _, p := range [][2]time.Time{{a, base}, {base, a}, {a, a}} {
				want := p[0].Format(time.DateOnly) > p[1].Format(time.DateOnly)
				if got := dayAfter(p[0], p[1]); got != want {
					t.Errorf("dayAfter(%v, %v) = %v, want %v", p[0], p[1], got, want)
				}
			}
		}
	}
}
