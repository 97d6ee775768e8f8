package idcard

import "strings"

// Mask hides the middle of any string meant to be an ID, for the minutes and the public
// notice (PIPL). A canonical ID shows its first 6 and last 4 characters with 8 asterisks
// between (330483********123X); anything else, short or malformed, keeps at least 8
// characters hidden and never shows more than the first 6 and last 4, so a typo in the
// list cannot leak a whole number. It never panics.
func Mask(s string) string {
	r := []rune(normalize(s))
	keep := max(len(r)-8, 0)
	head := min(6, keep*6/10)
	tail := min(4, keep-head)
	var b strings.Builder
	b.Grow(len(r) + 8)
	b.WriteString(string(r[:head]))
	b.WriteString(strings.Repeat("*", len(r)-head-tail))
	b.WriteString(string(r[len(r)-tail:]))
	return b.String()
}
