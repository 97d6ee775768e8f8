package data

import (
	"context"
	"testing"

	"pingxin/app"
)

// TestCreditRegisterStore protects the register's store: a meeting folds in once (a
// second fold, as from a second window, changes nothing), a bank answer lands on its
// household's row and in its history, a batch with an unknown household records none
// of its answers, and the active blacklist entry comes back with the row.
func TestCreditRegisterStore(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	v, m := seed(t, s)
	a, b := testID(1), testID(2)
	mc := app.MeetingCredit{MeetingID: m.ID, VillageID: v.ID, Doc: m.DocNumber,
		Events: []app.CreditEvent{{IDNumber: a, Name: "甲", Date: meetingDate, Kind: app.EventDecision, MeetingID: m.ID, DocNumber: m.DocNumber, Outcome: "通过", Amount: 200_000}},
		Passed: []app.CreditRow{
			{VillageID: v.ID, IDNumber: a, Name: "甲", MeetingID: m.ID, DocNumber: m.DocNumber, SignedOn: meetingDate, Passed: 200_000},
			{VillageID: v.ID, IDNumber: b, Name: "乙", MeetingID: m.ID, DocNumber: m.DocNumber, SignedOn: meetingDate, Passed: 100_000},
		}}
	for range 2 {
		if err := s.FoldMeeting(ctx, mc); err != nil {
			t.Fatal(err)
		}
	}
	if evs, err := s.CreditHistory(ctx, v.ID, a); err != nil || len(evs) != 1 {
		t.Fatalf("a second fold must add nothing: %d events, %v", len(evs), err)
	}
	bad := []app.BankAnswer{
		{IDNumber: a, Result: app.BankApproved, Amount: 150_000, Date: meetingDate.AddDate(0, 0, 5), Source: "回执.xlsx"},
		{IDNumber: testID(3), Result: app.BankRefused},
	}
	wantCode(t, s.AddBankAnswers(ctx, v.ID, bad), app.ENOTFOUND, "credit.not_found")
	if row, err := s.CreditRow(ctx, v.ID, a); err != nil || row.Bank != "" {
		t.Fatalf("a refused batch recorded an answer: %+v, %v", row, err)
	}
	if err := s.AddBankAnswers(ctx, v.ID, bad[:1]); err != nil {
		t.Fatal(err)
	}
	if err := s.AddBlacklist(ctx, v.ID, []app.BlacklistEntry{{Name: "乙", IDNumber: b, Category: app.Defaulter, Date: meetingDate}}); err != nil {
		t.Fatal(err)
	}
	rows, err := s.CreditRegister(ctx, v.ID)
	if err != nil || len(rows) != 2 {
		t.Fatalf("register: %d rows, %v", len(rows), err)
	}
	if r := rows[0]; r.IDNumber != a || r.Bank != app.BankApproved || r.BankAmount != 150_000 || !r.BankDate.Equal(meetingDate.AddDate(0, 0, 5)) || r.Blacklist != nil {
		t.Fatalf("甲: %+v", r)
	}
	if r := rows[1]; r.Blacklist == nil || r.Blacklist.Category != app.Defaulter || !r.Blacklist.Date.Equal(meetingDate) {
		t.Fatalf("乙 should carry the blacklist entry: %+v", r)
	}
	evs, err := s.CreditHistory(ctx, v.ID, a)
	if err != nil || len(evs) != 2 || evs[1].Kind != app.EventBank || evs[1].DocNumber != "回执.xlsx" {
		t.Fatalf("history: %+v, %v", evs, err)
	}
	if evs, err := s.CreditHistory(ctx, v.ID, b); err != nil || len(evs) != 1 || evs[0].Kind != app.EventBlacklisted {
		t.Fatalf("乙's history should hold the blacklist entry: %+v, %v", evs, err)
	}
	if d, err := s.ReminderDays(ctx, v.ID); err != nil || d != app.DefaultReminderDays {
		t.Fatalf("reminder days = %d, %v", d, err)
	}
	if err := s.SetReminderDays(ctx, v.ID, 60); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.ReminderDays(ctx, v.ID); d != 60 {
		t.Fatalf("reminder days = %d after setting 60", d)
	}
}
