package minutes

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"pingxin/app"
)

// Page geometry in millimetres: A4 portrait with the text block of GB/T 9704-2012
// (党政机关公文格式): top margin 37 mm, binding (left) margin 28 mm, a text block of
// 156 × 225 mm, the page number 7 mm under it (docs/RULES.md §7).
const (
	pageW, pageH = 210.0, 297.0
	marginLeft   = 28.0
	blockW       = 156.0
	marginTop    = 37.0
	blockH       = 225.0
	footerGap    = 7.0 // from the text block's foot to the footer line
	ptToMM       = 25.4 / 72
	lineFactor   = 1.55 // line height as a multiple of the font size: Chinese needs air
)

// nbAlias is replaced by gofpdf with the page count when the document is written.
// It stands at the end of a left-aligned text, so its width never shifts anything.
const nbAlias = "{nb}"

// doc is a gofpdf document with this package's own page flow: no automatic page
// breaks, a cursor y, a hook that repeats a table's header on each new page, and a
// glyph check on every string drawn.
type doc struct {
	f           *gofpdf.Fpdf
	reg, bold   *face
	y           float64
	size        float64 // current font size in points
	isBold      bool
	onNewPage   func()
	footer      footer
	err         error
	inFooter    bool
	left, right float64
	top, bottom float64
}

// footer is what every page prints outside its text block.
type footer struct {
	docNumber   string
	fingerprint string
	draft       bool // unsigned minutes: 草稿（未签署） on every page (docs/RULES.md §7)
	plain       bool // not an official document (the register): plain 18 mm margins
}

// plainMargin is the margin on every side of a document that is not an official one.
const plainMargin = 18.0

// newDoc starts an A4 document with both faces, fixed dates for a reproducible file
// and the footer of every page.
func newDoc(now time.Time, title, subject string, ft footer) (*doc, error) {
	reg, bold, err := faces()
	if err != nil {
		return nil, fmt.Errorf("minutes: embedded font unusable: %w", err)
	}
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	f.SetCreationDate(now)
	f.SetModificationDate(now)
	f.SetCompression(true)
	f.SetAutoPageBreak(false, 0)
	left, top, right, bottom := marginLeft, marginTop, marginLeft+blockW, marginTop+blockH
	if ft.plain {
		left, top, right, bottom = plainMargin, plainMargin, pageW-plainMargin, pageH-plainMargin-footerGap-3
	}
	f.SetMargins(left, top, pageW-right)
	f.SetCellMargin(0) // this package pads its own cells
	addFace(f, reg)
	addFace(f, bold)
	f.AliasNbPages(nbAlias) // after the fonts: gofpdf then keeps the digits in the subset
	f.SetTitle(title, true)
	f.SetSubject(subject, true)
	f.SetCreator("评信 Pingxin", true)
	f.SetAuthor(subject, true)
	d := &doc{f: f, reg: reg, bold: bold, footer: ft, left: left, top: top, right: right, bottom: bottom}
	f.SetFooterFunc(d.drawFooter)
	if ft.draft {
		f.SetHeaderFunc(d.drawDraftMark) // at the start of each page: under its content
	}
	d.newPage()
	return d, f.Error()
}

// addFace adds a face to the document without parsing the font again.
func addFace(f *gofpdf.Fpdf, fc *face) { f.AddUTF8FontParsed(fc.family, fc.style, fc.font) }

// width is the body width between the margins.
func (d *doc) width() float64 { return d.right - d.left }

// font selects the face and size of the next texts.
func (d *doc) font(isBold bool, size float64) {
	d.isBold, d.size = isBold, size
	fc := d.face()
	d.f.SetFont(fc.family, fc.style, size)
}

// face is the face of the current font.
func (d *doc) face() *face {
	if d.isBold {
		return d.bold
	}
	return d.reg
}

// runeWidth is the width in mm of r in the current font.
func (d *doc) runeWidth(r rune) float64 {
	return float64(d.face().width(r)) * d.size * ptToMM / 1000
}

// textWidth is the width in mm of s in the current font.
func (d *doc) textWidth(s string) float64 { return measure(s, d.runeWidth) }

// lineH is the height of one line of the current font.
func (d *doc) lineH() float64 { return d.size * ptToMM * lineFactor }

// lines wraps s to width w in the current font.
func (d *doc) lines(s string, w float64) []string { return wrap(normalize(s), w, d.runeWidth) }

// newPage closes the page (gofpdf draws its footer), opens the next one at the top
// and lets the open table repeat its header.
func (d *doc) newPage() {
	size, isBold := d.size, d.isBold
	d.f.AddPage()
	d.y = d.top
	if size > 0 {
		d.font(isBold, size)
	}
	if d.onNewPage != nil {
		d.onNewPage()
		d.font(isBold, size)
	}
}

// need starts a new page unless h more millimetres fit above the footer.
func (d *doc) need(h float64) {
	if d.y+h > d.bottom+eps {
		d.newPage()
	}
}

// room is the height left on the page.
func (d *doc) room() float64 { return d.bottom - d.y }

// text draws one line s in a box of width w from x at the cursor line top y, aligned
// 'L', 'C' or 'R'. It refuses any rune the current face cannot draw: nothing is ever
// printed as a box.
func (d *doc) text(x, y, w float64, s, align string) {
	if s == "" || d.err != nil {
		return
	}
	fc := d.face()
	for _, r := range s {
		if r != ' ' && !fc.has(r) {
			d.err = glyphError(r, s)
			return
		}
	}
	d.checkFit(x, y, w, s)
	d.f.SetXY(x, y)
	d.f.CellFormat(w, d.lineH(), s, "", 0, align, false, 0, "")
}

// checkFit turns the layout's promises into errors, so that every rendering test is
// also a layout test: no text wider than its box, none below the page body (the footer
// excepted), none outside the margins.
func (d *doc) checkFit(x, y, w float64, s string) {
	ink := strings.TrimRight(s, " ")
	tw := d.textWidth(ink)
	switch {
	case tw > w+eps && utf8.RuneCountInString(ink) > 1: // one rune wider than its box cannot be helped
		d.err = fmt.Errorf("minutes: layout: %q is %.2f mm wide in a %.2f mm box", s, tw, w)
	case !d.inFooter && y+d.lineH() > d.bottom+eps:
		d.err = fmt.Errorf("minutes: layout: %q runs below the page body (%.2f > %.2f mm)", s, y+d.lineH(), d.bottom)
	case x < d.left-eps || x+w > d.right+eps:
		d.err = fmt.Errorf("minutes: layout: %q outside the margins", s)
	}
}

// glyphError is the safety net behind CheckGlyphs: a rune nobody checked before.
func glyphError(r rune, s string) error {
	return app.Errorf(app.EINVALID, "minutes.glyph.text", "Char", string(r), "Code", fmt.Sprintf("U+%04X", r), "Context", context(s, r))
}

// para flows s as a paragraph over the body width with a first-line indent, breaking
// pages line by line so that a text of any length flows on.
func (d *doc) para(s string, indent float64) {
	d.paraAt(d.left, d.width(), s, indent)
}

// paraAt flows s in the column [x, x+w].
func (d *doc) paraAt(x, w float64, s string, indent float64) {
	first := true
	for _, ln := range d.linesIndented(s, w, indent) {
		d.need(d.lineH())
		dx := 0.0
		if first {
			dx = indent
		}
		d.text(x+dx, d.y, w-dx, ln, "L")
		d.y += d.lineH()
		first = false
	}
}

// linesIndented wraps s to w, the first line shortened by indent.
func (d *doc) linesIndented(s string, w, indent float64) []string {
	if indent <= 0 {
		return d.lines(s, w)
	}
	// A leading ideographic-width gap of indent: wrap with the first line narrower by
	// measuring a virtual prefix rune of that width.
	const mark = '\uFFFF'
	width := func(r rune) float64 {
		if r == mark {
			return indent
		}
		return d.runeWidth(r)
	}
	ls := wrap(string(mark)+normalize(s), w, width)
	ls[0] = ls[0][len(string(mark)):]
	return ls
}

// heading prints a section heading in bold, kept with at least two lines after it.
func (d *doc) heading(s string) {
	d.y += 2
	d.font(true, 12)
	d.need(d.lineH() + 3*5.5)
	for _, ln := range d.lines(s, d.width()) {
		d.text(d.left, d.y, d.width(), ln, "L")
		d.y += d.lineH()
	}
	d.y += 0.5
	d.font(false, 10.5)
}

// labelled prints "label：value" with the value wrapped under itself (hanging indent)
// in a column lw from the margin, so that the values of several lines align.
func (d *doc) labelled(label, value string, lw float64) {
	ls := d.lines(value, d.width()-lw)
	for i, ln := range ls {
		d.need(d.lineH())
		if i == 0 {
			d.text(d.left, d.y, lw, label, "L")
		}
		d.text(d.left+lw, d.y, d.width()-lw, ln, "L")
		d.y += d.lineH()
	}
}

// drawFooter prints the page number, the document number and the fingerprint.
func (d *doc) drawFooter() {
	size, isBold := d.size, d.isBold
	d.inFooter = true
	defer func() { d.inFooter = false }()
	y := d.bottom + footerGap
	d.f.SetDrawColor(120, 120, 120)
	d.f.SetLineWidth(0.2)
	d.f.Line(d.left, y-1.5, d.right, y-1.5)
	d.font(false, 8.5)
	w := d.width() / 3
	d.text(d.left, y, w, fmt.Sprintf("第 %d 页 共 %s 页", d.f.PageNo(), nbAlias), "L")
	d.text(d.left+w, y, w, d.footer.docNumber, "C")
	if d.footer.fingerprint != "" {
		d.text(d.left+2*w, y, w, "内容指纹 "+d.footer.fingerprint, "R")
	}
	d.f.SetDrawColor(0, 0, 0)
	if size > 0 {
		d.font(isBold, size)
	}
}

// draftMark is printed on every page of minutes that are not signed, so that a draft
// on paper can never pass for the record.
const draftMark = "草稿（未签署）"

// drawDraftMark prints the draft mark in red above the text block, and once more large
// and pale across the page.
func (d *doc) drawDraftMark() {
	size, isBold := d.size, d.isBold
	d.inFooter = true
	defer func() { d.inFooter = false }()
	d.f.SetTextColor(200, 30, 30)
	d.font(true, 14)
	d.text(d.left, d.top-14, d.width(), draftMark, "R")
	d.f.SetTextColor(235, 200, 200)
	d.font(true, 60)
	d.f.TransformBegin()
	d.f.TransformRotate(35, pageW/2, pageH/2)
	w := d.textWidth("草稿")
	d.f.SetXY(pageW/2-w/2, pageH/2-d.lineH()/2)
	d.f.CellFormat(w, d.lineH(), "草稿", "", 0, "C", false, 0, "")
	d.f.TransformEnd()
	d.f.SetTextColor(0, 0, 0)
	if size > 0 {
		d.font(isBold, size)
	}
}

// output writes the document to w, reporting the first error of the run.
func (d *doc) output(w io.Writer) error {
	if d.err != nil {
		d.f.Close()
		return d.err
	}
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("minutes: writing PDF: %w", err)
	}
	return nil
}
