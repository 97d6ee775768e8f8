package service

import (
	"context"

	"pingxin/app"
)

// Load reads a meeting with its village: every document and check needs both (the
// rules are the village's settings).
func Load(ctx context.Context, st app.Reader, meetingID int64) (*app.Village, *app.Meeting, error) {
	m, err := st.Meeting(ctx, meetingID)
	if err != nil {
		return nil, nil, err
	}
	v, err := st.Village(ctx, m.VillageID)
	if err != nil {
		return nil, nil, err
	}
	return v, m, nil
}
