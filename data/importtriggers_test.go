package data

import (
	"context"
	"errors"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"pingxin/app"
)

// schemaRows is the database's schema as sqlite_schema gives it, object by object.
func schemaRows(t *testing.T, s *Store) [][4]string {
	t.Helper()
	rows, err := s.db.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][4]string
	for rows.Next() {
		var r [4]string
		if err := rows.Scan(&r[0], &r[1], &r[2], &r[3]); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// TestImportTriggersAreTheInsertTriggers: the triggers an import suspends are every
// INSERT trigger of nominees and verifications, so that a migration adding one there has
// to decide whether it may be suspended too (importTriggers says why these may).
func TestImportTriggersAreTheInsertTriggers(t *testing.T) {
	s := openTest(t)
	onInsert := regexp.MustCompile(`(?i)\bINSERT\s+ON\b`)
	var got []string
	for _, r := range schemaRows(t, s) {
		if r[0] == "trigger" && (r[2] == "nominees" || r[2] == "verifications") && onInsert.MatchString(r[3]) {
			got = append(got, r[1])
		}
	}
	want := slices.Clone(importTriggers)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("INSERT triggers of nominees and verifications = %v, importTriggers = %v", got, want)
	}
}

// TestImportLeavesTheSchemaAsItWas: an import suspends its tables' INSERT triggers
// within its transaction; after one that stores a list, one that stores nothing, one
// whose feed fails after some parts and one refused for an ID already on the list, the
// schema is exactly what it was, and the triggers put back still act: a signed meeting
// refuses a household, and a verification record, written past the store.
func TestImportLeavesTheSchemaAsItWas(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	before := schemaRows(t, s)
	list := parts(3, 120, 0)
	list[1][7].Verification = nil // not visited: its record comes after the signature
	dup := parts(2, 50, 100)
	dup[1][3].IDNumber = bigID(0)
	feeds := []struct {
		name string
		feed *partsFeed
		ok   bool
	}{
		{"stores a list", &partsFeed{parts: list}, true},
		{"stores nothing", &partsFeed{}, true},
		{"feed fails", &partsFeed{parts: parts(2, 80, 500), err: errors.New("row 170 refused")}, false},
		{"ID already on the list", &partsFeed{parts: dup}, false},
	}
	for _, f := range feeds {
		err := s.ImportNominees(ctx, m.ID, f.feed)
		if (err == nil) != f.ok {
			t.Fatalf("%s: err = %v", f.name, err)
		}
		if after := schemaRows(t, s); !reflect.DeepEqual(after, before) {
			t.Fatalf("%s: the schema changed:\n%v\n%v", f.name, before, after)
		}
	}
	if n := len(mustMeeting(t, s, m.ID).Nominees); n != 360 {
		t.Fatalf("%d households stored, want 360", n)
	}
	if err := s.Sign(ctx, m.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO nominees (meeting_id, seq, name, id_number) VALUES (?, 999, '迟到户', 'x')`,
		`INSERT INTO verifications (nominee_id, notes) SELECT id, '补记' FROM nominees WHERE meeting_id = ? AND id NOT IN (SELECT nominee_id FROM verifications) LIMIT 1`,
	} {
		if _, err := s.db.Exec(q, m.ID); lockedByTrigger(err) == nil || app.ErrorCode(lockedByTrigger(err)) != app.ELOCKED {
			t.Errorf("%s: err = %v, want the lock trigger's", q, err)
		}
	}
}
