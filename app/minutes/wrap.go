package minutes

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// This file is the line breaker. gofpdf's own MultiCell/SplitText break Chinese text
// badly (they look for spaces and lose or cut runes), so every text this package prints
// goes through wrap, a pure function over a width function that is table-tested and
// fuzzed: no rune is ever lost, lines break between Chinese characters, Latin words and
// numbers stay whole when they fit, and no line starts with closing punctuation.

// closers may not start a line (禁则, docs/RULES.md §7). Their unit is glued to the one before.
const closers = "，。、；：？！）》」』】〕〉｝］〗〙〛＞’”…‥·・％,.;:?!)]}%"

// openers may not end a line. Their unit is glued to the one after.
const openers = "（《「『【〔〈｛［〖〘〚＜‘“([{"

func isCloser(r rune) bool { return strings.ContainsRune(closers, r) }
func isOpener(r rune) bool { return strings.ContainsRune(openers, r) }

// isWordRune reports whether r belongs to a Latin-style word (letters, digits, ASCII
// punctuation, accented and Greek letters…) that should stay whole. Chinese characters,
// full-width forms and general punctuation are each a unit of their own instead.
func isWordRune(r rune) bool {
	return r < 0x2000 && r != ' ' && r != '\n' && r != 0xB7
}

// normalize turns what a person typed into what the breaker lays out: CRLF and lone CR
// become line breaks, tabs, vertical tabs and form feeds become spaces.
func normalize(s string) string {
	if !strings.ContainsAny(s, "\r\t\v\f") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer("\r", "\n", "\t", " ", "\v", " ", "\f", " ").Replace(s)
}

// wrap breaks s into lines at most max wide, measured with width. Typed line breaks
// ("\n") start a new line; an empty paragraph gives an empty line, so the reader sees
// the layout the clerk typed. Joining the lines gives back s without its "\n"s.
func wrap(s string, max float64, width func(rune) float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapPara(para, max, width)...)
	}
	return out
}

// atom is a piece no line break may enter (except when it alone is wider than a line):
// a Chinese character or a word, with the openers before it and the closers after it.
// Its text is para[start:end], followed by its trailing spaces para[end:spEnd], which
// end a line invisibly. Atoms tile the paragraph, so every line is one substring of it.
type atom struct {
	start, end, spEnd int
	w, sw             float64 // widths of the text and of the spaces
}

// wrapPara fills lines greedily with atoms, splitting an atom by runes only when it is
// wider than a whole line.
func wrapPara(para string, max float64, width func(rune) float64) []string {
	lb := lineBuilder{para: para, max: max, width: width}
	sc := scratchPool.Get().(*wrapScratch)
	sc.atoms = atomsInto(sc.atoms[:0], &sc.spans, para, width)
	for _, a := range sc.atoms {
		lb.add(a)
	}
	scratchPool.Put(sc)
	return lb.finish()
}

// wrapScratch is the working memory of wrapPara, reused: a thousand households' notes
// otherwise allocate some 40 MB of atoms per document.
type wrapScratch struct {
	atoms []atom
	spans []span
}

var scratchPool = sync.Pool{New: func() any { return new(wrapScratch) }}

// span is a unit of a paragraph: para[i:j].
type span struct{ i, j int }

// atoms cuts a paragraph into units (words, runs of spaces, single other runes) and
// glues openers forward and closers backward.
func atoms(para string, width func(rune) float64) []atom {
	var spans []span
	return atomsInto(make([]atom, 0, len(para)/3+1), &spans, para, width)
}

// atomsInto is atoms appending to out, with *spans as the units' working memory.
func atomsInto(out []atom, spans *[]span, para string, width func(rune) float64) []atom {
	pend, pw := -1, 0.0 // start and width of openers waiting for their unit
	*spans = unitsInto((*spans)[:0], para)
	for _, u := range *spans {
		text := para[u.i:u.j]
		w := measure(text, width)
		switch {
		case text[0] == ' ' && pend < 0 && len(out) > 0:
			last := &out[len(out)-1]
			last.spEnd, last.sw = u.j, last.sw+w
		case text[0] == ' ' && pend >= 0, all(text, isOpener):
			if pend < 0 {
				pend = u.i
			}
			pw += w
		case all(text, isCloser) && pend < 0 && len(out) > 0:
			last := &out[len(out)-1]
			last.end, last.spEnd, last.w, last.sw = u.j, u.j, last.w+last.sw+w, 0
		default:
			a := atom{start: u.i, end: u.j, spEnd: u.j, w: w}
			if pend >= 0 {
				a.start, a.w = pend, a.w+pw
				pend, pw = -1, 0
			}
			out = append(out, a)
		}
	}
	if pend >= 0 { // openers at the end of a paragraph stay with what comes before
		if len(out) == 0 {
			return append(out, atom{start: pend, end: len(para), spEnd: len(para), w: pw})
		}
		last := &out[len(out)-1]
		last.end, last.spEnd, last.w, last.sw = len(para), len(para), last.w+last.sw+pw, 0
	}
	return out
}

// units splits a paragraph into runs of word runes, runs of spaces and single runes.
func units(para string) []span { return unitsInto(make([]span, 0, len(para)/3+1), para) }

// unitsInto is units appending to out.
func unitsInto(out []span, para string) []span {
	for i := 0; i < len(para); {
		r, n := utf8.DecodeRuneInString(para[i:])
		j := i + n
		switch {
		case r == ' ':
			for j < len(para) && para[j] == ' ' {
				j++
			}
		case isWordRune(r):
			for j < len(para) {
				r2, n2 := utf8.DecodeRuneInString(para[j:])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			out = append(out, splitWord(para, i, j)...)
			i = j
			continue
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}

// splitWord cuts the closers a word starts with ("!abc") and the openers it ends with
// ("abc(") off the word para[i:j], so that they glue to their neighbours like any other
// punctuation.
func splitWord(para string, i, j int) []span {
	w := para[i:j]
	head := strings.IndexFunc(w, func(r rune) bool { return !isCloser(r) })
	if head < 0 { // nothing but closers
		head = 0
	}
	tail := strings.LastIndexFunc(w, func(r rune) bool { return !isOpener(r) })
	if tail < head { // nothing but openers after the closers
		tail = len(w)
	} else {
		_, n := utf8.DecodeRuneInString(w[tail:])
		tail += n
	}
	out := make([]span, 0, 3)
	for _, p := range []span{{i, i + head}, {i + head, i + tail}, {i + tail, j}} {
		if p.j > p.i {
			out = append(out, p)
		}
	}
	return out
}

func all(s string, pred func(rune) bool) bool {
	for _, r := range s {
		if !pred(r) {
			return false
		}
	}
	return s != ""
}

func measure(s string, width func(rune) float64) float64 {
	w := 0.0
	for _, r := range s {
		w += width(r)
	}
	return w
}

// eps absorbs float rounding when a line is filled exactly to its width.
const eps = 1e-9

// lineBuilder accumulates atoms into lines; a line is para[from:to].
type lineBuilder struct {
	para   string
	max    float64
	width  func(rune) float64
	lines  []string
	from   int     // start of the current line
	to     int     // end of the current line, its trailing spaces included
	open   bool    // the current line holds something
	curW   float64 // width of the current line without its trailing spaces
	trailW float64 // width of its trailing spaces
}

func (lb *lineBuilder) add(a atom) {
	if lb.open && lb.curW+lb.trailW+a.w <= lb.max+eps {
		lb.put(a)
		return
	}
	if lb.open {
		lb.flush()
	}
	if a.w <= lb.max+eps {
		lb.put(a)
		return
	}
	lb.split(a)
}

// put appends a to the current line.
func (lb *lineBuilder) put(a atom) {
	if !lb.open {
		lb.from, lb.open = a.start, true
	}
	lb.to = a.spEnd
	lb.curW += lb.trailW + a.w
	lb.trailW = a.sw
}

func (lb *lineBuilder) flush() {
	lb.lines = append(lb.lines, lb.para[lb.from:lb.to])
	lb.from, lb.open, lb.curW, lb.trailW = lb.to, false, 0, 0
}

// split lays out an atom wider than a line rune by rune, on an empty line. A break is
// moved back so that the next line starts with a rune that may start a line, unless
// that would leave this line empty.
func (lb *lineBuilder) split(a atom) {
	text := lb.para[a.start:a.end]
	rs := []rune(text)
	pos := a.start // byte offset of rs[start]
	for start := 0; start < len(rs); {
		end, w := start+1, lb.width(rs[start])
		for end < len(rs) && w+lb.width(rs[end]) <= lb.max+eps {
			w += lb.width(rs[end])
			end++
		}
		if end == len(rs) {
			lb.put(atom{start: pos, end: a.end, spEnd: a.spEnd, w: w, sw: a.sw})
			return
		}
		end = lb.kinsokuBreak(rs, start, end)
		n := len(string(rs[start:end]))
		lb.put(atom{start: pos, end: pos + n, spEnd: pos + n, w: measureRunes(rs[start:end], lb.width)})
		lb.flush()
		pos += n
		start = end
	}
}

// kinsokuBreak moves a break at end back so that rs[end] is no closer: the character
// before the closers goes down with them. It returns end unchanged when that cannot
// help — the line from start would be empty, or the character with its closers up to
// rs[end] is wider than a line anyway.
func (lb *lineBuilder) kinsokuBreak(rs []rune, start, end int) int {
	b := end
	for b > start && isCloser(rs[b]) {
		b--
	}
	if b == start || measureRunes(rs[b:end+1], lb.width) > lb.max+eps {
		return end
	}
	return b
}

func measureRunes(rs []rune, width func(rune) float64) float64 {
	w := 0.0
	for _, r := range rs {
		w += width(r)
	}
	return w
}

func (lb *lineBuilder) finish() []string {
	if lb.open || len(lb.lines) == 0 {
		lb.lines = append(lb.lines, lb.para[lb.from:lb.to])
	}
	return lb.lines
}
