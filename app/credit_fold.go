package app

import (
	"fmt"
	"strings"
	"time"
)

// FoldMeeting computes what signed meeting m adds to the register (docs/RULES.md §11):
// the history of each household on its list (nomination, the council's decision, the
// sage council's verification), a register row for each household it passes, and for
// an amendment (补充纪要) the households it no longer passes. current returns a
// household's register row before m (nil when none); signedOn is the day m was signed.
func FoldMeeting(m *Meeting, s Settings, signedOn time.Time, current func(id string) *CreditRow) MeetingCredit {
	mc := MeetingCredit{MeetingID: m.ID, VillageID: m.VillageID, Doc: m.DocNumber, RevokedOn: m.Date}
	results := m.Results(s)
	for i := range m.Nominees {
		n, r := &m.Nominees[i], results[i]
		if n.IDNumber == "" {
			continue
		}
		row := current(n.IDNumber)
		if m.AmendsID != 0 {
			foldAmended(&mc, m, n, r, row, signedOn)
			continue
		}
		mc.Events = append(mc.Events, meetingEvents(m, n, r)...)
		if r.Outcome == Passed {
			mc.Passed = append(mc.Passed, passedRow(m, n, r, signedOn))
		}
	}
	return mc
}

// foldAmended folds one household of an amendment: a household the corrected meeting
// passed and the amendment does not is withdrawn; one it passes takes the corrected
// amount and keeps the bank's answer, if any; one it adds is new to the register.
func foldAmended(mc *MeetingCredit, m *Meeting, n *Nominee, r Result, row *CreditRow, signedOn time.Time) {
	wasPassed := row != nil && row.MeetingID == m.AmendsID && row.RevokedDoc == ""
	ev := CreditEvent{IDNumber: n.IDNumber, Name: n.Name, Date: m.Date, Kind: EventAmendment, MeetingID: m.ID,
		DocNumber: m.DocNumber, Outcome: string(r.Outcome), Amount: r.Amount, Detail: strings.Join(whyTexts(r), "；")}
	switch {
	case wasPassed && r.Outcome != Passed:
		mc.Events = append(mc.Events, ev)
		mc.Withdrawn = append(mc.Withdrawn, n.IDNumber)
	case wasPassed:
		next := passedRow(m, n, r, signedOn)
		next.Bank, next.BankAmount, next.BankDate, next.BankRate, next.BankNote =
			row.Bank, row.BankAmount, row.BankDate, row.BankRate, row.BankNote
		if r.Amount != row.Passed || n.Name != row.Name {
			mc.Events = append(mc.Events, ev)
		}
		mc.Passed = append(mc.Passed, next)
	case r.Outcome == Passed:
		mc.Events = append(mc.Events, ev)
		mc.Passed = append(mc.Passed, passedRow(m, n, r, signedOn))
	}
}

// passedRow is the register row of a household m passes, before the bank answers.
func passedRow(m *Meeting, n *Nominee, r Result, signedOn time.Time) CreditRow {
	return CreditRow{VillageID: m.VillageID, IDNumber: n.IDNumber, Name: n.Name, Group: n.Group, NomineeID: n.ID,
		MeetingID: m.ID, DocNumber: m.DocNumber, SignedOn: signedOn, Passed: r.Amount}
}

// meetingEvents is a household's history from one meeting: nominated (with what was
// asked and why), decided (outcome, amount, tally, reason) and, when visited, verified.
func meetingEvents(m *Meeting, n *Nominee, r Result) []CreditEvent {
	base := CreditEvent{IDNumber: n.IDNumber, Name: n.Name, Date: m.Date, MeetingID: m.ID, DocNumber: m.DocNumber}
	nom := base
	nom.Kind, nom.Amount, nom.Detail = EventNomination, n.Requested, n.Purpose
	dec := base
	dec.Kind, dec.Outcome, dec.Amount = EventDecision, string(r.Outcome), r.Amount
	var detail []string
	if v := n.Votes; v.Recorded {
		detail = append(detail, fmt.Sprintf("赞成 %d，反对 %d，弃权 %d，回避 %d", v.For, v.Against, v.Abstain, v.Recused))
	}
	if n.Reason != "" {
		detail = append(detail, n.Reason)
	} else if n.Blocked != "" {
		detail = append(detail, n.Blocked)
	}
	dec.Detail = strings.Join(detail, "；")
	out := []CreditEvent{nom, dec}
	if v := n.Verification; v != nil {
		ver := base
		ver.Kind, ver.Date, ver.Outcome = EventVerification, v.VisitDate, string(v.Conclusion)
		rec := string(v.Recommendation)
		if v.Recommendation == LowerTo {
			ver.Amount = v.LowerTo
			rec += v.LowerTo.String()
		}
		ver.Detail = strings.Join(nonEmpty(rec, strings.Join(v.Visitors, "、"), v.Notes), "；")
		out = append(out, ver)
	}
	return out
}

// whyTexts renders a result's reasons in Chinese, the language of the record.
func whyTexts(r Result) []string {
	out := make([]string, len(r.Why))
	for i, w := range r.Why {
		out[i] = w.String()
	}
	return out
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// RenewalNominee is the nomination of a household whose rating is due, for the next
// meeting: the household as its last passing nomination described it (prev, nil when
// lost), asking for the credit it holds (the bank's amount, else what was passed).
func RenewalNominee(row *CreditRow, prev *Nominee) Nominee {
	n := NewNominee(row.Name, row.IDNumber)
	n.Group = row.Group
	if prev != nil {
		n.Phone, n.HouseholdSize, n.Purpose = prev.Phone, prev.HouseholdSize, prev.Purpose
	}
	n.Requested = row.Passed
	if row.Bank == BankApproved && row.BankAmount > 0 {
		n.Requested = row.BankAmount
	}
	return n
}
