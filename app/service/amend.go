package service

import (
	"context"
	"strings"

	"pingxin/app"
)

// Amend opens a correction (补充纪要) of a signed meeting: a new meeting linked to it,
// holding a copy of everything, to be corrected, minuted and signed on its own. The
// signed meeting itself never changes.
func Amend(ctx context.Context, st app.Store, signedID int64, why string) (*app.Meeting, error) {
	if strings.TrimSpace(why) == "" {
		return nil, app.Errorf(app.EINVALID, "amend.why_required")
	}
	return st.CreateAmendment(ctx, signedID, why)
}

// AmendmentChanges lists what an amendment changes relative to the meeting it amends;
// nil for a meeting that is not an amendment.
func AmendmentChanges(ctx context.Context, st app.Store, v *app.Village, m *app.Meeting) ([]app.Change, error) {
	if m.AmendsID == 0 {
		return nil, nil
	}
	orig, err := st.Meeting(ctx, m.AmendsID)
	if err != nil {
		return nil, err
	}
	return app.Changes(orig, m, v.Settings), nil
}
