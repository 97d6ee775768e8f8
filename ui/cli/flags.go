package cli

import (
	"context"
	"flag"
	"strings"

	"pingxin/app/service"
)

// meetingCommand is a command on one meeting (docs/CLI.md §4, §5): its flag set, which
// always has --meeting, and the other flags it cannot run without. Nearly every
// meeting command has the same shape — parse the flags, refuse a missing one, read the
// meeting's ID, check what must hold before the database opens, then do the work with
// the store open — and run owns it, so the order of the refusals (and so what a
// script reads on stderr) is the same for all of them.
type meetingCommand struct {
	*flag.FlagSet
	e       *Env
	meeting *string
	need    []string // flags besides --meeting that must be given, without "--"
	file    *string  // the one positional file, for a command that takes one (oneFile)
}

// meetingCommand makes the flag set of meeting command name, with --meeting and,
// required, the string flags need (which the command still defines itself).
func (e *Env) meetingCommand(name string, need ...string) *meetingCommand {
	fs := e.flags(name)
	return &meetingCommand{FlagSet: fs, e: e, meeting: fs.String("meeting", "", ""), need: need}
}

// oneFile makes the command take exactly one positional file (`import --meeting 3
// FILE`); it is read by run, before any flag is checked.
func (c *meetingCommand) oneFile() *string {
	c.file = new(string)
	return c.file
}

// run parses args; refuses a missing --meeting or need flag, naming them all; reads the
// meeting's ID; runs check, what must hold before the database opens (a date, the
// passphrase; nil when nothing); and then work with the store open and closed after.
func (c *meetingCommand) run(args []string, check func() error,
	work func(ctx context.Context, st *service.Service, meetingID int64) error) error {
	if c.file != nil {
		file, err := parseOneFile(c.FlagSet, args)
		if err != nil {
			return err
		}
		*c.file = file
	} else if _, err := parse(c.FlagSet, args); err != nil {
		return err
	}
	if len(c.need) > 0 {
		missing := *c.meeting == ""
		for _, name := range c.need {
			missing = missing || c.Lookup(name).Value.String() == ""
		}
		if missing {
			return usagef("cli.missing_flags", "Flags", "--meeting --"+strings.Join(c.need, " --"))
		}
	}
	id, err := meetingID(*c.meeting)
	if err != nil {
		return err
	}
	if check != nil {
		if err := check(); err != nil {
			return err
		}
	}
	return c.e.withStore(func(ctx context.Context, st *service.Service) error { return work(ctx, st, id) })
}
