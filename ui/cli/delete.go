package cli

import (
	"context"

	"pingxin/app"
	"pingxin/app/service"
)

func init() {
	register("village delete", "cli.usage.village_delete", villageDelete)
	register("meeting delete", "cli.usage.meeting_delete", meetingDelete)
	register("household delete", "cli.usage.household_delete", householdDelete)
}

// confirmDelete deletes with del when yes; otherwise it says on stderr what would go
// (what, with kv) and changes nothing, as `attend` does without --yes. A record that is
// locked (signed) goes straight to del, so that the service's refusal is what the user
// reads rather than a question whose answer would be refused.
func confirmDelete(e *Env, yes, locked bool, del func() error, what string, kv ...any) error {
	if yes || locked {
		return del()
	}
	e.info(what, kv...)
	return usagef("cli.delete_yes")
}

// villageDelete deletes a village entered by mistake (docs/CLI.md §3).
func villageDelete(e *Env, args []string) error {
	c := e.villageCommand("village delete")
	yes := c.Bool("yes", false, "")
	return c.run(args, nil, func(ctx context.Context, st *service.Service, v *app.Village) error {
		meetings, err := st.VillageDeletion(ctx, v.ID) // refused straight, not asked, when it would be
		if err != nil {
			return err
		}
		return confirmDelete(e, *yes, false, func() error { return st.DeleteVillage(ctx, v.ID) },
			"cli.delete_village_what", "Village", v.Name, "Members", len(v.Members), "Meetings", meetings)
	})
}

// meetingDelete deletes a meeting entered by mistake, before its minutes are signed
// (docs/CLI.md §4).
func meetingDelete(e *Env, args []string) error {
	c := e.meetingCommand("meeting delete")
	yes := c.Bool("yes", false, "")
	return c.run(args, nil, func(ctx context.Context, st *service.Service, id int64) error {
		m, err := st.Meeting(ctx, id)
		if err != nil {
			return err
		}
		return confirmDelete(e, *yes, m.Locked(), func() error { return st.DeleteMeeting(ctx, id) },
			"cli.delete_meeting_what", "ID", m.ID, "Village", m.Village, "Doc", m.DocNumber,
			"Date", m.Date.Format("2006-01-02"), "Households", len(m.Nominees))
	})
}

// householdDelete takes a household entered by mistake off a meeting's list, before
// the minutes are signed (docs/CLI.md §4).
func householdDelete(e *Env, args []string) error {
	c := e.meetingCommand("household delete")
	seqFlag, yes := c.String("seq", "", ""), c.Bool("yes", false, "")
	var seq int
	return c.run(args, func() (err error) {
		seq, err = parseSeq(*seqFlag)
		return err
	}, func(ctx context.Context, st *service.Service, id int64) error {
		m, n, err := meetingHousehold(ctx, st, id, seq)
		if err != nil {
			return err
		}
		return confirmDelete(e, *yes, m.Locked(), func() error { return st.DeleteHousehold(ctx, n.ID) },
			"cli.delete_household_what", "ID", m.ID, "Seq", n.Seq, "Name", n.Name)
	})
}
