package minutes

import (
	"fmt"
	"strings"
	"time"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/i18n"
)

// day is a date as ISO 8601, for serialisations.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// cnDate is a date as Chinese documents write it: 2026年3月15日.
func cnDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// validityText is the credit's validity as the village may state it: it runs from the
// bank's approval, a date the village does not know (docs/RULES.md §11.4).
func validityText(s app.Settings) string {
	return fmt.Sprintf("自银行审批之日起%s年", cnCount(s.ValidityYears))
}

// unfilled is what a document prints for a fact nobody gave.
const unfilled = app.Unfilled

// orUnfilled is s, or 未填写 when s is blank.
func orUnfilled(s string) string {
	if strings.TrimSpace(s) == "" {
		return unfilled
	}
	return s
}

// committee is the village committee's name: 越丰村 → 越丰村村民委员会.
func committee(v *app.Village) string { return v.Name + "村民委员会" }

// yuan prints an amount with thousands separators; zero prints as a dash in tables.
func yuan(y amount.Yuan) string {
	if y == 0 {
		return app.Dash
	}
	return y.String()
}

// whyText joins a result's reasons in Chinese.
func whyText(ms []i18n.Message) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.In(i18n.Zh)
	}
	return strings.Join(parts, "；")
}

// joinNames lists names with the Chinese enumeration comma, or "无".
func joinNames(names []string) string {
	if len(names) == 0 {
		return "无"
	}
	return strings.Join(names, "、")
}

// ratio prints a share as Chinese documents say it: 2/3 → 三分之二.
func ratio(num, den int) string {
	if num*2 == den {
		return "半数"
	}
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if num < len(digits) && den < len(digits) {
		return digits[den] + "分之" + digits[num]
	}
	return fmt.Sprintf("%d/%d", num, den)
}

// yuanInt prints a total in yuan with thousands separators, zero included.
func yuanInt(y int64) string { return amount.Yuan(y).String() }
