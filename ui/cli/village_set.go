package cli

import (
	"context"
	"errors"
	"flag"
	"strconv"
	"strings"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/service"
)

func init() { register("village set", "cli.usage.village_set", villageSet) }

// settingFlags are the flags of `village set`, each one setting of docs/CLI.md §3: the
// flag's name and how its value goes into the settings.
var settingFlags = []struct {
	name string
	set  func(s *app.Settings, v string) error
}{
	{"quorum", func(s *app.Settings, v string) error {
		num, den, ok := strings.Cut(v, "/")
		n, err1 := strconv.Atoi(num)
		d, err2 := strconv.Atoi(den)
		if !ok || err1 != nil || err2 != nil {
			return errBadValue
		}
		s.QuorumNum, s.QuorumDen = n, d
		return nil
	}},
	{"majority", func(s *app.Settings, v string) error { s.Majority = app.Majority(v); return nil }},
	{"cap", yuanSetting(func(s *app.Settings) *amount.Yuan { return &s.StandardCap })},
	{"raised-cap", yuanSetting(func(s *app.Settings) *amount.Yuan { return &s.RaisedCap })},
	{"unit", yuanSetting(func(s *app.Settings) *amount.Yuan { return &s.RoundingUnit })},
	{"adult-age", intSetting(func(s *app.Settings) *int { return &s.AdultAge })},
	{"validity-years", intSetting(func(s *app.Settings) *int { return &s.ValidityYears })},
	{"notice-days", intSetting(func(s *app.Settings) *int { return &s.NoticeDays })},
	{"contact", textSetting(func(s *app.Settings) *string { return &s.Notice.Contact })},
	{"phone", textSetting(func(s *app.Settings) *string { return &s.Notice.Phone })},
	{"supervise-phone", textSetting(func(s *app.Settings) *string { return &s.Notice.SupervisePhone })},
	{"notice-place", textSetting(func(s *app.Settings) *string { return &s.Notice.Place })},
	{"object-place", textSetting(func(s *app.Settings) *string { return &s.Notice.ObjectPlace })},
}

// errBadValue is a value a setting cannot take; villageSet names the flag.
var errBadValue = errors.New("bad value")

func yuanSetting(field func(*app.Settings) *amount.Yuan) func(*app.Settings, string) error {
	return func(s *app.Settings, v string) error {
		y, err := amount.Parse(v)
		if err != nil {
			return err
		}
		*field(s) = y
		return nil
	}
}

func intSetting(field func(*app.Settings) *int) func(*app.Settings, string) error {
	return func(s *app.Settings, v string) error {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return err
		}
		*field(s) = n
		return nil
	}
}

func textSetting(field func(*app.Settings) *string) func(*app.Settings, string) error {
	return func(s *app.Settings, v string) error { *field(s) = strings.TrimSpace(v); return nil }
}

// villageSet changes the settings named by its flags and keeps every other one; the
// whole set is checked (app.Settings.Validate) before anything is stored.
func villageSet(e *Env, args []string) error {
	c := e.villageCommand("village set")
	values := make([]*string, len(settingFlags))
	for i, f := range settingFlags {
		values[i] = c.String(f.name, "", "")
	}
	reminder := c.Int("reminder-days", 0, "") // the credit register's, kept apart from app.Settings
	given := map[string]bool{}
	return c.run(args, func() error {
		c.Visit(func(f *flag.Flag) { given[f.Name] = true })
		return nil
	}, func(ctx context.Context, st *service.Service, v *app.Village) error {
		s := v.Settings
		for i, f := range settingFlags {
			if !given[f.name] {
				continue
			}
			if err := f.set(&s, *values[i]); err != nil {
				return usagef("cli.bad_value", "Flag", "--"+f.name, "Value", *values[i])
			}
		}
		if given["reminder-days"] && *reminder <= 0 {
			return usagef("cli.bad_value", "Flag", "--reminder-days", "Value", strconv.Itoa(*reminder))
		}
		if err := st.UpdateSettings(ctx, v.ID, s); err != nil || !given["reminder-days"] {
			return err
		}
		return st.SetReminderDays(ctx, v.ID, *reminder)
	})
}
