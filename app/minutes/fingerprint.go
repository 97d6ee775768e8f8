package minutes

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/idcard"
)

// Fingerprint is the short content fingerprint printed on every page of the minutes and
// the notice: the first 12 hex digits of the SHA-256 of a canonical serialisation of
// what the documents say. It depends on the content only — not on the clock, the
// meeting's status or database IDs — so a reprint carries the same fingerprint and
// any change to a name, a vote or a note changes it. ID numbers enter it masked, as
// printed: a fingerprint on a public notice must not let anyone test guesses of an ID.
func Fingerprint(v *app.Village, m *app.Meeting) string {
	b, err := json.Marshal(canonical(v, m))
	if err != nil { // plain structs of strings and numbers: cannot happen
		panic("minutes: fingerprint: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}

// canonMeeting is the serialisation the fingerprint hashes; its field order is fixed.
type canonMeeting struct {
	Version    int
	Village    string
	Settings   app.Settings
	Type       string
	DocNumber  string
	Date       string
	Time       string
	Place      string
	Chair      string
	Clerk      string
	AmendsWhy  string
	Attendance []canonAttendance
	Households []canonHousehold
}

type canonAttendance struct {
	Name     string
	Bodies   []app.Body
	Role     app.Role
	Presence app.Presence
	// At keeps the JSON name LateAt it was hashed under before the rename, so that a
	// reprint of signed minutes, and an amendment citing them, keep their fingerprint.
	At string `json:"LateAt"`
}

type canonHousehold struct {
	Seq            int
	Name           string
	ID             string // masked
	Group          string
	HouseholdSize  int
	Purpose        string
	Requested      amount.Yuan
	Baseline       [6]app.Check
	Undertaking    bool
	Proposed       amount.Yuan
	ProposedReason string
	RatePreference bool
	Votes          app.Votes
	// Voters are the members present at the vote, from version 2 and only when they
	// are not the roll call's (the minutes print 在场N人 under it): a fingerprint of a
	// meeting whose every vote was taken by the whole roll call is the same in both.
	Voters       *int `json:",omitempty"`
	Reason       string
	Blocked      string
	Verification *canonVerification
}

type canonVerification struct {
	VisitDate      string
	Visitors       []string
	Conclusion     app.Conclusion
	Recommendation app.Recommendation
	LowerTo        amount.Yuan
	Notes          string
}

// canonical is what the fingerprint covers, in the meeting's version of it
// (Meeting.FingerprintVersion: a signed meeting's is its signed minutes'). The rules
// are the meeting's own once it is signed (RulesUnder), so that a document printed after
// the signing carries the signed minutes' fingerprint whatever the village changed
// since. Version stays 1 in what is hashed: version 2 adds a field only where a vote's
// voters are not the roll call's.
func canonical(v *app.Village, m *app.Meeting) canonMeeting {
	s := m.RulesUnder(v.Settings)
	c := canonMeeting{Version: 1, Village: v.Name, Settings: s, Type: m.Type, DocNumber: m.DocNumber,
		Date: day(m.Date), Time: m.Time, Place: m.Place, Chair: m.Chair, Clerk: m.Clerk, AmendsWhy: m.AmendsWhy}
	for _, a := range m.Attendance {
		c.Attendance = append(c.Attendance, canonAttendance{a.Name, a.Bodies, a.Role, a.Presence, a.At})
	}
	rollCall, withVoters := m.Quorum(s).Present, m.FingerprintVersion() >= 2
	for i := range m.Nominees {
		n := &m.Nominees[i]
		h := canonHousehold{
			Seq: n.Seq, Name: n.Name, ID: idcard.Mask(n.IDNumber), Group: n.Group, HouseholdSize: n.HouseholdSize,
			Purpose: n.Purpose, Requested: n.Requested, Baseline: n.Baseline, Undertaking: n.Undertaking,
			Proposed: n.Proposed, ProposedReason: n.ProposedReason, RatePreference: n.RatePreference,
			Votes: n.Votes, Reason: n.Reason, Blocked: n.Blocked, Verification: canonVerif(n.Verification),
		}
		if _, voters := m.VoteOf(n, s); withVoters && voters != rollCall {
			h.Voters = &voters
		}
		c.Households = append(c.Households, h)
	}
	return c
}

func canonVerif(v *app.Verification) *canonVerification {
	if v == nil {
		return nil
	}
	return &canonVerification{day(v.VisitDate), v.Visitors, v.Conclusion, v.Recommendation, v.LowerTo, v.Notes}
}
