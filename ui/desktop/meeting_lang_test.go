package desktop

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"pingxin/app"
	"pingxin/app/i18n"
)

// meetingKeyLiteral finds the meeting screens' translation keys in their sources.
var meetingKeyLiteral = regexp.MustCompile(`"(meeting\.[a-z0-9_.]+)"`)

// meetingKeysUsed is every meeting.* key in use: written out by the meeting screens or by
// the rules in app and data (meeting.locked, …), and built from a prefix and a code.
func meetingKeysUsed(t *testing.T) map[string]bool {
	t.Helper()
	used := keysInSources(t, "meeting*.go", meetingKeyLiteral)
	for _, dir := range []string{"../../app/*.go", "../../app/service/*.go", "../../data/*.go"} {
		for k := range keysInSources(t, dir, meetingKeyLiteral) {
			used[k] = true
		}
	}
	delete(used, "meeting.x") // the example in mtgL's doc comment
	for prefix, codes := range map[string][]string{
		"meeting.presence.":   mapValues(presenceCodes),
		"meeting.decision.":   mapValues(decisionCodes),
		"meeting.check.":      mapValues(checkCodes),
		"meeting.conclusion.": mapValues(concCodes),
		"meeting.recommend.":  mapValues(recCodes),
		"meeting.file.":       {fileMinutes, fileNotice, fileSigned, fileBank},
		"meeting.baseline.":   {"1", "2", "3", "4", "5", "6"},
	} {
		for _, c := range codes {
			used[prefix+c] = true
		}
	}
	for _, c := range listCols {
		used[c.key] = true
	}
	return used
}

func TestMeetingKeysTranslatedInBothLanguages(t *testing.T) {
	used := meetingKeysUsed(t)
	if len(used) < 150 {
		t.Fatalf("only %d keys found: the scan is broken", len(used))
	}
	for k := range used {
		for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
			if !i18n.Has(l, k) {
				t.Errorf("%s has no %s text", k, l)
			}
		}
	}
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, k := range i18n.Keys(l) {
			if strings.HasPrefix(k, "meeting.") && !used[k] {
				t.Errorf("%s (%s) is translated but never used", k, l)
			}
		}
	}
}

// TestBaselineNamedInTheScreensLanguage protects the English UI from the six 无 and the
// three 不准 in Chinese (issue 12, item 8): the screens name them through lang.L, the
// Chinese words are exactly those the minutes print (app), and the English have none.
func TestBaselineNamedInTheScreensLanguage(t *testing.T) {
	han := regexp.MustCompile(`\p{Han}`)
	for i, want := range app.BaselineItems {
		k := "meeting.baseline." + strconv.Itoa(i+1)
		if got := i18n.M(k).In(i18n.Zh); got != want {
			t.Errorf("%s in Chinese = %q, want app's %q", k, got, want)
		}
		if en := i18n.M(k).In(i18n.En); en == k || han.MatchString(en) {
			t.Errorf("%s in English = %q", k, en)
		}
	}
	if got := i18n.M("meeting.undertaking").In(i18n.Zh); got != app.Undertaking {
		t.Errorf("undertaking in Chinese = %q, want app's %q", got, app.Undertaking)
	}
	if en := i18n.M("meeting.undertaking").In(i18n.En); han.MatchString(en) {
		t.Errorf("undertaking in English = %q", en)
	}
}
