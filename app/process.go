package app

import (
	"strings"
	"time"
)

// The steps after signing (docs/RULES.md §11): the village Party organisation's review
// (组织审定), the public notice (公示) and its outcome. They are records of their own,
// kept beside the signed meeting, which itself never changes.

// DefaultOpinion is the review opinion when the reviewer adds no remark.
const DefaultOpinion = "同意"

// Review is the 组织审定: the village Party organisation (村党组织, its secretary) reviews
// the signed result. It is recorded once per signed meeting.
type Review struct {
	MeetingID  int64
	Date       time.Time // the day of the review, as the reviewer gives it
	Reviewer   string    // who reviewed, by name (the secretary)
	Opinion    string    // 同意, or remarks
	RecordedAt time.Time // when it was entered
}

// Validate refuses a review without a date or a reviewer, or dated before the meeting.
func (r *Review) Validate(m *Meeting) error {
	r.Reviewer, r.Opinion = strings.TrimSpace(r.Reviewer), strings.TrimSpace(r.Opinion)
	if r.Opinion == "" {
		r.Opinion = DefaultOpinion
	}
	switch {
	case !m.Locked():
		return Errorf(EINVALID, "process.review_unsigned")
	case r.Date.IsZero():
		return Errorf(EINVALID, "process.review_date_required")
	case r.Reviewer == "":
		return Errorf(EINVALID, "process.review_by_required")
	case r.Date.Before(m.Date):
		return Errorf(EINVALID, "process.review_before_meeting", "Date", r.Date.Format("2006-01-02"), "Meeting", m.Date.Format("2006-01-02"))
	}
	return nil
}

// NoticeSettings are a village's settings for its public notices (公示): where the
// notice is posted, where and to whom objections go, and a supervision telephone
// (the town or the bank branch). Empty until the village fills them in; a notice
// prints 未填写 for what is missing rather than inventing it.
type NoticeSettings struct {
	Place          string // where the notice is posted (村务公开栏)
	ObjectPlace    string // where objections are received (村委会办公室)
	Contact        string // who receives objections
	Phone          string // the contact's telephone
	SupervisePhone string // 监督电话: town or bank branch
}

// Outcome is how a 公示 ended.
type Outcome string

// The outcomes of a 公示.
const (
	NoObjection Outcome = "无异议"
	Objected    Outcome = "有异议"
)

// ParseOutcome reads an outcome as typed; ok is false for anything else.
func ParseOutcome(s string) (Outcome, bool) {
	switch o := Outcome(strings.TrimSpace(s)); o {
	case NoObjection, Objected:
		return o, true
	}
	return "", false
}

// Objection is one objection raised during a 公示 and how it was settled.
type Objection struct {
	Text       string `json:"text"`       // what was objected to, by whom
	Settlement string `json:"settlement"` // how it was settled (an upheld one leads to an amendment)
}

// Publicity is the 公示 of a signed meeting: the period it was posted for, the
// village's notice settings as printed, and once the period has ended its outcome.
type Publicity struct {
	MeetingID  int64
	Start      time.Time // first day, chosen by the clerk (default: the day it is printed)
	Days       int       // the village's notice days when it was issued
	Notice     NoticeSettings
	IssuedAt   time.Time
	Outcome    Outcome // "" while the period runs or the outcome is not recorded
	Note       string
	Objections []Objection
	ClosedAt   time.Time
}

// End is the last day of the period, included.
func (p *Publicity) End() time.Time { return p.Start.AddDate(0, 0, p.Days-1) }

// Closed reports whether the outcome has been recorded.
func (p *Publicity) Closed() bool { return p.Outcome != "" }

// NewPublicity prepares the 公示 of signed meeting m from start, for the village's
// notice days, with its notice settings. A start before the meeting is refused.
func NewPublicity(v *Village, m *Meeting, start, now time.Time) (*Publicity, error) {
	switch {
	case !m.Locked():
		return nil, Errorf(EINVALID, "process.notice_unsigned")
	case start.IsZero():
		return nil, Errorf(EINVALID, "process.notice_start_required")
	case Day(start).Before(Day(m.Date)):
		return nil, Errorf(EINVALID, "process.notice_before_meeting", "Date", start.Format("2006-01-02"), "Meeting", m.Date.Format("2006-01-02"))
	}
	days := v.Settings.NoticeDays
	if days <= 0 {
		days = DefaultSettings().NoticeDays
	}
	return &Publicity{MeetingID: m.ID, Start: Day(start), Days: days, Notice: v.Settings.Notice, IssuedAt: now}, nil
}

// Close records the outcome once the period has ended (today is after its last day):
// 无异议, or 有异议 with every objection and its settlement.
func (p *Publicity) Close(o Outcome, note string, objections []Objection, today time.Time) error {
	switch {
	case p.Closed():
		return Errorf(ECONFLICT, "process.publicity_closed", "Outcome", string(p.Outcome))
	case !Day(today).After(p.End()):
		return Errorf(EINVALID, "process.publicity_running", "End", p.End().Format("2006-01-02"))
	case o != NoObjection && o != Objected:
		return Errorf(EINVALID, "process.outcome", "Value", string(o))
	case o == NoObjection && len(objections) > 0:
		return Errorf(EINVALID, "process.objections_without")
	case o == Objected && len(objections) == 0:
		return Errorf(EINVALID, "process.objections_required")
	}
	for i, ob := range objections {
		if strings.TrimSpace(ob.Text) == "" || strings.TrimSpace(ob.Settlement) == "" {
			return Errorf(EINVALID, "process.objection_incomplete", "N", i+1)
		}
	}
	p.Outcome, p.Note, p.Objections, p.ClosedAt = o, strings.TrimSpace(note), objections, today
	return nil
}

// Day is t's calendar day at midnight in t's location.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}
