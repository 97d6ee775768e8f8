package desktop

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// fitColumns sizes every column of the list to its widest content — the heading and
// the longest text of any household — at the current text size, so that at the
// largest text size amounts show whole and headings do not run into each other. The
// longest text by characters stands for the widest (one measurement per column, not
// one per cell: a 10,000-household list is sized in a few milliseconds).
func (t *listTab) fitColumns() {
	size := theme.TextSize()
	t.colWidths = make([]float32, len(listCols))
	pad := 2*theme.InnerPadding() + theme.Padding()
	for col, c := range listCols {
		head := mtgL(c.key)
		w := fyne.MeasureText(head, size, fyne.TextStyle{Bold: true}).Width
		if col == colResult {
			for _, d := range decisions {
				w = max(w, fyne.MeasureText(decisionText(d), size*0.9, fyne.TextStyle{Bold: true}).Width+2*theme.Padding())
			}
		} else {
			longest := ""
			for i := range t.mm.m.Nominees {
				if s := t.cellText(i, col); utf8.RuneCountInString(s) > utf8.RuneCountInString(longest) {
					longest = s
				}
			}
			w = max(w, fyne.MeasureText(longest, size, fyne.TextStyle{}).Width)
		}
		w = max(w+pad, c.width)
		if c.max > 0 { // a long purpose or note must not push the amounts and the status off the screen
			w = min(w, max(c.max, c.width))
		}
		t.table.SetColumnWidth(col, w)
		t.colWidths[col] = w
	}
}
