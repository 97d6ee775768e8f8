package service

import (
	"context"
	"time"

	"pingxin/app"
	"pingxin/app/atomicfile"
	"pingxin/app/minutes"
)

// The steps after signing (docs/RULES.md §11): 组织审定, 公示 and its outcome. Both faces
// call these; the records they leave are read back with Process.

// AfterSigning is what a signed meeting has gone through since: its signing, the
// 组织审定 and the 公示 with its outcome; nil where that step has not happened yet. The
// bank package is built from it.
type AfterSigning struct {
	Sign      *app.SignRecord
	Review    *app.Review
	Publicity *app.Publicity
}

// Process reads a meeting's records after signing.
func Process(ctx context.Context, st app.Reader, meetingID int64) (*AfterSigning, error) {
	var a AfterSigning
	var err error
	if a.Sign, err = st.SignRecord(ctx, meetingID); err != nil {
		return nil, err
	}
	if a.Review, err = st.Review(ctx, meetingID); err != nil {
		return nil, err
	}
	if a.Publicity, err = st.Publicity(ctx, meetingID); err != nil {
		return nil, err
	}
	return &a, nil
}

// RecordReview records the 组织审定 of signed minutes: the day, the reviewer and the
// opinion (同意 when none is given). Once recorded it never changes.
func (s *Service) RecordReview(ctx context.Context, meetingID int64, day time.Time, by, opinion string, now time.Time) error {
	st := s.st
	m, err := st.Meeting(ctx, meetingID)
	if err != nil {
		return err
	}
	r := app.Review{MeetingID: meetingID, Date: day, Reviewer: by, Opinion: opinion, RecordedAt: now}
	if err := r.Validate(m); err != nil {
		return err
	}
	return st.SaveReview(ctx, r)
}

// WriteNotice writes the 公示 of signed minutes to path and records it: the period
// starts on from (zero: the period already recorded, or today for a first notice)
// and lasts the village's notice days. A different from restarts a period whose
// outcome is not recorded yet; once it is, the notice can only be printed again as
// it was. Unsigned minutes are refused (docs/RULES.md §11.3).
func (s *Service) WriteNotice(ctx context.Context, meetingID int64, path string, from, now time.Time) (*app.Publicity, error) {
	st := s.st
	v, m, err := Load(ctx, st, meetingID)
	if err != nil {
		return nil, err
	}
	if !m.Locked() {
		return nil, app.Errorf(app.EINVALID, "process.notice_unsigned")
	}
	p, err := st.Publicity(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	fresh := false
	switch {
	case p != nil && (from.IsZero() || app.Day(from).Equal(p.Start)):
		// printed again as recorded
	case p != nil && p.Closed():
		return nil, app.Errorf(app.ECONFLICT, "process.notice_changed", "Date", from.Format("2006-01-02"))
	default:
		if from.IsZero() {
			from = now
		}
		if p, err = app.NewPublicity(v, m, from, now); err != nil {
			return nil, err
		}
		fresh = true
	}
	o, err := options(ctx, st, v, m, now)
	if err != nil {
		return nil, err
	}
	o.Publicity = p
	b, err := render(v, m, o, minutes.RenderNotice)
	if err != nil {
		return nil, err
	}
	if fresh {
		if err := st.SavePublicity(ctx, *p); err != nil {
			return nil, err
		}
	}
	if err := atomicfile.WriteBytes(path, 0o600, b); err != nil {
		return nil, err
	}
	return p, nil
}

// ClosePublicity records how the 公示 ended once its period is over: 无异议, or 有异议
// with each objection and its settlement. Before the last day has passed it is refused.
func (s *Service) ClosePublicity(ctx context.Context, meetingID int64, o app.Outcome, note string, objections []app.Objection, now time.Time) error {
	st := s.st
	p, err := st.Publicity(ctx, meetingID)
	if err != nil {
		return err
	}
	if p == nil {
		if _, err := st.Meeting(ctx, meetingID); err != nil {
			return err
		}
		return app.Errorf(app.EINVALID, "process.no_publicity")
	}
	if err := p.Close(o, note, objections, now); err != nil {
		return err
	}
	return st.ClosePublicity(ctx, *p)
}

// ReadyForBank says what a meeting still lacks before its bank package may be
// exported, nil once nothing does: signed minutes, the 组织审定 recorded and the 公示's
// outcome recorded (docs/RULES.md §11.4). An amendment (补充纪要) is a meeting of its
// own and needs its own review and its own 更正公示 outcome: the original's review
// approved the original result, not the changes. ExportBank refuses with this error,
// and the desktop asks it before offering the save dialog, so both faces name the
// same missing steps.
func ReadyForBank(ctx context.Context, st app.Reader, meetingID int64) error {
	m, err := st.Meeting(ctx, meetingID)
	if err != nil {
		return err
	}
	if !m.Locked() {
		return app.Errorf(app.EINVALID, "service.export_unsigned")
	}
	r, err := st.Review(ctx, meetingID)
	if err != nil {
		return err
	}
	p, err := st.Publicity(ctx, meetingID)
	if err != nil {
		return err
	}
	closed := p != nil && p.Closed()
	switch {
	case r == nil && !closed:
		return app.Errorf(app.EINVALID, "process.export_no_review_no_outcome")
	case r == nil:
		return app.Errorf(app.EINVALID, "process.export_no_review")
	case !closed:
		return app.Errorf(app.EINVALID, "process.export_no_outcome")
	}
	return nil
}
