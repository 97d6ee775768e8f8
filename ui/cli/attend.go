package cli

import (
	"context"
	"strconv"
	"strings"

	"pingxin/app"
	"pingxin/app/service"
)

func init() {
	register("attend", "cli.usage.attend", attendCmd)
	register("amend", "cli.usage.amend", amendCmd)
}

// meetingID reads the --meeting flag every meeting command takes.
func meetingID(s string) (int64, error) {
	if s == "" {
		return 0, usagef("cli.missing_flags", "Flags", "--meeting")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, usagef("cli.bad_id", "Value", s)
	}
	return n, nil
}

// markFlags are the flags of `attend`: each names members and the mark they get; the
// timed ones take NAME@HH:MM (docs/CLI.md §4).
var markFlags = []struct {
	name string
	mark app.Presence
}{
	{"present", app.Present}, {"absent", app.Absent}, {"leave", app.Leave}, {"late", app.Late}, {"left", app.LeftEarly},
}

// attendCmd marks the roll call: every mark is checked before any is stored. Marks that
// change the count of recorded votes are refused, naming the households, until --yes.
func attendCmd(e *Env, args []string) error {
	c := e.meetingCommand("attend")
	yes := c.Bool("yes", false, "")
	lists := make([]*string, len(markFlags))
	for i, f := range markFlags {
		lists[i] = c.String(f.name, "", "")
	}
	var marks []service.Mark
	return c.run(args, func() error {
		for i, f := range markFlags {
			for _, n := range splitNames(*lists[i]) {
				name, at, timed := strings.Cut(n, "@")
				if timed != f.mark.Timed() {
					return usagef("cli.bad_value", "Flag", "--"+f.name, "Value", n)
				}
				marks = append(marks, service.Mark{Name: strings.TrimSpace(name), Presence: f.mark, At: strings.TrimSpace(at)})
			}
		}
		if len(marks) == 0 {
			return usagef("cli.missing_flags", "Flags", "--present --absent --leave --late --left")
		}
		return nil
	}, func(ctx context.Context, st *service.Service, id int64) error {
		rs, err := st.Attend(ctx, id, marks, *yes)
		if ae, ok := err.(*app.Error); ok && ae.Message.Key == "roll.recounts" {
			printError(e, err)
			return usagef("cli.attend_yes")
		}
		for _, r := range rs { // what --yes changed, on stderr
			e.info("cli.attend_recounted", "Seq", r.Seq, "Name", r.Name, "Before", len(r.Before), "After", len(r.After))
		}
		return err
	})
}

// amendCmd opens an amendment (补充纪要) of signed minutes and prints its meeting ID.
func amendCmd(e *Env, args []string) error {
	c := e.meetingCommand("amend")
	reason, date, at, place := c.String("reason", "", ""), c.String("date", "", ""), c.String("time", "", ""), c.String("place", "", "")
	var spec service.AmendSpec
	return c.run(args, func() (err error) {
		// the sitting is today by the command's clock, like every other date it stamps
		spec = service.AmendSpec{Reason: *reason, Date: app.Day(e.Now()), Time: *at, Place: *place}
		if *date != "" {
			spec.Date, err = parseDate(*date)
		}
		return err
	}, func(ctx context.Context, st *service.Service, id int64) error {
		m, err := st.Amend(ctx, id, spec)
		if err != nil {
			return err
		}
		e.println(m.ID)
		return nil
	})
}
