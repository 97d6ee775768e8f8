package cli

import (
	"context"
	"encoding/json"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
	"pingxin/app/service"
)

func init() {
	register("bank import", "cli.usage.bank_import", bankImport)
	register("register", "cli.usage.register", registerCmd)
}

// bankImport loads the bank's reply sheet into a village's credit register: all of it,
// or nothing and every bad row on stderr.
func bankImport(e *Env, args []string) error {
	c := e.villageCommand("bank import")
	file := c.oneFile()
	return c.run(args, nil, func(ctx context.Context, st *service.Service, v *app.Village) error {
		sum, err := st.ImportBank(ctx, v.ID, *file, e.Now())
		if err != nil {
			return err
		}
		e.println(sum.Text(e.Lang))
		return nil
	})
}

// registerFlags are the flags of `register`.
type registerFlags struct {
	village      string
	expiring     int
	json         bool
	search       string
	id           string
	renewInto    int64
	reminderDays int
	xlsx, pdf    string
}

// registerCmd prints the credit register (or one household's history with --id), and
// with --renew-into puts the households due on a meeting's list; --reminder-days sets
// the village's reminder period.
func registerCmd(e *Env, args []string) error {
	fs := e.flags("register")
	var f registerFlags
	fs.StringVar(&f.village, "village", "", "")
	fs.IntVar(&f.expiring, "expiring", -1, "")
	fs.BoolVar(&f.json, "json", false, "")
	fs.StringVar(&f.search, "search", "", "")
	fs.StringVar(&f.id, "id", "", "")
	fs.Int64Var(&f.renewInto, "renew-into", 0, "")
	fs.IntVar(&f.reminderDays, "reminder-days", 0, "")
	fs.StringVar(&f.xlsx, "xlsx", "", "")
	fs.StringVar(&f.pdf, "pdf", "", "")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) != 0 {
		return usagef("register.no_files")
	}
	if f.village == "" {
		return usagef("cli.missing_flags", "Flags", "--village")
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		v, err := villageByNameOrID(ctx, st, f.village)
		if err != nil {
			return err
		}
		return runRegister(ctx, e, st, v, f)
	})
}

func runRegister(ctx context.Context, e *Env, st *service.Service, v *app.Village, f registerFlags) error {
	if f.reminderDays != 0 {
		if err := st.SetReminderDays(ctx, v.ID, f.reminderDays); err != nil {
			return err
		}
	}
	if f.renewInto != 0 {
		m, err := st.Meeting(ctx, f.renewInto)
		if err != nil {
			return err
		}
		if m.VillageID != v.ID {
			return app.Errorf(app.EINVALID, "register.other_village", "ID", m.ID, "Village", v.Name)
		}
		sum, err := st.RenewInto(ctx, f.renewInto, e.Now())
		if err != nil {
			return err
		}
		e.println(i18n.T(e.Lang, "register.renewed", i18n.Data{"Added": sum.Added, "Already": sum.Already, "ID": f.renewInto}))
		return nil
	}
	if f.xlsx != "" || f.pdf != "" {
		return registerFiles(ctx, e, st, v.ID, f)
	}
	reg, err := st.OpenRegister(ctx, v.ID, e.Now())
	if err != nil {
		return err
	}
	if f.id != "" {
		return printHistory(ctx, e, st, v.ID, f.id)
	}
	entries := reg.Search(f.search)
	if f.expiring >= 0 {
		entries = reg.Expiring(f.expiring)
	}
	if f.json {
		return printRegisterJSON(e, entries)
	}
	printRegister(e, entries)
	return nil
}

// registerFiles writes the register for the bank (XLSX) and for the village file (PDF)
// and prints each path.
func registerFiles(ctx context.Context, e *Env, st *service.Service, villageID int64, f registerFlags) error {
	if f.xlsx != "" {
		if err := st.WriteRegisterSheet(ctx, villageID, f.xlsx, e.Now()); err != nil {
			return err
		}
		e.println(f.xlsx)
	}
	if f.pdf != "" {
		if err := st.WriteRegisterPDF(ctx, villageID, f.pdf, e.Now()); err != nil {
			return err
		}
		e.println(f.pdf)
	}
	return nil
}

func printRegister(e *Env, es []*app.RegisterEntry) {
	rows := [][]string{{t(e, "register.col.name"), t(e, "register.col.id"), t(e, "register.col.group"), t(e, "register.col.passed"),
		t(e, "register.col.credit"), t(e, "register.col.approved"), t(e, "register.col.expiry"), t(e, "register.col.status"), t(e, "register.col.doc")}}
	for _, x := range es {
		rows = append(rows, []string{x.Name, idcard.Mask(x.IDNumber), dash(x.Group), x.Passed.Wan(), wanOrDash(x.Current),
			dateOrDash(x.BankDate), dateOrDash(x.Expiry), x.StatusText(e.Lang), dash(x.DocNumber)})
	}
	table(e.Stdout, rows)
}

type registerJSON struct {
	Name      string `json:"name"`
	ID        string `json:"id"`
	Group     string `json:"group"`
	Doc       string `json:"doc"`
	Passed    int64  `json:"passed"`
	Bank      string `json:"bank"`
	Amount    int64  `json:"amount"`
	Approved  string `json:"approved"`
	Expiry    string `json:"expiry"`
	Status    string `json:"status"`
	Blacklist string `json:"blacklist,omitempty"`
	Due       bool   `json:"due"`
}

// printRegisterJSON prints the entries as one JSON array; IDs masked, as on screen.
func printRegisterJSON(e *Env, es []*app.RegisterEntry) error {
	out := make([]registerJSON, len(es))
	for i, x := range es {
		out[i] = registerJSON{Name: x.Name, ID: idcard.Mask(x.IDNumber), Group: x.Group, Doc: x.DocNumber,
			Passed: int64(x.Passed), Bank: string(x.Bank), Amount: int64(x.Current), Approved: dateText(x.BankDate),
			Expiry: dateText(x.Expiry), Status: string(x.Status), Due: x.Due}
		if b := x.Blacklist; b != nil {
			out[i].Blacklist = string(b.Category)
		}
	}
	enc := json.NewEncoder(e.Stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// printHistory prints one household's history, date by date, with its last rating.
func printHistory(ctx context.Context, e *Env, st app.Reader, villageID int64, id string) error {
	pid, err := idcard.Parse(id)
	if err != nil {
		return usagef("register.bad_id", "Value", id)
	}
	row, err := st.CreditRow(ctx, villageID, pid.String())
	if err != nil {
		return err
	}
	if row == nil {
		return app.Errorf(app.ENOTFOUND, "credit.not_found", "ID", idcard.Mask(pid.String()))
	}
	evs, err := st.CreditHistory(ctx, villageID, pid.String())
	if err != nil {
		return err
	}
	e.println(row.Name + " " + idcard.Mask(row.IDNumber) + " " + row.LastRating(e.Lang))
	rows := [][]string{{t(e, "register.col.date"), t(e, "register.col.event"), t(e, "register.col.doc"), t(e, "register.col.outcome"),
		t(e, "register.col.amount"), t(e, "register.col.detail")}}
	for _, ev := range evs {
		amt := "—"
		if ev.Amount > 0 {
			amt = ev.Amount.Wan()
		}
		date := dateText(ev.Date)
		if date == "" {
			date = t(e, "credit.not_given")
		}
		rows = append(rows, []string{date, ev.Kind.Label(e.Lang), dash(ev.DocNumber), dash(ev.Outcome), amt, dash(ev.Detail)})
	}
	table(e.Stdout, rows)
	return nil
}

func dateText(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

func dateOrDash(d time.Time) string { return dash(dateText(d)) }

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// wanOrDash shows no credit as a dash rather than 0万.
func wanOrDash(y amount.Yuan) string {
	if y == 0 {
		return "—"
	}
	return y.Wan()
}
