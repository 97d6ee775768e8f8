package minutes

import (
	"strings"
	"testing"

	"pingxin/app"
)

// widest are the widest values a one-line column of a household table can hold, by
// header: a four-digit 序号, a masked ID, seven-figure amounts, a tally of a meeting of
// 99, the longest result.
var widest = map[string][]string{
	"序号":          {"9999"},
	"身份证号码":       {"888888********888X", "000000********000X", "330483********333X"},
	"申请额度（元）":     {"9,999,999"},
	"建议额度（元）":     {"9,999,999"},
	"授信额度（元）":     {"9,999,999"},
	"表决\n赞/反/弃/避": {"99/99/99/99", "未表决"},
	"结果":          {string(app.Passed), string(app.NotPassed), string(app.Deferred), string(app.Blocked)},
}

// TestHouseholdTablesFitTheTextBlock protects the household tables of the minutes and the
// notice from wrapping where a reader would misread them. Measured with the documents'
// own font, once newTable has scaled the widths to the text block: every one-line column
// holds its widest value on one line, and every header breaks only where it is written
// to (at "\n", or before "（元）"). A column added to householdColumns that leaves too
// little room fails here, naming the column and the width it needs.
func TestHouseholdTablesFitTheTextBlock(t *testing.T) {
	for _, c := range []struct {
		name      string
		cols      []docColumn
		size, pad float64
	}{
		{"minutes", tableColumns(), householdSize, householdPad},
		{"notice", noticeColumns(), noticeTableSize, noticeTablePad},
	} {
		d, err := newDoc(fixedNow, "t", "t", footer{docNumber: "t"})
		if err != nil {
			t.Fatal(err)
		}
		tb := newTable(d, c.size, pdfColumns(c.cols))
		total := 0.0
		for i, col := range tb.cols {
			total += col.w
			inner := col.w - 2*c.pad
			d.font(true, c.size)
			if got := d.lines(col.head, inner); !headerBreaksWhereWritten(col.head, got) {
				t.Errorf("%s: header %q is %.1f mm wide and breaks as %q", c.name, col.head, col.w, got)
			}
			if c.cols[i].wraps {
				continue
			}
			d.font(false, c.size)
			samples, ok := widest[col.head]
			if !ok {
				t.Errorf("%s: column %q must stay on one line but has no widest value here", c.name, col.head)
			}
			for _, s := range samples {
				if need := d.textWidth(s) + 2*c.pad; len(d.lines(s, inner)) != 1 {
					t.Errorf("%s: column %q is %.1f mm wide; %q needs %.1f mm", c.name, col.head, col.w, s, need)
				}
			}
		}
		if total > d.width()+eps {
			t.Errorf("%s: the table is %.1f mm wide, the text block %.1f mm", c.name, total, d.width())
		}
	}
}

// headerBreaksWhereWritten reports whether a header laid out as lines breaks only at
// its "\n" or before a "（".
func headerBreaksWhereWritten(head string, lines []string) bool {
	if strings.Join(lines, "") != strings.ReplaceAll(head, "\n", "") {
		return false
	}
	rest := head
	for _, ln := range lines[:len(lines)-1] {
		rest = strings.TrimPrefix(rest, ln)
		if !strings.HasPrefix(rest, "\n") && !strings.HasPrefix(rest, "（") {
			return false
		}
		rest = strings.TrimPrefix(rest, "\n")
	}
	return true
}

// TestHouseholdColumnsOncePerDocument protects the tests and the readers that find a
// column by its header: no document has two columns with the same header.
func TestHouseholdColumnsOncePerDocument(t *testing.T) {
	for name, cols := range map[string][]docColumn{"bank": bankColumns(), "minutes": tableColumns(), "notice": noticeColumns()} {
		seen := map[string]bool{}
		for _, c := range cols {
			if seen[c.head] {
				t.Errorf("%s: two columns headed %q", name, c.head)
			}
			seen[c.head] = true
		}
	}
}
