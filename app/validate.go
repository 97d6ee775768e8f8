package app

import (
	"strings"
	"unicode"

	"pingxin/app/amount"
	"pingxin/app/i18n"
)

// Field names a Problem can point at, so a screen shows it beside the right entry.
const (
	FieldName         = "name"
	FieldRequested    = "requested"
	FieldProposed     = "proposed"
	FieldProposedWhy  = "proposed_reason"
	FieldVotes        = "votes"
	FieldReason       = "reason"
	FieldVerification = "verification"
)

// Problem is one thing wrong with an entry, tied to its field.
type Problem struct {
	Field   string
	Message i18n.Message
}

// Problems is every thing wrong with an entry at once, so the clerk fixes them in one go.
// It is an error; an empty Problems is returned as nil by Err.
type Problems []Problem

// Err returns p as an error, or nil when there is nothing wrong.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

// Error renders every problem in Chinese.
func (p Problems) Error() string { return p.Localize(i18n.Zh) }

// Localize renders every problem in l, separated by semicolons.
func (p Problems) Localize(l i18n.Lang) string {
	parts := make([]string, len(p))
	for i, x := range p {
		parts[i] = x.Message.In(l)
	}
	sep := "；"
	if l == i18n.En {
		sep = "; "
	}
	return strings.Join(parts, sep)
}

// For returns the first problem of field, or nil.
func (p Problems) For(field string) *Problem {
	for i := range p {
		if p[i].Field == field {
			return &p[i]
		}
	}
	return nil
}

func (p *Problems) add(field, key string, kv ...any) {
	*p = append(*p, Problem{Field: field, Message: i18n.M(key, kv...)})
}

// CheckAmount checks an amount against the village's rules: on the rounding unit
// (never silently rounded) and no more than the raised cap.
func (s Settings) CheckAmount(y amount.Yuan) *i18n.Message {
	switch {
	case y < 0:
		m := i18n.M("rule.amount_negative", "Value", y.String())
		return &m
	case !y.OnUnit(s.RoundingUnit):
		m := i18n.M("rule.amount_off_unit", "Value", y.String(), "Unit", s.RoundingUnit.String())
		return &m
	case y > s.RaisedCap:
		m := i18n.M("rule.amount_over_cap", "Value", y.String(), "Cap", s.RaisedCap.String())
		return &m
	}
	return nil
}

// NeedsCapReason reports whether a proposed amount is above the standard cap, where
// docs/RULES.md §4 asks for a recorded reason (双带能力强、信用良好、带头作用明显).
func (s Settings) NeedsCapReason(y amount.Yuan) bool { return y > s.StandardCap }

// Check lists every problem with the household's entries under s, with voters
// people's-council members present: a name, amounts on the unit and within the caps, a
// reason above the standard cap, votes that add up, a verification record with a visitor,
// a known conclusion and recommendation (its date may be unknown: it then prints 未填写).
func (n *Nominee) Check(s Settings, voters int) Problems {
	var p Problems
	if strings.TrimSpace(n.Name) == "" {
		p.add(FieldName, "nominee.name_required")
	}
	if n.Requested <= 0 {
		p.add(FieldRequested, "nominee.requested_required")
	} else if m := s.CheckAmount(n.Requested); m != nil {
		p = append(p, Problem{FieldRequested, *m})
	}
	if m := s.CheckAmount(n.Proposed); m != nil {
		p = append(p, Problem{FieldProposed, *m})
	} else if s.NeedsCapReason(n.Proposed) && strings.TrimSpace(n.ProposedReason) == "" {
		p.add(FieldProposedWhy, "nominee.over_standard_cap", "Value", n.Proposed.String(), "Cap", s.StandardCap.String())
	} else if s.NeedsCapReason(n.Proposed) && Placeholder(n.ProposedReason) {
		p.add(FieldProposedWhy, "process.cap_reason_placeholder", "Value", strings.TrimSpace(n.ProposedReason), "Cap", s.StandardCap.String())
	}
	p = append(p, n.Votes.check(voters, n.Proposed)...)
	if n.Verification != nil {
		p = append(p, n.Verification.check(s, n.Proposed)...)
	}
	return p
}

// Warnings are what the clerk is told about a household's entries but never refused
// for (docs/RULES.md §11, risk checks): a proposal above what the household asked for,
// and a proposal above the standard cap with no visit recorded, which defers the
// household until the sage council has visited it (Nominee.Result).
func (n *Nominee) Warnings(s Settings) Problems {
	var p Problems
	if n.Requested > 0 && n.Proposed > n.Requested {
		p.add(FieldProposed, "process.proposed_over_request", "Proposed", n.Proposed.String(), "Requested", n.Requested.String())
	}
	if n.unvisitedOverCap(s) {
		p.add(FieldVerification, "process.over_cap_unvisited", "Value", n.Proposed.String(), "Cap", s.StandardCap.String())
	}
	return p
}

// unvisitedOverCap reports whether the proposal is above the standard cap while no
// visit of the sage council is recorded: such a household is 暂缓 (docs/RULES.md §11).
func (n *Nominee) unvisitedOverCap(s Settings) bool {
	return s.NeedsCapReason(n.Proposed) && n.Verification == nil
}

func (v Votes) check(voters int, proposed amount.Yuan) Problems {
	var p Problems
	switch {
	case v.For < 0 || v.Against < 0 || v.Abstain < 0 || v.Recused < 0:
		p.add(FieldVotes, "votes.negative")
	case v.Cast() > voters:
		p.add(FieldVotes, "votes.too_many", "For", v.For, "Against", v.Against, "Abstain", v.Abstain,
			"Recused", v.Recused, "Sum", v.Cast(), "Present", voters)
	case v.Recorded && proposed <= 0:
		p.add(FieldProposed, "votes.no_amount")
	}
	return p
}

func (v *Verification) check(s Settings, proposed amount.Yuan) Problems {
	var p Problems
	if len(v.Visitors) == 0 {
		p.add(FieldVerification, "verification.visitor_required")
	}
	switch v.Conclusion {
	case Confirmed, PartlyTrue, NotConfirmed, "": // "": left open (Verification.Open)
	default:
		p.add(FieldVerification, "verification.conclusion", "Value", string(v.Conclusion))
	}
	switch v.Recommendation {
	case Keep, Refuse, "": // "": left open (Verification.Open)
	case LowerTo:
		if v.LowerTo <= 0 || (proposed > 0 && v.LowerTo >= proposed) {
			p.add(FieldVerification, "verification.lower_to", "Value", v.LowerTo.String(), "Proposed", proposed.String())
		} else if m := s.CheckAmount(v.LowerTo); m != nil {
			p = append(p, Problem{FieldVerification, *m})
		}
	default:
		p.add(FieldVerification, "verification.recommendation", "Value", string(v.Recommendation))
	}
	return p
}

// placeholders are what a clerk types to get past a required reason without giving one.
var placeholders = map[string]bool{"x": true, "无": true, "没有": true, "暂无": true, "略": true, "同上": true,
	"有": true, "是": true, "好": true, "ok": true, "na": true, "n/a": true, "待定": true, "理由": true}

// Placeholder reports whether a reason says nothing: only punctuation, symbols or
// spaces, a single character, or a stand-in such as "x", "无" or "。" (docs/RULES.md §4:
// a proposal above the standard cap needs a real reason).
func Placeholder(reason string) bool {
	var kept []rune
	for _, r := range strings.ToLower(strings.TrimSpace(reason)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			kept = append(kept, r)
		}
	}
	return len(kept) < 2 || placeholders[string(kept)]
}
