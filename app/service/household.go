package service

import (
	"context"

	"pingxin/app"
)

// HouseholdRules are the rules a household entering meeting meetingID's list is held
// to (docs/RULES.md §3.3); the household with ID except, when not 0, is not counted as
// already on the list (it is the one being corrected).
func HouseholdRules(ctx context.Context, r app.Reader, meetingID, except int64) (app.HouseholdRules, error) {
	m, err := r.Meeting(ctx, meetingID)
	if err != nil {
		return app.HouseholdRules{}, err
	}
	return householdRules(ctx, r, m, except)
}

// householdRules is HouseholdRules for meeting m, already read.
func householdRules(ctx context.Context, r app.Reader, m *app.Meeting, except int64) (app.HouseholdRules, error) {
	if m.Locked() {
		return app.HouseholdRules{}, app.Errorf(app.ELOCKED, "meeting.locked")
	}
	v, err := r.Village(ctx, m.VillageID)
	if err != nil {
		return app.HouseholdRules{}, err
	}
	bl, err := r.Blacklist(ctx, v.ID)
	if err != nil {
		return app.HouseholdRules{}, err
	}
	existing := make(map[string]bool, len(m.Nominees))
	for _, n := range m.Nominees {
		if n.ID != except {
			existing[n.IDNumber] = true
		}
	}
	return app.HouseholdRules{Settings: v.Settings, MeetingDate: m.Date, Today: now(), Voters: m.Voters(),
		Existing: existing, Blacklist: app.NewBlacklist(bl), CountyCode: v.CountyCode, Visitors: v.Visitors()}, nil
}

// AddHousehold checks a household typed in (the desktop's form) by the rules a file's
// row is held to and adds it to the meeting's list; it sets n.ID and n.Seq. A
// blacklisted household or a forbidden purpose is added, blocked with its reason.
func (s *Service) AddHousehold(ctx context.Context, meetingID int64, n *app.Nominee) error {
	r, err := HouseholdRules(ctx, s, meetingID, 0)
	if err != nil {
		return err
	}
	if err := r.Admit(n).Err(); err != nil {
		return err
	}
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return err
	}
	m.StampVote(nil, n, now())
	ns := []app.Nominee{*n}
	if err := s.st.AddNominees(ctx, meetingID, ns); err != nil {
		return err
	}
	*n = ns[0]
	return nil
}

// SaveHousehold checks and stores a household of a meeting's list: its facts, its
// deliberation (amount, reasons, baseline, votes) and its verification, by the same
// rules whichever face typed them. A changed ID or purpose is checked as a new entry
// would be (adult, not twice, blacklist, the three 不准).
func (s *Service) SaveHousehold(ctx context.Context, n *app.Nominee) error {
	m, err := s.Meeting(ctx, n.MeetingID)
	if err != nil {
		return err
	}
	old := m.NomineeByID(n.ID)
	if old == nil {
		return app.Errorf(app.ENOTFOUND, "meeting.no_household", "ID", n.ID)
	}
	r, err := HouseholdRules(ctx, s, n.MeetingID, n.ID)
	if err != nil {
		return err
	}
	m.StampVote(old, n, now())
	_, r.Voters = m.VoteOf(n, r.Settings) // a vote is checked against those present when it was taken
	probs := r.Check(n)
	if n.IDNumber != old.IDNumber || n.Purpose != old.Purpose {
		probs = r.Admit(n)
	}
	if err := probs.Err(); err != nil {
		return err
	}
	return s.st.SaveNominee(ctx, n)
}

// DeleteHousehold takes a household off a meeting's list before the minutes are signed.
func (s *Service) DeleteHousehold(ctx context.Context, nomineeID int64) error {
	return s.st.DeleteNominee(ctx, nomineeID)
}
