package desktop

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/i18n"
)

// TestRollCallRolesBreakBetweenWordsAt1024: in a 1024×768 window in English, at the
// default and the largest text size, every role on the roll call is drawn in whole
// words, however many lines it takes; at the default size the marks of every person
// still read on one line, in Chinese too. Each row sized its columns alone, and gave
// the role less than its longest word: "Moral-jud" over "gment".
func TestRollCallRolesBreakBetweenWordsAt1024(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.En, i18n.Zh} {
		for _, scale := range []float32{textScales[0], textScales[len(textScales)-1]} {
			t.Run(fmt.Sprintf("%s/%.2f", l, scale), func(t *testing.T) {
				s := meetingTabIn(t, l, scale, fyne.NewSize(1024, 768), 0)
				for _, r := range s.roll.rows {
					name := s.model.m.Attendance[r.a].Name
					if l == i18n.En {
						if broken := brokenWords(r.role); broken != "" {
							t.Errorf("%s's role %q is drawn as %s", name, r.role.Text, broken)
						}
					}
					if scale == textScales[0] && r.radio.Size().Width < r.radio.PreferredWidth()-0.5 {
						t.Errorf("%s's marks wrap: %.0f px of the %.0f one line needs", name, r.radio.Size().Width, r.radio.PreferredWidth())
					}
				}
			})
		}
	}
}

// brokenWords is "" when label l draws its text in whole words, and otherwise the
// lines it draws, quoted: the words of its drawn lines, in order, must be the words of
// its text.
func brokenWords(l *widget.Label) string {
	lines := drawnLines(l)
	var drawn []string
	for _, line := range lines {
		drawn = append(drawn, strings.Fields(line)...)
	}
	if strings.Join(drawn, " ") == strings.Join(strings.Fields(l.Text), " ") {
		return ""
	}
	return fmt.Sprintf("%q", lines)
}
