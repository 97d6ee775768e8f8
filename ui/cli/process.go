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
	c := e.meetingCommand("review", "date", "by")
	date, by, opinion := c.String("date", "", ""), c.String("by", "", ""), c.String("opinion", "", "")
	var d time.Time
	return c.run(args, func() (err error) {
		d, err = optionalDate(*date)
		return err
	}, func(ctx context.Context, st *service.Service, id int64) error {
		return st.RecordReview(ctx, id, d, *by, *opinion, e.Now())
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
	c := e.meetingCommand("publicity close", "result")
	result, note := c.String("result", "", ""), c.String("note", "", "")
	var obs objections
	c.Var(&obs, "objection", "")
	var outcome app.Outcome
	return c.run(args, func() error {
		var ok bool
		if outcome, ok = app.ParseOutcome(*result); !ok {
			return usagef("process.outcome", "Value", *result)
		}
		return nil
	}, func(ctx context.Context, st *service.Service, id int64) error {
		return st.ClosePublicity(ctx, id, outcome, *note, obs, e.Now())
	})
}

// optionalDate reads YYYY-MM-DD as a local day; "" is the zero time.
func optionalDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseDate(s)
}
