package cli

import (
	"context"
	"flag"
	"strings"

	"pingxin/app"
	"pingxin/app/service"
)

// Nearly every command works on one meeting (docs/CLI.md §4, §5) or one village (§3):
// it parses its flags, refuses a missing one, finds its meeting or village, checks what
// must hold before the database opens, then does its work with the store open.
// meetingCommand and villageCommand own that shape, so the order of the refusals (and
// so what a script reads on stderr) is the same for every command.

// recordCommand is the flag set of a command on one record named by the flag key
// (meeting, village), and the other flags it cannot run without.
type recordCommand struct {
	*flag.FlagSet
	e    *Env
	key  string
	id   *string  // the value of --key
	need []string // flags besides --key that must be given, without "--"
	file *string  // the one positional file, for a command that takes one (oneFile)
}

func (e *Env) recordCommand(name, key string, need []string) recordCommand {
	fs := e.flags(name)
	return recordCommand{FlagSet: fs, e: e, key: key, id: fs.String(key, "", ""), need: need}
}

// oneFile makes the command take exactly one positional file (`import --meeting 3
// FILE`); it is read first, before any flag is checked.
func (c *recordCommand) oneFile() *string {
	c.file = new(string)
	return c.file
}

// parse parses args and refuses a missing --key or need flag, naming them all.
func (c *recordCommand) parse(args []string) error {
	if c.file != nil {
		file, err := parseOneFile(c.FlagSet, args)
		if err != nil {
			return err
		}
		*c.file = file
	} else if _, err := parse(c.FlagSet, args); err != nil {
		return err
	}
	missing := *c.id == ""
	for _, name := range c.need {
		missing = missing || c.Lookup(name).Value.String() == ""
	}
	if missing {
		return usagef("cli.missing_flags", "Flags", "--"+strings.Join(append([]string{c.key}, c.need...), " --"))
	}
	return nil
}

// meetingCommand is a command on one meeting, by --meeting ID.
type meetingCommand struct{ recordCommand }

// meetingCommand makes the flag set of meeting command name, with --meeting and,
// required, the string flags need (which the command still defines itself).
func (e *Env) meetingCommand(name string, need ...string) *meetingCommand {
	return &meetingCommand{e.recordCommand(name, "meeting", need)}
}

// run parses args; refuses a missing flag; reads the meeting's ID; runs check, what must
// hold before the database opens (a date, the passphrase; nil when nothing); and then
// work with the store open and closed after.
func (c *meetingCommand) run(args []string, check func() error,
	work func(ctx context.Context, st *service.Service, meetingID int64) error) error {
	if err := c.parse(args); err != nil {
		return err
	}
	id, err := meetingID(*c.id)
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

// villageCommand is a command on one village, by --village name or number.
type villageCommand struct{ recordCommand }

// villageCommand makes the flag set of village command name, with --village and,
// required, the string flags need.
func (e *Env) villageCommand(name string, need ...string) *villageCommand {
	return &villageCommand{e.recordCommand(name, "village", need)}
}

// run parses args; refuses a missing flag; runs check (nil when nothing); and then,
// with the store open, finds the village by its name, or its number when no village
// has that name (docs/CLI.md §3), and runs work on it.
func (c *villageCommand) run(args []string, check func() error,
	work func(ctx context.Context, st *service.Service, v *app.Village) error) error {
	if err := c.parse(args); err != nil {
		return err
	}
	if check != nil {
		if err := check(); err != nil {
			return err
		}
	}
	return c.e.withStore(func(ctx context.Context, st *service.Service) error {
		v, err := villageByNameOrID(ctx, st, *c.id)
		if err != nil {
			return err
		}
		return work(ctx, st, v)
	})
}
