package service

import (
	"context"
	"slices"
	"strings"
	"time"

	"pingxin/app"
)

// MeetingSpec is what a new meeting is made from, by the desktop's form or
// `meeting new` alike.
type MeetingSpec struct {
	VillageID   int64
	Date        time.Time
	Time, Place string
	DocNumber   string   // "" means the village's next 文号 (docs/RULES.md §11.1)
	Absent      []string // people's-council members marked 缺席; everyone else is present
}

// CreateMeeting checks and stores a new meeting: every roster member on the roll call,
// present unless listed absent. Without a 文号 in spec the store gives it the
// village's next one for the meeting's year, in the transaction that stores it.
func (s *Service) CreateMeeting(ctx context.Context, spec MeetingSpec) (*app.Meeting, error) {
	v, err := s.Village(ctx, spec.VillageID)
	if err != nil {
		return nil, err
	}
	m, err := app.NewMeeting(v, spec.Date, spec.Absent)
	if err != nil {
		return nil, err
	}
	m.Time, m.Place = strings.TrimSpace(spec.Time), strings.TrimSpace(spec.Place)
	m.DocNumber = strings.TrimSpace(spec.DocNumber)
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, s.st.CreateMeeting(ctx, m)
}

// UpdateMeeting checks and stores a meeting's facts: type, 文号, date, time, place,
// chair, clerk.
func (s *Service) UpdateMeeting(ctx context.Context, m *app.Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.st.UpdateMeeting(ctx, m)
}

// Mark is one roll-call entry to set: the member by name, the mark, and the time for
// 迟到 and 早退 (HH:MM).
type Mark struct {
	Name     string
	Presence app.Presence
	At       string
}

// SetPresence marks one member of a meeting's roll call (docs/RULES.md §3.2). A mark
// that changes the count of votes already recorded (Meeting.Remark) is refused with
// the households it would change, ECONFLICT, unless yes: the person saw them and
// confirmed.
func (s *Service) SetPresence(ctx context.Context, meetingID, memberID int64, p app.Presence, at string, yes bool) error {
	m, err := s.RollCall(ctx, meetingID)
	if err != nil {
		return err
	}
	if m.MayRecount(memberID, p) { // the votes it may change are the households'
		if m, err = s.Meeting(ctx, meetingID); err != nil {
			return err
		}
	}
	name := ""
	for _, a := range m.Attendance {
		if a.MemberID == memberID {
			name = a.Name
		}
	}
	if err := app.CheckMark(name, p, at); err != nil {
		return err
	}
	at = app.MarkTime(p, at)
	rs := m.Remark(memberID, p, at)
	if len(rs) > 0 && !yes {
		return app.RecountMessage(rs)
	}
	return s.st.SetPresence(ctx, meetingID, memberID, p, at, rs)
}

// Attend marks several members of a meeting's roll call by name, as `attend` does, and
// returns the recorded votes whose count it changed. Every mark is checked before any
// is stored: an unknown name or a 迟到 without a time changes nothing, and neither does
// a set of marks that changes the count of recorded votes unless yes (SetPresence).
func (s *Service) Attend(ctx context.Context, meetingID int64, marks []Mark, yes bool) ([]app.Recount, error) {
	m, err := s.RollCall(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	if m.Locked() {
		return nil, app.Errorf(app.ELOCKED, "meeting.locked")
	}
	rm := make([]app.RollMark, len(marks))
	for i, mk := range marks {
		id, ok := memberOnRoll(m, mk.Name)
		if !ok {
			return nil, app.Errorf(app.EINVALID, "meeting.unknown_member", "Name", mk.Name)
		}
		if err := app.CheckMark(mk.Name, mk.Presence, mk.At); err != nil {
			return nil, err
		}
		rm[i] = app.RollMark{MemberID: id, Presence: mk.Presence, At: app.MarkTime(mk.Presence, mk.At)}
	}
	if slices.ContainsFunc(rm, func(mk app.RollMark) bool { return m.MayRecount(mk.MemberID, mk.Presence) }) {
		if m, err = s.Meeting(ctx, meetingID); err != nil { // the votes they may change are the households'
			return nil, err
		}
	}
	rs := m.RemarkPreview(rm...)
	if len(rs) > 0 && !yes {
		return nil, app.RecountMessage(rs)
	}
	for _, mk := range rm {
		if err := s.st.SetPresence(ctx, meetingID, mk.MemberID, mk.Presence, mk.At, m.Remark(mk.MemberID, mk.Presence, mk.At)); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

// DeleteMeeting deletes a meeting entered by mistake, with its roll call and
// households, before its minutes are signed; after, it is refused (ELOCKED): a signed
// meeting is corrected by an amendment. The audit log keeps what was deleted.
func (s *Service) DeleteMeeting(ctx context.Context, meetingID int64) error {
	return s.st.DeleteMeeting(ctx, meetingID)
}

// DeleteVillage deletes a village entered by mistake, with its roster, blacklist and
// meetings, while none of its minutes is signed (ELOCKED after) and it holds no signing
// key or credit register (ECONFLICT). The audit log keeps what was deleted.
func (s *Service) DeleteVillage(ctx context.Context, villageID int64) error {
	return s.st.DeleteVillage(ctx, villageID)
}

func memberOnRoll(m *app.Meeting, name string) (int64, bool) {
	for _, a := range m.Attendance {
		if a.Name == strings.TrimSpace(name) {
			return a.MemberID, true
		}
	}
	return 0, false
}

// AmendSpec is what an amendment is opened with: why (required), and the date of the
// sitting that decided it (zero: today, as the store sets it).
type AmendSpec struct {
	Reason string
	Date   time.Time // the sitting's day; zero: the day it is opened
	Time   string    // the sitting's HH:MM and place: minutes are not signed without them
	Place  string
}

// Amend opens a correction (补充纪要) of a signed meeting: a new meeting linked to it,
// with its own 文号 and roll call and a copy of the households, to be corrected,
// minuted and signed on its own. The signed meeting itself never changes
// (docs/RULES.md §11.5).
func (s *Service) Amend(ctx context.Context, signedID int64, spec AmendSpec) (*app.Meeting, error) {
	if err := app.CheckAmendReason(spec.Reason); err != nil {
		return nil, err
	}
	m, err := s.st.CreateAmendment(ctx, signedID, strings.TrimSpace(spec.Reason))
	if err != nil || (spec.Date.IsZero() && spec.Time == "" && spec.Place == "") {
		return m, err
	}
	if !spec.Date.IsZero() {
		m.Date = spec.Date
	}
	if spec.Time != "" {
		m.Time = spec.Time
	}
	if spec.Place != "" {
		m.Place = spec.Place
	}
	return m, s.UpdateMeeting(ctx, m)
}
