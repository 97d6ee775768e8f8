package importer

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// dateLayouts are the ways offices write a date in a cell, after 年/月/. and / are
// turned into dashes.
var dateLayouts = []string{"2006-1-2", "20060102", "2006-1-2 15:04:05", "2006-1-2 15:04"}

// dateSeparators turns 年/月/. and / into dashes and drops 日 (built once: a replacer
// is costly to make and safe to share).
var dateSeparators = strings.NewReplacer("年", "-", "月", "-", "日", "", "/", "-", ".", "-")

// parseDate reads a date cell: a day number when XLSX stored the cell as a number
// (Excel's 1900 date system), otherwise text in one of dateLayouts. Dates are at
// midnight in the local time zone, like a meeting's date.
func parseDate(c Cell) (time.Time, bool) {
	v := narrow(c.Value)
	if c.Numeric {
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 1 && f < 2958466 {
			t, err := excelize.ExcelDateToTime(f, false)
			if err == nil {
				return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local), true
			}
		}
	}
	v = strings.TrimSpace(v)
	if strings.ContainsAny(v, "年月日/.") { // Replace copies even a date with none
		v = dateSeparators.Replace(v)
	}
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, v, time.Local); err == nil && t.Year() >= 1900 {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local), true
		}
	}
	return time.Time{}, false
}
