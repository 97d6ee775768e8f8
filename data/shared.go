package data

import (
	"database/sql/driver"
	"strconv"
	"strings"
)

// rowValues are the values of one multi-row INSERT, width a row. A column whose value
// is the same in every row (the meeting, a baseline item all 符合, an empty reason, the
// roll call every vote was taken with) is bound once: every row's group names the same
// numbered parameter (insertInto.sql). Binding values was a third of what the
// connection did to store a list, and in a list as villages write them about half the
// columns of a batch are alike.
type rowValues struct {
	width  int
	flat   []any               // row by row
	shared uint64              // the columns bound once, bit i for column i
	args   []driver.NamedValue // the shared values, then the varying ones row by row
}

// maxWidth is the most columns a rowValues can share (its mask's bits).
const maxWidth = 64

func (v *rowValues) reset(width int) {
	if width > maxWidth {
		panic("data: a rowValues of more than 64 columns")
	}
	v.width, v.flat, v.shared, v.args = width, v.flat[:0], 0, v.args[:0]
}

func (v *rowValues) add(vs ...any) { v.flat = append(v.flat, vs...) }

func (v *rowValues) rows() int {
	if v.width == 0 {
		return 0
	}
	return len(v.flat) / v.width
}

// seal packs the values, sharing every column alike in all rows when there are two or
// more.
func (v *rowValues) seal() {
	var mask uint64
	if v.rows() > 1 {
		for c := range v.width {
			if v.alike(c) {
				mask |= 1 << c
			}
		}
	}
	v.pack(mask)
}

// alike says whether column c has one value in every row (values are nil, int64,
// bool or string: comparable).
func (v *rowValues) alike(c int) bool {
	first := v.flat[c]
	for i := c + v.width; i < len(v.flat); i += v.width {
		if v.flat[i] != first {
			return false
		}
	}
	return true
}

// pack makes args for the columns in mask shared: the shared values first, in column
// order, then the varying ones row by row.
func (v *rowValues) pack(mask uint64) {
	v.shared, v.args = mask, v.args[:0]
	for c := range v.width {
		if mask&(1<<c) != 0 {
			v.args = append(v.args, driver.NamedValue{Ordinal: len(v.args) + 1, Value: v.flat[c]})
		}
	}
	for i, x := range v.flat {
		if mask&(1<<(i%v.width)) == 0 {
			v.args = append(v.args, driver.NamedValue{Ordinal: len(v.args) + 1, Value: x})
		}
	}
}

// insertInto is a multi-row INSERT: its table and its columns in the order of a row's
// values.
type insertInto struct {
	table string
	cols  []string
}

// sql is the INSERT of rows rows for values packed with mask. The shared columns come
// first in every group, as ?1 … ?S, which the first group assigns; every other value is
// a plain ?, numbered by SQLite after them in order. Only the S numbered parameters get
// a name that binding each value looks up (a list SQLite searches from its start), so
// that binding stays linear in the values.
func (in insertInto) sql(rows int, mask uint64) string {
	var sb strings.Builder
	sb.WriteString("INSERT INTO " + in.table + " (")
	var group []string
	for _, pass := range []bool{true, false} {
		for c, col := range in.cols {
			if (mask&(1<<c) != 0) == pass {
				if len(group) > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString(col)
				if pass {
					group = append(group, "?"+strconv.Itoa(len(group)+1))
				} else {
					group = append(group, "?")
				}
			}
		}
	}
	sb.WriteString(") VALUES ")
	g := "(" + strings.Join(group, ", ") + ")"
	for r := range rows {
		if r > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(g)
	}
	return sb.String()
}
