package service

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pingxin/app"
)

// meetingInProgress is setup's meeting grown to households households as the roll call
// finds it in the middle of a big sitting: the first half voted, each vote with the nine
// present when it was taken, the rest not yet.
func meetingInProgress(b *testing.B, households int) (*Service, *app.Meeting) {
	st, id := setup(b)
	ctx := context.Background()
	m, err := st.Meeting(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	ns := make([]app.Nominee, households)
	for i := range ns {
		ns[i] = app.NewNominee(fmt.Sprintf("村民%d", i), idN(i+10))
		ns[i].Purpose, ns[i].Requested, ns[i].Proposed = "生产", 200_000, 200_000
		if i < households/2 {
			ns[i].Votes = app.Votes{For: 7, Against: 2, Recorded: true}
			m.StampVote(nil, &ns[i], meetingDay.Add(20*time.Hour))
		}
	}
	if err := st.AddNominees(ctx, id, ns); err != nil {
		b.Fatal(err)
	}
	return New(st), m
}

// BenchmarkRollCallMark10k is one roll-call mark through the service, as either face
// stores it, on a meeting of 10,000 households in progress: a member marked 迟到, then
// 早退, by turns — marks that change no recorded vote, so none asks first.
func BenchmarkRollCallMark10k(b *testing.B) {
	svc, m := meetingInProgress(b, 10_000)
	ctx := context.Background()
	member := m.Attendance[len(m.Attendance)-1].MemberID
	marks := []struct {
		p  app.Presence
		at string
	}{{app.Late, "19:40"}, {app.LeftEarly, "20:10"}}
	i := 0
	for b.Loop() {
		mk := marks[i%2]
		if err := svc.SetPresence(ctx, m.ID, member, mk.p, mk.at, false); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
