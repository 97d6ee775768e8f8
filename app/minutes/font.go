package minutes

import (
	"errors"
	"fmt"
	"sync"

	"github.com/jung-kurt/gofpdf"

	"pingxin/assets"
)

// face is one embedded font as this package sees it: gofpdf's parse of it, which every
// document adds without parsing again (gofpdf.AddUTF8FontParsed), and which runes it
// can draw and how wide each one is, for the line breaker. All of it is read once per
// process, however many documents are made.
type face struct {
	family string // gofpdf family
	style  string // gofpdf style: "" or "B"
	font   *gofpdf.UTF8Font
	cover  []uint64 // bit r set: the font maps r to a glyph (format 4 cmap, format 12 above U+FFFF)
	widths []uint16 // advance of r in 1/1000 em, exactly as gofpdf measures it
	err    error
}

// The names the documents give the embedded fonts inside gofpdf; pdffonts shows them
// (utf8notoserifsc, utf8notosansscB), so they say which font each one is: the body's
// serif and the headings' sans bold (docs/RULES.md §7).
const (
	serifFamily = "notoserifsc"
	sansFamily  = "notosanssc"
)

// faceKey names a face: its gofpdf family and style.
type faceKey struct{ family, style string }

// loadedFaces holds every face asked for so far, each parsed once (loadFace).
var loadedFaces sync.Map // faceKey → *faceOnce

type faceOnce struct {
	once sync.Once
	face *face
}

// loadFace returns the face family/style of the font in data, parsing it the first
// time it is asked for in the process. Any number of faces may be loaded; a document
// adds those it uses with (*doc).addFace.
func loadFace(familyName, style string, data []byte) *face {
	v, _ := loadedFaces.LoadOrStore(faceKey{familyName, style}, &faceOnce{})
	fo := v.(*faceOnce)
	fo.once.Do(func() { fo.face = parseFace(familyName, style, data) })
	return fo.face
}

// faces returns the body (serif) and heading (sans bold) faces, or the error that made
// them unusable.
func faces() (*face, *face, error) {
	reg := loadFace(serifFamily, "", assets.FontSerif) // body text: 宋体-style serif; headings stay 黑体 (sans bold)
	bold := loadFace(sansFamily, "B", assets.FontBold)
	return reg, bold, errors.Join(reg.err, bold.err)
}

// maxRune bounds the runes a face keeps a width for: the BMP and the supplementary
// ideographic plane, where the 通用规范汉字表's characters beyond the BMP are.
const maxRune = 0x2FFFF

// parseFace parses data through gofpdf and reads, through gofpdf itself, which runes it
// draws and their widths, so that this package's line breaker measures text exactly as
// gofpdf will draw it.
func parseFace(familyName, style string, data []byte) *face {
	fc := &face{family: familyName, style: style}
	fc.font, fc.err = gofpdf.ParseUTF8Font(data)
	if fc.err != nil {
		fc.err = fmt.Errorf("%s %s: %w", familyName, style, fc.err)
		return fc
	}
	fc.cover = make([]uint64, (maxRune+1)/64)
	fc.widths = make([]uint16, maxRune+1)
	for r := rune(1); r <= maxRune; r++ {
		if fc.font.HasRune(r) {
			fc.cover[r/64] |= 1 << (uint(r) % 64)
			fc.widths[r] = uint16(fc.font.RuneWidth(r))
		}
	}
	return fc
}

// has reports whether the font can draw r.
func (fc *face) has(r rune) bool {
	if r < 0 || r > maxRune {
		return false
	}
	return fc.cover[r/64]&(1<<(uint(r)%64)) != 0
}

// width is the advance of r in 1/1000 em; 0 for a rune the face lacks.
func (fc *face) width(r rune) int {
	if r < 0 || r > maxRune {
		return 0
	}
	return int(fc.widths[r])
}
