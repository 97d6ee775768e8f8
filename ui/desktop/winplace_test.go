package desktop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The window must open inside the screen: the issue found a fixed 1200×800 window at
// (83,−16) on 1366×768 and at (−88,−16) on 1024×768, its buttons cut off.
func TestPlaceWindowKeepsTheWindowOnTheScreen(t *testing.T) {
	def := fyne.NewSize(winW, winH)
	small := rect{W: 1024, H: 768}
	laptop := rect{W: 1366, H: 740} // a task bar of 28 pixels
	beside := rect{X: 1366, W: 1920, H: 1080}
	cases := []struct {
		name  string
		saved placement
		have  bool
		areas []rect
		want  placement
	}{
		{"first start on 1024×768: maximised, and fitted for a desktop that cannot", placement{}, false,
			[]rect{small}, placement{Outer: rect{X: 0, Y: 0, W: 1024, H: 768}, Maximise: true}},
		{"first start on 1366×768 with a task bar: fitted in the work area", placement{}, false,
			[]rect{laptop}, placement{Outer: rect{X: 83, Y: 0, W: 1200, H: 740}, Maximise: true}},
		{"the place the user left", placement{Outer: rect{X: 40, Y: 20, W: 1100, H: 700}}, true,
			[]rect{laptop}, placement{Outer: rect{X: 40, Y: 20, W: 1100, H: 700}}},
		{"a saved maximised window opens maximised", placement{Outer: rect{X: 10, Y: 10, W: 1000, H: 700}, Maximise: true}, true,
			[]rect{laptop}, placement{Outer: rect{X: 10, Y: 10, W: 1000, H: 700}, Maximise: true}},
		{"left above the screen: moved down into it", placement{Outer: rect{X: 83, Y: -16, W: 1200, H: 800}}, true,
			[]rect{laptop, beside}, placement{Outer: rect{X: 83, Y: 0, W: 1200, H: 740}}},
		{"on a second screen still there", placement{Outer: rect{X: 1500, Y: 100, W: 1200, H: 800}}, true,
			[]rect{laptop, beside}, placement{Outer: rect{X: 1500, Y: 100, W: 1200, H: 800}}},
		{"on a second screen now gone: centred on the primary, fitted", placement{Outer: rect{X: 1500, Y: 100, W: 1200, H: 800}}, true,
			[]rect{small}, placement{Outer: rect{X: 0, Y: 0, W: 1024, H: 768}}},
		{"a saved size larger than the screen is shrunk", placement{Outer: rect{X: 0, Y: 0, W: 1920, H: 1080}}, true,
			[]rect{small}, placement{Outer: rect{X: 0, Y: 0, W: 1024, H: 768}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := placeWindow(c.saved, c.have, c.areas, def); got != c.want {
				t.Errorf("placeWindow = %+v, want %+v", got, c.want)
			}
		})
	}
}

// The place survives a restart through the preferences.
func TestWindowPlaceIsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	if _, ok := savedPlacement(p); ok {
		t.Fatal("a new install has a saved place: it would not open maximised")
	}
	want := placement{Outer: rect{X: 12, Y: 34, W: 1100, H: 700}, Maximise: true}
	savePlacement(p, want)
	if got, ok := savedPlacement(p); !ok || got != want {
		t.Errorf("saved %+v, read back %+v (%v)", want, got, ok)
	}
}

// Every screen of the main window fits a 1024×768 screen (less a title bar) at the
// default and the largest text size: a window cannot be smaller than its content.
func TestScreensFitA1024x768Screen(t *testing.T) {
	for _, scale := range textScales {
		d, s := openDemoMeeting(t)
		d.App.Settings().SetTheme(NewTheme(theme.VariantLight, scale))
		limit := fyne.NewSize(1024, 768-32)
		root := d.Win.Content()
		for i := range s.tabs.Items {
			s.tabs.SelectIndex(i)
			if m := root.MinSize(); m.Width > limit.Width || m.Height > limit.Height {
				t.Errorf("text ×%.2f, tab %d: the window needs at least %v, more than %v", scale, i, m, limit)
			}
		}
		d.Nav.Home()
		if m := root.MinSize(); m.Width > limit.Width || m.Height > limit.Height {
			t.Errorf("text ×%.2f, home: the window needs at least %v, more than %v", scale, m, limit)
		}
	}
}

// What the clerk must see after Enter — the decision, the final amount, 已保存 with the
// previous household's confirmation, and a jump error — is on screen in a 1024×768
// window at the largest text size, not below the fold of a scrolling pane.
func TestDeliberationOutcomeInViewAt1024x768(t *testing.T) {
	d, s := openDemoMeeting(t)
	d.App.Settings().SetTheme(NewTheme(theme.VariantLight, textScales[len(textScales)-1]))
	d.Win.Resize(fyne.NewSize(1024, 768-32))
	c := d.Win.Canvas()
	s.tabs.SelectIndex(2)
	dt := s.delib
	dt.show(dt.mm.indexOfSeq(13))
	dt.focusFirst()
	typeOn(c, "30万")
	keyOn(c, fyne.KeyTab)
	keyOn(c, fyne.KeyTab)
	for _, v := range []string{"7", "1", "0", "0"} {
		typeOn(c, v)
		keyOn(c, fyne.KeyTab)
	}
	keyOn(c, fyne.KeyReturn)
	if !strings.Contains(dt.saved.Text, "杨丽华") {
		t.Fatalf("after Enter the confirmation reads %q, want the previous household's", dt.saved.Text)
	}
	inView := func(what string, o fyne.CanvasObject) {
		t.Helper()
		d.Win.Resize(fyne.NewSize(1024, 768-31)) // lay the window out again, as the driver does when a label shows
		d.Win.Resize(fyne.NewSize(1024, 768-32))
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		if o.Size().Height <= 0 || pos.Y < 0 || pos.Y+o.Size().Height > c.Size().Height {
			t.Errorf("%s at y=%v..%v, outside the %v window", what, pos.Y, pos.Y+o.Size().Height, c.Size())
		}
	}
	inView("the confirmation", dt.saved)
	inView("the decision", dt.decision)
	ctrl(c, fyne.KeyG)
	typeOn(c, "999")
	keyOn(c, fyne.KeyReturn)
	if dt.storeErr.Hidden {
		t.Fatal("a jump to a № that does not exist says nothing")
	}
	inView("the jump error", dt.storeErr)
}
