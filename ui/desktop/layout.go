package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// colsLayout lays its objects out side by side in widths proportional to its weights,
// so the rows of a list and their header line up like a table while each cell can
// hold any widget (a badge, a button). A cell never gets less than its minimum width
// (a button keeps its text at a large text size); the width that costs is taken from
// the cells that have room to spare, such as truncating labels.
type colsLayout []float32

var _ fyne.Layout = colsLayout(nil)

// Layout gives each object its share of the width, less a padding between cells.
func (c colsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	placeCols(objs, c.widths(objs, size.Width), size.Height)
}

// placeCols puts objs side by side in widths, less a padding between cells, hiding any
// beyond the columns.
func placeCols(objs []fyne.CanvasObject, widths []float32, height float32) {
	pad := theme.Padding()
	x := float32(0)
	for i, o := range objs {
		if i >= len(widths) {
			o.Hide()
			continue
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(widths[i]-pad, height))
		x += widths[i]
	}
}

// widths shares width among the columns: by weight, raised to each cell's preferred
// width (see preferredWidther; its minimum otherwise), then shrunk back to fit from the
// columns with slack, in proportion to their slack — first down to the preferred
// widths, then, if the row is still too wide, down to the minimums.
func (c colsLayout) widths(objs []fyne.CanvasObject, width float32) []float32 {
	n := min(len(objs), len(c))
	mins, wants := make([]float32, n), make([]float32, n)
	for i := range n {
		mins[i] = objs[i].MinSize().Width + theme.Padding()
		wants[i] = mins[i]
		if p, ok := objs[i].(preferredWidther); ok {
			wants[i] = max(mins[i], p.PreferredWidth()+theme.Padding())
		}
	}
	return c.share(mins, wants, width)
}

// share gives each column its weight's share of width, raised to what it wants, then
// shrinks the columns with slack back to fit: first down to their wants, then to
// their minimums.
func (c colsLayout) share(mins, wants []float32, width float32) []float32 {
	var total float32
	for _, w := range c[:len(mins)] {
		total += w
	}
	out := make([]float32, len(mins))
	for i := range out {
		out[i] = max(wants[i], width*c[i]/total)
	}
	shrinkTo(out, wants, width)
	shrinkTo(out, mins, width)
	return out
}

// preferredWidther is a cell that can be narrower than it reads best, such as a choice
// whose options wrap onto a second line: a row gives it its preferred width when the
// other cells can give way, and only its minimum when they cannot.
type preferredWidther interface {
	PreferredWidth() float32
}

// shrinkTo takes the width out beyond width from the cells above their floor, in
// proportion to how far above it they are.
func shrinkTo(out, floor []float32, width float32) {
	var sum, slack float32
	for i := range out {
		sum += out[i]
		slack += max(out[i]-floor[i], 0)
	}
	if over := sum - width; over > 0 && slack > 0 {
		cut := min(over/slack, 1)
		for i := range out {
			out[i] -= max(out[i]-floor[i], 0) * cut
		}
	}
}

// MinSize is the tallest cell's height and the sum of the cells' minimum widths.
func (c colsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var width, height float32
	for i, o := range objs {
		if i >= len(c) {
			break
		}
		m := o.MinSize()
		height = max(height, m.Height)
		width += m.Width + theme.Padding()
	}
	return fyne.NewSize(width, height)
}

// tableRow builds one table row with the given column weights.
func tableRow(c colsLayout, cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(c, cells...)
}

// tableCell is a label that truncates rather than widening its column.
func tableCell(text string) *widget.Label {
	return &widget.Label{Text: text, Truncation: fyne.TextTruncateEllipsis}
}

// tableHead is a bold column heading.
func tableHead(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
}

// sectionTitle is a section title.
func sectionTitle(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
}

// newSelect is a drop-down whose empty state asks in the app's language: Fyne's own
// placeholder is the English "(Select one)", in the Chinese screens too.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("desktop.select_one")
	return s
}

// newProblemLabel is a red, wrapping label for what went wrong; hidden while empty.
func newProblemLabel() *widget.Label {
	l := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	l.Hide()
	return l
}

// setText sets l's text only when it changes: the meeting mode recomputes every line on
// each keystroke, and a label given its own text again would still be repainted
// (TestKeystrokeRepaintsOnlyWhatChanged).
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// setProblem shows text in l, or hides l when text is empty.
func setProblem(l *widget.Label, text string) {
	setText(l, text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// scrollToShow scrolls s the least that brings o, somewhere inside its content, whole
// into view with margin pixels above and below it (as far as the content goes): Fyne
// does not follow the keyboard focus down a scrolling list by itself.
func scrollToShow(s *container.Scroll, o fyne.CanvasObject, margin float32) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	top := max(0, y-margin)
	bottom := min(s.Content.Size().Height, y+o.Size().Height+margin)
	off := s.Offset
	switch {
	case top < off.Y:
		off.Y = top
	case bottom > off.Y+s.Size().Height:
		off.Y = bottom - s.Size().Height
	default:
		return
	}
	s.ScrollToOffset(off)
}
