package minutes

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// unitWidth measures like a Chinese font in ems: wide runes 1, others 0.5.
func unitWidth(r rune) float64 {
	if isWordRune(r) || r == ' ' {
		return 0.5
	}
	return 1
}

var wrapCases = []struct {
	name string
	in   string
	max  float64
	want []string
}{
	{"empty gives one empty line", "", 5, []string{""}},
	{"short line stays", "今天开会", 5, []string{"今天开会"}},
	{"breaks between Chinese characters", "一二三四五六七", 3, []string{"一二三", "四五六", "七"}},
	{"exact fit", "一二三四五六", 3, []string{"一二三", "四五六"}},
	{"closing comma pulls the previous character down", "一二三，四五", 3, []string{"一二", "三，四", "五"}},
	{"full stop never starts a line", "甲乙丙。丁", 3, []string{"甲乙", "丙。丁"}},
	{"several closers pull one character down", "甲乙丙）。丁", 4, []string{"甲乙", "丙）。丁"}},
	{"opening bracket goes down with its character", "甲乙（丙）", 3, []string{"甲乙", "（丙）"}},
	{"closing quote and bracket", "他说“好”》", 4, []string{"他说", "“好”》"}},
	{"Latin word stays whole", "贷款ABCDEF公司", 4, []string{"贷款", "ABCDEF公", "司"}},
	{"number with separators stays whole", "额度300,000元", 5, []string{"额度", "300,000元"}},
	{"mixed Chinese Latin digits", "ABC公司2026年Q3贷款", 4, []string{"ABC公司", "2026年Q3", "贷款"}},
	{"word too long for any line is cut by runes", "ABCDEFGHIJ", 2, []string{"ABCD", "EFGH", "IJ"}},
	{"space ends a line and stays there", "hello world again", 3, []string{"hello ", "world ", "again"}},
	{"typed line breaks", "第一行\n第二行\n\n第四行", 5, []string{"第一行", "第二行", "", "第四行"}},
	{"paragraph starting with a closer", "。一二", 5, []string{"。一二"}},
	{"only closers, longer than a line", "。。。。。", 2, []string{"。。", "。。", "。"}},
	{"ASCII closer after Chinese", "甲乙丙)丁", 3, []string{"甲乙", "丙)丁"}},
	{"middle dot of a minority name", "阿卜杜拉·买买提", 4, []string{"阿卜杜", "拉·买买", "提"}},
	{"ideographic indent kept", "　　开会", 3, []string{"　　开", "会"}},
}

func TestWrap(t *testing.T) {
	for _, c := range wrapCases {
		t.Run(c.name, func(t *testing.T) {
			got := wrap(c.in, c.max, unitWidth)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("wrap(%q, %v) = %q, want %q", c.in, c.max, got, c.want)
			}
			checkWrap(t, c.in, c.max, got)
		})
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"CRLF", "a\r\nb", "a\nb"},
		{"lone CR", "a\rb", "a\nb"},
		{"tab", "a\tb", "a b"},
		{"vertical tab and form feed", "a\vb\fc", "a b c"},
		{"plain", "一二三", "一二三"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := normalize(c.in); got != c.want {
				t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func FuzzWrap(f *testing.F) {
	for _, c := range wrapCases {
		f.Add(c.in, int(c.max*2))
	}
	f.Add(longNote(600, 0), 40)
	f.Fuzz(func(t *testing.T, in string, halfEms int) {
		if !utf8.ValidString(in) || halfEms < 1 || halfEms > 200 {
			t.Skip()
		}
		in = normalize(in)
		max := float64(halfEms) / 2
		checkWrap(t, in, max, wrap(in, max, unitWidth))
	})
}

// checkWrap asserts the breaker's promises on any input: no rune lost or added, no line
// wider than max unless it is a single rune, Latin words cut only when wider than a
// line, and no line starting with closing punctuation unless forced.
func checkWrap(t *testing.T, in string, max float64, lines []string) {
	t.Helper()
	if got, want := strings.Join(lines, ""), strings.ReplaceAll(in, "\n", ""); got != want {
		t.Fatalf("runes lost or added:\n got %q\nwant %q", got, want)
	}
	if n := strings.Count(in, "\n") + 1; len(lines) < n {
		t.Fatalf("%d lines for %d paragraphs", len(lines), n)
	}
	for i, ln := range lines {
		ink := strings.TrimRight(ln, " ")
		if w := measure(ink, unitWidth); w > max+eps && utf8.RuneCountInString(ink) > 1 {
			t.Errorf("line %d %q is %v wide, max %v", i, ln, w, max)
		}
	}
	starts := paragraphStarts(in, lines)
	for i := 1; i < len(lines); i++ {
		if starts[i] || lines[i] == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(lines[i])
		if isCloser(first) && !forced(lines[i-1], lines[i], max) {
			t.Errorf("line %d %q starts with %q after %q", i, lines[i], first, lines[i-1])
		}
		last, _ := utf8.DecodeLastRuneInString(lines[i-1])
		// a word may part where punctuation glues to its other neighbour: "丙!|ก", "abc|(中"
		if isWordRune(last) && isWordRune(first) && !isCloser(last) && !isOpener(first) {
			word := wordAround(lines, i)
			if measure(word, unitWidth) <= max {
				t.Errorf("word %q cut between lines %d and %d though it fits in %v", word, i-1, i, max)
			}
		}
	}
}

// paragraphStarts marks the lines that begin a typed paragraph.
func paragraphStarts(in string, lines []string) []bool {
	starts := make([]bool, len(lines))
	paras := strings.Split(in, "\n")
	k := 0
	for _, p := range paras {
		if k < len(starts) {
			starts[k] = true
		}
		n := 0
		for k < len(lines) && (n < len(p) || (n == 0 && p == "")) {
			n += len(lines[k])
			k++
			if p == "" {
				break
			}
		}
	}
	return starts
}

// forced reports whether a closer had to start line: the closers there, with the
// closers ending the line before and the one character before those, are wider than a
// line, so pulling that character down could not help.
func forced(prev, line string, max float64) bool {
	p := []rune(prev)
	j := len(p)
	for j > 0 && isCloser(p[j-1]) {
		j--
	}
	j = max0(j - 1)
	run := string(p[j:])
	for _, r := range line {
		if !isCloser(r) {
			break
		}
		run += string(r)
	}
	return measure(run, unitWidth) > max
}

func max0(i int) int { return max(i, 0) }

// wordAround is the unbreakable piece that spans the break before line i: the word,
// with the openers glued before it and the closers glued after it.
func wordAround(lines []string, i int) string {
	left := []rune(lines[i-1])
	j := len(left)
	for j > 0 && isWordRune(left[j-1]) {
		j--
	}
	for j > 0 && (isOpener(left[j-1]) || left[j-1] == ' ') {
		j--
	}
	right := []rune(lines[i])
	k := 0
	for k < len(right) && isWordRune(right[k]) {
		k++
	}
	for k < len(right) && isCloser(right[k]) {
		k++
	}
	return string(left[j:]) + string(right[:k])
}
