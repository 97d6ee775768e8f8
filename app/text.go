package app

import (
	"fmt"
	"strings"
	"time"

	"pingxin/app/amount"
	"pingxin/app/i18n"
)

// How the documents write a yes/no, a tally, a visit and the baseline: once, here, for
// the minutes' table and reasons, the bank sheet and an amendment's list of changes, so
// that a value corrected by an amendment reads as the signed minutes printed it.

// Unfilled is what a document prints for a fact nobody gave: never a date or a name
// made up in its place (docs/RULES.md §11, last paragraph).
const Unfilled = "未填写"

// NotVisited is what a document prints for a household the sage council did not visit.
const NotVisited = "未走访"

// YesNo is a yes/no field as the documents print it: 是 or 否.
func YesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// Text is the tally as the documents print it, for/against/abstain/recused: 12/3/1/0,
// or 未表决 when no vote was recorded.
func (v Votes) Text() string {
	if !v.Recorded {
		return "未表决"
	}
	return fmt.Sprintf("%d/%d/%d/%d", v.For, v.Against, v.Abstain, v.Recused)
}

// Advice is the visit's recommendation with the amount it lowers to: 调低至50,000.
func (v *Verification) Advice() string {
	s := string(v.Recommendation)
	if v.Recommendation == LowerTo {
		s += v.LowerTo.String()
	}
	return s
}

// VisitText is a visit as the documents print it: 未走访, or its conclusion and its
// advice joined by sep (未填写 for a part not given).
func VisitText(v *Verification, sep string) string {
	if v == nil {
		return NotVisited
	}
	return orUnfilled(string(v.Conclusion)) + sep + orUnfilled(v.Advice())
}

func orUnfilled(s string) string {
	if strings.TrimSpace(s) == "" {
		return Unfilled
	}
	return s
}

// BaselineText names the baseline items (六无) that are not met or await verification,
// and an unsigned undertaking (三不准): "不符合：无高息借贷。未签署“三不准”承诺。";
// "" when the household meets them all.
func BaselineText(n *Nominee) string {
	var notMet, toVerify []string
	for i, c := range n.Baseline {
		switch c {
		case NotMet:
			notMet = append(notMet, BaselineItems[i])
		case ToVerify:
			toVerify = append(toVerify, BaselineItems[i])
		}
	}
	s := ""
	if len(notMet) > 0 {
		s += "不符合：" + strings.Join(notMet, "、") + "。"
	}
	if len(toVerify) > 0 {
		s += "待核实：" + strings.Join(toVerify, "、") + "。"
	}
	if !n.Undertaking {
		s += "未签署“三不准”承诺。"
	}
	return s
}

// Dash is what a table cell shows for no value.
const Dash = "—"

// AmountIn is an amount as a reader of l counts it: in 万 in Chinese (30万), in yuan with
// thousands separators in English (300,000), which has no word for 万.
func AmountIn(y amount.Yuan, l i18n.Lang) string {
	if l == i18n.Zh {
		return y.Wan()
	}
	return y.String()
}

// WanOrDash is an amount in 万 as a credit register's narrow columns show it (on screen
// and on paper), "—" for none rather than 0万.
func WanOrDash(y amount.Yuan) string {
	if y == 0 {
		return Dash
	}
	return y.Wan()
}

// DayOrDash is a date as 2026-03-15, "—" for none.
func DayOrDash(t time.Time) string {
	if t.IsZero() {
		return Dash
	}
	return t.Format(time.DateOnly)
}
