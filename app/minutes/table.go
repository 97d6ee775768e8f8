package minutes

import "fmt"

// column is one column of a table: its header, width in mm and alignment.
type column struct {
	head  string
	w     float64
	align string // "L", "C" or "R"
}

// table draws rows with borders. Every row is as tall as its longest wrapped cell and
// never cut across a page: a row that does not fit starts a new page, where the header
// is drawn again. Only a row taller than a whole page is continued line by line.
type table struct {
	d     *doc
	cols  []column
	size  float64 // body font size, points
	hsize float64 // header font size, points
	pad   float64 // cell padding, mm
	minH  float64 // least row height, mm (room to sign by hand)
}

// newTable returns a table whose column widths are scaled to fill the body width.
func newTable(d *doc, size float64, cols []column) *table {
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	for i := range cols {
		cols[i].w *= d.width() / total
	}
	return &table{d: d, cols: cols, size: size, hsize: size, pad: 1.2}
}

// begin draws the header and keeps repeating it on every new page until end.
func (t *table) begin() {
	t.d.need(t.headerHeight() + t.minRow())
	t.header()
	t.d.onNewPage = t.header
}

// end stops repeating the header.
func (t *table) end() {
	t.d.onNewPage = nil
	t.d.y += 2
}

// minRow is the height of a one-line row.
func (t *table) minRow() float64 {
	t.d.font(false, t.size)
	return t.d.lineH() + 2*t.pad
}

func (t *table) headerCells() [][]string {
	t.d.font(true, t.hsize)
	cells := make([][]string, len(t.cols))
	for i, c := range t.cols {
		cells[i] = t.d.lines(c.head, c.w-2*t.pad)
	}
	return cells
}

func (t *table) headerHeight() float64 {
	cells := t.headerCells()
	return float64(maxLines(cells))*t.d.lineH() + 2*t.pad
}

// header draws the header row on a light grey ground, centred.
func (t *table) header() {
	d := t.d
	cells := t.headerCells()
	h := float64(maxLines(cells))*d.lineH() + 2*t.pad
	d.f.SetFillColor(232, 232, 232)
	t.drawRow(cells, h, true, true)
	d.f.SetFillColor(255, 255, 255)
}

// row lays out one row of cell texts.
func (t *table) row(texts []string, fill bool) {
	d := t.d
	d.font(false, t.size)
	cells := make([][]string, len(t.cols))
	for i, c := range t.cols {
		cells[i] = d.lines(texts[i], c.w-2*t.pad)
	}
	lh := d.lineH()
	h := max(float64(maxLines(cells))*lh+2*t.pad, t.minH)
	full := d.bottom - d.top - t.headerHeight()
	d.font(false, t.size)
	if h > d.room()+eps && h <= full+eps {
		d.newPage()
	}
	for h > d.room()+eps { // taller than a page: continue it line by line
		n := int((d.room() - 2*t.pad + eps) / lh)
		if n < 1 {
			d.newPage()
			continue
		}
		var now [][]string
		now, cells = splitCells(cells, n)
		t.drawRow(now, float64(n)*lh+2*t.pad, fill, false)
		d.newPage()
		h = float64(maxLines(cells))*lh + 2*t.pad
	}
	t.drawRow(cells, h, fill, false)
}

// drawRow draws the borders and the lines of each cell at the cursor and moves it down.
func (t *table) drawRow(cells [][]string, h float64, fill, head bool) {
	d := t.d
	if d.y+h > d.bottom+eps && d.err == nil {
		d.err = fmt.Errorf("minutes: layout: a %.1f mm row cut by the page end", h)
	}
	x := d.left
	style := "D"
	if fill {
		style = "FD"
	}
	d.f.SetDrawColor(90, 90, 90)
	d.f.SetLineWidth(0.2)
	if fill && !head {
		d.f.SetFillColor(244, 244, 244) // zebra rows guide the eye across a wide table
	}
	for i, c := range t.cols {
		d.f.Rect(x, d.y, c.w, h, style)
		align := c.align
		if head {
			align = "C"
		}
		// centre the lines vertically: short cells sit level with tall ones
		y := d.y + t.pad + (h-2*t.pad-float64(len(cells[i]))*d.lineH())/2
		for _, ln := range cells[i] {
			d.text(x+t.pad, y, c.w-2*t.pad, ln, align)
			y += d.lineH()
		}
		x += c.w
	}
	d.f.SetDrawColor(0, 0, 0)
	d.y += h
}

// splitCells takes the first n lines of every cell.
func splitCells(cells [][]string, n int) (head, rest [][]string) {
	head = make([][]string, len(cells))
	rest = make([][]string, len(cells))
	for i, c := range cells {
		k := min(n, len(c))
		head[i], rest[i] = c[:k], c[k:]
	}
	return head, rest
}

func maxLines(cells [][]string) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}
