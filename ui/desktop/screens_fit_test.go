package desktop

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
			showIn(t, d, l, textScales[len(textScales)-1])
			d.Win.Resize(limit)
			everyScreen(d, demo, func(what string) {
				if m := d.Win.Content().MinSize(); m.Width > limit.Width || m.Height > limit.Height {
					t.Errorf("%s needs at least %.0f×%.0f, more than %v", what, m.Width, m.Height, limit)
				}
			})
		})
	}
}

// everyScreen opens every screen of the main window in turn — home, the meeting's five
// tabs, village settings' four tabs, the credit register, settings — and calls look on
// each.
func everyScreen(d *Deps, demo *MeetingScreen, look func(what string)) {
	nav := d.Nav.(*Navigator)
	look("home")
	s := NewMeetingScreen(d, demo.model.id).(*MeetingScreen)
	nav.Push(s)
	for i, it := range s.tabs.Items {
		s.tabs.SelectIndex(i)
		look("meeting tab " + it.Text)
	}
	nav.Home()
	nav.Top().(*HomeScreen).onVillageSettings()
	vs := nav.Top().(*VillageScreen)
	for i, it := range vs.tabs.Items {
		vs.tabs.SelectIndex(i)
		look("village settings tab " + it.Text)
	}
	nav.Home()
	nav.Top().(*HomeScreen).onRegister()
	look("credit register")
	nav.onSettings()
	look("settings")
}

// cutLabels is every label shown inside o that truncates its text to fit: such a label
// asks for no width of its own, so a screen's MinSize never shows it cut.
func cutLabels(o fyne.CanvasObject) []string {
	var cut []string
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			if shown := drawnText(x); x.Truncation != fyne.TextTruncateOff && shown != strings.ReplaceAll(x.Text, "\n", "") {
				cut = append(cut, fmt.Sprintf("%q as %q (%.0f px, %.0f wanted)", x.Text, shown, x.Size().Width, wholeWidth(x)))
			}
			return
		}
		for _, c := range drawnChildren(o) {
			visit(c)
		}
	}
	visit(o)
	return cut
}

// drawnText is the text label l draws now, "…" and all, its lines run together.
func drawnText(l *widget.Label) string { return strings.Join(drawnLines(l), "") }

// drawnLines is each line of text label l draws now, "…" and all.
func drawnLines(l *widget.Label) []string {
	var lines []string
	walk(l, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok {
			lines = append(lines, t.Text)
		}
	})
	return lines
}

// TestHomeListWholeAt1024: in a 1024×768 window at the default text size, in Chinese
// and in English, the home list cuts no heading and no 文号 short with "…", and each
// heading stands over its column's cells. On main the English list showed "Hous…",
// "Pas…" and "越丰村评〔2026…": beside the date, status and Open button, the 文号 needed
// some 40 px more than its row gave it.
func TestHomeListWholeAt1024(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(l), func(t *testing.T) {
			d, _ := openDemoMeeting(t)
			showIn(t, d, l, textScales[0])
			d.Win.Resize(fyne.NewSize(1024, 768))
			h := d.Nav.(*Navigator).Top().(*HomeScreen)
			rows := h.Rows()
			if len(rows) == 0 {
				t.Fatal("the demo village lists no meeting")
			}
			if cut := cutLabels(d.Win.Content()); len(cut) > 0 {
				t.Errorf("the home screen cuts %s", strings.Join(cut, ", "))
			}
			if w, need := rows[0].Doc.Size().Width, wholeWidth(rows[0].Doc); w < need-0.5 {
				t.Errorf("the 文号 %q is %.0f px wide, it needs %.0f", rows[0].Doc.Text, w, need)
			}
			drv := fyne.CurrentApp().Driver()
			for i, head := range h.header.Objects[:len(h.header.Objects)-1] {
				cell := rows[0].cells.Objects[i]
				if hx, cx := drv.AbsolutePositionForObject(head).X, drv.AbsolutePositionForObject(cell).X; hx != cx || head.Size().Width != cell.Size().Width {
					t.Errorf("heading %d spans %.0f+%.0f, its cells %.0f+%.0f", i, hx, head.Size().Width, cx, cell.Size().Width)
				}
			}
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
			showIn(t, d, l, textScales[len(textScales)-1])
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

// TestRegisterSearchFitsAnIDNumberAtTheLargestText: at the largest text in a 1024 px
// window, in either language, the credit register's search box shows a whole 18-digit
// ID number and its whole hint. Beside the sort, filter and reminder it was squeezed to
// about 250 px, under the Chinese hint's 400.
func TestRegisterSearchFitsAnIDNumberAtTheLargestText(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(l), func(t *testing.T) {
			d := newTestDeps(t)
			signedDemo(t, d)
			showIn(t, d, l, textScales[len(textScales)-1])
			d.Win.Resize(fyne.NewSize(1024, 768-32))
			nav := d.Nav.(*Navigator)
			nav.Home()
			nav.Top().(*HomeScreen).onRegister()
			r := nav.Top().(*RegisterScreen)
			relayout(d.Win)
			pad := 2*theme.InnerPadding() + 2*theme.InputBorderSize()
			for _, text := range []string{"330681199001011234", r.Search.PlaceHolder} {
				if need := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + pad; r.Search.Size().Width < need {
					t.Errorf("the search box is %.0f px wide, %q needs %.0f", r.Search.Size().Width, text, need)
				}
			}
		})
	}
}

// TestNoTextCutAt1024: in a 1024×768 window at the default text size, in Chinese and in
// English, no screen of the main window cuts a text short with "…". On main the roll
// call cut every role ("People'…" for "People's council · Chair", "百姓议事会 · 主…")
// and the deliberation tab its keys ("Tab next field · Enter save and…").
func TestNoTextCutAt1024(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(l), func(t *testing.T) {
			d, demo := openDemoMeeting(t)
			showIn(t, d, l, textScales[0])
			d.Win.Resize(fyne.NewSize(1024, 768))
			everyScreen(d, demo, func(what string) {
				relayout(d.Win)
				if cut := cutLabels(d.Win.Content()); len(cut) > 0 {
					t.Errorf("%s cuts %s", what, strings.Join(cut, ", "))
				}
			})
		})
	}
}

// showIn rebuilds d's main window in language l at text scale, as a person who chose
// them sees it; the package's other tests go on in Chinese after t.
func showIn(t *testing.T, d *Deps, l i18n.Lang, scale float32) {
	t.Helper()
	d.App.Settings().SetTheme(NewTheme(theme.VariantLight, scale))
	if err := useLanguage(l); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { useLanguage(i18n.Zh) })
	d.Lang = l
	d.Win.SetContent(NewMainContent(d))
}

// meetingTabIn opens the demo meeting's tab in a window of size, in language l at text
// scale, laid out again as the real window settles it (relayout).
func meetingTabIn(t *testing.T, l i18n.Lang, scale float32, size fyne.Size, tab int) *MeetingScreen {
	t.Helper()
	d, demo := openDemoMeeting(t)
	showIn(t, d, l, scale)
	s := NewMeetingScreen(d, demo.model.id).(*MeetingScreen)
	d.Nav.Push(s)
	d.Win.Resize(size)
	s.tabs.SelectIndex(tab)
	relayout(d.Win)
	return s
}
