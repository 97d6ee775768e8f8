package app

import (
	"strings"

	"pingxin/app/i18n"
)

// Change is one difference between a signed meeting and its amendment (补充纪要): the
// household (or the roll call) and the field, with the signed value and the corrected one.
type Change struct {
	Seq      int    // the household's №; 0 for the roll call
	Name     string // the household head or the member
	Field    string // a translation key: "field.proposed", "field.presence", …
	Old, New string
}

// Label renders the field name in l.
func (c Change) Label(l i18n.Lang) string { return i18n.T(l, c.Field, nil) }

// Public reports whether a change may be posted in a 更正公示: who the household is
// (added, removed, its name or group) and its final result. The deliberation's own
// details — visit notes, baseline items, reasons, a blacklist category, the tally — stay
// in the minutes: a notice board is public (docs/RULES.md §9, §11.5), and the first
// notice shows no more than the passed households and their credit.
func (c Change) Public() bool {
	switch c.Field {
	case "field.added", "field.removed", "field.name", "field.group", "field.result":
		return true
	}
	return false
}

// Changes lists what an amendment changes relative to the signed meeting it corrects,
// in list order: each household by №, then households removed. The amendment's roll
// call is that of its own sitting (docs/RULES.md §11.5), not a correction of the
// original's, so it is not compared. Final results are compared too, so the amendment says plainly whose
// credit changed. Values are as the minutes print them (amounts with separators).
func Changes(orig, amended *Meeting, s Settings) []Change {
	var out []Change
	before := map[int]*Nominee{}
	for i := range orig.Nominees {
		before[orig.Nominees[i].Seq] = &orig.Nominees[i]
	}
	ro, ra := orig.Results(s), amended.Results(s)
	resultOf := map[int]Result{}
	for i, n := range orig.Nominees {
		resultOf[n.Seq] = ro[i]
	}
	seen := map[int]bool{}
	for i := range amended.Nominees {
		n := &amended.Nominees[i]
		seen[n.Seq] = true
		o, ok := before[n.Seq]
		if !ok {
			out = append(out, Change{Seq: n.Seq, Name: n.Name, Field: "field.added", New: n.Name})
			continue
		}
		out = append(out, nomineeChanges(o, n)...)
		if r0, r1 := resultOf[n.Seq], ra[i]; r0.Outcome != r1.Outcome || r0.Amount != r1.Amount {
			out = append(out, Change{Seq: n.Seq, Name: n.Name, Field: "field.result", Old: resultText(r0), New: resultText(r1)})
		}
	}
	for _, n := range orig.Nominees {
		if !seen[n.Seq] {
			out = append(out, Change{Seq: n.Seq, Name: n.Name, Field: "field.removed", Old: n.Name})
		}
	}
	return out
}

func resultText(r Result) string {
	if r.Outcome == Passed {
		return string(r.Outcome) + " " + r.Amount.String()
	}
	return string(r.Outcome)
}

// nomineeChanges compares the fields a meeting decides or records.
func nomineeChanges(o, n *Nominee) []Change {
	var out []Change
	add := func(field, a, b string) {
		if a != b {
			out = append(out, Change{Seq: n.Seq, Name: n.Name, Field: field, Old: a, New: b})
		}
	}
	add("field.name", o.Name, n.Name)
	add("field.group", o.Group, n.Group)
	add("field.purpose", o.Purpose, n.Purpose)
	add("field.requested", o.Requested.String(), n.Requested.String())
	add("field.proposed", o.Proposed.String(), n.Proposed.String())
	add("field.proposed_reason", o.ProposedReason, n.ProposedReason)
	add("field.rate", YesNo(o.RatePreference), YesNo(n.RatePreference))
	add("field.baseline", baseline(o), baseline(n))
	add("field.votes", o.Votes.Text(), n.Votes.Text())
	add("field.reason", o.Reason, n.Reason)
	add("field.blocked", o.Blocked, n.Blocked)
	add("field.verification", verification(o.Verification), verification(n.Verification))
	return out
}

// baseline is the baseline as a change lists it: BaselineText, or 均符合.
func baseline(n *Nominee) string {
	if s := BaselineText(n); s != "" {
		return s
	}
	return "均符合"
}

// verification is a visit as a change lists it: VisitText and the visit's notes.
func verification(v *Verification) string {
	s := VisitText(v, "，")
	if v != nil && v.Notes != "" {
		s += "；" + v.Notes
	}
	return s
}

// CheckAmendReason is the rule that an amendment says what it corrects and why
// (docs/RULES.md §11.5).
func CheckAmendReason(why string) error {
	if strings.TrimSpace(why) == "" {
		return Errorf(EINVALID, "amend.why_required")
	}
	return nil
}
