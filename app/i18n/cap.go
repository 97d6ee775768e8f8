package i18n

// MaxListed is how many items of one list (bad rows, warnings, unknown columns) a
// report shows before it says how many more there are: enough to see what is wrong,
// short enough to read (issue 17: a re-imported list printed 10,000 lines).
const MaxListed = 50

// Cap returns lines cut to MaxListed, the last one saying in l how many were left out.
func Cap(lines []string, l Lang) []string {
	if len(lines) <= MaxListed {
		return lines
	}
	out := append([]string(nil), lines[:MaxListed]...)
	return append(out, T(l, "guard.more", Data{"Count": len(lines) - MaxListed}))
}
