package desktop

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"pingxin/app/i18n"
)

// TestDeliberationKeysWholeAtEveryTextSize: at every text size the app offers, in a
// 1024×768 and a 1366×768 window, in Chinese and in English, the deliberation tab's
// legend of the keys is drawn whole, in whole words, as tall as its lines, inside its
// bar, and the tab still fits the window. Always beside the buttons, it ended in "…" at
// 1024 px from the second-largest text up.
func TestDeliberationKeysWholeAtEveryTextSize(t *testing.T) {
	atEveryTextSize(t, tabDeliberate, func(t *testing.T, s *MeetingScreen) {
		keys := s.delib.keys
		if broken := brokenWords(keys); broken != "" {
			t.Errorf("the keys %q are drawn as %s", keys.Text, broken)
		}
		if h, need := keys.Size().Height, keys.MinSize().Height; h < need-0.5 {
			t.Errorf("the keys have %.0f px of the %.0f their lines need", h, need)
		}
		if bar := parentOf(s.delib.root, keys); bar == nil {
			t.Error("the keys are not drawn")
		} else if end := keys.Position().Y + keys.Size().Height; end > bar.Size().Height+0.5 {
			t.Errorf("the keys end %.0f px down their %.0f px bar, over the form below", end, bar.Size().Height)
		}
	})
}

// atEveryTextSize runs check on the meeting screen's tab at every text size the app
// offers, in a 1024×768 and a 1366×768 window (less a title bar), in Chinese and in
// English, then checks that the tab still fits the window.
func atEveryTextSize(t *testing.T, tab int, check func(t *testing.T, s *MeetingScreen)) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, scale := range textScales {
			for _, size := range []fyne.Size{{Width: 1024, Height: 768}, {Width: 1366, Height: 768}} {
				t.Run(fmt.Sprintf("%s/%.2f/%.0f", l, scale, size.Width), func(t *testing.T) {
					s := meetingTabIn(t, l, scale, size.SubtractWidthHeight(0, 32), tab)
					check(t, s)
					if m, c := s.model.d.Win.Content().MinSize(), s.model.d.Win.Canvas().Size(); m.Width > c.Width || m.Height > c.Height {
						t.Errorf("the tab needs %.0f×%.0f, more than the %v window", m.Width, m.Height, c)
					}
				})
			}
		}
	}
}

// parentOf is the container drawn inside root that holds o, or nil.
func parentOf(root, o fyne.CanvasObject) *fyne.Container {
	var found *fyne.Container
	walk(root, func(x fyne.CanvasObject) {
		if c, ok := x.(*fyne.Container); ok {
			for _, child := range c.Objects {
				if child == o {
					found = c
				}
			}
		}
	})
	return found
}
