package desktop

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// 投屏 follows the clerk: the household, the amounts, the tally as typed and the result
// — never an ID number or a telephone number.
func TestProjectorFollowsTheClerk(t *testing.T) {
	d, s, c := openDeliberation(t, 13)
	dt := s.delib
	d.App.Settings().SetTheme(NewTheme(theme.VariantLight, textScales[len(textScales)-1])) // the projector ignores it
	dt.onProjector()
	p := dt.proj
	if p == nil {
		t.Fatal("no projector window")
	}
	if sz := p.win.Canvas().Size(); sz.Width < projW || sz.Height < projH {
		t.Errorf("projector window %v, want at least %dx%d", sz, projW, projH)
	}
	typeOn(c, "30万")
	keyOn(c, fyne.KeyTab)
	keyOn(c, fyne.KeyTab)
	typeOn(c, "7")
	if p.name.Text != "杨丽华" || !strings.Contains(p.amounts.Text, "建议 30万") || !strings.Contains(p.tally.Text, "赞成 7") {
		t.Errorf("projector shows %q / %q / %q", p.name.Text, p.amounts.Text, p.tally.Text)
	}
	keyOn(c, fyne.KeyTab) // 7 of 8: the long 票数未齐 line must wrap, not widen the window
	if m := p.win.Content().MinSize(); m.Width > projW || m.Height > projH {
		t.Errorf("the projector needs %v, more than a %dx%d projector", m, projW, projH)
	}
	typeOn(c, "1")
	if p.decision.Text != "通过" || !strings.Contains(p.result.Text, "300,000") {
		t.Errorf("decision %q, result %q; want 通过 and the final amount", p.decision.Text, p.result.Text)
	}
	keyOn(c, fyne.KeyReturn)
	if p.name.Text != "朱海明" {
		t.Errorf("after Enter the projector shows %q, want the next household", p.name.Text)
	}
	id := s.model.nominee(dt.cur).IDNumber
	for _, txt := range []string{p.pos.Text, p.name.Text, p.group.Text, p.purpose.Text, p.amounts.Text, p.tally.Text, p.decision.Text, p.result.Text} {
		if strings.Contains(txt, id[len(id)-4:]) || strings.Contains(txt, id[:6]) {
			t.Errorf("the projector shows part of the ID number: %q", txt)
		}
	}
	p.win.Close()
	if dt.proj != nil {
		t.Error("closing the projector window did not forget it")
	}
	_ = d
}
