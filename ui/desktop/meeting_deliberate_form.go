package desktop

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/i18n"
	"pingxin/ui/desktop/widgets"
)

// formNominee is the household shown with the entries as typed. Entries that cannot be
// read keep the stored value and are named in errs, by app.Field*.
func (t *deliberateTab) formNominee() (n app.Nominee, errs map[string]string) {
	n = *t.mm.nominee(t.cur)
	errs = map[string]string{}
	if s := strings.TrimSpace(t.proposed.Text); s == "" {
		n.Proposed = 0
	} else if y, err := parseYuan(s); err != nil {
		errs[app.FieldProposed] = errText(t.mm.d, err)
	} else {
		n.Proposed = y
	}
	n.ProposedReason = strings.TrimSpace(t.why.Text)
	n.RatePreference = t.rate.Checked
	t.formVotes(&n, errs)
	n.Reason = strings.TrimSpace(t.reason.Text)
	for k, s := range t.baseline {
		if c, ok := fromText(checks, checkText, s.Selected); ok {
			n.Baseline[k] = c
		}
	}
	n.Undertaking = t.undertaking.Checked
	return n, errs
}

// formVotes reads the four counts; the tally is recorded once any of them is filled.
func (t *deliberateTab) formVotes(n *app.Nominee, errs map[string]string) {
	v := app.Votes{}
	fields := []struct {
		e     *widgets.KeyEntry
		to    *int
		label string
	}{{t.vFor, &v.For, "meeting.delib.for"}, {t.vAgainst, &v.Against, "meeting.delib.against"},
		{t.vAbstain, &v.Abstain, "meeting.delib.abstain"}, {t.vRecus, &v.Recused, "meeting.delib.recused"}}
	for _, f := range fields {
		c, filled, ok := parseCount(f.e.Text)
		if !ok {
			errs[app.FieldVotes] = mtgL("meeting.delib.bad_count", "Field", mtgL(f.label), "Value", f.e.Text)
			return
		}
		*f.to = c
		v.Recorded = v.Recorded || filled
	}
	n.Votes = v
}

// commit stores the household when its entries are valid and differ from the stored
// ones; it shows every problem beside its field and reports whether the household is
// stored (nothing to store counts as stored).
func (t *deliberateTab) commit() bool {
	if t.loading || t.cur < 0 || t.mm.locked() || t.mm.nominee(t.cur).Blocked != "" {
		return true
	}
	n, errs := t.formNominee()
	t.flagShort(&n, errs)
	probs := t.mm.check(&n)
	t.showProblems(errs, probs, false)
	if len(errs) == 0 && sameDeliberation(&n, t.mm.nominee(t.cur)) {
		return true // nothing typed: a problem stored earlier is shown but does not hold the meeting up
	}
	if len(errs) > 0 || len(probs) > 0 {
		t.saved.SetText("")
		return false
	}
	setProblem(t.storeErr, "")
	t.saving = true
	err := t.mm.saveNominee(t.cur, n)
	t.saving = false
	if err != nil {
		setProblem(t.storeErr, errText(t.mm.d, err))
		return false
	}
	t.saved.SetText(mtgL("meeting.delib.saved", "Time", t.mm.d.Now().Format("15:04:05")))
	t.preview()
	return true
}

// shortTally reports whether n's tally accounts for fewer members than are present,
// is new (not the one stored) and not confirmed: typed half-way, or someone not
// counted. Stored silently it could pass a household on a partial count.
func (t *deliberateTab) shortTally(n *app.Nominee) bool {
	v := n.Votes
	_, voters := t.mm.voteOf(n)
	return v.Recorded && v.Cast() < voters && v != t.shortOK && v != t.mm.nominee(t.cur).Votes
}

// flagShort names a short tally among errs, so that it is shown and not stored.
func (t *deliberateTab) flagShort(n *app.Nominee, errs map[string]string) bool {
	if _, bad := errs[app.FieldVotes]; bad || !t.shortTally(n) {
		return false
	}
	_, voters := t.mm.voteOf(n)
	errs[app.FieldVotes] = mtgL("meeting.delib.short_tally", "Cast", n.Votes.Cast(), "Present", voters,
		"Missing", voters-n.Votes.Cast())
	return true
}

// refused reports, after trying once more to store it, whether the household shown
// holds typing the rules refused (or a short tally not confirmed), and which household.
func (t *deliberateTab) refused() (*app.Nominee, bool) {
	if t.cur < 0 || t.commit() {
		return nil, false
	}
	return t.mm.nominee(t.cur), true
}

// sameDeliberation reports whether a and b agree on everything the meeting enters.
func sameDeliberation(a, b *app.Nominee) bool {
	return a.Proposed == b.Proposed && a.ProposedReason == b.ProposedReason && a.RatePreference == b.RatePreference &&
		a.Votes == b.Votes && a.Reason == b.Reason && a.Baseline == b.Baseline && a.Undertaking == b.Undertaking
}

// onBaseline stores a change of a baseline item or of the undertaking.
func (t *deliberateTab) onBaseline() {
	if t.loading {
		return
	}
	t.preview()
	t.commit()
}

// preview shows the decision and result of the entries as typed, before they are
// stored, and keeps the problems already shown up to date (a corrected field clears).
func (t *deliberateTab) preview() {
	if t.loading || t.cur < 0 {
		return
	}
	n, errs := t.formNominee()
	short := t.flagShort(&n, errs)
	t.showProblems(errs, t.mm.check(&n), true)
	q, voters := t.mm.voteOf(&n) // the members present when this vote was (or will be) taken
	s := t.mm.s
	d := n.Decision(q, s, voters)
	t.decision.Text = decisionText(d)
	t.decision.Color = themeColor(decisionColor(d))
	t.resultFig.SetText(t.resultText(&n))
	if short {
		// no green 通过 over a count not finished
		t.decision.Text = mtgL("meeting.delib.short_decision")
		t.decision.Color = themeColor(theme.ColorNameWarning)
		t.resultFig.SetText(errs[app.FieldVotes])
	} else if entryProblem(errs, t.mm.check(&n)) {
		// entries that cannot stand decide nothing: no green 通过 over a wrong count
		t.decision.Text = mtgL("meeting.delib.fix_first")
		t.decision.Color = themeColor(theme.ColorNameForeground)
		t.resultFig.SetText(mtgL("meeting.delib.fix_first_why"))
	}
	t.decision.TextSize = 2.4 * theme.TextSize()
	t.decision.Refresh()
	setText(t.voters, mtgL("meeting.delib.voters", "Present", voters))
	quorum := ""
	if !q.Met {
		quorum = mtgL("meeting.delib.no_quorum", "Present", q.Present, "Required", q.Required)
	}
	setProblem(t.quorum, quorum)
	showWarnings(t.proposedWarn, n.Warnings(s), t.mm.d.Lang)
	reason := ""
	if n.NeedsReason(q, s, voters) && n.Reason == "" {
		reason = whyText(n.Unfinished(q, s, voters), t.mm.d.Lang)
	}
	if t.reasonErr.Hidden || reason == "" {
		setProblem(t.reasonErr, reason)
	}
	t.follow()
}

// showWarnings shows what the clerk is told and never refused for (app.Nominee.Warnings:
// a proposal above the request, above the standard cap with no visit), or hides l.
func showWarnings(l *widget.Label, ws app.Problems, lg i18n.Lang) {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Message.In(lg)
	}
	setProblem(l, strings.Join(parts, mtgL("meeting.sep")))
}

// entryProblem reports whether a field this screen edits (amount, reason above the cap,
// votes) is unreadable or breaks a rule.
func entryProblem(errs map[string]string, probs app.Problems) bool {
	for _, f := range []string{app.FieldProposed, app.FieldProposedWhy, app.FieldVotes} {
		if _, bad := errs[f]; bad || probs.For(f) != nil {
			return true
		}
	}
	return false
}

// parseYuan reads an amount as typed; amount.Parse takes 30w for 30万 too, for a
// clerk at a keyboard without a Chinese input method.
func parseYuan(s string) (amount.Yuan, error) { return amount.Parse(s) }

// resultText is the final result: the amount granted, or why not.
func (t *deliberateTab) resultText(n *app.Nominee) string {
	q, voters := t.mm.voteOf(n)
	r := n.Result(q, t.mm.s, voters)
	if r.Outcome == app.Passed {
		return mtgL("meeting.delib.final", "Yuan", r.Amount.String(), "Wan", r.Amount.Wan())
	}
	why := whyText(r.Why, t.mm.d.Lang)
	if r.Outcome != n.Decision(t.mm.q, t.mm.s, t.mm.voters) {
		// the vote passed but the household does not (暂缓 above the cap with no
		// visit, 不通过 on the baseline): say the final result, not only why
		return mtgL("meeting.delib.final_other", "Outcome", decisionText(r.Outcome), "Why", why)
	}
	return why
}

// decisionColor is the theme colour of an outcome, the same as its badge's; an open
// outcome stays in the ordinary text colour rather than the badge's grey.
func decisionColor(d app.Decision) fyne.ThemeColorName {
	if tone := decisionTone(d); tone != widgets.ToneMuted {
		return widgets.ToneColor(tone)
	}
	return theme.ColorNameForeground
}

// showProblems puts each problem beside its field. With update, it only changes the
// labels already showing (so a field being typed is not flagged half-way, but a
// corrected one clears at once).
func (t *deliberateTab) showProblems(errs map[string]string, probs app.Problems, update bool) {
	lg := t.mm.d.Lang
	text := func(field string) string {
		if e, ok := errs[field]; ok {
			return e
		}
		if p := probs.For(field); p != nil {
			return p.Message.In(lg)
		}
		return ""
	}
	set := func(l *widget.Label, s string) {
		if !update || !l.Hidden {
			setProblem(l, s)
		}
	}
	set(t.proposedErr, text(app.FieldProposed))
	set(t.whyErr, text(app.FieldProposedWhy))
	set(t.votesErr, text(app.FieldVotes))
	set(t.generalErr, otherProblems(probs, lg))
}

// otherProblems are the problems of fields this screen does not show (a name, the
// requested amount, a verification record), so that none is hidden.
func otherProblems(probs app.Problems, lg i18n.Lang) string {
	var parts []string
	for _, p := range probs {
		switch p.Field {
		case app.FieldProposed, app.FieldProposedWhy, app.FieldVotes:
			continue
		}
		parts = append(parts, p.Message.In(lg))
	}
	return strings.Join(parts, mtgL("meeting.sep"))
}

// clearProblems hides every problem label.
func (t *deliberateTab) clearProblems() {
	for _, l := range []*widget.Label{t.proposedErr, t.proposedWarn, t.whyErr, t.votesErr, t.reasonErr, t.generalErr, t.storeErr} {
		setProblem(l, "")
	}
}
