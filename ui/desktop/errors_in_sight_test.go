package desktop

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/i18n"
)

// pathTo is the chain of objects from root down to o, as drawn now; nil when o is not
// shown under root.
func pathTo(root, o fyne.CanvasObject) []fyne.CanvasObject {
	if root == nil || !root.Visible() {
		return nil
	}
	if root == o {
		return []fyne.CanvasObject{root}
	}
	for _, child := range drawnChildren(root) {
		if p := pathTo(child, o); p != nil {
			return append([]fyne.CanvasObject{root}, p...)
		}
	}
	return nil
}

// inSight says why label l is not where the user reads it without scrolling in window
// w: hidden, empty, outside the window, or outside the visible part of a scrolling pane
// it sits in; "" when it is in sight.
func inSight(w fyne.Window, l *widget.Label) string {
	if !l.Visible() || l.Text == "" {
		return "not shown"
	}
	c := w.Canvas()
	var path []fyne.CanvasObject
	for _, root := range append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...) {
		if p := pathTo(root, l); p != nil {
			path = p
		}
	}
	if path == nil {
		return "not on the window"
	}
	drv := fyne.CurrentApp().Driver()
	pos, size := drv.AbsolutePositionForObject(l), l.Size()
	if size.Height <= 0 || pos.Y < 0 || pos.Y+size.Height > c.Size().Height || pos.X < 0 || pos.X+size.Width > c.Size().Width+1 {
		return "outside the window"
	}
	for _, o := range path {
		if s, ok := o.(*container.Scroll); ok {
			sp := drv.AbsolutePositionForObject(s)
			if pos.Y < sp.Y || pos.Y+size.Height > sp.Y+s.Size().Height+1 {
				return "below (or above) the visible part of a scrolling pane"
			}
		}
	}
	return ""
}

// largeEnglish starts the demo meeting's workspace at the largest text size, in English
// (the longer captions), in a 1024×768 window less a title bar.
func largeEnglish(t *testing.T) (*Deps, *MeetingScreen) {
	t.Helper()
	d, demo := openDemoMeeting(t)
	d.App.Settings().SetTheme(NewTheme(theme.VariantLight, textScales[len(textScales)-1]))
	if err := useLanguage(i18n.En); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { useLanguage(i18n.Zh) })
	d.Lang = i18n.En
	d.Win.SetContent(NewMainContent(d))
	d.Win.Resize(fyne.NewSize(1024, 768-32))
	s := NewMeetingScreen(d, demo.model.id).(*MeetingScreen)
	d.Nav.Push(s)
	return d, s
}

// relayout lays the window out again, as the driver does when a label shows.
func relayout(w fyne.Window) {
	sz := w.Canvas().Size()
	w.Resize(sz.AddWidthHeight(0, 1))
	w.Resize(sz)
}

// TestErrorsInSight: wherever a form's fields scroll, what is wrong with them is said
// above the scrolling fields, in sight at 1024×768 with the largest text, rather than at
// the foot of the scroll where the user does not see it (issue 12, item 8).
func TestErrorsInSight(t *testing.T) {
	check := func(t *testing.T, d *Deps, what string, l *widget.Label) {
		t.Helper()
		relayout(d.Win)
		if why := inSight(d.Win, l); why != "" {
			t.Errorf("%s: the error %q is %s", what, l.Text, why)
		}
	}
	t.Run("roll call facts", func(t *testing.T) {
		d, s := largeEnglish(t)
		s.tabs.SelectIndex(tabRoll)
		s.roll.facts.date.SetText("2026-02-30")
		s.roll.onFacts()
		check(t, d, "a wrong meeting date", s.roll.factsErr)
	})
	t.Run("visit form", func(t *testing.T) {
		d, s := largeEnglish(t)
		s.tabs.SelectIndex(tabVerify)
		v := s.verify
		v.list.Select(1)
		v.date.SetText("yesterday")
		v.onSave()
		check(t, d, "a wrong visit date", v.problem)
	})
	t.Run("minutes", func(t *testing.T) {
		d, s := largeEnglish(t)
		finishAll(t, s)
		s.tabs.SelectIndex(tabMinutes)
		mt := s.minutes
		signOn(t, mt, "村委会2026年口令")
		mt.noticeFrom.SetText("soon")
		mt.onGenerate()
		check(t, d, "a wrong notice day", mt.problem)
		mt.onReview()
		mt.reviewDialog.date.SetText("today")
		mt.reviewDialog.Submit()
		check(t, d, "a wrong review date", mt.reviewDialog.problem)
	})
	t.Run("new meeting and new village", func(t *testing.T) {
		d, _ := largeEnglish(t)
		d.Nav.Home()
		home := d.Nav.(*Navigator).Top().(*HomeScreen)
		home.onNewMeeting()
		home.meetingDlg.date.SetText("2026-13-45")
		home.meetingDlg.onSave()
		check(t, d, "new meeting", home.meetingDlg.problem)
		d.Win.Canvas().Overlays().Remove(d.Win.Canvas().Overlays().Top())
		home.onNewVillage()
		home.villageDlg.onSave()
		check(t, d, "new village", home.villageDlg.problem)
		home.villageDlg.form.onAdd()
		check(t, d, "new village's member", home.villageDlg.form.problem)
	})
	t.Run("village settings", func(t *testing.T) {
		d, s := largeEnglish(t)
		d.Nav.Home()
		home := d.Nav.(*Navigator).Top().(*HomeScreen)
		home.onVillageSettings()
		vs := d.Nav.(*Navigator).Top().(*VillageScreen)
		vs.tabs.SelectIndex(1)
		vs.Blacklist.onAdd()
		check(t, d, "blacklist", vs.Blacklist.Problem)
		vs.tabs.SelectIndex(2)
		vs.Roster.form.onAdd()
		check(t, d, "roster", vs.Roster.form.problem)
		vs.tabs.SelectIndex(3)
		vs.Cert.ExportTo(filepath.Join(t.TempDir(), "no", "such", "folder", "v.crt"))
		waitBackground()
		check(t, d, "certificate export", vs.Cert.Problem)
		_ = s
	})
	t.Run("register", func(t *testing.T) {
		d, _ := largeEnglish(t)
		d.Nav.Home()
		home := d.Nav.(*Navigator).Top().(*HomeScreen)
		home.onRegister()
		reg := d.Nav.(*Navigator).Top().(*RegisterScreen)
		reg.ImportBankFile(filepath.Join(t.TempDir(), "missing.xlsx"), nil)
		waitBackground()
		check(t, d, "bank reply import", reg.Problem)
	})
	t.Run("settings", func(t *testing.T) {
		d, _ := largeEnglish(t)
		p := openPrefs(t, d)
		p.BackupTo(filepath.Join(t.TempDir(), "no", "such", "folder", "b.db"), nil)
		waitBackground()
		check(t, d, "backup", p.BackupResult)
	})
}
