package data

import (
	"context"
	"slices"
	"testing"

	"pingxin/app"
)

// asBefore0022 makes the database at path what a Pingxin of schema 0021 left: a mark
// made every result of its meeting stale.
func asBefore0022(t *testing.T, path string) {
	t.Helper()
	asBefore0023(t, path)
	onFile(t, path,
		`DROP TRIGGER attendance_outcome_mark`,
		`DROP TRIGGER attendance_outcome_update`,
		`CREATE TRIGGER attendance_outcome_update AFTER UPDATE ON attendance
		BEGIN INSERT OR IGNORE INTO outcomes_stale (meeting_id) VALUES (OLD.meeting_id), (NEW.meeting_id); END`,
		`DROP INDEX nominees_roll_counted`)
	unrecorded(t, path, "roll_call_marks", 21)
}

// staleWatch records, in the test's database, every household whose stored result is
// made stale (set to NULL to be computed again): what a write costs in results.
func staleWatch(t *testing.T, s *Store) func() []int64 {
	t.Helper()
	for _, q := range []string{
		`CREATE TABLE made_stale (nominee_id INTEGER)`,
		`CREATE TRIGGER made_stale_watch AFTER UPDATE OF outcome ON nominees
		WHEN NEW.outcome IS NULL AND OLD.outcome IS NOT NULL
		BEGIN INSERT INTO made_stale VALUES (NEW.id); END`,
		`CREATE TRIGGER made_stale_meeting AFTER INSERT ON outcomes_stale
		BEGIN INSERT INTO made_stale SELECT id FROM nominees WHERE meeting_id = NEW.meeting_id; END`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return func() []int64 {
		t.Helper()
		var ids []int64
		rows, err := s.db.Query(`DELETE FROM made_stale RETURNING nominee_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		return ids
	}
}

// TestRollCallMarkRecomputesOnlyWhatItCanChange protects the speed of a roll-call mark
// on a big meeting (issue 12): a mark computes again only the results it can change —
// the votes counted against the roll call as it stands (recorded without a present set
// of their own) and the votes whose set the mark rewrites — not a vote that keeps its
// own set, nor a household not voted on. A member put on the roll call changes the
// quorum's base, so every result is computed again. After each write every stored
// result is what app's rule gives (TestMeetingsSumsAsTheRuleDoes holds that over random
// writes).
func TestRollCallMarkRecomputesOnlyWhatItCanChange(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ns := make([]app.Nominee, 6)
	for i := range ns {
		ns[i] = app.NewNominee("户"+itoa(i), testID(i+1))
		ns[i].Proposed = 100_000
	}
	v, m := seed(t, s) // 王金土 absent: 沈建国 and 钱玉芬 of the people's council present
	ids := func(names ...string) []int64 {
		var out []int64
		for _, a := range m.Attendance {
			if slices.Contains(names, a.Name) {
				out = append(out, a.MemberID)
			}
		}
		return out
	}
	for i := range 2 { // voted by the two present, each vote with its set
		ns[i].Votes, ns[i].Voters = app.Votes{For: 2, Recorded: true}, ids("沈建国", "钱玉芬")
	}
	for i := 2; i < 4; i++ { // voted, counted against the roll call (carried over by an amendment)
		ns[i].Votes = app.Votes{For: 2, Recorded: true}
	}
	if err := s.AddNominees(ctx, m.ID, ns); err != nil { // 4 and 5 not voted on
		t.Fatal(err)
	}
	stale := staleWatch(t, s)
	check := func(what string, want ...int) {
		t.Helper()
		full := mustMeeting(t, s, m.ID)
		var wantIDs []int64
		for _, i := range want {
			wantIDs = append(wantIDs, full.Nominees[i].ID)
		}
		slices.Sort(wantIDs)
		if got := stale(); !slices.Equal(got, wantIDs) {
			t.Errorf("%s computed again households %v, want %v", what, got, wantIDs)
		}
		stored, rule := storedResults(t, s), ruleResults(t, s, full)
		for id, r := range rule {
			if stored[id] != r {
				t.Fatalf("%s: household %d stored %v, the rule gives %v", what, id, stored[id], r)
			}
		}
	}
	qian := ids("钱玉芬")[0]
	if err := s.SetPresence(ctx, m.ID, qian, app.Late, "19:40", nil); err != nil {
		t.Fatal(err)
	}
	check("迟到", 2, 3)
	full := mustMeeting(t, s, m.ID)
	rs := full.Remark(qian, app.Absent, "") // she never was there: out of the two set votes
	if len(rs) != 2 {
		t.Fatalf("缺席 recounts %d votes, want 2", len(rs))
	}
	if err := s.SetPresence(ctx, m.ID, qian, app.Absent, "", rs); err != nil {
		t.Fatal(err)
	}
	check("缺席 with its recount", 0, 1, 2, 3)
	mem := &app.Member{VillageID: v.ID, Name: "新委员", Bodies: []app.Body{app.BodyPeople}, Role: app.RoleMember}
	if err := s.AddMember(ctx, mem); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPresence(ctx, m.ID, mem.ID, app.Present, "", nil); err != nil {
		t.Fatal(err)
	}
	check("a member put on the roll call", 0, 1, 2, 3, 4, 5)
}
