package desktop

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"pingxin/app/i18n"
)

// TestListToolbarFitsA1024WindowAfterAnImport: once 导入结果 (the last import's
// summary) joins the list's buttons, the nomination list still asks for no more than a
// 1024×768 window at the largest text, in either language, and every button of its
// toolbar is whole inside the window (issue 12).
func TestListToolbarFitsA1024WindowAfterAnImport(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(l), func(t *testing.T) {
			d, demo := openDemoMeeting(t)
			fyne.CurrentApp().Settings().SetTheme(NewTheme(theme.VariantLight, textScales[len(textScales)-1]))
			if err := useLanguage(l); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { useLanguage(i18n.Zh) })
			d.Lang = l
			s := NewMeetingScreen(d, demo.model.id).(*MeetingScreen) // built at the large size
			d.Nav.Push(s)
			s.tabs.SelectIndex(tabList)
			lt := s.list
			lt.previewFile(writeList(t, [][]string{{"张三", testID("19800101", 123), "第一村民小组", "湖羊养殖", "30万"}}))
			waitBackground()
			lt.preview.onConfirm()
			waitBackground()
			d.Win.Canvas().Overlays().Remove(d.Win.Canvas().Overlays().Top())
			if !lt.report.Visible() {
				t.Fatal("导入结果 is not shown after an import")
			}
			win := fyne.NewSize(1024, 768-32)
			d.Win.Resize(win)
			if m := d.Win.Content().MinSize(); m.Width > win.Width {
				t.Errorf("the list needs %.0f px, more than %.0f", m.Width, win.Width)
			}
			drv := fyne.CurrentApp().Driver()
			for _, b := range []fyne.CanvasObject{lt.importB, lt.template, lt.add, lt.edit, lt.open, lt.report, lt.del, lt.status, lt.count} {
				pos := drv.AbsolutePositionForObject(b)
				if b.Size().Width < b.MinSize().Width || pos.X < 0 || pos.X+b.Size().Width > d.Win.Canvas().Size().Width {
					t.Errorf("%T at x=%.0f..%.0f (needs %.0f, has %.0f), outside the %v window", b, pos.X, pos.X+b.Size().Width,
						b.MinSize().Width, b.Size().Width, d.Win.Canvas().Size())
				}
			}
		})
	}
}
