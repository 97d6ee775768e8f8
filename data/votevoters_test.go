package data

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"pingxin/app"
)

// TestMigrationGivesOldVotesTheirRollCall protects migration 0019 on a released
// database: every vote recorded before it, signed meetings included, keeps the
// people's-council members the roll call counted at migration time (the set it was
// counted against until then); a household not voted gets none.
func TestMigrationGivesOldVotesTheirRollCall(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, m := seed(t, s, nomineesOfTable()...) // 王金土 absent
	if err := s.Sign(ctx, m.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// the database as version 0018 left it: no vote_voters, 0019 not applied
	asBefore0020(t, path)
	onFile(t, path, `ALTER TABLE nominees DROP COLUMN vote_voters`)
	unrecorded(t, path, "vote_voters", 18)

	s, err = Open(path)
	if err != nil {
		t.Fatalf("migrating: %v", err)
	}
	defer s.Close()
	got := mustMeeting(t, s, m.ID)
	want := []int64{v.Members[0].ID, v.Members[1].ID} // 沈建国, 钱玉芬: 王金土 absent, the rest not voters
	voted := 0
	for _, n := range got.Nominees {
		switch {
		case n.Votes.Recorded && !slices.Equal(n.Voters, want):
			t.Errorf("household %d: voters %v, want %v", n.Seq, n.Voters, want)
		case !n.Votes.Recorded && n.Voters != nil:
			t.Errorf("household %d, not voted, has voters %v", n.Seq, n.Voters)
		}
		if n.Votes.Recorded {
			voted++
		}
	}
	if voted == 0 {
		t.Fatal("no voted household to migrate")
	}
	if err := s.SetStatus(ctx, m.ID, app.StatusInSession); err == nil {
		t.Error("the migration left the signed meeting unlocked")
	}
	var n sql.NullString
	if err := s.db.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = 'nominees_locked_update'`).Scan(&n); err != nil || !n.Valid {
		t.Errorf("the lock on households is gone after the migration: %v", err)
	}
}

// TestSetPresenceRecounts: a roll-call correction stores the recorded votes' new sets in
// its own transaction, each audited.
func TestSetPresenceRecounts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	n := app.NewNominee("张三", testID(1))
	n.Proposed, n.Votes = 100_000, app.Votes{For: 2, Recorded: true}
	v, m := seed(t, s, n)
	m = mustMeeting(t, s, m.ID)
	id := m.Nominees[0].ID
	n = m.Nominees[0]
	n.Voters = []int64{v.Members[0].ID, v.Members[1].ID}
	if err := s.SaveNominee(ctx, &n); err != nil {
		t.Fatal(err)
	}
	rs := []app.Recount{{NomineeID: id, Seq: 1, Name: "张三", Before: n.Voters, After: []int64{v.Members[0].ID}}}
	if err := s.SetPresence(ctx, m.ID, v.Members[1].ID, app.Absent, "", rs); err != nil {
		t.Fatal(err)
	}
	got := mustMeeting(t, s, m.ID)
	if !slices.Equal(got.Nominees[0].Voters, []int64{v.Members[0].ID}) || got.Attendance[1].Presence != app.Absent {
		t.Fatalf("voters %v, mark %s", got.Nominees[0].Voters, got.Attendance[1].Presence)
	}
	found := false
	for _, e := range mustAudit(t, s, m.ID) {
		found = found || (e.Field == "vote_voters" && e.RecordID == id && e.New == formatIDs([]int64{v.Members[0].ID}))
	}
	if !found {
		t.Error("the recount is not in the audit log")
	}
	bad := []app.Recount{{NomineeID: id + 99, After: []int64{}}}
	if err := s.SetPresence(ctx, m.ID, v.Members[1].ID, app.Present, "", bad); err == nil {
		t.Error("a recount of a household not on the list was stored")
	}
	if got := mustMeeting(t, s, m.ID); got.Attendance[1].Presence != app.Absent {
		t.Error("the mark of a refused change was kept")
	}
}
