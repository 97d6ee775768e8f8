package cli

import (
	"context"
	"flag"
	"strconv"
	"strings"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/service"
)

func init() { register("household set", "cli.usage.household_set", householdSet) }

// householdFlags are the values `household set` may change; only the flags given
// change the household (docs/CLI.md §4).
type householdFlags struct {
	given                      map[string]bool
	proposed, capReason, rate  *string
	votes                      [4]*string // for, against, abstain, recused
	reason                     *string
	visitDate, visitors, concl *string
	recommend, notes, seq      *string
}

var voteFlags = [4]string{"for", "against", "abstain", "recused"}

// householdSet enters one household's deliberation or verification, as a paper meeting
// recorded it, checked by the same rules as the desktop form (service.SaveHousehold);
// once stored, what the clerk should know but is not refused for (app.Nominee.Warnings)
// goes to stderr.
func householdSet(e *Env, args []string) error {
	c := e.meetingCommand("household set")
	f := householdFlags{seq: c.String("seq", "", ""),
		proposed: c.String("proposed", "", ""), capReason: c.String("cap-reason", "", ""), rate: c.String("rate", "", ""),
		reason: c.String("reason", "", ""), visitDate: c.String("visit-date", "", ""), visitors: c.String("visitors", "", ""),
		concl: c.String("conclusion", "", ""), recommend: c.String("recommend", "", ""), notes: c.String("notes", "", "")}
	for i, n := range voteFlags {
		f.votes[i] = c.String(n, "", "")
	}
	var seq int
	return c.run(args, func() (err error) {
		f.given = map[string]bool{}
		c.Visit(func(fl *flag.Flag) { f.given[fl.Name] = true })
		seq, err = parseSeq(*f.seq)
		return err
	}, func(ctx context.Context, st *service.Service, id int64) error {
		m, n, err := meetingHousehold(ctx, st, id, seq)
		if err != nil {
			return err
		}
		if err := f.apply(n); err != nil {
			return err
		}
		if err := st.SaveHousehold(ctx, n); err != nil {
			return err
		}
		v, err := st.Village(ctx, m.VillageID)
		if err != nil {
			return err
		}
		for _, w := range n.Warnings(v.Settings) {
			e.info("cli.household_warning", "Seq", n.Seq, "Name", n.Name, "Text", w.Message.In(e.Lang))
		}
		return nil
	})
}

// parseSeq reads the --seq flag of the household commands.
func parseSeq(s string) (int, error) {
	seq, err := strconv.Atoi(s)
	if err != nil {
		return 0, usagef("cli.missing_flags", "Flags", "--seq")
	}
	return seq, nil
}

// meetingHousehold reads meeting mid and its household № seq (ENOTFOUND when the list
// has no such №).
func meetingHousehold(ctx context.Context, st app.Reader, mid int64, seq int) (*app.Meeting, *app.Nominee, error) {
	m, err := st.Meeting(ctx, mid)
	if err != nil {
		return nil, nil, err
	}
	n := nomineeBySeq(m, seq)
	if n == nil {
		return nil, nil, app.Errorf(app.ENOTFOUND, "cli.no_seq", "Seq", seq)
	}
	return m, n, nil
}

func nomineeBySeq(m *app.Meeting, seq int) *app.Nominee {
	for i := range m.Nominees {
		if m.Nominees[i].Seq == seq {
			return &m.Nominees[i]
		}
	}
	return nil
}

// apply puts the given flags' values into n; a value that cannot be read is wrong usage.
func (f *householdFlags) apply(n *app.Nominee) error {
	if f.given["proposed"] {
		y, err := amount.Parse(*f.proposed)
		if err != nil {
			return usagef("cli.bad_value", "Flag", "--proposed", "Value", *f.proposed)
		}
		n.Proposed = y
	}
	if f.given["cap-reason"] {
		n.ProposedReason = strings.TrimSpace(*f.capReason)
	}
	if f.given["rate"] {
		yes, ok := yesNo(*f.rate)
		if !ok {
			return usagef("cli.bad_value", "Flag", "--rate", "Value", *f.rate)
		}
		n.RatePreference = yes
	}
	if f.given["reason"] {
		n.Reason = strings.TrimSpace(*f.reason)
	}
	if err := f.applyVotes(n); err != nil {
		return err
	}
	return f.applyVisit(n)
}

func (f *householdFlags) applyVotes(n *app.Nominee) error {
	counts := []*int{&n.Votes.For, &n.Votes.Against, &n.Votes.Abstain, &n.Votes.Recused}
	any := false
	for i, name := range voteFlags {
		if !f.given[name] {
			continue
		}
		c, err := strconv.Atoi(strings.TrimSpace(*f.votes[i]))
		if err != nil {
			return usagef("cli.bad_value", "Flag", "--"+name, "Value", *f.votes[i])
		}
		*counts[i], any = c, true
	}
	if any {
		n.Votes.Recorded = true
	}
	return nil
}

var visitFlags = []string{"visit-date", "visitors", "conclusion", "recommend", "notes"}

// applyVisit sets the verification from the visit flags; the record's completeness is
// the domain's check (a visitor on the roster, a conclusion, a recommendation).
func (f *householdFlags) applyVisit(n *app.Nominee) error {
	touched := false
	for _, k := range visitFlags {
		touched = touched || f.given[k]
	}
	if !touched {
		return nil
	}
	v := app.Verification{}
	if n.Verification != nil {
		v = *n.Verification
	}
	if f.given["visit-date"] {
		d, err := parseDate(*f.visitDate)
		if err != nil {
			return err
		}
		v.VisitDate = d
	}
	if f.given["visitors"] {
		v.Visitors = splitNames(*f.visitors)
	}
	if f.given["conclusion"] {
		v.Conclusion = app.Conclusion(strings.TrimSpace(*f.concl))
	}
	if f.given["recommend"] {
		r, lower := app.SplitRecommendation(*f.recommend)
		v.Recommendation, v.LowerTo = r, 0
		if r == app.LowerTo {
			y, err := amount.Parse(lower)
			if err != nil {
				return usagef("cli.bad_value", "Flag", "--recommend", "Value", *f.recommend)
			}
			v.LowerTo = y
		}
	}
	if f.given["notes"] {
		v.Notes = *f.notes
	}
	n.Verification = &v
	return nil
}

// yesNo reads --rate: yes/no, 是/否.
func yesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "是", "y":
		return true, true
	case "no", "否", "n":
		return false, true
	}
	return false, false
}
