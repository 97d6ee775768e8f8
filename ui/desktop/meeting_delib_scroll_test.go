package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"pingxin/ui/desktop/widgets"
)

// TestDeliberationKeysScrollToTheField: walking the form with the keys (Tab) from the
// proposed amount to the reason, each field the keyboard reaches is drawn inside the
// form's visible part, its caption with it, at every text size and window; and so are
// the vote boxes while a short tally is typed in them, which grows the result strip
// under the form by lines. At the largest text in a 1024×768 window the vote boxes sat
// below the visible part: the clerk typed the tally without seeing it.
func TestDeliberationKeysScrollToTheField(t *testing.T) {
	atEveryTextSize(t, tabDeliberate, func(t *testing.T, s *MeetingScreen) {
		d := s.delib
		inSight := func(what string, f fyne.Focusable) {
			t.Helper()
			o, ok := d.inView[f]
			if !ok {
				t.Fatalf("%s: the keyboard is on %T, not a field of the form", what, f)
			}
			drv := fyne.CurrentApp().Driver()
			top, viewTop := drv.AbsolutePositionForObject(o).Y, drv.AbsolutePositionForObject(d.formScroll).Y
			bottom, viewBottom := top+o.Size().Height, viewTop+d.formScroll.Size().Height
			if o.Size().Height <= d.formScroll.Size().Height && (top < viewTop-0.5 || bottom > viewBottom+0.5) {
				t.Errorf("%s: %T is drawn at %.0f–%.0f px, outside the form's visible %.0f–%.0f px",
					what, f, top, bottom, viewTop, viewBottom)
			}
		}
		// reached from above, the vote boxes are drawn at the foot of the visible part;
		// the test driver lays a window out once, the real window again whenever a
		// part's minimum size changes (relayout), as the result strip's does
		relayout(s.model.d.Win)
		d.focusFirst()
		for d.mm.d.Win.Canvas().Focused() != d.vFor {
			d.onKey(widgets.KeyNext)
		}
		test.Type(d.vFor, "7")
		relayout(s.model.d.Win)
		inSight("a short tally typed", d.vFor)

		d.focusFirst()
		c := s.model.d.Win.Canvas()
		for range d.order {
			inSight("Tab", c.Focused())
			d.onKey(widgets.KeyNext)
		}
	})
}
