package service

import (
	"context"

	"pingxin/app"
)

// AmendmentChanges lists what an amendment changes relative to the meeting it amends;
// nil for a meeting that is not an amendment.
func AmendmentChanges(ctx context.Context, st app.Reader, v *app.Village, m *app.Meeting) ([]app.Change, error) {
	if m.AmendsID == 0 {
		return nil, nil
	}
	orig, err := st.Meeting(ctx, m.AmendsID)
	if err != nil {
		return nil, err
	}
	return app.Changes(orig, m, v.Settings), nil
}
