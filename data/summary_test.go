package data

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"pingxin/app"
	"pingxin/app/amount"
)

// oldMeetings is how Meetings computed the list before the SQL sums: every household
// loaded and every meeting summarised by app.Meeting.Summary. The test holds the new
// list to it.
func oldMeetings(t testing.TB, s *Store) []app.MeetingSummary {
	t.Helper()
	ctx := context.Background()
	tx, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	settings, err := allSettings(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := allMeetings(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]app.MeetingSummary, len(ms))
	for i, m := range ms {
		full := mustMeeting(t, s, m.ID)
		out[i] = full.Summary(settings[m.VillageID])
	}
	return out
}

// allSettings reads every village's rules, by village.
func allSettings(ctx context.Context, tx *sql.Tx) (map[int64]app.Settings, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+villageColumns+` FROM villages`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]app.Settings{}
	for rows.Next() {
		v, err := scanVillage(rows)
		if err != nil {
			return nil, err
		}
		out[v.ID] = v.Settings
	}
	return out, rows.Err()
}

// randomHousehold is a household in any state a final result distinguishes: blocked,
// unvoted, voted (sometimes more votes than members present), any baseline mark, the
// undertaking missing, the vote counted against its own present set or the roll call,
// and every verification recommendation, lowered below and above
// the proposal.
func randomHousehold(r *rand.Rand, i int) app.Nominee {
	n := app.NewNominee("户"+strconv.Itoa(i), bigID(i))
	n.Proposed = amount.Yuan(r.IntN(50)+1) * 10_000
	if r.IntN(12) == 0 {
		n.Blocked = "失信"
	}
	if r.IntN(6) != 0 {
		n.Votes = app.Votes{For: r.IntN(4), Against: r.IntN(2), Abstain: r.IntN(2), Recused: r.IntN(2), Recorded: true}
		if r.IntN(3) != 0 { // taken with its own present set, of any size: quorum or not
			n.Voters = []int64{}
			for id := range r.IntN(5) {
				n.Voters = append(n.Voters, int64(id+1))
			}
		}
	}
	for b := range n.Baseline {
		switch r.IntN(20) {
		case 0:
			n.Baseline[b] = app.NotMet
		case 1:
			n.Baseline[b] = app.ToVerify
		}
	}
	n.Undertaking = r.IntN(15) != 0
	switch r.IntN(5) {
	case 0:
		n.Verification = &app.Verification{Conclusion: app.Confirmed, Recommendation: app.Keep}
	case 1:
		n.Verification = &app.Verification{Conclusion: app.PartlyTrue, Recommendation: app.LowerTo,
			LowerTo: amount.Yuan(r.IntN(60)) * 10_000}
	case 2:
		n.Verification = &app.Verification{Conclusion: app.NotConfirmed, Recommendation: app.Refuse}
	case 3:
		n.Verification = &app.Verification{} // visited, nothing concluded yet
	}
	return n
}

// TestMeetingsSumEveryKindOfHousehold protects the meeting list's counts and totals over
// households in every state the rule distinguishes: the stored results the list sums
// must give, meeting by meeting, exactly what loading every household and applying
// app's rule gives — under both majority rules, with and without a quorum.
// TestMeetingsSumsAsTheRuleDoes does the same after random writes of every kind.
func TestMeetingsSumEveryKindOfHousehold(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	r := rand.New(rand.NewPCG(12, 10))
	v, _ := seed(t, s)
	strict := testVillage()
	strict.Name = "强村"
	strict.Settings.Majority = app.MajorityTwoThirds
	if err := s.CreateVillage(ctx, strict); err != nil {
		t.Fatal(err)
	}
	k := 0
	for i, village := range []*app.Village{v, strict, v, strict, v} {
		m, err := app.NewMeeting(village, meetingDate.AddDate(0, 0, i), nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		if i == 2 { // two of three people's-council members away: no quorum
			m = mustMeeting(t, s, m.ID)
			for _, a := range m.Attendance[:2] {
				if err := s.SetPresence(ctx, m.ID, a.MemberID, app.Absent, "", nil); err != nil {
					t.Fatal(err)
				}
			}
		}
		if i == 4 {
			continue // a meeting with no households yet
		}
		ns := make([]app.Nominee, 300)
		for j := range ns {
			ns[j] = randomHousehold(r, k)
			k++
		}
		if err := s.AddNominees(ctx, m.ID, ns); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Meetings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := oldMeetings(t, s)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Meetings:\n got %+v\nwant %+v", got, want)
	}
	passed := 0
	for _, m := range got {
		passed += m.Passed
	}
	if passed == 0 || passed == k {
		t.Fatalf("%d of %d passed: the households do not cover both outcomes", passed, k)
	}
}

// BenchmarkMeetings50k is the home screen's and `meetings`' list on a database of
// 50,000 households in 25 meetings (issue 12's target: under 50 ms).
func BenchmarkMeetings50k(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	r := rand.New(rand.NewPCG(50, 0))
	v, _ := seed(b, s)
	k := 0
	for i := range 25 {
		m, err := app.NewMeeting(v, meetingDate.AddDate(0, i, 0), nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.CreateMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
		ns := make([]app.Nominee, 2_000)
		for j := range ns {
			ns[j] = randomHousehold(r, k)
			k++
		}
		if err := s.AddNominees(ctx, m.ID, ns); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		ms, err := s.Meetings(ctx)
		if err != nil || len(ms) != 26 {
			b.Fatal(len(ms), err)
		}
	}
}
