package desktop

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// figureRun is a figure a line must never break inside: an ID number (masked with *,
// ending in X), a phone number, an amount (300,000, 30万).
var figureRun = regexp.MustCompile(`[0-9*][0-9*,.]*[0-9*Xx]万?`)

// wholeFigures lays out a word-wrapping label so that no figure in its text is split
// across lines: where Fyne would break inside one, the line breaks before it. With no
// space after "身份证号码：", Fyne broke the ID number itself ("330483********2" over
// "782") at the largest text in a 1024-pixel window. The label is as wide as its
// widest figure, so a figure never has to break.
type wholeFigures struct {
	label *widget.Label
	box   *fyne.Container // the label's own container, hidden with it
	text  string          // the text as given, without the breaks put in
	width float32         // the width last laid out in; 0 before the first layout
}

var _ fyne.Layout = (*wholeFigures)(nil)

// newWholeFigures holds the word-wrapping label l; its text is set through SetText.
func newWholeFigures(l *widget.Label) (*wholeFigures, *fyne.Container) {
	f := &wholeFigures{label: l, text: l.Text}
	f.box = container.New(f, l)
	f.box.Hidden = l.Hidden
	return f, f.box
}

// SetText shows s, broken before a figure where the line cannot hold it whole.
func (f *wholeFigures) SetText(s string) {
	f.text = s
	f.apply()
}

// ShowOrHide shows s as SetText does, or hides the label and its container when s is
// empty: a container shown around a hidden label would still take a VBox's padding.
func (f *wholeFigures) ShowOrHide(s string) {
	setProblem(f.label, s)
	f.box.Hidden = s == ""
	f.SetText(s)
}

func (f *wholeFigures) apply() {
	if s := breakBeforeFigures(f.label, f.text, f.width); s != f.label.Text {
		f.label.SetText(s)
	}
}

// Layout gives the label the whole size, its text broken for that width.
func (f *wholeFigures) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.apply()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

// MinSize is the label's, at least as wide as its widest figure.
func (f *wholeFigures) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	if figs := figureRun.FindAllString(f.text, -1); len(figs) > 0 && objs[0].Visible() {
		m.Width = max(m.Width, labelWidth(f.label, figs))
	}
	return m
}

// breakBeforeFigures is text with a line break before each figure that would not fit
// whole at the end of its line in label x at width; Fyne breaks a line at its last
// space, or anywhere in a run without one (Chinese), which this follows.
func breakBeforeFigures(x *widget.Label, text string, width float32) string {
	if width <= 0 {
		return text
	}
	fits := func(s string) bool { return labelWidth(x, []string{s}) <= width }
	var out strings.Builder
	line, last := "", 0 // the current line's text so far; the end of the last figure
	for _, m := range figureRun.FindAllStringIndex(text, -1) {
		before, fig := text[last:m[0]], text[m[0]:m[1]]
		out.WriteString(before)
		line = lastLine(line+before, fits)
		if line != "" && !strings.HasSuffix(line, " ") && !fits(line+fig) {
			out.WriteString("\n")
			line = ""
		}
		out.WriteString(fig)
		line = lastLine(line+fig, fits)
		last = m[1]
	}
	out.WriteString(text[last:])
	return out.String()
}

// lastLine is the last line s is drawn in when wrapped as Fyne wraps it: at the last
// space that fits, or after the last character that fits where no space does.
func lastLine(s string, fits func(string) bool) string {
	if i := strings.LastIndex(s, "\n"); i >= 0 {
		s = s[i+1:]
	}
	for !fits(s) {
		r := []rune(s)
		n := 1
		for n < len(r) && fits(string(r[:n+1])) {
			n++
		}
		if sp := strings.LastIndex(string(r[:n]), " "); sp > 0 {
			s = strings.TrimLeft(string(r[:n])[sp:]+string(r[n:]), " ")
		} else {
			s = string(r[n:])
		}
		if s == "" {
			break
		}
	}
	return s
}
