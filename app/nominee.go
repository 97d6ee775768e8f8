package app

import (
	"slices"
	"strings"
	"time"

	"pingxin/app/amount"
	"pingxin/app/i18n"
)

// Check is the state of one baseline item (六无).
type Check string

// The three states of a baseline item.
const (
	Met      Check = "符合"
	NotMet   Check = "不符合"
	ToVerify Check = "待核实"
)

// ParseCheck reads a baseline mark as a tally sheet writes it ("符合", "是", "√", "不符合",
// "否", "×", "待核实"); empty means Met, since being nominated is the moral-judgment
// group's attestation (docs/RULES.md §3.4).
func ParseCheck(s string) (Check, bool) {
	switch s {
	case "", "符合", "是", "√", "✓", "Y", "y", "yes", "有":
		return Met, true
	case "不符合", "否", "×", "✗", "N", "n", "no":
		return NotMet, true
	case "待核实", "待定", "核实", "?", "？":
		return ToVerify, true
	}
	return "", false
}

// BaselineItems are the six "无" of 六无三不准, in the order they are printed.
var BaselineItems = [6]string{"无违法违纪", "无不良品行", "无违反村约", "无高息借贷", "无过度融资", "无负面征信"}

// Undertaking is the three 不准 the household signs.
const Undertaking = "不准出借他人、不准用于购房、不准流入股市"

// Votes is a household's tally. Recused members (the nominee, close relatives) are
// counted apart and are not part of the majority's base.
type Votes struct {
	For, Against, Abstain, Recused int
	Recorded                       bool // false until the meeting has voted
}

// Cast is the number of members the tally accounts for.
func (v Votes) Cast() int { return v.For + v.Against + v.Abstain + v.Recused }

// Passes reports whether the tally passes with voters present members under rule m:
// for > 1/2 (or ≥ 2/3) of the present, non-recused members.
func (v Votes) Passes(voters int, m Majority) bool {
	base := voters - v.Recused
	if base <= 0 || v.For <= 0 {
		return false
	}
	if m == MajorityTwoThirds {
		return v.For*3 >= base*2
	}
	return v.For*2 > base
}

// Conclusion is the sage council's finding after a visit.
type Conclusion string

// The verification conclusions.
const (
	Confirmed    Conclusion = "属实"
	PartlyTrue   Conclusion = "部分属实"
	NotConfirmed Conclusion = "不属实"
)

// Recommendation is what the sage council recommends after a visit.
type Recommendation string

// The verification recommendations.
const (
	Keep    Recommendation = "维持"
	LowerTo Recommendation = "调低至"
	Refuse  Recommendation = "不予授信"
)

// Verification is the sage council's record of a household visit (乡贤参事会核实).
type Verification struct {
	VisitDate      time.Time
	Visitors       []string
	Conclusion     Conclusion
	Recommendation Recommendation
	LowerTo        amount.Yuan // the capped amount, with LowerTo
	Notes          string      // free text of any length, printed in full
}

// Open reports whether the record still waits for the clerk: a tally sheet whose
// 核实意见 does not say the conclusion unambiguously leaves it, and the recommendation
// that follows from it, to be filled in before the minutes are signed (docs/RULES.md).
func (v *Verification) Open() bool {
	return v != nil && (v.Conclusion == "" || v.Recommendation == "")
}

// openMessage says what an open record lacks.
func (v *Verification) openMessage() i18n.Message {
	if v.Conclusion == "" {
		return i18n.M("verification.conclusion_open")
	}
	return i18n.M("verification.recommendation_open", "Conclusion", string(v.Conclusion))
}

// Decision is a household's outcome: of the vote (Nominee.Decision) and overall
// (Nominee.Result). It is always computed, never typed.
type Decision string

// The outcomes.
const (
	Pending   Decision = "待评议"
	Passed    Decision = "通过"
	NotPassed Decision = "不通过"
	Deferred  Decision = "暂缓"
	Blocked   Decision = "已拦截"
)

// Nominee is a household on the nomination list.
type Nominee struct {
	ID             int64
	MeetingID      int64
	Seq            int // № on the list
	Name           string
	IDNumber       string // canonical 18-character resident ID
	Group          string // 村民小组
	Phone          string
	HouseholdSize  int
	Purpose        string
	Requested      amount.Yuan
	Baseline       [6]Check
	Undertaking    bool // the three 不准 signed
	Proposed       amount.Yuan
	ProposedReason string // why a proposed amount exceeds the standard cap
	RatePreference bool   // 利率优惠建议
	Votes          Votes
	Voters         []int64 // the people's-council members present when the vote was taken (Meeting.StampVote); nil before it
	Reason         string  // the meeting's reason for 不通过 or 暂缓
	Blocked        string  // why the household is excluded (blacklist category, forbidden purpose); "" if not
	Verification   *Verification
}

// NewNominee returns a nominee as the moral-judgment group's list attests it: every
// baseline item met and the undertaking signed (docs/RULES.md §3.4).
func NewNominee(name, idNumber string) Nominee {
	n := Nominee{Name: name, IDNumber: idNumber, Undertaking: true}
	for i := range n.Baseline {
		n.Baseline[i] = Met
	}
	return n
}

// baselineState summarises the six items and the undertaking.
func (n *Nominee) baselineState() (notMet, toVerify bool) {
	for _, c := range n.Baseline {
		switch c {
		case NotMet:
			notMet = true
		case ToVerify:
			toVerify = true
		}
	}
	return notMet || !n.Undertaking, toVerify
}

// Decision is the outcome of the vote under quorum q and rule s: Blocked for an
// excluded household, Pending before the vote (or when the tally exceeds the members
// present), Deferred while the meeting has no
// quorum (it may sit but not decide) or a baseline item awaits verification, and
// Passed or NotPassed by the majority rule.
func (n *Nominee) Decision(q Quorum, s Settings, voters int) Decision {
	_, toVerify := n.baselineState()
	switch {
	case n.Blocked != "":
		return Blocked
	case !n.Votes.Recorded || n.Votes.Cast() > voters:
		// a tally larger than the members it is counted against (a roll-call
		// correction took someone out of it) decides nothing: vote again
		return Pending
	case !q.Met || toVerify:
		return Deferred
	case n.Votes.Passes(voters, s.Majority):
		return Passed
	}
	return NotPassed
}

// Result is a household's final result with the amount granted and, when it is not
// 通过, every reason why (docs/RULES.md §3, "Final result").
type Result struct {
	Outcome Decision
	Amount  amount.Yuan // the final credit amount; 0 unless Passed
	Why     []i18n.Message
}

// AwaitsVisit reports whether r is 暂缓 because the proposal is above the standard cap
// and no visit is recorded (docs/RULES.md §11, risk checks), so a document can say so.
func (r Result) AwaitsVisit() bool {
	return r.Outcome == Deferred && slices.ContainsFunc(r.Why, func(m i18n.Message) bool { return m.Key == keyOverCapDeferred })
}

const keyOverCapDeferred = "process.over_cap_deferred"

// Result computes the final result: 通过 only when the vote passed, the baseline holds,
// the household is not blocked and verification did not refuse; 调低至 caps the amount.
// A proposal above the standard cap with no visit recorded is 暂缓 with that reason
// (docs/RULES.md §11, risk checks): the council's vote stands, the credit waits for the
// sage council's visit.
func (n *Nominee) Result(q Quorum, s Settings, voters int) Result {
	d := n.Decision(q, s, voters)
	r := Result{Outcome: d}
	switch d {
	case Blocked:
		r.Why = append(r.Why, i18n.M("result.blocked", "Reason", BlockedWhy(n.Blocked)))
		return r
	case Pending:
		if v := n.Votes; v.Recorded {
			r.Why = append(r.Why, i18n.M("result.revote", "Sum", v.Cast(), "Present", voters))
		} else {
			r.Why = append(r.Why, i18n.M("result.no_vote"))
		}
		return r
	case Deferred:
		if !q.Met {
			r.Why = append(r.Why, i18n.M("result.no_quorum", "Present", q.Present, "Required", q.Required))
		}
		if _, tv := n.baselineState(); tv {
			r.Why = append(r.Why, i18n.M("result.to_verify"))
		}
		return r
	case NotPassed:
		r.Why = append(r.Why, i18n.M("result.vote_failed", "For", n.Votes.For, "Base", voters-n.Votes.Recused))
		return r
	}
	if notMet, _ := n.baselineState(); notMet {
		r.Outcome = NotPassed
		r.Why = append(r.Why, i18n.M("result.baseline_failed"))
	}
	if v := n.Verification; v != nil && v.Recommendation == Refuse {
		r.Outcome = NotPassed
		r.Why = append(r.Why, i18n.M("result.verification_refused"))
	}
	if r.Outcome == Passed && n.unvisitedOverCap(s) {
		r.Outcome = Deferred
		r.Why = append(r.Why, i18n.M(keyOverCapDeferred, "Value", n.Proposed.String(), "Cap", s.StandardCap.String()))
	}
	if r.Outcome == Passed {
		r.Amount = n.Proposed
		if v := n.Verification; v != nil && v.Recommendation == LowerTo && v.LowerTo < r.Amount {
			r.Amount = v.LowerTo
		}
	}
	return r
}

// NeedsReason reports whether the meeting must record a reason for this household:
// the vote did not pass or the household was deferred.
func (n *Nominee) NeedsReason(q Quorum, s Settings, voters int) bool {
	d := n.Decision(q, s, voters)
	return d == NotPassed || d == Deferred
}

// Unfinished says why the household keeps the minutes from being signed: no final
// result yet, a 不通过/暂缓 without the reason docs/RULES.md §3 requires, or a
// verification whose conclusion or recommendation is still open. nil when finished.
func (n *Nominee) Unfinished(q Quorum, s Settings, voters int) []i18n.Message {
	var why []i18n.Message
	if n.Verification.Open() {
		why = append(why, n.Verification.openMessage())
	}
	r := n.Result(q, s, voters)
	if r.Outcome == Pending {
		return append(why, r.Why...)
	}
	if n.NeedsReason(q, s, voters) && n.Reason == "" {
		why = append(why, i18n.M("result.reason_missing", "Outcome", string(r.Outcome)))
	}
	return why
}

// SplitRecommendation reads a recommendation as people write it — 维持, 不予授信, or
// 调低至 with an amount ("调低至20万") — into the recommendation and the amount's text,
// for the file importer and `household set` alike.
func SplitRecommendation(s string) (Recommendation, string) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, string(LowerTo)); ok {
		return LowerTo, strings.TrimSpace(rest)
	}
	return Recommendation(s), ""
}
