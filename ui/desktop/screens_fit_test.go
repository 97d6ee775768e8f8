package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
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

// TestRegisterColumnsFitTheirContentAtTheLargestText: at the largest text, in either
// language, each column of the credit register is as wide as its heading and its
// widest text (the fixed widths let "Head of household" run over "ID number").
func TestRegisterColumnsFitTheirContentAtTheLargestText(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(l), func(t *testing.T) {
			d := newTestDeps(t)
			signedDemo(t, d)
			d.App.Settings().SetTheme(NewTheme(theme.VariantLight, textScales[len(textScales)-1]))
			if err := useLanguage(l); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { useLanguage(i18n.Zh) })
			d.Lang = l
			d.Win.SetContent(NewMainContent(d))
			nav := d.Nav.(*Navigator)
			nav.Home()
			nav.Top().(*HomeScreen).onRegister()
			r := nav.Top().(*RegisterScreen)
			if len(r.reg.Entries) == 0 {
				t.Fatal("the signed demo has an empty register")
			}
			size := theme.TextSize()
			pad := 2 * theme.InnerPadding()
			for col, c := range registerCols {
				if need := fyne.MeasureText(lang.L(c.key), size, fyne.TextStyle{Bold: true}).Width + pad; r.colWidths[col] < need {
					t.Errorf("column %q is %.0f wide, its heading needs %.0f", lang.L(c.key), r.colWidths[col], need)
				}
				for i := range r.reg.Entries {
					txt := r.cellText(&r.reg.Entries[i], col)
					if need := fyne.MeasureText(txt, size, fyne.TextStyle{}).Width + pad; r.colWidths[col] < need {
						t.Errorf("%q in column %q needs %.0f, the column is %.0f wide", txt, lang.L(c.key), need, r.colWidths[col])
						break
					}
				}
			}
		})
	}
}
