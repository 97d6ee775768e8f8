package service

import (
	"context"
	"time"

	"pingxin/app"
	"pingxin/app/demo"
)

// Demo creates the demo village (roster, blacklist) when absent and a new demo
// meeting dated today, and returns the meeting's ID.
func (s *Service) Demo(ctx context.Context, now time.Time) (int64, error) {
	st := s.st
	v, err := st.VillageByName(ctx, demo.VillageName)
	if app.ErrorCode(err) == app.ENOTFOUND {
		v = demo.Village()
		if err = st.CreateVillage(ctx, v); err == nil {
			err = st.AddBlacklist(ctx, v.ID, demo.Blacklist(now))
		}
	}
	if err != nil {
		return 0, err
	}
	ms, err := st.Meetings(ctx)
	if err != nil {
		return 0, err
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local)
	m := demo.Meeting(v, day, app.NextDocNumber(v, day.Year(), ms))
	nominees := m.Nominees
	m.Nominees = nil
	if err := st.CreateMeeting(ctx, m); err != nil {
		return 0, err
	}
	bl, err := st.Blacklist(ctx, v.ID)
	if err != nil {
		return 0, err
	}
	list := app.NewBlacklist(bl)
	for i := range nominees {
		if e, ok := list.Match(nominees[i].IDNumber); ok {
			nominees[i].Blocked = string(e.Category)
		}
		m.StampVote(nil, &nominees[i], now)
	}
	if err := st.AddNominees(ctx, m.ID, nominees); err != nil {
		return 0, err
	}
	return m.ID, st.SetStatus(ctx, m.ID, app.StatusInSession)
}
