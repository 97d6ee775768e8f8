// Package cli is the `pingxin <command>` command line: a stable contract (docs/CLI.md) for
// town offices that script batch work, bank officers who verify a PDF without the
// app, and tests that drive every capability end to end. It calls the same app/
// functions as the desktop and never imports Fyne.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/service"
)

// Env is what a command runs with. Open is called only by commands that need the
// database, so `verify` works on a bank PC that has never run Pingxin.
type Env struct {
	Open   func() (app.Store, error)
	DBPath string
	Lang   i18n.Lang
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	Getenv func(string) string
	Files  Files
}

// Files are the operations on the database file itself, which no open store can do on
// itself (restore replaces the file). main gives them over the store package, which
// ui never imports.
type Files struct {
	Lock    func() (release func(), err error)        // the database's single-instance lock
	Restore func(src string) (kept string, err error) // put src in place, keeping the old file
	Explain func(path string, err error) error        // a file error a person can act on (disk full, read-only)
}

// command is one entry of the command table: its words ("village new"), the key of
// its one-line usage, and the function that runs it with the remaining arguments.
type command struct {
	name  string
	usage string
	run   func(e *Env, args []string) error
}

// commands is the table of every command; each file registers its own in init so the
// table never has to be edited by two features at once.
var commands []command

func register(name, usage string, run func(e *Env, args []string) error) {
	commands = append(commands, command{name: name, usage: usage, run: run})
}

// Exit statuses of the contract.
const (
	ExitOK      = 0
	ExitRefused = 1
	ExitUsage   = 2
)

// usageError is wrong usage: an unknown command, a missing flag, a malformed value.
type usageError struct{ msg i18n.Message }

func (u usageError) Error() string               { return u.msg.String() }
func (u usageError) Localize(l i18n.Lang) string { return u.msg.In(l) }

func usagef(key string, kv ...any) error { return usageError{i18n.M(key, kv...)} }

// Liner is implemented by errors that carry several reasons (every bad row of a
// file); the CLI prints each on its own line.
type Liner interface {
	Lines(l i18n.Lang) []string
}

// Run runs the command named by args and returns the exit status.
func Run(args []string, e *Env) int {
	e.defaults()
	cmd, rest := lookup(args)
	if cmd == nil {
		if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
			printUsage(e.Stdout, e.Lang)
			return ExitOK
		}
		fmt.Fprintln(e.Stderr, i18n.T(e.Lang, "cli.unknown_command", i18n.Data{"Command": strings.Join(args, " ")}))
		printUsage(e.Stderr, e.Lang)
		return ExitUsage
	}
	err := cmd.run(e, rest)
	if err == nil {
		return ExitOK
	}
	printError(e, err)
	var u usageError
	if errors.As(err, &u) || errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(e.Stderr, "pingxin "+cmd.name+" "+i18n.T(e.Lang, cmd.usage, nil))
		return ExitUsage
	}
	return ExitRefused
}

func printError(e *Env, err error) {
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	var l Liner
	if errors.As(err, &l) {
		for _, line := range capKeepLast(l.Lines(e.Lang), e.Lang) {
			fmt.Fprintln(e.Stderr, line)
		}
		return
	}
	fmt.Fprintln(e.Stderr, oneLine(app.ErrorMessage(err, e.Lang)))
}

// capKeepLast cuts a long list of reasons at i18n.MaxListed with a count of the rest,
// keeping its last line, which says what to do.
func capKeepLast(lines []string, l i18n.Lang) []string {
	if len(lines) <= i18n.MaxListed+1 {
		return lines
	}
	last := lines[len(lines)-1]
	return append(i18n.Cap(lines[:len(lines)-1], l), last)
}

// oneLine keeps the contract's "errors are one line each".
func oneLine(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ") }

// lookup finds the longest command name that prefixes args.
func lookup(args []string) (*command, []string) {
	var best *command
	bestLen := 0
	for i := range commands {
		words := strings.Fields(commands[i].name)
		if len(words) > len(args) || len(words) <= bestLen {
			continue
		}
		match := true
		for j, w := range words {
			if args[j] != w {
				match = false
				break
			}
		}
		if match {
			best, bestLen = &commands[i], len(words)
		}
	}
	if best == nil {
		return nil, nil
	}
	return best, args[bestLen:]
}

func printUsage(w io.Writer, l i18n.Lang) {
	fmt.Fprintln(w, i18n.T(l, "cli.usage_head", nil))
	for _, c := range commands {
		fmt.Fprintf(w, "  pingxin [--db FILE] %s %s\n", c.name, i18n.T(l, c.usage, nil))
	}
}

func (e *Env) defaults() {
	if e.Stdout == nil {
		e.Stdout = os.Stdout
	}
	if e.Stderr == nil {
		e.Stderr = os.Stderr
	}
	if e.Stdin == nil {
		e.Stdin = os.Stdin
	}
	if e.Now == nil {
		e.Now = time.Now
	}
	if e.Getenv == nil {
		e.Getenv = os.Getenv
	}
	if e.Lang == "" {
		e.Lang = i18n.Zh
	}
}

// flags makes a flag set for a command whose errors go to stderr and never exit.
func (e *Env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.Stderr)
	return fs
}

// parseOneFile parses the flags of a command that takes exactly one file, and returns it.
func parseOneFile(fs *flag.FlagSet, args []string) (string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usagef("cli.one_file")
	}
	return pos[0], nil
}

// parse parses flags that may stand before or after the positional arguments
// (`import FILE --skip-invalid` as well as `import --skip-invalid FILE`) and returns
// the positional ones. Go's flag package alone stops at the first positional.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{i18n.M("cli.bad_flags", "Error", err.Error())}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// store opens the database for a command that needs it. A command sees it only
// through the service: reads, and every change as one of its operations.
func (e *Env) store() (*service.Service, error) {
	if e.Open == nil {
		return nil, errors.New("no database")
	}
	st, err := e.Open()
	if err != nil {
		return nil, err
	}
	return service.New(st), nil
}

// withStore runs f with the database open, and closes it after.
func (e *Env) withStore(f func(ctx context.Context, st *service.Service) error) error {
	st, err := e.store()
	if err != nil {
		return err
	}
	defer st.Close()
	return f(context.Background(), st)
}

// println writes one line of a command's result to stdout.
func (e *Env) println(a ...any) { fmt.Fprintln(e.Stdout, a...) }

// info writes a line of commentary to stderr, keeping stdout for the result alone.
func (e *Env) info(key string, kv ...any) {
	fmt.Fprintln(e.Stderr, i18n.M(key, kv...).In(e.Lang))
}
