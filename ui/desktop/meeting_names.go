package desktop

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/width"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/ui/desktop/widgets"
)

// The domain stores marks and outcomes as the Chinese words the minutes print; these
// codes name them in the meeting screens' translation keys.
var (
	presences     = app.Presences
	presenceCodes = map[app.Presence]string{app.Present: "present", app.Absent: "absent", app.Leave: "leave", app.Late: "late", app.LeftEarly: "left"}
	decisions     = []app.Decision{app.Pending, app.Passed, app.NotPassed, app.Deferred, app.Blocked}
	decisionCodes = map[app.Decision]string{app.Pending: "pending", app.Passed: "passed", app.NotPassed: "not_passed",
		app.Deferred: "deferred", app.Blocked: "blocked"}
	checks      = []app.Check{app.Met, app.NotMet, app.ToVerify}
	checkCodes  = map[app.Check]string{app.Met: "met", app.NotMet: "not_met", app.ToVerify: "to_verify"}
	conclusions = []app.Conclusion{app.Confirmed, app.PartlyTrue, app.NotConfirmed}
	concCodes   = map[app.Conclusion]string{app.Confirmed: "confirmed", app.PartlyTrue: "partly", app.NotConfirmed: "not_confirmed"}
	recommends  = []app.Recommendation{app.Keep, app.LowerTo, app.Refuse}
	recCodes    = map[app.Recommendation]string{app.Keep: "keep", app.LowerTo: "lower", app.Refuse: "refuse"}
)

func presenceText(p app.Presence) string        { return lang.L("meeting.presence." + presenceCodes[p]) }
func decisionText(d app.Decision) string        { return lang.L("meeting.decision." + decisionCodes[d]) }
func checkText(c app.Check) string              { return lang.L("meeting.check." + checkCodes[c]) }
func conclusionText(c app.Conclusion) string    { return codeText("meeting.conclusion.", concCodes[c]) }
func recommendText(r app.Recommendation) string { return codeText("meeting.recommend.", recCodes[r]) }

// baselineText names baseline item i (0–5) of 六无 in the screen's language; the
// Chinese is app.BaselineItems, as the minutes print it.
func baselineText(i int) string { return lang.L("meeting.baseline." + strconv.Itoa(i+1)) }

// undertakingText is the three 不准 in the screen's language (app.Undertaking).
func undertakingText() string { return lang.L("meeting.undertaking") }

// codeText is the name of a value by its code, or "" for a value not set yet (an empty
// conclusion must not become a lookup of a key that does not exist).
func codeText(prefix, code string) string {
	if code == "" {
		return ""
	}
	return lang.L(prefix + code)
}

// fromText finds the value whose name is s (the inverse of the xxxText functions).
func fromText[T comparable](xs []T, name func(T) string, s string) (T, bool) {
	for _, x := range xs {
		if name(x) == s {
			return x, true
		}
	}
	var zero T
	return zero, false
}

// decisionTone is the badge colour of an outcome.
func decisionTone(d app.Decision) widgets.Tone {
	switch d {
	case app.Passed:
		return widgets.ToneSuccess
	case app.NotPassed, app.Blocked:
		return widgets.ToneDanger
	case app.Deferred:
		return widgets.ToneWarning
	}
	return widgets.ToneMuted
}

// mtgL is lang.L with name/value pairs: mtgL("meeting.x", "Name", v).
func mtgL(key string, kv ...any) string {
	if len(kv) == 0 {
		return lang.L(key)
	}
	d := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		d[kv[i].(string)] = kv[i+1]
	}
	return lang.L(key, d)
}

// yuanText shows an amount in yuan with separators, or "" for none.
func yuanText(y amount.Yuan) string {
	if y == 0 {
		return ""
	}
	return y.String()
}

// wanText shows an amount as the clerk types it (30万; 300,000 in English), or "" for
// none.
func wanText(y amount.Yuan) string {
	if y == 0 {
		return ""
	}
	return amountText(y)
}

// amountText is an amount as a reader of the screen's language counts it: 30万 in
// Chinese, 300,000 in English.
func amountText(y amount.Yuan) string { return app.AmountIn(y, activeLanguage()) }

// blockedWhy is a household's stored blocked reason in the screen's language.
func blockedWhy(reason string) string { return app.BlockedWhy(reason).Localize(activeLanguage()) }

// parseCount reads a vote count as typed: empty is zero and not filled; full-width
// digits are accepted. ok is false for anything but a whole number.
func parseCount(s string) (n int, filled, ok bool) {
	s = strings.TrimSpace(width.Narrow.String(s))
	if s == "" {
		return 0, false, true
	}
	n, err := strconv.Atoi(s)
	return n, true, err == nil
}
