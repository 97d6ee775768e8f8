package data

import (
	"context"
	"strconv"
	"testing"

	"pingxin/app"
)

// tenThousand is a nomination list of 10,000 households with distinct IDs.
func tenThousand() []app.Nominee {
	ns := make([]app.Nominee, 10_000)
	for i := range ns {
		ns[i] = app.NewNominee("户主"+strconv.Itoa(i), bigID(i))
		ns[i].Requested, ns[i].Purpose, ns[i].Phone = 100_000, "生产", "13800000000"
	}
	return ns
}

// BenchmarkAddNominees10k measures loading a 10,000-household list in one transaction,
// audit rows included, on a real file with synchronous=FULL. Each iteration adds the
// list to a new meeting.
func BenchmarkAddNominees10k(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	v, _ := seed(b, s)
	ns := tenThousand()
	for b.Loop() {
		m, _ := app.NewMeeting(v, meetingDate, nil)
		if err := s.CreateMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
		if err := s.AddNominees(ctx, m.ID, ns); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMeeting10k measures reading a meeting of 10,000 households back.
func BenchmarkMeeting10k(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	_, m := seed(b, s)
	if err := s.AddNominees(ctx, m.ID, tenThousand()); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Meeting(ctx, m.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportNominees10k is an import's store step: 10,000 households, each with its
// sage-council visit and notes, one audit entry for the file.
func BenchmarkImportNominees10k(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	v, _ := seed(b, s)
	ns := tenThousand()
	for i := range ns {
		ns[i].Verification = &app.Verification{VisitDate: meetingDate, Visitors: []string{"屠文华", "陆秀兰"},
			Conclusion: app.Confirmed, Recommendation: app.Keep, Notes: "家庭和睦，邻里关系良好，经营稳定，收入来源可靠，建议按申请额度授信。"}
	}
	src := app.ImportSource{File: "名单.xlsx", SHA256: "00"}
	for b.Loop() {
		m, _ := app.NewMeeting(v, meetingDate, nil)
		if err := s.CreateMeeting(ctx, m); err != nil {
			b.Fatal(err)
		}
		if err := s.ImportNominees(ctx, m.ID, app.NomineesFrom(ns, src)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRollCallMark10k is one roll-call mark in the store on a meeting of 10,000
// households not voted on yet: the mark's transaction, which computes again only the
// stored results the mark can change (migration 0022) — here none, where it computed
// all 10,000 before. app/service's benchmark of the same name marks a meeting half voted.
func BenchmarkRollCallMark10k(b *testing.B) {
	ctx := context.Background()
	s := openTest(b)
	_, m := seed(b, s)
	if err := s.AddNominees(ctx, m.ID, tenThousand()); err != nil {
		b.Fatal(err)
	}
	marks := []app.Presence{app.Absent, app.Present}
	i := 0
	for b.Loop() {
		if err := s.SetPresence(ctx, m.ID, m.Attendance[0].MemberID, marks[i%2], "", nil); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
