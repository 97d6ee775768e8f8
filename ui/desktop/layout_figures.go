package desktop

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
	// Fyne asks MinSize and Layout again on every pass over the window (each keystroke
	// in the vote boxes), and measuring text is the costly part of both: what was
	// measured is kept for its text, width and text size.
	broken figuresFor // apply's last input
	widest figuresFor // MinSize's: the widest figure of text, in width
}

// figuresFor is what wholeFigures measured for a text at a text size (and width).
type figuresFor struct {
	text        string
	size, width float32
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
	in := figuresFor{f.text, textSizeOf(f.label), f.width}
	if in == f.broken {
		return
	}
	f.broken = in
	if s := breakBeforeFigures(f.label, f.text, f.width); s != f.label.Text {
		f.label.SetText(s)
	}
}

// textSizeOf is the size of label x's text in the theme it is drawn with.
func textSizeOf(x *widget.Label) float32 {
	name := x.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return theme.CurrentForWidget(x).Size(name)
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
	if !objs[0].Visible() {
		return m
	}
	if size := textSizeOf(f.label); f.widest.text != f.text || f.widest.size != size {
		f.widest = figuresFor{text: f.text, size: size}
		if figs := figureRun.FindAllString(f.text, -1); len(figs) > 0 {
			f.widest.width = labelWidth(f.label, figs)
		}
	}
	m.Width = max(m.Width, f.widest.width)
	return m
}

// breakBeforeFigures is text with a line break before each figure that would not fit
// whole at the end of its line in label x at width; Fyne breaks a line at its last
// space, or anywhere in a run without one (Chinese), which this follows.
func breakBeforeFigures(x *widget.Label, text string, width float32) string {
	fits := func(s string) bool { return labelWidth(x, []string{s}) <= width }
	if width <= 0 || !strings.Contains(text, "\n") && fits(text) { // one line: nothing to break
		return text
	}
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
