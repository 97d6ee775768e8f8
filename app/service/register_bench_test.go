package service

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/data"
)

// bigRegister seeds a village whose register holds households households with three
// years of history: a meeting a year that nominated, decided, verified and passed each
// of them, and a bank answer to each. It goes through the store's own write paths
// (FoldMeeting, AddBankAnswers), as the service does.
func bigRegister(b *testing.B, households int) (*data.Store, int64) {
	st, firstMeeting := setup(b)
	ctx := context.Background()
	first, err := st.Meeting(ctx, firstMeeting)
	if err != nil {
		b.Fatal(err)
	}
	v, err := st.Village(ctx, first.VillageID)
	if err != nil {
		b.Fatal(err)
	}
	surnames := []rune("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许")
	for year := 2024; year <= 2026; year++ {
		m, err := app.NewMeeting(v, time.Date(year, 3, 15, 0, 0, 0, 0, time.UTC), nil)
		if err != nil {
			b.Fatal(err)
		}
		m.DocNumber = fmt.Sprintf("越丰村评〔%d〕5号", year) // the setup meeting holds 1号
		if err := st.CreateMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
		mc := app.MeetingCredit{MeetingID: m.ID, VillageID: v.ID, Doc: m.DocNumber}
		answers := make([]app.BankAnswer, households)
		for i := range households {
			id := idN(i + 1)
			name := fmt.Sprintf("%c村民%d", surnames[i%len(surnames)], i)
			base := app.CreditEvent{IDNumber: id, Name: name, Date: m.Date, MeetingID: m.ID, DocNumber: m.DocNumber}
			nom, dec, ver := base, base, base
			nom.Kind, nom.Amount, nom.Detail = app.EventNomination, 300_000, "生产经营"
			dec.Kind, dec.Outcome, dec.Amount, dec.Detail = app.EventDecision, "通过", 200_000, "赞成 8，反对 1，弃权 0，回避 0"
			ver.Kind, ver.Outcome, ver.Detail = app.EventVerification, "属实", "维持"
			mc.Events = append(mc.Events, nom, dec, ver)
			mc.Passed = append(mc.Passed, app.CreditRow{VillageID: v.ID, IDNumber: id, Name: name,
				Group: fmt.Sprintf("第%d村民小组", i%12+1), NomineeID: int64(i + 1), MeetingID: m.ID,
				DocNumber: m.DocNumber, SignedOn: m.Date, Passed: 200_000})
			answers[i] = app.BankAnswer{IDNumber: id, Result: app.BankApproved, Amount: 150_000,
				Date: m.Date.AddDate(0, 0, 10), Rate: "4.35%", Source: "回执.xlsx"}
		}
		if err := st.FoldMeeting(ctx, mc); err != nil {
			b.Fatal(err)
		}
		if err := st.AddBankAnswers(ctx, v.ID, answers); err != nil {
			b.Fatal(err)
		}
	}
	return st, v.ID
}

// BenchmarkRegister20k is the register of 20,000 households with three years of
// history (docs/RULES.md §11.6; target: open and search under 100 ms each): open reads
// the register table with the blacklist joined and computes every status; search finds
// households by words in the opened register; history reads one household's events by
// index.
func BenchmarkRegister20k(b *testing.B) {
	st, villageID := bigRegister(b, 20_000)
	ctx := context.Background()
	today := time.Date(2027, 1, 10, 9, 0, 0, 0, time.Local)
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			reg, err := New(st).OpenRegister(ctx, villageID, today)
			if err != nil || len(reg.Entries) != 20_000 {
				b.Fatalf("%v, %d entries", err, len(reg.Entries))
			}
		}
	})
	reg, err := New(st).OpenRegister(ctx, villageID, today)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("search", func(b *testing.B) {
		for b.Loop() {
			if hits := reg.Search("陈 第2村民小组"); len(hits) == 0 {
				b.Fatal("no hits")
			}
		}
	})
	b.Run("search+sort", func(b *testing.B) {
		for b.Loop() {
			hits := reg.Search("")
			app.SortEntries(hits, app.SortExpiry, true)
		}
	})
	b.Run("history", func(b *testing.B) {
		for b.Loop() {
			if evs, err := st.CreditHistory(ctx, villageID, idN(12_345)); err != nil || len(evs) != 12 {
				b.Fatalf("%v, %d events", err, len(evs))
			}
		}
	})
}
