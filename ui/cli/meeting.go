package cli

import (
	"context"
	"strconv"
	"strings"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
)

func init() {
	register("meeting new", "cli.usage.meeting_new", meetingNew)
	register("meetings", "cli.usage.meetings", meetingList)
}

// meetingNew creates a meeting with every people's-council member present unless
// listed with --absent, and prints its ID alone on stdout.
func meetingNew(e *Env, args []string) error {
	fs := e.flags("meeting new")
	village := fs.String("village", "", "")
	date := fs.String("date", "", "")
	at := fs.String("time", "", "")
	place := fs.String("place", "", "")
	absent := fs.String("absent", "", "")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *village == "" || *date == "" {
		return usagef("cli.missing_flags", "Flags", "--village --date")
	}
	d, err := time.ParseInLocation("2006-01-02", *date, time.Local)
	if err != nil {
		return usagef("cli.bad_date", "Value", *date)
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	v, err := st.VillageByName(ctx, *village)
	if err != nil {
		return err
	}
	m, err := app.NewMeeting(v, d, splitNames(*absent))
	if err != nil {
		return err
	}
	m.Time, m.Place = *at, *place
	if err := m.Validate(); err != nil {
		return err
	}
	if err := st.CreateMeeting(ctx, m); err != nil {
		return err
	}
	e.println(m.ID)
	return nil
}

// splitNames reads a list typed as "张三,李四" or "张三，李四、王五".
func splitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' })
}

func meetingList(e *Env, args []string) error {
	if _, err := parse(e.flags("meetings"), args); err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	defer st.Close()
	ms, err := st.Meetings(context.Background())
	if err != nil {
		return err
	}
	rows := [][]string{{"ID", t(e, "cli.col.village"), t(e, "cli.col.date"), t(e, "cli.col.status"),
		t(e, "cli.col.nominees"), t(e, "cli.col.passed"), t(e, "cli.col.total")}}
	for _, m := range ms {
		rows = append(rows, []string{strconv.FormatInt(m.ID, 10), m.Village, m.Date.Format("2006-01-02"),
			t(e, "status."+string(m.Status)), strconv.Itoa(m.Nominees), strconv.Itoa(m.Passed), amount.Yuan(m.Total).String()})
	}
	table(e.Stdout, rows)
	return nil
}
