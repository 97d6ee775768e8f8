package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestMeetingScreensGolden renders three tabs of the demo meeting and compares them with
// the images under testdata/, so that a change in how they look is seen. After an
// intended change, copy testdata/failed/meeting_*.png over the masters.
func TestMeetingScreensGolden(t *testing.T) {
	d, s := openDemoMeeting(t)
	c := d.Win.Canvas()
	cases := []struct {
		name   string
		master string
		setup  func()
	}{
		{"roll call", "meeting_roll.png", func() { s.tabs.SelectIndex(0) }},
		{"list", "meeting_list.png", func() { s.tabs.SelectIndex(1) }},
		{"deliberation", "meeting_deliberation.png", func() {
			s.tabs.SelectIndex(2)
			s.delib.show(s.model.indexOfSeq(13))
			s.delib.focusFirst()
			typeOn(c, "30万")
			keyOn(c, fyne.KeyTab)
			keyOn(c, fyne.KeyTab)
			typeOn(c, "7")
			keyOn(c, fyne.KeyTab)
			typeOn(c, "1")
			// the test driver lays a screen out once; the real window lays out again
			// whenever a part's minimum size changes, as the key legend's bar does once
			// it knows its width (keysBar)
			relayout(d.Win)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.setup()
			test.AssertImageMatches(t, tc.master, c.Capture())
		})
	}
}
