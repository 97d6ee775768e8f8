package desktop

import (
	"regexp"
	"strings"
	"testing"

	"pingxin/app/i18n"
)

// meetingKeyLiteral finds the meeting screens' translation keys in their sources.
var meetingKeyLiteral = regexp.MustCompile(`"(mtg\.[a-z0-9_.]+)"`)

// meetingKeysUsed is every key the meeting screens use: written out, and built from a
// prefix and a code.
func meetingKeysUsed(t *testing.T) map[string]bool {
	t.Helper()
	used := keysInSources(t, "meeting*.go", meetingKeyLiteral)
	delete(used, "mtg.x") // the example in mtgL's doc comment
	for prefix, codes := range map[string][]string{
		"mtg.presence.":   mapValues(presenceCodes),
		"mtg.decision.":   mapValues(decisionCodes),
		"mtg.check.":      mapValues(checkCodes),
		"mtg.conclusion.": mapValues(concCodes),
		"mtg.recommend.":  mapValues(recCodes),
		"mtg.file.":       {fileMinutes, fileNotice, fileSigned, fileBank},
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
			if strings.HasPrefix(k, "mtg.") && !used[k] {
				t.Errorf("%s (%s) is translated but never used", k, l)
			}
		}
	}
}
