package cli

import (
	"context"
	"strconv"
	"strings"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/i18n"
	"pingxin/app/service"
)

func init() {
	register("meeting new", "cli.usage.meeting_new", meetingNew)
	register("meetings", "cli.usage.meetings", meetingList)
}

// meetingNew creates a meeting with every people's-council member present unless
// listed with --absent, numbered --doc or else with the village's next 文号, and prints
// its ID alone on stdout (docs/CLI.md §4).
func meetingNew(e *Env, args []string) error {
	c := e.villageCommand("meeting new", "date")
	date, at, place := c.String("date", "", ""), c.String("time", "", ""), c.String("place", "", "")
	absent, doc := c.String("absent", "", ""), c.String("doc", "", "")
	var d time.Time
	return c.run(args, func() (err error) {
		d, err = parseDate(*date)
		return err
	}, func(ctx context.Context, st *service.Service, v *app.Village) error {
		m, err := st.CreateMeeting(ctx, service.MeetingSpec{VillageID: v.ID, Date: d, Time: *at, Place: *place,
			DocNumber: *doc, Absent: splitNames(*absent)})
		if err != nil {
			return err
		}
		e.println(m.ID)
		return nil
	})
}

// parseDate reads a YYYY-MM-DD flag value; anything else is wrong usage.
func parseDate(s string) (time.Time, error) {
	d, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		return time.Time{}, usagef("cli.bad_date", "Value", s)
	}
	return d, nil
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
	for _, m := range app.InRecordOrder(ms) {
		status := t(e, "status."+string(m.Status))
		if m.AmendsID != 0 {
			status = i18n.T(e.Lang, "cli.meetings.amendment", i18n.Data{"Status": status, "ID": m.AmendsID})
		}
		rows = append(rows, []string{strconv.FormatInt(m.ID, 10), m.Village, m.Date.Format("2006-01-02"),
			status, strconv.Itoa(m.Nominees), strconv.Itoa(m.Passed), amount.Yuan(m.Total).String()})
	}
	table(e.Stdout, rows)
	return nil
}
