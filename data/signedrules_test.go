package data

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"pingxin/app"
	"pingxin/app/amount"
)

// asBefore0021 makes the database at path what a Pingxin of schema 0020 left: no rules
// kept with a signature.
func asBefore0021(t *testing.T, path string) {
	t.Helper()
	asBefore0022(t, path)
	onFile(t, path, `DROP TABLE signed_rules`)
	unrecorded(t, path, "signed_rules", 20)
}

// TestMigrationKeepsTheRulesOfEarlierSignings protects the meetings signed before the
// rules were kept with the signature: the migration rebuilds the rules of each signing
// from the audit log (a rule changed before the signing counts, one changed after —
// once or twice — does not), the store computes their results again under those, and
// the meeting list, app's rule and the stored results then say what the meeting was
// signed with, while the village keeps its later rules for the meetings to come.
func TestMigrationKeepsTheRulesOfEarlierSignings(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ns := make([]app.Nominee, 60)
	for i := range ns {
		ns[i] = app.NewNominee("户"+itoa(i), testID(i+1))
		ns[i].Purpose, ns[i].Requested, ns[i].Proposed = "生产", 300_000, 150_000+5_000*amount.Yuan(i%30)
		ns[i].ProposedReason = "经营规模扩大，经核实"
		ns[i].Votes = app.Votes{For: 2 - i%2, Against: i % 2, Recorded: true} // of the two present
	}
	v, m := seed(t, s, ns...)
	atSigning := v.Settings
	atSigning.StandardCap = 250_000 // changed before the signing: the rule it was signed with
	if err := s.UpdateSettings(ctx, v.ID, atSigning); err != nil {
		t.Fatal(err)
	}
	if err := s.Sign(ctx, m.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	signed := mustMeeting(t, s, m.ID)
	if !reflect.DeepEqual(signed.Rules, &atSigning) {
		t.Fatalf("signed under %+v, kept %+v", atSigning, signed.Rules)
	}
	want := ruleResults(t, s, signed)
	wantRow := oldMeetings(t, s)
	later := atSigning
	later.StandardCap, later.Majority = 100_000, app.MajorityTwoThirds
	if err := s.UpdateSettings(ctx, v.ID, later); err != nil {
		t.Fatal(err)
	}
	later.StandardCap, later.QuorumNum, later.QuorumDen, later.Notice.Phone = 120_000, 1, 1, "0573-1"
	if err := s.UpdateSettings(ctx, v.ID, later); err != nil {
		t.Fatal(err)
	}
	unsigned := *signed
	unsigned.Rules = nil
	laterResults := ruleResults(t, s, &unsigned)
	if reflect.DeepEqual(laterResults, want) {
		t.Fatal("the later rules decide the meeting as it was signed: the test shows nothing")
	}
	s.Close()
	asBefore0021(t, path)
	// a 0020 database stored a signed meeting's results under the rules of its first
	// open after 0020: as they stand now, for a meeting signed before it
	qs := []string{`DROP TRIGGER nominees_locked_update`}
	for id, r := range laterResults {
		qs = append(qs, fmt.Sprintf(`UPDATE nominees SET outcome = '%s', final_amount = %d WHERE id = %d`, r.Outcome, r.Amount, id))
	}
	onFile(t, path, append(qs, `CREATE TRIGGER nominees_locked_update BEFORE UPDATE ON nominees
		WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
			AND NOT (OLD.outcome IS NULL AND NEW.outcome IS NOT NULL)
		BEGIN SELECT RAISE(ABORT, 'meeting locked'); END`)...)

	if s, err = Open(path); err != nil {
		t.Fatalf("opening a 0020 database: %v", err)
	}
	defer s.Close()
	got := mustMeeting(t, s, m.ID)
	if !reflect.DeepEqual(got.Rules, &atSigning) {
		t.Fatalf("the migration kept %+v, the meeting was signed under %+v", got.Rules, atSigning)
	}
	if r := ruleResults(t, s, got); !reflect.DeepEqual(r, want) {
		t.Fatalf("after the migration the rule gives %v, the meeting was signed with %v", r, want)
	}
	stored := storedResults(t, s)
	for id, r := range want {
		if stored[id] != r {
			t.Fatalf("household %d stored %v, signed with %v", id, stored[id], r)
		}
	}
	if rows, err := s.Meetings(ctx); err != nil || !reflect.DeepEqual(rows, wantRow) {
		t.Fatalf("meeting list %+v (%v), signed as %+v", rows, err, wantRow)
	}
	if cur, err := s.Village(ctx, v.ID); err != nil || !reflect.DeepEqual(cur.Settings, later) {
		t.Fatalf("the village's rules became %+v (%v), want %+v", cur.Settings, err, later)
	}
	if _, err := s.db.Exec(`UPDATE signed_rules SET standard_cap = 1`); err == nil {
		t.Error("the rules kept with a signature changed")
	}
}

// TestSignKeepsTheRulesTheMinutesWereRenderedUnder protects a signing that races a change
// of the village's rules: the minutes were rendered under the rules the service read,
// the village changed its rules before the signature was stored. The meeting keeps the
// rules it was rendered (and signed) under, and its stored results — which the change
// had computed again under the new rules — are computed under those before it is
// locked, so that the meeting list says what the signed minutes say.
func TestSignKeepsTheRulesTheMinutesWereRenderedUnder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ns := make([]app.Nominee, 10)
	for i := range ns {
		ns[i] = app.NewNominee("户"+itoa(i), testID(i+1))
		ns[i].Purpose, ns[i].Requested, ns[i].Proposed = "生产", 300_000, 100_000+20_000*amount.Yuan(i)
		ns[i].ProposedReason = "经营规模扩大，经核实"
		ns[i].Votes = app.Votes{For: 2, Recorded: true}
	}
	v, m := seed(t, s, ns...)
	rendered := v.Settings
	later := rendered
	later.StandardCap, later.QuorumNum, later.QuorumDen = 150_000, 1, 1
	if err := s.UpdateSettings(ctx, v.ID, later); err != nil {
		t.Fatal(err)
	}
	rec := signedRecord
	rec.Rules = &rendered
	if err := s.Sign(ctx, m.ID, rec); err != nil {
		t.Fatal(err)
	}
	got := mustMeeting(t, s, m.ID)
	if !reflect.DeepEqual(got.Rules, &rendered) {
		t.Fatalf("signed under %+v, kept %+v", rendered, got.Rules)
	}
	unsigned := *got
	unsigned.Rules = nil
	want, now := ruleResults(t, s, got), ruleResults(t, s, &unsigned)
	if reflect.DeepEqual(want, now) {
		t.Fatal("the two rules decide alike: the test shows nothing")
	}
	stored := storedResults(t, s)
	for id, r := range want {
		if stored[id] != r {
			t.Fatalf("household %d stored %v, signed with %v", id, stored[id], r)
		}
	}
}
