package service

import (
	"context"

	"pingxin/app"
)

// CreateVillage checks and stores a new village with its roster and settings; it sets
// v.ID and the members' IDs.
func (s *Service) CreateVillage(ctx context.Context, v *app.Village) error {
	if err := v.Validate(); err != nil {
		return err
	}
	return s.st.CreateVillage(ctx, v)
}

// UpdateSettings checks and stores a village's rules with numbers (docs/RULES.md §4).
func (s *Service) UpdateSettings(ctx context.Context, villageID int64, set app.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	return s.st.UpdateSettings(ctx, villageID, set)
}

// AddMember puts a person on a village's roster; it sets m.ID.
func (s *Service) AddMember(ctx context.Context, m *app.Member) error { return s.st.AddMember(ctx, m) }

// RemoveMember takes a person off the roster; meetings already held keep their roll call.
func (s *Service) RemoveMember(ctx context.Context, memberID int64) error {
	return s.st.RemoveMember(ctx, memberID)
}

// AddBlacklistEntry puts one person, typed in by hand, on a village's blacklist.
func (s *Service) AddBlacklistEntry(ctx context.Context, villageID int64, e app.BlacklistEntry) error {
	return s.st.AddBlacklist(ctx, villageID, []app.BlacklistEntry{e})
}

// RemoveBlacklist takes an entry off the active blacklist, keeping it with the reason.
func (s *Service) RemoveBlacklist(ctx context.Context, entryID int64, reason string) error {
	if err := app.CheckRemovalReason(reason); err != nil {
		return err
	}
	return s.st.RemoveBlacklist(ctx, entryID, reason)
}
