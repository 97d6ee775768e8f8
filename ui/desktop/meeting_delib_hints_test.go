package desktop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"pingxin/app/i18n"
	"pingxin/ui/desktop/widgets"
)

// TestDeliberationHintsWholeAtTheLargestText: at the largest text, in a 1024×768
// window, in Chinese and in English, every entry's hint on the deliberation tab is drawn
// whole inside its entry. The English hint of the reason for exceeding the cap ended in
// "…sets an exam" there.
func TestDeliberationHintsWholeAtTheLargestText(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(l), func(t *testing.T) {
			s := meetingTabIn(t, l, textScales[len(textScales)-1], fyne.NewSize(1024, 768-32), tabDeliberate)
			d := s.delib
			entries := []*widgets.KeyEntry{d.proposed, d.why, d.vFor, d.vAgainst, d.vAbstain, d.vRecus, d.reason, d.jump}
			drv := fyne.CurrentApp().Driver()
			for _, e := range entries {
				hint := placeholderText(e)
				if hint == nil {
					t.Errorf("the hint %q of an entry is not drawn", e.PlaceHolder)
					continue
				}
				if hint.Text != e.PlaceHolder {
					t.Errorf("the hint %q is drawn as %q", e.PlaceHolder, hint.Text)
				}
				end := drv.AbsolutePositionForObject(hint).X + fyne.MeasureText(hint.Text, hint.TextSize, hint.TextStyle).Width
				border := theme.CurrentForWidget(e).Size(theme.SizeNameInputBorder) // the entry's text is clipped inside its border
				if inside := drv.AbsolutePositionForObject(e).X + e.Size().Width - border; end > inside+0.5 {
					t.Errorf("the hint %q ends at %.0f px, past its entry's edge at %.0f", e.PlaceHolder, end, inside)
				}
			}
		})
	}
}

// placeholderText is the text entry e draws for its hint, or nil.
func placeholderText(e *widgets.KeyEntry) *canvas.Text {
	var found *canvas.Text
	walk(e, func(o fyne.CanvasObject) {
		if x, ok := o.(*canvas.Text); ok && found == nil && x.Text != "" && strings.HasPrefix(e.PlaceHolder, strings.TrimSuffix(x.Text, "…")) {
			found = x
		}
	})
	return found
}
