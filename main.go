// Command pingxin (评信) runs a village council's credit-rating meeting: with no
// command it opens the desktop app; with one (see docs/CLI.md and README) it runs that
// command and exits. main only wires the store into the chosen user interface.
package main

import (
	"flag"
	"fmt"
	"os"

	"boot.pingxin.local/bootlocale"

	"pingxin/app/i18n"
	"pingxin/data"
	"pingxin/ui/cli"
	"pingxin/ui/desktop"
)

func main() {
	bootlocale.Restore()
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	fs := flag.NewFlagSet("pingxin", flag.ContinueOnError)
	db := fs.String("db", "", "database file (default: PINGXIN_DB or the user's config folder)")
	langFlag := fs.String("lang", "", "zh or en")
	meeting := fs.Int64("meeting", 0, "open the window on this meeting's 会议表决 (deliberation) tab")
	demo := fs.Bool("demo", false, "open the demo database, kept apart from real work (filled with the demo village on first open)")
	if err := fs.Parse(args); err != nil {
		return cli.ExitUsage
	}
	path := *db
	demoPath, demoErr := data.DemoPath()
	if path == "" && *demo {
		if demoErr != nil {
			fmt.Fprintln(os.Stderr, demoErr)
			return cli.ExitRefused
		}
		path = demoPath
	}
	if path == "" {
		p, err := data.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return cli.ExitRefused
		}
		path = p
	}
	lang := i18n.Parse(*langFlag)
	open := opener(path)
	if fs.NArg() == 0 {
		inst, backups := guards(path)
		return desktop.Run(desktop.Config{DBPath: path, Open: open, Lang: lang, LangChosen: *langFlag != "",
			Instance: inst, Backups: backups, Demo: *demo || (demoErr == nil && path == demoPath), DemoPath: demoPath, Meeting: *meeting})
	}
	return cli.Run(fs.Args(), &cli.Env{Open: open, DBPath: path, Lang: lang, Files: files(path)})
}
