package minutes

import (
	"encoding/binary"
	"errors"
	"sync"

	"github.com/jung-kurt/gofpdf"

	"pingxin/assets"
)

// face is one embedded font as this package sees it: which runes it can draw and how
// wide each one is. Both are read once per process; every document reuses them.
type face struct {
	style string // gofpdf style: "" or "B"
	data  []byte
	cover [65536 / 64]uint64 // bit r set: the font's format-4 cmap maps r to a glyph
	width [65536]uint16      // advance in 1/1000 em, exactly as gofpdf measures it
	err   error
}

// family is the name the documents give the embedded font inside gofpdf.
const family = "notosanssc"

var (
	facesOnce sync.Once
	regular   = &face{style: ""}
	bold      = &face{style: "B"}
)

// faces returns the parsed regular and bold faces, or the error that made them unusable.
func faces() (*face, *face, error) {
	facesOnce.Do(func() {
		regular.load(assets.FontSerif) // body text: 宋体-style serif; headings stay 黑体 (sans bold)
		bold.load(assets.FontBold)
	})
	return regular, bold, errors.Join(regular.err, bold.err)
}

// load reads the cmap (coverage) and, through gofpdf itself, the widths, so that this
// package's line breaker measures text exactly as gofpdf will draw it.
func (fc *face) load(data []byte) {
	fc.data = data
	if fc.err = parseCmap4(data, fc.cover[:]); fc.err != nil {
		return
	}
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, fc.style, data)
	f.SetFont(family, fc.style, 10)
	if fc.err = f.Error(); fc.err != nil {
		return
	}
	for r := rune(0); r < 65536; r++ {
		if fc.has(r) {
			fc.width[r] = uint16(f.GetStringSymbolWidth(string(r)))
		}
	}
}

// has reports whether the font can draw r. gofpdf reads only the font's format-4 (BMP)
// cmap, so a rune above U+FFFF is undrawable even when the font has it elsewhere.
func (fc *face) has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	return fc.cover[r/64]&(1<<(uint(r)%64)) != 0
}

// errNoCmap says the embedded font is not one gofpdf can use.
var errNoCmap = errors.New("minutes: font has no Unicode format 4 cmap")

// parseCmap4 sets a bit in cover for every rune the font's Unicode BMP cmap maps to a
// glyph other than .notdef. It picks the subtable gofpdf picks: the first (3,1) or
// (0,*) subtable in format 4.
func parseCmap4(font []byte, cover []uint64) error {
	cmap, ok := sfntTable(font, "cmap")
	if !ok || len(cmap) < 4 {
		return errNoCmap
	}
	n := int(u16(cmap, 2))
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return errNoCmap
		}
		platform, encoding := u16(cmap, rec), u16(cmap, rec+2)
		off := int(u32(cmap, rec+4))
		if (platform == 3 && encoding == 1 || platform == 0) && off+2 <= len(cmap) && u16(cmap, off) == 4 {
			return readFormat4(cmap[off:], cover)
		}
	}
	return errNoCmap
}

// readFormat4 walks the segments of a format-4 subtable.
func readFormat4(t []byte, cover []uint64) error {
	if len(t) < 14 {
		return errNoCmap
	}
	segX2 := int(u16(t, 6))
	ends, starts, deltas, ranges := 14, 16+segX2, 16+2*segX2, 16+3*segX2
	if ranges+segX2 > len(t) {
		return errNoCmap
	}
	for s := 0; s < segX2; s += 2 {
		end, start := int(u16(t, ends+s)), int(u16(t, starts+s))
		delta, ro := int(u16(t, deltas+s)), int(u16(t, ranges+s))
		for c := start; c <= end && c <= 0xFFFF; c++ {
			g := glyph4(t, c, start, delta, ro, ranges+s)
			if g != 0 {
				cover[c/64] |= 1 << (uint(c) % 64)
			}
		}
	}
	return nil
}

// glyph4 maps character c of a segment to its glyph index (0 = .notdef).
func glyph4(t []byte, c, start, delta, ro, roPos int) int {
	if ro == 0 {
		return (c + delta) & 0xFFFF
	}
	p := roPos + ro + 2*(c-start)
	if p+2 > len(t) {
		return 0
	}
	g := int(u16(t, p))
	if g == 0 {
		return 0
	}
	return (g + delta) & 0xFFFF
}

// sfntTable returns the bytes of the named table of a TrueType font.
func sfntTable(font []byte, tag string) ([]byte, bool) {
	if len(font) < 12 {
		return nil, false
	}
	n := int(u16(font, 4))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil, false
		}
		if string(font[rec:rec+4]) == tag {
			off, size := int(u32(font, rec+8)), int(u32(font, rec+12))
			if off+size > len(font) {
				return nil, false
			}
			return font[off : off+size], true
		}
	}
	return nil, false
}

func u16(b []byte, i int) uint16 { return binary.BigEndian.Uint16(b[i:]) }
func u32(b []byte, i int) uint32 { return binary.BigEndian.Uint32(b[i:]) }
