package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/importer"
	"pingxin/app/service"
)

func init() {
	register("import", "cli.usage.import", importCmd)
	register("blacklist import", "cli.usage.blacklist_import", blacklistImport)
}

// importCmd loads a nomination list into a meeting: all of it, or nothing and every
// error on stderr (exit 1); with --skip-invalid the valid rows and every skipped row on
// stderr. --json prints the summary as docs/CLI.md shows it.
func importCmd(e *Env, args []string) error {
	c := e.meetingCommand("import")
	file := c.oneFile()
	skip, asJSON := c.Bool("skip-invalid", false, ""), c.Bool("json", false, "")
	return c.run(args, nil, func(ctx context.Context, st *service.Service, id int64) error {
		sum, err := st.ImportNominees(ctx, id, *file, *skip)
		if sum != nil {
			printImport(e, *file, sum, *asJSON, err == nil)
		}
		var fe *importer.FileErrors
		if errors.As(err, &fe) {
			return refusal{fe}
		}
		return err
	})
}

// printImport prints an import's summary on stdout (as JSON with --json) and what the clerk
// should know on stderr: the skipped rows, the warnings, the ignored columns.
func printImport(e *Env, file string, sum *service.ImportSummary, asJSON, imported bool) {
	if asJSON {
		e.Stdout.Write(sum.JSON(e.Lang))
	} else if imported {
		e.println(sum.Text(e.Lang))
	}
	if imported {
		e.infoList("importer.skipped", file, sum.Errors)
	}
	e.infoList("importer.warning", file, sum.Warnings)
	if s := sum.UnknownText(e.Lang); s != "" {
		e.info("importer.file_line", "File", file, "Text", s)
	}
}

// refusal is a list refused for its bad rows: one line per error, then what to do.
type refusal struct{ fe *importer.FileErrors }

func (r refusal) Error() string { return r.fe.Error() }
func (r refusal) Unwrap() error { return r.fe }

// Lines gives every bad row on its own line, then the hint about --skip-invalid.
func (r refusal) Lines(l i18n.Lang) []string {
	lines := r.fe.Lines(l)
	for i := range lines {
		lines[i] = oneLine(lines[i])
	}
	return append(lines, i18n.T(l, "importer.summary_refused", i18n.Data{"Count": len(r.fe.Errors)}))
}

// blacklistImport loads blacklist entries into a village (by name, or by number):
// all of them, or nothing and every bad row on stderr.
func blacklistImport(e *Env, args []string) error {
	c := e.villageCommand("blacklist import")
	file := c.oneFile()
	return c.run(args, nil, func(ctx context.Context, st *service.Service, v *app.Village) error {
		sum, err := st.ImportBlacklist(ctx, v.ID, *file)
		if err != nil {
			return err
		}
		e.println(sum.Text(e.Lang))
		return nil
	})
}

// villageByNameOrID finds a village by name, or by its number when no village has that name.
func villageByNameOrID(ctx context.Context, st app.Reader, s string) (*app.Village, error) {
	v, err := st.VillageByName(ctx, s)
	if app.ErrorCode(err) == app.ENOTFOUND {
		if id, perr := strconv.ParseInt(s, 10, 64); perr == nil {
			return st.Village(ctx, id)
		}
	}
	return v, err
}

// infoList writes one line per row error to stderr under key, cut at i18n.MaxListed
// with a count of the rest.
func (e *Env) infoList(key, file string, errs []importer.RowError) {
	lines := make([]string, len(errs))
	for i, re := range errs {
		lines[i] = file + ": " + oneLine(re.Localize(e.Lang))
	}
	capped := i18n.Cap(lines, e.Lang)
	for i, line := range capped {
		if i == i18n.MaxListed {
			fmt.Fprintln(e.Stderr, line)
			break
		}
		e.info(key, "Line", line)
	}
}
