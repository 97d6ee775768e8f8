package importer

import (
	"strings"
	"unicode/utf8"

	"pingxin/app"
)

// conclusionInNotes reads the sage council's conclusion from the free text of a tally
// sheet's 核实意见 ("经走访，情况属实，建议授信") when the text says it unambiguously, and
// returns "" otherwise, leaving it for the clerk (docs/RULES.md: a conclusion is never
// guessed). Every 属实 in the text is read with the words around it: 部分属实 is partly
// true, 不属实 is not true (both contain 属实, so they are told first), a bare 属实 is
// true. A 属实 that is hedged or asked (基本属实, 不完全属实, 是否属实, 属实与否, 待核实是否属实)
// is not a conclusion, and two different conclusions in one text are no conclusion.
func conclusionInNotes(notes string) app.Conclusion {
	var found app.Conclusion
	rest := notes
	for {
		i := strings.Index(rest, "属实")
		if i < 0 {
			return found
		}
		before, after := clause(rest[:i], true), clause(rest[i+len("属实"):], false)
		c := readConclusion(before, after)
		if c == "" || (found != "" && c != found) {
			return ""
		}
		found, rest = c, rest[i+len("属实"):]
	}
}

// readConclusion classifies one 属实 by the words of its clause before and after it; ""
// when they hedge, ask or deny it in a way that is not one of the three conclusions.
func readConclusion(before, after string) app.Conclusion {
	for _, q := range []string{"与否", "吗", "?", "？", "么"} {
		if strings.HasPrefix(after, q) {
			return ""
		}
	}
	last := tail(before, 4)
	switch {
	case strings.HasSuffix(last, "部分"):
		if strings.ContainsAny(last, "不非未否") {
			return ""
		}
		return app.PartlyTrue
	case strings.HasSuffix(last, "不") || strings.HasSuffix(last, "并非") || strings.HasSuffix(last, "均不"):
		if strings.HasSuffix(last, "是否不") {
			return ""
		}
		return app.NotConfirmed
	case strings.ContainsAny(last, "不非未否无待疑似基难尚") || strings.Contains(last, "是否"):
		return ""
	}
	return app.Confirmed
}

// clause returns the part of s in the same clause as the 属实 next to it: the text after
// the last punctuation of s (before) or up to the first (after).
func clause(s string, before bool) string {
	const stops = "，,。.；;：:！!、\n\r\t （）()“”\"'"
	if before {
		if i := strings.LastIndexAny(s, stops); i >= 0 {
			_, n := utf8.DecodeRuneInString(s[i:])
			return s[i+n:]
		}
		return s
	}
	if i := strings.IndexAny(s, strings.Trim(stops, "?？")); i >= 0 {
		return s[:i]
	}
	return s
}

// tail returns the last n characters of s.
func tail(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if n--; n == 0 {
			return s[i:]
		}
	}
	return s
}
