package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"pingxin/app/i18n"
)

// TestEveryScreenFitsA1024WindowInBothLanguages: at the largest text size, in Chinese
// and in English (the longer captions), no screen of the main window — home, the
// meeting's five tabs, village settings' four tabs, the credit register, settings — asks
// for more than a 1024×768 screen less a title bar: a window cannot be smaller than its
// content, so a wider screen would push the window off a small screen. On main the
// credit register needed 1094 px in Chinese and 1559 in English, village settings 1599
// in English.
func TestEveryScreenFitsA1024WindowInBothLanguages(t *testing.T) {
	limit := fyne.NewSize(1024, 768-32)
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(l), func(t *testing.T) {
			d, demo := openDemoMeeting(t)
			d.App.Settings().SetTheme(NewTheme(theme.VariantLight, textScales[len(textScales)-1]))
			if err := useLanguage(l); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { useLanguage(i18n.Zh) })
			d.Lang = l
			d.Win.SetContent(NewMainContent(d)) // built at the large size, in l
			d.Win.Resize(limit)
			fits := func(what string) {
				t.Helper()
				if m := d.Win.Content().MinSize(); m.Width > limit.Width || m.Height > limit.Height {
					t.Errorf("%s needs at least %.0f×%.0f, more than %v", what, m.Width, m.Height, limit)
				}
			}
			nav := d.Nav.(*Navigator)
			fits("home")
			s := NewMeetingScreen(d, demo.model.id).(*MeetingScreen)
			nav.Push(s)
			for i, it := range s.tabs.Items {
				s.tabs.SelectIndex(i)
				fits("meeting tab " + it.Text)
			}
			nav.Home()
			nav.Top().(*HomeScreen).onVillageSettings()
			vs := nav.Top().(*VillageScreen)
			for i, it := range vs.tabs.Items {
				vs.tabs.SelectIndex(i)
				fits("village settings tab " + it.Text)
			}
			nav.Home()
			nav.Top().(*HomeScreen).onRegister()
			fits("credit register")
			nav.onSettings()
			fits("settings")
		})
	}
}
