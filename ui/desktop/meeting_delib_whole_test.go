package desktop

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// figures are the runs a line must never break inside: an ID number (masked with *), a
// phone number, an amount (300,000, 30万).
var figures = regexp.MustCompile(`[0-9*][0-9*,.]*[0-9*X]`)

// splitFigures names each figure of l's text that no line l draws holds whole.
func splitFigures(l *widget.Label) []string {
	lines := drawnLines(l)
	var split []string
	for _, f := range figures.FindAllString(l.Text, -1) {
		whole := false
		for _, line := range lines {
			whole = whole || strings.Contains(line, f)
		}
		if !whole {
			split = append(split, fmt.Sprintf("%q drawn as %q", f, lines))
		}
	}
	return split
}

// TestDeliberationFiguresWholeAtEveryTextSize: at every text size, in a 1024×768 and a
// 1366×768 window, in Chinese and in English, the household's ID number and requested
// amount on the deliberation tab are each drawn on one line. With no space after
// "身份证号码：" Fyne broke inside the number at the largest text, 1024 px, in Chinese
// ("330483********2" / "782").
func TestDeliberationFiguresWholeAtEveryTextSize(t *testing.T) {
	atEveryTextSize(t, tabDeliberate, func(t *testing.T, s *MeetingScreen) {
		d := s.delib
		check := func(household string) {
			for _, x := range []*widget.Label{d.idText, d.requested} {
				if len(figures.FindAllString(x.Text, -1)) == 0 {
					t.Fatalf("%q holds no figure: the test checks nothing", x.Text)
				}
			}
			for _, x := range []*widget.Label{d.idText, d.requested, d.lastRating, d.resultLine} {
				for _, split := range splitFigures(x) {
					t.Errorf("%s: a figure is broken across lines: %s", household, split)
				}
			}
		}
		check("the first household")
		d.move(1) // shown without a new layout of the window
		check("the next household")
	})
}
