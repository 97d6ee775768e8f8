package desktop

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// The projector window's least size: a 1024×768 projector shows it whole.
const projW, projH = 1024, 768

// projLineSize is the projector's text size in pixels, but for the name and the result.
const projLineSize = 30

// projector is 投屏: a second window the chair puts on the projector, showing only the
// household being deliberated — name, group, purpose, the amounts requested and
// proposed — the tally as the clerk types it and the result, in type read from the back
// of a meeting room. It follows the clerk's screen, and never shows an ID number or a
// telephone number (the clerk's screen masks the ID; this one leaves it out).
type projector struct {
	win fyne.Window

	name, decision                              *canvas.Text  // short: one line, very large
	pos, group, purpose, amounts, tally, result *widget.Label // may be long: they wrap
}

// projView is what the projector shows: built by the deliberation tab from the
// household and the entries as typed.
type projView struct {
	Pos, Name, Group, Purpose, Amounts, Tally, Decision, Result string
	DecisionColor                                               fyne.ThemeColorName
}

// newProjector opens the projector window.
func newProjector(a fyne.App, onClosed func()) *projector {
	p := &projector{win: a.NewWindow(mtgL("meeting.proj.title"))}
	big := func(size float32) *canvas.Text {
		t := canvas.NewText("", themeColor(theme.ColorNameForeground))
		t.TextSize, t.TextStyle.Bold, t.Alignment = size, true, fyne.TextAlignCenter
		return t
	}
	line := func(bold bool) *widget.Label {
		return &widget.Label{Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: bold}}
	}
	// sizes for a 768-pixel-high picture seen from the back of a meeting room, whatever
	// text size the clerk chose: the name and the result at about a ninth of the
	// height, the other lines at 30 pixels, wrapping rather than widening the window
	p.name, p.decision = big(84), big(76)
	p.pos, p.group, p.purpose = line(false), line(false), line(false)
	p.amounts, p.tally, p.result = line(true), line(true), line(false)
	lines := func(o ...fyne.CanvasObject) fyne.CanvasObject {
		factor := projLineSize / fyne.CurrentApp().Settings().Theme().Size(theme.SizeNameText)
		return container.NewThemeOverride(container.NewVBox(o...), largeTheme{factor: factor})
	}
	box := container.NewVBox(lines(p.pos), p.name, lines(p.group, p.purpose, p.amounts), layout.NewSpacer(),
		lines(p.tally), p.decision, lines(p.result))
	bg := canvas.NewRectangle(themeColor(theme.ColorNameBackground))
	p.win.SetContent(container.NewStack(bg, container.NewPadded(box)))
	p.win.Resize(fyne.NewSize(projW, projH))
	p.win.SetOnClosed(onClosed)
	p.win.Show()
	return p
}

// show puts v on the projector, redrawing only the lines that changed.
func (p *projector) show(v projView) {
	big := func(t *canvas.Text, s string, c color.Color) {
		if t.Text == s && t.Color == c {
			return
		}
		t.Text, t.Color = s, c
		t.Refresh()
	}
	line := func(l *widget.Label, s string) {
		if l.Text != s {
			l.SetText(s)
		}
	}
	big(p.name, v.Name, themeColor(theme.ColorNameForeground))
	big(p.decision, v.Decision, themeColor(v.DecisionColor))
	line(p.pos, v.Pos)
	line(p.group, v.Group)
	line(p.purpose, v.Purpose)
	line(p.amounts, v.Amounts)
	line(p.tally, v.Tally)
	line(p.result, v.Result)
}

// projView is the household shown with the entries as typed, for the projector.
func (t *deliberateTab) projView() projView {
	if t.cur < 0 {
		return projView{Name: mtgL("meeting.delib.empty"), DecisionColor: theme.ColorNameForeground}
	}
	n := t.mm.nominee(t.cur)
	v := projView{
		Pos:           mtgL("meeting.proj.pos", "Seq", n.Seq, "Index", t.cur+1, "Total", t.mm.count()),
		Name:          n.Name,
		Group:         n.Group,
		Purpose:       mtgL("meeting.delib.purpose", "Purpose", n.Purpose),
		Decision:      t.decision.Text,
		DecisionColor: theme.ColorNameForeground,
		Result:        t.resultFig.text, // as written, without the breaks put in for this window
	}
	proposed := strings.TrimSpace(t.proposed.Text)
	if y, err := parseYuan(proposed); err == nil && proposed != "" {
		proposed = amountText(y)
	}
	if proposed == "" {
		proposed = "—"
	}
	v.Amounts = mtgL("meeting.proj.amounts", "Requested", amountText(n.Requested), "Proposed", proposed)
	count := func(e string) string {
		if s := strings.TrimSpace(e); s != "" {
			return s
		}
		return "—"
	}
	v.Tally = mtgL("meeting.proj.tally", "For", count(t.vFor.Text), "Against", count(t.vAgainst.Text),
		"Abstain", count(t.vAbstain.Text), "Recused", count(t.vRecus.Text))
	if f, _ := t.formNominee(); !f.Votes.Recorded && n.Blocked == "" {
		v.Result = "" // before the vote the screen says nothing of reasons
	}
	if n.Blocked != "" {
		v.Decision, v.Result = decisionText(app.Blocked), mtgL("meeting.delib.blocked", "Reason", blockedWhy(n.Blocked))
	}
	for _, d := range decisions {
		if decisionText(d) == v.Decision {
			v.DecisionColor = decisionColor(d)
		}
	}
	return v
}

// onProjector opens the projector window, or brings it forward when it is open.
func (t *deliberateTab) onProjector() {
	if t.proj != nil {
		t.proj.win.Show()
		t.proj.win.RequestFocus()
		return
	}
	t.proj = newProjector(t.mm.d.App, func() { t.proj = nil })
	t.follow()
}

// follow puts what the clerk's screen shows on the projector, if it is open.
func (t *deliberateTab) follow() {
	if t.proj != nil {
		t.proj.show(t.projView())
	}
}
