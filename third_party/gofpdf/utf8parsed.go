package gofpdf

// This file is Pingxin's addition to gofpdf (see FORK.md): fonts parsed once for any
// number of documents, and characters outside the BMP.

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// cutTables is what GenerateCutFont needs of a font besides its bytes: the table
// directory, the cmap, the glyph offsets and three counts. It is read once and then only
// read, so that documents made at the same time can share it.
type cutTables struct {
	tables         map[string]*tableDescription
	charSymbol     map[int]int // rune → glyph
	symbolPosition []int       // glyph → offset in glyf
	locaFormat     int
	metricsCount   int
	numSymbols     int
}

// readCutTables reads the tables GenerateCutFont works from; nil when the font has no
// Unicode cmap.
func (utf *utf8FontFile) readCutTables() *cutTables {
	utf.fileReader.readerPosition = 4
	utf.generateTableDescriptions()
	t := &cutTables{tables: utf.tableDescriptions}
	utf.SeekTable("head")
	utf.skip(50)
	t.locaFormat = utf.readUint16()
	utf.SeekTable("hhea")
	utf.skip(34)
	t.metricsCount = utf.readUint16()
	utf.SeekTable("maxp")
	utf.skip(4)
	t.numSymbols = utf.readUint16()
	if utf.generateCMAP() == nil {
		return nil
	}
	t.charSymbol = utf.charSymbolDictionary
	utf.parseLOCATable(t.locaFormat, t.numSymbols)
	t.symbolPosition = utf.symbolPosition
	return t
}

// addFormat12 adds the runes above U+FFFF of the font's format 12 cmap (platform 3
// encoding 10, or Unicode platform 0) to the dictionaries the format 4 cmap filled: the
// BMP is left as format 4 says, so a document of BMP text is unchanged.
func (utf *utf8FontFile) addFormat12(symbolChar map[int][]int, charSymbol map[int]int) {
	cmap := utf.SeekTable("cmap")
	utf.skip(2)
	n := utf.readUint16()
	sub := 0
	for i := 0; i < n; i++ {
		platform, encoding, off := utf.readUint16(), utf.readUint16(), utf.readUint32()
		if (platform == 3 && encoding == 10) || (platform == 0 && (encoding == 4 || encoding == 6)) {
			if utf.getUint16(cmap+off) == 12 {
				sub = cmap + off
				break
			}
		}
	}
	if sub == 0 {
		return
	}
	utf.seek(sub + 12)
	groups := utf.readUint32()
	if sub+16+12*groups > len(utf.fileReader.array) {
		return
	}
	for g := 0; g < groups; g++ {
		start, end, glyph := utf.readUint32(), utf.readUint32(), utf.readUint32()
		if end > 0x10FFFF || end < start {
			continue
		}
		for char := max(start, 0x10000); char <= end; char++ {
			symbol := glyph + char - start
			if _, ok := charSymbol[char]; ok || symbol == 0 || symbol > 0xFFFF {
				continue
			}
			charSymbol[char] = symbol
			symbolChar[symbol] = append(symbolChar[symbol], char)
		}
	}
}

// widthsLen is the length of a font's CharWidths: the whole BMP, and the runes above it
// that the font has.
func widthsLen(symbolChar map[int][]int) int {
	n := 256 * 256
	for _, chars := range symbolChar {
		for _, c := range chars {
			n = max(n, c+1)
		}
	}
	return n
}

// Surrogate CIDs: a rune above U+FFFF is written with a two-byte CID from the
// surrogate range, which is never a character, so it can stand for one.
const (
	surrogateFirst = 0xD800
	surrogateLast  = 0xDFFF
)

// bmpOnly is m without the surrogate CIDs: the subset font's own cmap lists BMP
// characters only (the PDF maps CIDs to glyphs with its CIDToGIDMap).
func bmpOnly(m map[int]int) map[int]int {
	out := m
	for cid := range m {
		if cid >= surrogateFirst && cid <= surrogateLast {
			out = nil
			break
		}
	}
	if out != nil {
		return m
	}
	out = make(map[int]int, len(m))
	for cid, g := range m {
		if cid < surrogateFirst || cid > surrogateLast {
			out[cid] = g
		}
	}
	return out
}

// cidOf returns the CID the current UTF-8 font writes r with, and marks r used: r itself
// in the BMP; above it, the next free surrogate CID of this font in this document (0,
// .notdef, once the 2,048 are spent).
func (f *Fpdf) cidOf(r rune) int {
	font := &f.currentFont
	if r <= 0xFFFF {
		font.usedRunes[int(r)] = int(r)
		return int(r)
	}
	cid, ok := font.astral[int(r)]
	if !ok {
		cid = surrogateFirst + len(font.astral)
		if cid > surrogateLast {
			return 0
		}
		font.astral[int(r)] = cid
	}
	font.usedRunes[cid] = int(r)
	return cid
}

// utf8ToCIDs is the text s as the current UTF-8 font's CIDs, two bytes each (Identity-H),
// with every rune marked used; for BMP text it is what utf8toutf16 gives.
func (f *Fpdf) utf8ToCIDs(s string) string {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		cid := f.cidOf(r)
		b = append(b, byte(cid>>8), byte(cid))
	}
	return string(b)
}

// cidWidth is the width the CID font dictionary gives cid: its rune's for a surrogate
// CID, else the BMP character's.
func (font *fontDefType) cidWidth(cid int) int {
	if cid >= surrogateFirst && cid <= surrogateLast {
		if r, ok := font.usedRunes[cid]; ok && r < len(font.Cw) {
			return font.Cw[r]
		}
		return 0
	}
	return font.Cw[cid]
}

// toUnicodeCMap is the ToUnicode CMap of a UTF-8 font: the identity over the BMP
// (upstream's), and, when the document wrote runes above U+FFFF, the surrogate range
// taken out of the identity and each surrogate CID mapped to its rune's UTF-16 pair, so
// that text extraction gives the character.
func (font *fontDefType) toUnicodeCMap() string {
	if len(font.astral) == 0 {
		return toUnicode
	}
	type pair struct{ cid, r int }
	pairs := make([]pair, 0, len(font.astral))
	for r, cid := range font.astral {
		pairs = append(pairs, pair{cid, r})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].cid < pairs[j].cid })
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	b.WriteString("2 beginbfrange\n<0000> <D7FF> <0000>\n<E000> <FFFF> <E000>\nendbfrange\n")
	for len(pairs) > 0 {
		n := min(len(pairs), 100) // a bfchar block holds at most 100 entries
		fmt.Fprintf(&b, "%d beginbfchar\n", n)
		for _, p := range pairs[:n] {
			u := p.r - 0x10000
			fmt.Fprintf(&b, "<%04X> <%04X%04X>\n", p.cid, 0xD800+(u>>10), 0xDC00+(u&0x3FF))
		}
		b.WriteString("endbfchar\n")
		pairs = pairs[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
}

// UTF8Font is a TrueType font parsed once, to be added to any number of documents with
// AddUTF8FontParsed, also from several goroutines at once: a 10 MB CJK font then costs
// its parsing once per process instead of twice per document.
type UTF8Font struct {
	data []byte
	file *utf8FontFile // the parse: metrics and widths, only read once made
	cut  *cutTables

	mu  sync.Mutex
	ids map[string]string // font key → the font's ID, which hashes its widths
}

// ParseUTF8Font parses the TrueType font in data (which must not change afterwards).
func ParseUTF8Font(data []byte) (*UTF8Font, error) {
	file := newUTF8Font(&fileReader{array: data})
	if err := file.parseFile(); err != nil {
		return nil, err
	}
	scratch := newUTF8Font(&fileReader{array: data})
	cut := scratch.readCutTables()
	if cut == nil {
		return nil, fmt.Errorf("gofpdf: font has no Unicode cmap")
	}
	return &UTF8Font{data: data, file: file, cut: cut, ids: map[string]string{}}, nil
}

// HasRune reports whether the font has a glyph for r (format 4 cmap, and format 12
// above U+FFFF).
func (u *UTF8Font) HasRune(r rune) bool {
	g, ok := u.cut.charSymbol[int(r)]
	return ok && g != 0
}

// RuneWidth is the advance of r in thousandths of the font size, as
// GetStringSymbolWidth counts it.
func (u *UTF8Font) RuneWidth(r rune) int {
	cw := u.file.CharWidths
	switch {
	case int(r) < len(cw) && r >= 0 && cw[r] > 0 && cw[r] != 65535:
		return cw[r]
	case int(r) < len(cw) && r >= 0 && cw[r] == 65535:
		return 0
	case u.file.DefaultWidth != 0:
		return round(u.file.DefaultWidth)
	}
	return 500
}

// document returns a fresh per-document reader of the font sharing the parse.
func (u *UTF8Font) document() *utf8FontFile {
	c := *u.file
	c.fileReader = &fileReader{array: u.data}
	c.parsed = u.cut
	c.outTablesData, c.CodeSymbolDictionary, c.symbolData, c.LastRune = nil, nil, nil, 0
	return &c
}

// id returns the font ID of def, computed once per font key: it hashes the whole
// definition, widths included, which is slow to repeat for every document.
func (u *UTF8Font) id(def fontDefType) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	if id, ok := u.ids[def.Name]; ok {
		return id
	}
	id, _ := fontID(def)
	u.ids[def.Name] = id
	return id
}

// fontID is generateFontID over the BMP widths only, so that a font whose format 12
// cmap adds widths above U+FFFF keeps the ID upstream gives it.
func fontID(def fontDefType) (string, error) {
	if len(def.Cw) > 256*256 {
		def.Cw = def.Cw[:256*256]
	}
	return generateFontID(def)
}

// AddUTF8FontParsed is AddUTF8FontFromBytes for a font parsed by ParseUTF8Font: the
// document gets the font without parsing it again.
func (f *Fpdf) AddUTF8FontParsed(familyStr, styleStr string, font *UTF8Font) {
	if f.err != nil {
		return
	}
	familyStr = fontFamilyEscape(familyStr)
	fontkey := getFontKey(familyStr, styleStr)
	if _, ok := f.fonts[fontkey]; ok {
		return
	}
	def := f.utf8FontDef(fontkey, font.document())
	def.i = font.id(def)
	f.fonts[fontkey] = def
}

// utf8FontDef is the definition of a UTF-8 font parsed into utf8File, as
// AddUTF8FontFromBytes makes it.
func (f *Fpdf) utf8FontDef(fontkey string, utf8File *utf8FontFile) fontDefType {
	desc := FontDescType{
		Ascent:       int(utf8File.Ascent),
		Descent:      int(utf8File.Descent),
		CapHeight:    utf8File.CapHeight,
		Flags:        utf8File.Flags,
		FontBBox:     utf8File.Bbox,
		ItalicAngle:  utf8File.ItalicAngle,
		StemV:        utf8File.StemV,
		MissingWidth: round(utf8File.DefaultWidth),
	}
	var sbarr map[int]int
	if f.aliasNbPagesStr == "" {
		sbarr = makeSubsetRange(57)
	} else {
		sbarr = makeSubsetRange(32)
	}
	return fontDefType{
		Tp:        "UTF8",
		Name:      fontkey,
		Desc:      desc,
		Up:        int(round(utf8File.UnderlinePosition)),
		Ut:        round(utf8File.UnderlineThickness),
		Cw:        utf8File.CharWidths,
		utf8File:  utf8File,
		usedRunes: sbarr,
		astral:    map[int]int{},
	}
}
