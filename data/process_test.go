package data

import (
	"context"
	"reflect"
	"testing"
	"time"

	"pingxin/app"
)

// TestReviewOnceAfterSigning protects the 组织审定 record: only for signed minutes, read
// back as entered, never replaced.
func TestReviewOnceAfterSigning(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	r := app.Review{MeetingID: m.ID, Date: meetingDate.AddDate(0, 0, 2), Reviewer: "沈建国", Opinion: "同意", RecordedAt: clock}
	wantCode(t, s.SaveReview(ctx, r), app.EINVALID, "process.review_unsigned")
	if err := s.Sign(ctx, m.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Review(ctx, m.ID); got != nil || err != nil {
		t.Fatalf("before any review: %v %v", got, err)
	}
	if err := s.SaveReview(ctx, r); err != nil {
		t.Fatal(err)
	}
	got, err := s.Review(ctx, m.ID)
	if err != nil || got.Reviewer != r.Reviewer || got.Opinion != r.Opinion || !got.RecordedAt.Equal(clock) ||
		got.Date.Format("2006-01-02") != "2026-03-12" {
		t.Fatalf("read back %+v %v", got, err)
	}
	r.Opinion = "不同意"
	wantCode(t, s.SaveReview(ctx, r), app.ECONFLICT, "process.review_exists")
	if _, err := s.db.ExecContext(ctx, `UPDATE reviews SET opinion = 'x'`); err == nil {
		t.Error("the database let a review change")
	}
}

// TestPublicityIssueRestartClose protects the 公示 record: issued only for signed
// minutes, restartable while open, closed once with its objections, then frozen.
func TestPublicityIssueRestartClose(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	_, m := seed(t, s)
	n := app.NoticeSettings{Place: "村务公开栏", ObjectPlace: "村委会办公室", Contact: "钱玉芬", Phone: "0573-88001234", SupervisePhone: "0573-88009999"}
	p := app.Publicity{MeetingID: m.ID, Start: meetingDate.AddDate(0, 0, 3), Days: 7, Notice: n, IssuedAt: clock}
	wantCode(t, s.SavePublicity(ctx, p), app.EINVALID, "process.notice_unsigned")
	if err := s.Sign(ctx, m.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePublicity(ctx, p); err != nil {
		t.Fatal(err)
	}
	p.Start = meetingDate.AddDate(0, 0, 5) // posted again two days later
	if err := s.SavePublicity(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Publicity(ctx, m.ID)
	if err != nil || got.Start.Format("2006-01-02") != "2026-03-15" || got.Notice != n || got.Closed() {
		t.Fatalf("read back %+v %v", got, err)
	}
	obs := []app.Objection{{Text: "村民王某反映第2户有高息借贷", Settlement: "经核实不属实，维持"}}
	if err := got.Close(app.Objected, "", obs, time.Date(2026, 3, 22, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := s.ClosePublicity(ctx, *got); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Publicity(ctx, m.ID)
	if back.Outcome != app.Objected || !reflect.DeepEqual(back.Objections, obs) || back.ClosedAt.IsZero() {
		t.Fatalf("closed %+v", back)
	}
	wantCode(t, s.ClosePublicity(ctx, *got), app.ECONFLICT, "process.publicity_closed")
	wantCode(t, s.SavePublicity(ctx, p), app.ECONFLICT, "process.publicity_closed")
	if _, err := s.db.ExecContext(ctx, `UPDATE publicities SET note = 'x'`); err == nil {
		t.Error("the database let a closed 公示 change")
	}
}

// TestDocNumbers protects 文号: the next one given at creation, a used one refused, an
// amendment given its own.
func TestDocNumbers(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	v, m := seed(t, s) // 越丰村评〔2026〕3号
	next, _ := app.NewMeeting(v, meetingDate, nil)
	if err := s.CreateMeeting(ctx, next); err != nil || next.DocNumber != "越丰村评〔2026〕4号" {
		t.Fatalf("next number %q %v", next.DocNumber, err)
	}
	dup, _ := app.NewMeeting(v, meetingDate, nil)
	dup.DocNumber = m.DocNumber
	wantCode(t, s.CreateMeeting(ctx, dup), app.ECONFLICT, "process.doc_number_used")
	next.DocNumber = m.DocNumber
	wantCode(t, s.UpdateMeeting(ctx, next), app.ECONFLICT, "process.doc_number_used")
	next.DocNumber = ""
	if err := s.UpdateMeeting(ctx, next); err != nil || mustMeeting(t, s, next.ID).DocNumber != "越丰村评〔2026〕4号" {
		t.Fatalf("a cleared number must stay: %v", err)
	}
	if err := s.Sign(ctx, m.ID, signedRecord); err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateAmendment(ctx, m.ID, "更正")
	if err != nil || a.DocNumber != "越丰村评〔2026〕5号" {
		t.Fatalf("amendment number %q %v", a.DocNumber, err)
	}
}
