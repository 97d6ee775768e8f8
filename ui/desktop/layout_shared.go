package desktop

import (
	"math"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sharedCols lays out every row of one table, its heading row included, in the same
// column widths: a column wants the width that shows the widest of its cells in any row
// whole (a truncating label's whole text, not its minimum), so that where the window
// has the room no heading or 文号 is cut, and where it has not, every row gives way
// alike and the headings stay over their cells. colsLayout alone sizes each row by its
// own cells, so a heading narrower than its cells' text was cut while the rows were
// whole ("Hous…" over "30" on the home screen in English).
type sharedCols struct {
	weights colsLayout
	rows    func() [][]fyne.CanvasObject // every row's cells, the heading's first

	// the columns' minimum and wanted widths, read again after changed() or when the
	// text size changes: a window resize lays out every row, which would otherwise read
	// every row once per row
	mins, wants []float32
	textSize    float32
}

var _ fyne.Layout = (*sharedCols)(nil)

// changed says the rows or their texts changed: the widths are measured again.
func (s *sharedCols) changed() { s.mins, s.wants = nil, nil }

// measure reads the columns' minimum and wanted widths over every row.
func (s *sharedCols) measure() ([]float32, []float32) {
	if s.mins != nil && s.textSize == theme.TextSize() {
		return s.mins, s.wants
	}
	pad := theme.Padding()
	mins, wants := make([]float32, len(s.weights)), make([]float32, len(s.weights))
	for _, row := range s.rows() {
		for i, o := range row {
			if i >= len(s.weights) {
				break
			}
			m := leastWidth(o) + pad
			mins[i] = max(mins[i], m)
			wants[i] = max(wants[i], m, wholeWidth(o)+pad)
		}
	}
	s.mins, s.wants, s.textSize = mins, wants, theme.TextSize()
	return mins, wants
}

// Layout gives each cell its column's shared width, less a padding between cells.
func (s *sharedCols) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	mins, wants := s.measure()
	placeCols(objs, s.weights.share(mins, wants, size.Width), size.Height)
}

// MinSize is the tallest cell's height and the sum of the columns' shared minimums.
func (s *sharedCols) MinSize(objs []fyne.CanvasObject) fyne.Size {
	mins, _ := s.measure()
	var width, height float32
	for i, o := range objs {
		if i >= len(mins) {
			break
		}
		height = max(height, o.MinSize().Height)
		width += mins[i]
	}
	return fyne.NewSize(width, height)
}

// wholeWidth is the width at which o shows all it holds: a truncating label's whole
// text (its widest line), a preferredWidther's preferred width, the widest line of a
// cell of stacked lines (a container), or else its minimum.
func wholeWidth(o fyne.CanvasObject) float32 {
	if !o.Visible() {
		return 0
	}
	switch x := o.(type) {
	case *widget.Label:
		if x.Truncation == fyne.TextTruncateOff {
			return x.MinSize().Width
		}
		return labelWidth(x, strings.Split(x.Text, "\n"))
	case preferredWidther:
		return x.PreferredWidth()
	case *fyne.Container:
		var w float32
		for _, c := range x.Objects {
			w = max(w, wholeWidth(c))
		}
		return w
	}
	return o.MinSize().Width
}

// leastWidth is the narrowest o can be without harm: for a word-wrapping label its widest
// word, since Fyne breaks a word wider than the line in the middle ("Moral-jud" over
// "gment" in the roll call's role column at 1024 px); otherwise its minimum.
func leastWidth(o fyne.CanvasObject) float32 {
	m := o.MinSize().Width
	if x, ok := o.(*widget.Label); ok && x.Wrapping == fyne.TextWrapWord && x.Visible() {
		return max(m, labelWidth(x, unbreakable(x.Text)))
	}
	return m
}

// labelWidth is the width label x needs to draw the widest of parts on one line.
func labelWidth(x *widget.Label, parts []string) float32 {
	name := x.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	th := theme.CurrentForWidget(x) // the deliberation's enlarged text too
	var tw float32
	for _, p := range parts {
		tw = max(tw, fyne.MeasureText(p, th.Size(name), x.TextStyle).Width)
	}
	// Fyne truncates to the whole pixels inside the padding (int(width)): a width
	// of exactly the text's own cut its last letters ("Househol…")
	return float32(math.Ceil(float64(tw))) + 1 + 2*th.Size(theme.SizeNameInnerPadding)
}

// unbreakable splits text into the runs a line may not break inside: words between
// spaces, and each Chinese character (or full-width sign) on its own, since Chinese
// breaks between any two characters.
func unbreakable(text string) []string {
	var runs []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			runs = append(runs, text[start:end])
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case unicode.IsSpace(r):
			flush(i)
		case r >= 0x2E80: // CJK radicals, punctuation, ideographs, full-width forms
			flush(i)
			runs = append(runs, string(r))
		case start < 0:
			start = i
		}
	}
	flush(len(text))
	return runs
}

// firstLine lays its objects out centred in the band of a table row's first line of
// text, at the top of the cell: in a row whose first cell holds two lines (the date
// over the 文号), a badge or button stays level with the date rather than stretched
// or centred between the lines.
type firstLine struct{}

var _ fyne.Layout = firstLine{}

// lineHeight is the height of one line of a label, its padding included.
func lineHeight() float32 {
	return fyne.MeasureText("0", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
}

// Layout centres each object, at its minimum size, in the first line's band.
func (firstLine) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	band := max(lineHeight(), firstLine{}.MinSize(objs).Height)
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos((size.Width-m.Width)/2, (band-m.Height)/2))
	}
}

// MinSize is the widest object's width and the taller of a line and the tallest object.
func (firstLine) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}
