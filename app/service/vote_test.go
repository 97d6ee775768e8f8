package service

import (
	"context"
	"errors"
	"strings"
	"testing"

	"pingxin/app"
)

// votedMeeting is setup's meeting with 议事员8 absent and household 1 voted 7/1 by the
// eight present, through SaveHousehold as the faces store a tally.
func votedMeeting(t *testing.T) (*Service, *app.Meeting) {
	t.Helper()
	st, id := setup(t)
	svc, ctx := New(st), context.Background()
	if _, err := svc.Attend(ctx, id, []Mark{{Name: "议事员8", Presence: app.Absent}}, false); err != nil {
		t.Fatal(err)
	}
	n := app.NewNominee("村民1", idN(1))
	n.Purpose, n.Requested = "生产", 200_000
	if err := svc.AddHousehold(ctx, id, &n); err != nil {
		t.Fatal(err)
	}
	n.Proposed, n.Votes = 200_000, app.Votes{For: 7, Against: 1, Recorded: true}
	if err := svc.SaveHousehold(ctx, &n); err != nil {
		t.Fatal(err)
	}
	m, err := svc.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Nominees[0].Voters) != 8 {
		t.Fatalf("the vote was stored with voters %v, want the eight present", m.Nominees[0].Voters)
	}
	return svc, m
}

// TestLateArrivalDoesNotRecount protects the report: a late arrival changed the
// voter count of votes taken before they came. Marked 迟到, they are counted from then
// on; the vote before keeps 8 and the tally checks against 8.
func TestLateArrivalDoesNotRecount(t *testing.T) {
	svc, m := votedMeeting(t)
	ctx := context.Background()
	rs, err := svc.Attend(ctx, m.ID, []Mark{{Name: "议事员8", Presence: app.Late, At: "20:05"}}, false)
	if err != nil || rs != nil {
		t.Fatalf("a late arrival: %v, %v", rs, err)
	}
	got, _ := svc.Meeting(ctx, m.ID)
	n := got.Nominees[0]
	if _, v := got.VoteOf(&n, app.DefaultSettings()); v != 8 {
		t.Errorf("the earlier vote now counts %d voters, want 8", v)
	}
	n.Votes.Abstain = 1 // 9 votes over the 8 present then: refused, though 9 are here now
	if err := svc.SaveHousehold(ctx, &n); err == nil || !strings.Contains(err.Error(), "= 9，出席 8 人") {
		t.Errorf("a corrected tally larger than its voters was stored: %v", err)
	}
}

// TestRollCorrectionAsksFirst: marking 缺席 a member a recorded vote counted changes that
// vote; the service refuses until yes, naming the household, and then stores it.
func TestRollCorrectionAsksFirst(t *testing.T) {
	svc, m := votedMeeting(t)
	ctx := context.Background()
	member := m.Attendance[0]
	err := svc.SetPresence(ctx, m.ID, member.MemberID, app.Absent, "", false)
	var e *app.Error
	if !errors.As(err, &e) || e.Code != app.ECONFLICT || !strings.Contains(e.Error(), "1 村民1（8→7）") {
		t.Fatalf("unconfirmed correction: %v", err)
	}
	if got, _ := svc.Meeting(ctx, m.ID); got.Attendance[0].Presence != app.Present {
		t.Fatal("the refused mark was stored")
	}
	if _, err := svc.Attend(ctx, m.ID, []Mark{{Name: member.Name, Presence: app.Leave}}, false); app.ErrorCode(err) != app.ECONFLICT {
		t.Fatalf("attend without yes: %v", err)
	}
	if err := svc.SetPresence(ctx, m.ID, member.MemberID, app.Absent, "", true); err != nil {
		t.Fatal(err)
	}
	got, _ := svc.Meeting(ctx, m.ID)
	if len(got.Nominees[0].Voters) != 7 {
		t.Errorf("voters after the correction: %v", got.Nominees[0].Voters)
	}
	// leaving early changes no recorded vote: nothing to ask
	if err := svc.SetPresence(ctx, m.ID, got.Attendance[1].MemberID, app.LeftEarly, "21:00", false); err != nil {
		t.Errorf("早退 asked: %v", err)
	}
}

// TestImportedTallyKeepsItsRollCall: a tally sheet's votes are counted against the roll
// call of the moment they are imported.
func TestImportedTallyKeepsItsRollCall(t *testing.T) {
	st, id := setup(t)
	svc, ctx := New(st), context.Background()
	path := writeTemp(t, "list.csv", []byte(csvOf([][]string{header, household(1, nil)})))
	if _, err := svc.ImportNominees(ctx, id, path, false); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Attend(ctx, id, []Mark{{Name: "议事员0", Presence: app.LeftEarly, At: "21:00"}}, false); err != nil {
		t.Fatal(err)
	}
	m, _ := svc.Meeting(ctx, id)
	if len(m.Nominees[0].Voters) != 9 {
		t.Errorf("imported vote's voters: %v", m.Nominees[0].Voters)
	}
	// the next vote, on the day (the clock is the day before the meeting's date: not
	// later), no longer counts the member who left
	n := app.NewNominee("村民2", idN(2))
	n.Purpose, n.Requested, n.Proposed = "生产", 200_000, 200_000
	n.Votes = app.Votes{For: 8, Recorded: true}
	if err := svc.AddHousehold(ctx, id, &n); err != nil {
		t.Fatal(err)
	}
	if len(n.Voters) != 8 {
		t.Errorf("a vote after 早退: voters %v, want 8", n.Voters)
	}
}
