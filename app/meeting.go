package app

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Status is where a meeting stands. It only moves forward: draft → in session →
// closed → signed. A signed meeting is locked; corrections are amendments.
type Status string

// The meeting statuses.
const (
	StatusDraft     Status = "draft"
	StatusInSession Status = "in_session"
	StatusClosed    Status = "closed"
	StatusSigned    Status = "signed"
)

// DefaultMeetingType is the meeting type docs/RULES.md §3 names.
const DefaultMeetingType = "公议授信评议会"

// Presence is a roll-call mark.
type Presence string

// The roll-call marks of docs/RULES.md §3.2. Late and left-early members count as
// present.
const (
	Present   Presence = "出席"
	Absent    Presence = "缺席"
	Leave     Presence = "请假"
	Late      Presence = "迟到"
	LeftEarly Presence = "早退"
)

// Presences are the roll-call marks in the order a form offers them.
var Presences = []Presence{Present, Absent, Leave, Late, LeftEarly}

// Counts reports whether the mark counts towards quorum and votes.
func (p Presence) Counts() bool { return p == Present || p == Late || p == LeftEarly }

// Timed reports whether the mark needs a time: of arrival for 迟到, of leaving for 早退.
func (p Presence) Timed() bool { return p == Late || p == LeftEarly }

// ParsePresence reads a roll-call mark; ok is false for anything else.
func ParsePresence(s string) (Presence, bool) {
	p := Presence(strings.TrimSpace(s))
	return p, slices.Contains(Presences, p)
}

// CheckMark is the one check of a roll-call entry: a known mark, and for 迟到 and 早退 a
// time as HH:MM (docs/RULES.md §3.2). name is the member's, for the message.
func CheckMark(name string, p Presence, at string) error {
	if _, ok := ParsePresence(string(p)); !ok {
		return Errorf(EINVALID, "meeting.presence", "Name", name, "Value", string(p))
	}
	if !p.Timed() {
		return nil
	}
	if _, ok := Clock(at); !ok {
		return Errorf(EINVALID, "meeting.mark_time", "Name", name, "Mark", string(p), "Value", at)
	}
	return nil
}

// MarkTime is the time stored with a checked mark: HH:MM for 迟到 and 早退 however it
// was typed (Clock), as given for the others. Both the store and a face's copy of the
// meeting keep this form.
func MarkTime(p Presence, at string) string {
	if hhmm, ok := Clock(at); ok && p.Timed() {
		return hhmm
	}
	return at
}

// Clock reads the time of a 迟到 or 早退 as a clerk types it — 19:35, 9:35, 1935, or
// 19：35 with the colon a Chinese input method gives — and returns it as HH:MM, the one
// form stored and printed; ok is false for anything else.
func Clock(s string) (hhmm string, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "：", ":")
	if n := len(s); (n == 3 || n == 4) && strings.Trim(s, "0123456789") == "" {
		s = s[:n-2] + ":" + s[n-2:]
	}
	t, err := time.Parse("15:04", s)
	if err != nil {
		return "", false
	}
	return t.Format("15:04"), true
}

// Attendance is one person's roll-call entry.
type Attendance struct {
	MemberID int64
	Name     string
	Bodies   []Body
	Role     Role
	Presence Presence
	At       string // HH:MM: of arrival for Late, of leaving for LeftEarly
}

// Meeting is one credit-rating council meeting (评议会).
type Meeting struct {
	ID        int64
	VillageID int64
	Village   string // the village's name, for display
	Type      string
	DocNumber string // e.g. 越丰村评〔2026〕3号
	Date      time.Time
	Time      string // HH:MM
	Place     string
	Chair     string // member names
	Clerk     string
	Status    Status
	AmendsID  int64  // for an amendment (补充纪要): the signed meeting it corrects
	AmendsWhy string // what the amendment changes and why
	// Rules are the village's rules the minutes were signed under, kept with the
	// signature (RulesUnder); nil while the meeting is not signed.
	Rules *Settings
	// SignedFingerprint is the version of the content fingerprint its signed minutes
	// carry, kept with the signature (FingerprintVersion); 0 while it is not signed.
	SignedFingerprint int
	Attendance        []Attendance
	Nominees          []Nominee
}

// LatestFingerprint is the version of the content fingerprint (minutes.Fingerprint)
// printed on the documents of a meeting not signed yet, and kept with the signature of
// one signed from now on: 2 covers the members present at each vote when they are not
// the roll call's (migration 0023); 1, of the meetings signed before, does not.
const LatestFingerprint = 2

// FingerprintVersion is the version of the content fingerprint the meeting's documents
// carry: its signed minutes' once it is signed, so that a reprint, the bank sheet and an
// amendment cite the fingerprint on its signed pages; the latest before.
func (m *Meeting) FingerprintVersion() int {
	if m.SignedFingerprint != 0 {
		return m.SignedFingerprint
	}
	return LatestFingerprint
}

// Locked reports whether the meeting is signed and refuses every change.
func (m *Meeting) Locked() bool { return m.Status == StatusSigned }

// Quorum is the roll call counted against the village's rule, with the numbers the
// minutes print ("出席 7 人 / 应到 9 人，达到法定人数").
type Quorum struct {
	Present  int // people's-council members present or late
	Expected int // people's-council members on the roll
	Required int // the least number present for a quorum
	Met      bool
}

// RulesUnder are the rules the meeting is decided under, given the village's rules s
// as they stand: the rules in force when its minutes were signed, once they are, so
// that every reader of a signed meeting — the tally, the screens, the documents and
// the fingerprint printed on them, the register, an amendment's list of changes —
// gives the results it was signed with, whatever the village decides later; s before
// (docs/RULES.md §3, "Final result"). Quorum, VoteOf, ResultOf, Results and Tally
// apply it themselves.
func (m *Meeting) RulesUnder(s Settings) Settings {
	if m.Rules != nil {
		return *m.Rules
	}
	return s
}

// Quorum counts the people's council's roll call under s (RulesUnder).
func (m *Meeting) Quorum(s Settings) Quorum {
	s = m.RulesUnder(s)
	q := Quorum{}
	for _, a := range m.Attendance {
		if !hasBody(a.Bodies, BodyPeople) {
			continue
		}
		q.Expected++
		if a.Presence.Counts() {
			q.Present++
		}
	}
	q.Required = ceilDiv(q.Expected*s.QuorumNum, s.QuorumDen)
	q.Met = q.Expected > 0 && q.Present >= q.Required
	return q
}

// Voters is the number of people's-council members who attended (present, late or
// left early): the most votes a household can receive from the meeting's roll call. A
// recorded vote counts its own set instead (VoteOf).
func (m *Meeting) Voters() int {
	n := 0
	for _, a := range m.Attendance {
		if hasBody(a.Bodies, BodyPeople) && a.Presence.Counts() {
			n++
		}
	}
	return n
}

func hasBody(bs []Body, b Body) bool {
	for _, x := range bs {
		if x == b {
			return true
		}
	}
	return false
}

func ceilDiv(a, b int) int {
	if b <= 0 {
		return 0
	}
	return (a + b - 1) / b
}

// Validate checks the meeting's facts before it is stored.
func (m *Meeting) Validate() error {
	if m.Date.IsZero() {
		return Errorf(EINVALID, "meeting.date_required")
	}
	if m.Time != "" {
		if _, err := time.Parse("15:04", m.Time); err != nil {
			return Errorf(EINVALID, "meeting.time", "Value", m.Time)
		}
	}
	for _, a := range m.Attendance {
		if err := CheckMark(a.Name, a.Presence, a.At); err != nil {
			return err
		}
	}
	return nil
}

// NewMeeting prepares a meeting of village v on date: the default type, every
// roster member on the roll as present except those named in absent (marked 缺席),
// and the village's chair and clerk when the roster names them. An unknown name in
// absent is an error rather than a silent miss.
func NewMeeting(v *Village, date time.Time, absent []string) (*Meeting, error) {
	m := &Meeting{VillageID: v.ID, Village: v.Name, Type: DefaultMeetingType, Date: date, Status: StatusDraft}
	away := map[string]bool{}
	for _, n := range absent {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		if _, ok := v.MemberByName(n); !ok {
			return nil, Errorf(EINVALID, "meeting.unknown_member", "Name", n)
		}
		away[n] = true
	}
	for _, mem := range v.Members {
		p := Present
		if away[mem.Name] {
			p = Absent
		}
		m.Attendance = append(m.Attendance, Attendance{MemberID: mem.ID, Name: mem.Name, Bodies: mem.Bodies, Role: mem.Role, Presence: p})
		switch mem.Role {
		case RoleChair:
			m.Chair = mem.Name
		case RoleClerk:
			m.Clerk = mem.Name
		}
	}
	return m, nil
}

// DocNumber is a meeting's document number in the form the minutes print it:
// 越丰村评〔2026〕3号.
func DocNumber(village string, year, n int) string {
	return fmt.Sprintf("%s评〔%d〕%d号", village, year, n)
}

// NextDocNumber is the document number of a new meeting of village v in year: one more
// than the highest number the village used that year among known, so that a number is
// never given twice nor skipped, amendments included (docs/RULES.md §11.1).
func NextDocNumber(v *Village, year int, known []MeetingSummary) string {
	used := make([]string, 0, len(known))
	for _, s := range known {
		if s.VillageID == v.ID {
			used = append(used, s.DocNumber)
		}
	}
	return NextDocNumberAfter(v.Name, year, used)
}

// NextDocNumberAfter is NextDocNumber over the village's used numbers themselves.
func NextDocNumberAfter(village string, year int, used []string) string {
	n := 0
	for _, d := range used {
		if k, ok := docSerial(village, year, d); ok && k > n {
			n = k
		}
	}
	return DocNumber(village, year, n+1)
}

// docSerial reads N from a number of the form DocNumber(village, year, N).
func docSerial(village string, year int, doc string) (int, bool) {
	prefix := fmt.Sprintf("%s评〔%d〕", village, year)
	rest, ok := strings.CutPrefix(doc, prefix)
	if !ok {
		return 0, false
	}
	rest, ok = strings.CutSuffix(rest, "号")
	if !ok {
		return 0, false
	}
	var n int
	if _, err := fmt.Sscanf(rest, "%d", &n); err != nil || fmt.Sprint(n) != rest {
		return 0, false
	}
	return n, true
}

// MeetingSummary is a row of the meeting list.
type MeetingSummary struct {
	ID        int64
	VillageID int64
	Village   string
	Date      time.Time
	DocNumber string
	Status    Status
	Nominees  int
	Passed    int
	Total     int64 // total final credit of the passed households, in yuan
	AmendsID  int64 // the signed meeting this one amends (补充纪要); 0 for an original
}

// NomineeByID finds a household of the meeting's list by its ID, or nil.
func (m *Meeting) NomineeByID(id int64) *Nominee {
	for i := range m.Nominees {
		if m.Nominees[i].ID == id {
			return &m.Nominees[i]
		}
	}
	return nil
}
