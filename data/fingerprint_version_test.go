package data

import (
	"context"
	"path/filepath"
	"testing"

	"pingxin/app"
)

// asBefore0023 makes the database at path what a Pingxin of schema 0022 left: a
// signature kept no version of the fingerprint its minutes carry.
func asBefore0023(t *testing.T, path string) {
	t.Helper()
	onFile(t, path, `ALTER TABLE signed_rules DROP COLUMN fingerprint_version`)
	unrecorded(t, path, "fingerprint_version", 22)
}

// TestSigningKeepsTheFingerprintVersion protects the fingerprint on signed pages
// (migration 0023): a meeting signed before it keeps version 1, the one its minutes
// were printed with; one signed after keeps the latest; one not signed has none, and
// its documents carry the latest.
func TestSigningKeepsTheFingerprintVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, before := seed(t, s, nomineesOfTable()...)
	if err := s.Sign(ctx, before.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	if got := mustMeeting(t, s, before.ID).SignedFingerprint; got != app.LatestFingerprint {
		t.Fatalf("signed now: version %d, want %d", got, app.LatestFingerprint)
	}
	s.Close()
	asBefore0023(t, path)

	if s, err = Open(path); err != nil {
		t.Fatalf("opening a 0022 database: %v", err)
	}
	defer s.Close()
	if got := mustMeeting(t, s, before.ID); got.SignedFingerprint != 1 || got.FingerprintVersion() != 1 {
		t.Errorf("signed before 0023: version %d (%d), want 1", got.SignedFingerprint, got.FingerprintVersion())
	}
	after, _ := app.NewMeeting(v, meetingDate, nil)
	if err := s.CreateMeeting(ctx, after); err != nil {
		t.Fatal(err)
	}
	if got := mustMeeting(t, s, after.ID); got.SignedFingerprint != 0 || got.FingerprintVersion() != app.LatestFingerprint {
		t.Errorf("not signed: version %d (%d), want 0 (%d)", got.SignedFingerprint, got.FingerprintVersion(), app.LatestFingerprint)
	}
	if err := s.Sign(ctx, after.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	if got := mustMeeting(t, s, after.ID).SignedFingerprint; got != app.LatestFingerprint {
		t.Errorf("signed after 0023: version %d, want %d", got, app.LatestFingerprint)
	}
	if _, err := s.db.Exec(`UPDATE signed_rules SET fingerprint_version = 2 WHERE meeting_id = ?`, before.ID); err == nil {
		t.Error("a signature's fingerprint version was changed")
	}
}
