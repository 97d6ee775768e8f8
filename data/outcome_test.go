package data

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/service"
)

// result is what the store keeps of an app.Result.
type result struct {
	Outcome app.Decision
	Amount  amount.Yuan
}

// storedResults are every household's stored result, by household ID; a result not
// computed reads "NULL".
func storedResults(t testing.TB, s *Store) map[int64]result {
	t.Helper()
	rows, err := s.rdb.Query(`SELECT id, coalesce(outcome, 'NULL'), final_amount FROM nominees`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]result{}
	for rows.Next() {
		var id, amt int64
		var o string
		if err := rows.Scan(&id, &o, &amt); err != nil {
			t.Fatal(err)
		}
		out[id] = result{Outcome: app.Decision(o), Amount: amount.Yuan(amt)}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// ruleResults are the results app's rule gives every household of meeting m now.
func ruleResults(t testing.TB, s *Store, m *app.Meeting) map[int64]result {
	t.Helper()
	v, err := s.Village(context.Background(), m.VillageID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]result{}
	for i := range m.Nominees {
		r := m.ResultOf(&m.Nominees[i], v.Settings)
		out[m.Nominees[i].ID] = result{Outcome: r.Outcome, Amount: r.Amount}
	}
	return out
}

// outcomeWorld is a database written to by random operations through app/service (and
// the store's import, which the service's file import ends in), with what each signed
// meeting's results and list row were when it was signed.
type outcomeWorld struct {
	t      *testing.T
	ctx    context.Context
	r      *rand.Rand
	s      *Store
	svc    *service.Service
	v      *app.Village
	k      int // households made so far, for distinct names and ID numbers
	frozen map[int64]map[int64]result
	rows   map[int64]app.MeetingSummary
}

// check holds every stored result and the meeting list to app's rule, and app's rule
// for a signed meeting to what it gave at the signature, whatever the village's rules
// became since.
func (w *outcomeWorld) check(step int, op string) {
	t := w.t
	t.Helper()
	stored := storedResults(t, w.s)
	list, err := w.s.Meetings(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := oldMeetings(t, w.s)
	households := 0
	for i, sum := range list {
		m := mustMeeting(t, w.s, sum.ID)
		rule := ruleResults(t, w.s, m)
		if m.Locked() && !maps.Equal(rule, w.frozen[m.ID]) {
			t.Fatalf("step %d (%s): signed meeting %d: the rule now gives %v, it was signed with %v",
				step, op, m.ID, rule, w.frozen[m.ID])
		}
		if m.Locked() && want[i] != w.rows[m.ID] {
			t.Fatalf("step %d (%s): signed meeting %d now sums to %+v, it was signed as %+v", step, op, m.ID, want[i], w.rows[m.ID])
		}
		households += len(rule)
		for id, r := range rule {
			if got := stored[id]; got != r {
				t.Fatalf("step %d (%s): meeting %d household %d stored %v %s, the rule gives %v %s",
					step, op, m.ID, id, got.Outcome, got.Amount, r.Outcome, r.Amount)
			}
		}
	}
	if households != len(stored) {
		t.Fatalf("step %d (%s): %d households stored, %d in meetings", step, op, len(stored), households)
	}
	if !reflect.DeepEqual(list, want) {
		t.Fatalf("step %d (%s): Meetings\n got %+v\nwant %+v", step, op, list, want)
	}
}

// household is a random household the service admits under the village's default rules
// (a valid ID, a reason above the standard cap, a visitor on the roster), voted or not,
// with any baseline mark, verification and block.
func (w *outcomeWorld) household(voters int) app.Nominee {
	r := w.r
	w.k++
	n := app.NewNominee(fmt.Sprintf("户%d", w.k), testID(w.k))
	n.Proposed = amount.Yuan(r.IntN(45)+1) * 10_000
	n.Requested = n.Proposed
	n.ProposedReason = "经营规模扩大，经核实"
	if r.IntN(15) == 0 {
		n.Blocked = "失信"
	}
	if r.IntN(4) != 0 && voters > 0 { // mostly carried, by two thirds or only by half
		f := voters - r.IntN(voters/2+1)
		a := r.IntN(voters - f + 1)
		n.Votes = app.Votes{For: f, Against: a, Recorded: true}
	}
	for b := range n.Baseline {
		switch r.IntN(40) {
		case 0:
			n.Baseline[b] = app.NotMet
		case 1:
			n.Baseline[b] = app.ToVerify
		}
	}
	n.Undertaking = r.IntN(25) != 0
	visit := func(c app.Conclusion, rec app.Recommendation, lower amount.Yuan) *app.Verification {
		return &app.Verification{Visitors: []string{"王金土"}, Conclusion: c, Recommendation: rec, LowerTo: lower}
	}
	switch r.IntN(5) {
	case 0:
		n.Verification = visit(app.Confirmed, app.Keep, 0)
	case 1:
		n.Verification = visit(app.PartlyTrue, app.LowerTo, amount.Yuan(r.IntN(40)+1)*10_000)
	case 2:
		n.Verification = visit(app.NotConfirmed, app.Refuse, 0)
	}
	return n
}

// unsigned is a random meeting not signed yet, nil when there is none.
func (w *outcomeWorld) unsigned() *app.Meeting {
	list, err := w.s.Meetings(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	var ids []int64
	for _, m := range list {
		if m.Status != app.StatusSigned {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	return mustMeeting(w.t, w.s, ids[w.r.IntN(len(ids))])
}

// step performs one random write and names it; a refusal by the service's checks is
// fine (nothing changed), any other error fails the test.
func (w *outcomeWorld) step() (string, error) {
	r, ctx := w.r, w.ctx
	m := w.unsigned()
	if m == nil {
		m, err := w.svc.CreateMeeting(ctx, service.MeetingSpec{VillageID: w.v.ID, Date: meetingDate})
		return fmt.Sprintf("create meeting %v", m != nil), err
	}
	pick := func() *app.Nominee {
		if len(m.Nominees) == 0 {
			return nil
		}
		return &m.Nominees[r.IntN(len(m.Nominees))]
	}
	switch op := r.IntN(100); {
	case op < 20:
		n := w.household(m.Voters())
		return "add household", w.svc.AddHousehold(ctx, m.ID, &n)
	case op < 25: // a list imported from a file: the store's half of service.ImportNominees
		ns := make([]app.Nominee, r.IntN(30)+1)
		for i := range ns {
			ns[i] = w.household(m.Voters())
			m.StampVote(nil, &ns[i], time.Now())
		}
		return "import", w.s.ImportNominees(ctx, m.ID, app.NomineesFrom(ns, app.ImportSource{File: "名单.csv", SHA256: "00"}))
	case op < 50: // an entry corrected: the vote, baseline, visit, amount or block
		old := pick()
		if old == nil {
			return "save (none)", nil
		}
		n := w.household(m.Voters())
		n.ID, n.MeetingID, n.Name, n.IDNumber = old.ID, old.MeetingID, old.Name, old.IDNumber
		return "save household", w.svc.SaveHousehold(ctx, &n)
	case op < 55:
		n := pick()
		if n == nil {
			return "delete (none)", nil
		}
		return "delete household", w.svc.DeleteHousehold(ctx, n.ID)
	case op < 72: // a roll-call mark or correction, recounting recorded votes
		a := m.Attendance[r.IntN(len(m.Attendance))]
		p := app.Presences[r.IntN(len(app.Presences))]
		at := ""
		if p.Timed() {
			at = "20:15"
		}
		return "roll call " + string(p), w.svc.SetPresence(ctx, m.ID, a.MemberID, p, at, true)
	case op < 80: // the village's rules: majority, standard cap, quorum
		st := w.v.Settings
		st.Majority = []app.Majority{app.MajorityHalf, app.MajorityTwoThirds}[r.IntN(2)]
		st.StandardCap = amount.Yuan(r.IntN(4)+2) * 100_000
		st.QuorumNum, st.QuorumDen = r.IntN(3)+1, 3
		if err := w.svc.UpdateSettings(ctx, w.v.ID, st); err != nil {
			return "settings", err
		}
		w.v.Settings = st
		return "settings", nil
	case op < 84:
		mem := &app.Member{VillageID: w.v.ID, Name: fmt.Sprintf("新委员%d", w.k), Bodies: []app.Body{app.BodyPeople}, Role: app.RoleMember}
		w.k++
		if err := w.svc.AddMember(ctx, mem); err != nil {
			return "add member", err
		}
		return "late member on the roll", w.svc.SetPresence(ctx, m.ID, mem.ID, app.Late, "20:00", true)
	case op < 90: // signed: its results frozen, then amended
		return "sign and amend", w.signAndAmend(m)
	case op < 93:
		return "delete meeting", w.svc.DeleteMeeting(ctx, m.ID)
	default:
		m, err := w.svc.CreateMeeting(ctx, service.MeetingSpec{VillageID: w.v.ID, Date: meetingDate.AddDate(0, 0, r.IntN(30))})
		return fmt.Sprintf("create meeting %v", m != nil), err
	}
}

// signAndAmend signs m as the store records a signature, keeps what its results were,
// opens its amendment through the service and marks someone of its sitting away.
func (w *outcomeWorld) signAndAmend(m *app.Meeting) error {
	w.frozen[m.ID] = ruleResults(w.t, w.s, m)
	v, err := w.s.Village(w.ctx, m.VillageID)
	if err != nil {
		return err
	}
	row := m.Summary(v.Settings)
	if err := w.s.Sign(w.ctx, m.ID, signedRecord); err != nil {
		return err
	}
	row.Status = app.StatusSigned
	w.rows[m.ID] = row
	a, err := w.svc.Amend(w.ctx, m.ID, service.AmendSpec{Reason: "更正第1户的表决结果，经复议"})
	if err != nil {
		return err
	}
	// the sitting's roll call: someone is away, which counts the tallies carried over
	// (taken without their own present set) against fewer members
	away := a.Attendance[w.r.IntN(len(a.Attendance))]
	return w.svc.SetPresence(w.ctx, a.ID, away.MemberID, app.Absent, "", true)
}

// TestMeetingsSumsAsTheRuleDoes protects the stored results the meeting list sums:
// after every one of a random sequence of writes through app/service — households
// added, imported, corrected (vote, baseline, visit, amount, block) and deleted, roll
// call marks and corrections, members added to the roll, the village's majority, cap
// and quorum changed, meetings created, deleted, signed and amended — every household's
// stored result is what app's rule gives it now, a signed meeting's what it gave at the
// signature (decided under the rules kept with it, the village's later changes to its
// rules notwithstanding), and the meeting list is what loading every household gives. A write path
// that left a result stale fails here.
func TestMeetingsSumsAsTheRuleDoes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	w := &outcomeWorld{t: t, ctx: ctx, r: rand.New(rand.NewPCG(20, 26)), s: s, svc: service.New(s),
		frozen: map[int64]map[int64]result{}, rows: map[int64]app.MeetingSummary{}}
	w.v = testVillage()
	if err := w.svc.CreateVillage(ctx, w.v); err != nil {
		t.Fatal(err)
	}
	done := map[string]int{}
	outcomes := map[app.Decision]int{}
	for i := range 150 {
		op, err := w.step()
		if err != nil {
			if _, ok := err.(app.Problems); !ok && app.ErrorCode(err) != app.EINVALID {
				t.Fatalf("step %d (%s): %v", i, op, err)
			}
			op += " (refused)"
		}
		done[op]++
		w.check(i, op)
	}
	for _, r := range storedResults(t, s) {
		outcomes[r.Outcome]++
	}
	t.Logf("operations: %v; results: %v", done, outcomes)
	for _, d := range []app.Decision{app.Passed, app.NotPassed, app.Deferred, app.Blocked, app.Pending} {
		if outcomes[d] == 0 {
			t.Errorf("no household ended %s: the operations do not cover every result", d)
		}
	}
	for _, op := range []string{"settings", "sign and amend", "import", "save household", "roll call 缺席", "late member on the roll"} {
		if done[op] == 0 {
			t.Errorf("no %q went through", op)
		}
	}
}

// asBefore0020 makes the database at path what a Pingxin of schema 0019 left: no stored
// results and the lock on households as it was.
func asBefore0020(t *testing.T, path string) {
	t.Helper()
	asBefore0021(t, path)
	onFile(t, path,
		`DROP TRIGGER nominees_outcome_stale`,
		`DROP TRIGGER verifications_outcome_insert`,
		`DROP TRIGGER verifications_outcome_update`,
		`DROP TRIGGER verifications_outcome_delete`,
		`DROP TRIGGER attendance_outcome_insert`,
		`DROP TRIGGER attendance_outcome_update`,
		`DROP TRIGGER attendance_outcome_delete`,
		`DROP TRIGGER villages_outcome_update`,
		`DROP TABLE outcomes_stale`,
		`DROP INDEX nominees_outcome`,
		`DROP INDEX nominees_outcome_stale`,
		`DROP TRIGGER nominees_locked_update`,
		`CREATE TRIGGER nominees_locked_update BEFORE UPDATE ON nominees
		WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
		BEGIN SELECT RAISE(ABORT, 'meeting locked'); END`,
		`ALTER TABLE nominees DROP COLUMN outcome`,
		`ALTER TABLE nominees DROP COLUMN final_amount`)
	unrecorded(t, path, "household_outcomes", 19)
}

// unrecorded takes migration NNNN_name.sql out of the database at path's record, its
// schema then version before (the migration's own changes undone by the caller), so
// that the store applies it again when it opens the file.
func unrecorded(t *testing.T, path, name string, before int) {
	t.Helper()
	v := strconv.Itoa(before)
	onFile(t, path,
		`DELETE FROM schema_migrations WHERE name LIKE '%_`+name+`.sql'`,
		`PRAGMA user_version = `+v,
		`UPDATE app_meta SET value = '`+v+`' WHERE key = 'schema_version'`)
}

// onFile runs qs on the database at path, outside the store, as an older Pingxin or
// something else writing the file would.
func onFile(t *testing.T, path string, qs ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range qs {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestOpenFillsStoredResultsOnce protects a database made before results were stored:
// opening it computes every household's result with app's rule, signed meetings'
// included, once; afterwards the signed meeting's households are locked again, its
// result as well.
func TestOpenFillsStoredResultsOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(0, 20))
	ns := make([]app.Nominee, 200)
	for i := range ns {
		ns[i] = randomHousehold(r, i)
	}
	_, signed := seed(t, s, ns[:100]...)
	if err := s.Sign(ctx, signed.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	m, err := s.CreateAmendment(ctx, signed.ID, "更正")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddNominees(ctx, m.ID, ns[100:]); err != nil {
		t.Fatal(err)
	}
	want := oldMeetings(t, s)
	s.Close()
	asBefore0020(t, path)

	s, err = Open(path)
	if err != nil {
		t.Fatalf("opening a 0019 database: %v", err)
	}
	defer s.Close()
	stored := storedResults(t, s)
	for _, id := range []int64{signed.ID, m.ID} {
		for hid, r := range ruleResults(t, s, mustMeeting(t, s, id)) {
			if stored[hid] != r {
				t.Fatalf("meeting %d household %d: stored %v, the rule gives %v", id, hid, stored[hid], r)
			}
		}
	}
	if len(stored) != 300 { // the amendment carries the signed 100 over
		t.Fatalf("%d households stored, want 300", len(stored))
	}
	if got, err := s.Meetings(ctx); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("Meetings after filling:\n got %+v (%v)\nwant %+v", got, err, want)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM nominees WHERE outcome IS NULL`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d results left to compute (%v)", n, err)
	}
	for _, q := range []string{
		`UPDATE nominees SET outcome = '不通过' WHERE meeting_id = ?`,
		`UPDATE nominees SET outcome = NULL WHERE meeting_id = ?`,
		`UPDATE nominees SET proposed = 1 WHERE meeting_id = ?`,
	} {
		if _, err := s.db.Exec(q, signed.ID); err == nil {
			t.Errorf("%s: the signed meeting's households are not locked", q)
		}
	}
	if err := s.SetStatus(ctx, signed.ID, app.StatusInSession); err == nil {
		t.Error("the signed meeting is unlocked")
	}
}
