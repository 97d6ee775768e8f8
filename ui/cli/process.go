package cli

import (
	"context"
	"strings"
	"time"

	"pingxin/app"
	"pingxin/app/service"
)

// The steps after signing (docs/CLI.md): 组织审定 and the outcome of the 公示.
func init() {
	register("review", "cli.usage.review", reviewCmd)
	register("publicity close", "cli.usage.publicity_close", publicityCloseCmd)
}

// reviewCmd records the village Party organisation's review of signed minutes.
func reviewCmd(e *Env, args []string) error {
	fs := e.flags("review")
	id := fs.String("meeting", "", "")
	date := fs.String("date", "", "")
	by := fs.String("by", "", "")
	opinion := fs.String("opinion", "", "")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *id == "" || *date == "" || *by == "" {
		return usagef("cli.missing_flags", "Flags", "--meeting --date --by")
	}
	n, err := meetingID(*id)
	if err != nil {
		return err
	}
	d, err := optionalDate(*date)
	if err != nil {
		return err
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		return st.RecordReview(ctx, n, d, *by, *opinion, e.Now())
	})
}

// objections collects repeated --objection "异议=处理结果" flags, in order.
type objections []app.Objection

func (o *objections) String() string { return "" }

func (o *objections) Set(s string) error {
	text, settled, ok := strings.Cut(s, "=")
	if !ok {
		text, settled, _ = strings.Cut(s, "＝")
	}
	*o = append(*o, app.Objection{Text: strings.TrimSpace(text), Settlement: strings.TrimSpace(settled)})
	return nil
}

// publicityCloseCmd records the outcome of a 公示 whose period has ended.
func publicityCloseCmd(e *Env, args []string) error {
	fs := e.flags("publicity close")
	id := fs.String("meeting", "", "")
	result := fs.String("result", "", "")
	note := fs.String("note", "", "")
	var obs objections
	fs.Var(&obs, "objection", "")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *id == "" || *result == "" {
		return usagef("cli.missing_flags", "Flags", "--meeting --result")
	}
	n, err := meetingID(*id)
	if err != nil {
		return err
	}
	outcome, ok := app.ParseOutcome(*result)
	if !ok {
		return usagef("process.outcome", "Value", *result)
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		return st.ClosePublicity(ctx, n, outcome, *note, obs, e.Now())
	})
}

// optionalDate reads YYYY-MM-DD as a local day; "" is the zero time.
func optionalDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseDate(s)
}
