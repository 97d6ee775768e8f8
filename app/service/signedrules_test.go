package service

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/minutes"
)

// signedView is everything a reader shows of a signed meeting: the meeting list's row,
// the tally and every household's result as the screens and documents compute them,
// the fingerprint the documents print, and what the register takes in.
type signedView struct {
	row         app.MeetingSummary
	tally       app.Tally
	results     []app.Result
	fingerprint string
	validity    int
}

func viewSigned(t *testing.T, st app.Store, id int64) signedView {
	t.Helper()
	ctx := context.Background()
	v, m, err := Load(ctx, st, id)
	if err != nil {
		t.Fatal(err)
	}
	list, err := st.Meetings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(list, func(s app.MeetingSummary) bool { return s.ID == id })
	return signedView{row: list[i], tally: m.Tally(v.Settings), results: m.Results(v.Settings),
		fingerprint: minutes.Fingerprint(v, m), validity: m.RulesUnder(v.Settings).ValidityYears}
}

// TestSignedMeetingKeepsItsRules protects a signed meeting's results from the village's
// later decisions (issue 12): after the signing the village raises its quorum and
// majority, lowers its standard cap (so that proposals above it without a visit are
// 暂缓) and lengthens the credit's validity. Every reader of the signed meeting — the
// meeting list, the tally and results the screens show, the fingerprint the documents
// print, the minutes handed out, the bank sheet, the register with its ratings' expiry
// and an amendment's list of changes — must still give what the meeting was signed with. Before the rules were
// kept with the signature, the tally, the results, the fingerprint, the bank sheet and
// the register followed the new rules while the meeting list did not.
func TestSignedMeetingKeepsItsRules(t *testing.T) {
	st, id, dir := signedDemo(t)
	ctx, svc := context.Background(), New(st)
	now := time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)
	before := viewSigned(t, st, id)
	if before.tally.Passed != before.row.Passed || before.tally.Total != before.row.Total {
		t.Fatalf("at the signing the tally %+v and the meeting list %+v disagree", before.tally, before.row)
	}
	sheet := func(name string) []byte {
		_, files := unzip(t, exportZip(t, st, id, t.TempDir(), now))
		return files[name]
	}
	sheetBefore := sheet(PackageSheet)
	signedPDF := mustRead(t, filepath.Join(dir, "signed.pdf"))

	v, m, err := Load(ctx, st, id)
	if err != nil {
		t.Fatal(err)
	}
	later := v.Settings
	later.QuorumNum, later.QuorumDen = 1, 1
	later.Majority = app.MajorityTwoThirds
	later.StandardCap = 100_000
	later.ValidityYears = 5
	later.Notice.Phone = "0573-88888888"
	unsigned := *m
	unsigned.Rules = nil
	if slices.EqualFunc(unsigned.Results(later), before.results, sameResult) {
		t.Fatal("the later rules decide the demo as it was signed: the test shows nothing")
	}
	if err := svc.UpdateSettings(ctx, v.ID, later); err != nil {
		t.Fatal(err)
	}

	after := viewSigned(t, st, id)
	if after.row != before.row {
		t.Errorf("meeting list: %+v, signed with %+v", after.row, before.row)
	}
	if after.tally != before.tally {
		t.Errorf("tally: %+v, signed with %+v", after.tally, before.tally)
	}
	for i := range before.results {
		if a, b := after.results[i], before.results[i]; !sameResult(a, b) {
			t.Errorf("household %d: %s %s, signed as %s %s", i+1, a.Outcome, a.Amount, b.Outcome, b.Amount)
		}
	}
	if after.fingerprint != before.fingerprint || after.validity != 3 {
		t.Errorf("documents print fingerprint %s and validity %d, the signed minutes %s and 3",
			after.fingerprint, after.validity, before.fingerprint)
	}
	path := filepath.Join(t.TempDir(), "minutes.pdf")
	if _, err := WriteMinutes(ctx, st, id, path, now); err != nil {
		t.Fatal(err)
	} else if got := mustRead(t, path); !slices.Equal(got, signedPDF) {
		t.Error("minutes: not the signed copy")
	}
	if got := sheet(PackageSheet); !slices.Equal(got, sheetBefore) {
		t.Error("bank sheet: not the one exported before the rules changed")
	}
	reg, err := svc.OpenRegister(ctx, v.ID, now)
	if err != nil {
		t.Fatal(err)
	}
	var passed int
	var total int64
	for _, e := range reg.Entries {
		if e.MeetingID == id {
			passed, total = passed+1, total+int64(e.Passed)
		}
	}
	if passed != before.row.Passed || total != before.row.Total {
		t.Errorf("register: %d households, %d yuan; signed %d, %d", passed, total, before.row.Passed, before.row.Total)
	}
	// the rating runs for the validity the minutes were signed with, not the 5 years the
	// village decided later
	first := reg.Entries[0]
	approved := app.Day(now)
	if err := svc.RecordBankAnswer(ctx, v.ID, app.BankAnswer{IDNumber: first.IDNumber, Name: first.Name,
		Result: app.BankApproved, Amount: first.Passed, Date: approved}); err != nil {
		t.Fatal(err)
	}
	if reg, err = svc.OpenRegister(ctx, v.ID, now); err != nil {
		t.Fatal(err)
	}
	for _, e := range reg.Entries {
		if e.IDNumber == first.IDNumber && !e.Expiry.Equal(approved.AddDate(3, 0, 0)) {
			t.Errorf("register: %s approved %s expires %s, signed with a validity of 3 years",
				e.Name, approved.Format(time.DateOnly), e.Expiry.Format(time.DateOnly))
		}
	}

	// An amendment is decided under the rules as they stand until its own signing: what
	// the later rules change is a change it lists, from the result as signed.
	a, err := svc.Amend(ctx, id, AmendSpec{Reason: "按新村规复议", Time: "19:00", Place: "村会议室"})
	if err != nil {
		t.Fatal(err)
	}
	av, am, err := Load(ctx, st, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := AmendmentChanges(ctx, st, av, am)
	if err != nil {
		t.Fatal(err)
	}
	listed := 0
	for _, c := range changes {
		if c.Field != "field.result" {
			continue
		}
		listed++
		i := slices.IndexFunc(m.Nominees, func(n app.Nominee) bool { return n.Seq == c.Seq })
		if b := before.results[i]; c.Old != resultTextOf(b) {
			t.Errorf("amendment: household %d was %q, signed as %q", c.Seq, c.Old, resultTextOf(b))
		}
	}
	if listed == 0 {
		t.Error("the amendment lists no result the later rules changed")
	}
}

// sameResult compares what a result decides: the outcome and the amount.
func sameResult(a, b app.Result) bool { return a.Outcome == b.Outcome && a.Amount == b.Amount }

// resultTextOf is a result as an amendment's list of changes writes it.
func resultTextOf(r app.Result) string {
	if r.Outcome == app.Passed {
		return string(r.Outcome) + " " + r.Amount.String()
	}
	return string(r.Outcome)
}
