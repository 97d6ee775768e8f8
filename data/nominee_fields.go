package data

import (
	"fmt"
	"strconv"
	"strings"

	"pingxin/app"
	"pingxin/app/amount"
)

// nomineeField is one stored field of a household: its column in the nominees table,
// where it lives in app.Nominee, and how the audit log shows it (nil: as it is).
type nomineeField struct {
	col  string
	ptr  func(n *app.Nominee) any // *string, *int, *bool, *amount.Yuan or *app.Check
	show func(string) string
}

// nomineeStored are a household's stored fields after id, meeting_id and seq, in the
// order the table's columns are written, read back and audited: the one list that
// INSERT, UPDATE, SELECT, Scan and the audit log all come from. A new field is one line
// here (and its migration).
var nomineeStored = append([]nomineeField{
	{"name", func(n *app.Nominee) any { return &n.Name }, nil},
	{"id_number", func(n *app.Nominee) any { return &n.IDNumber }, maskID},
	{"grp", func(n *app.Nominee) any { return &n.Group }, nil},
	{"phone", func(n *app.Nominee) any { return &n.Phone }, maskPhone},
	{"household_size", func(n *app.Nominee) any { return &n.HouseholdSize }, nil},
	{"purpose", func(n *app.Nominee) any { return &n.Purpose }, nil},
	{"requested", func(n *app.Nominee) any { return &n.Requested }, nil},
}, append(baselineFields(),
	nomineeField{"undertaking", func(n *app.Nominee) any { return &n.Undertaking }, nil},
	nomineeField{"proposed", func(n *app.Nominee) any { return &n.Proposed }, nil},
	nomineeField{"proposed_reason", func(n *app.Nominee) any { return &n.ProposedReason }, nil},
	nomineeField{"rate_preference", func(n *app.Nominee) any { return &n.RatePreference }, nil},
	nomineeField{"votes_for", func(n *app.Nominee) any { return &n.Votes.For }, nil},
	nomineeField{"votes_against", func(n *app.Nominee) any { return &n.Votes.Against }, nil},
	nomineeField{"votes_abstain", func(n *app.Nominee) any { return &n.Votes.Abstain }, nil},
	nomineeField{"votes_recused", func(n *app.Nominee) any { return &n.Votes.Recused }, nil},
	nomineeField{"votes_recorded", func(n *app.Nominee) any { return &n.Votes.Recorded }, nil},
	nomineeField{"reason", func(n *app.Nominee) any { return &n.Reason }, nil},
	nomineeField{"blocked", func(n *app.Nominee) any { return &n.Blocked }, nil},
	nomineeField{"vote_voters", func(n *app.Nominee) any { return idSet{&n.Voters} }, nil},
)...)

// baselineFields are the six baseline items, baseline_1 … baseline_6.
func baselineFields() []nomineeField {
	out := make([]nomineeField, len(app.BaselineItems))
	for i := range out {
		out[i] = nomineeField{"baseline_" + strconv.Itoa(i+1), func(n *app.Nominee) any { return &n.Baseline[i] }, nil}
	}
	return out
}

// nomineeColumns are the columns of nomineeStored, comma-separated.
var nomineeColumns = nomineeColumnList("")

// nomineeColumnsN is nomineeColumns qualified with the nominees table's alias n.
var nomineeColumnsN = nomineeColumnList("n.")

// nomineeColumnNames are the columns of nomineeStored.
func nomineeColumnNames() []string {
	cols := make([]string, len(nomineeStored))
	for i, f := range nomineeStored {
		cols[i] = f.col
	}
	return cols
}

func nomineeColumnList(prefix string) string {
	return prefix + strings.Join(nomineeColumnNames(), ", "+prefix)
}

// nomineeFieldCount is the number of nomineeStored.
var nomineeFieldCount = len(nomineeStored)

// nomineeArgs are n's values for nomineeColumns.
func nomineeArgs(n *app.Nominee) []any {
	out := make([]any, len(nomineeStored))
	for i, f := range nomineeStored {
		out[i] = nomineeValue(f, n)
	}
	return out
}

// nomineeValue is field f of n as the database stores it, as a driver value.
func nomineeValue(f nomineeField, n *app.Nominee) any {
	switch p := f.ptr(n).(type) {
	case *string:
		return *p
	case *int:
		return int64(*p)
	case *bool:
		return *p
	case *amount.Yuan:
		return int64(*p)
	case *app.Check:
		return string(*p)
	case idSet:
		return formatIDs(*p.ids)
	}
	panic("data: a nominee field of no known type")
}

// nomineeDests are where Scan writes nomineeColumns into n.
func nomineeDests(n *app.Nominee) []any {
	out := make([]any, len(nomineeStored))
	for i, f := range nomineeStored {
		out[i] = f.ptr(n)
	}
	return out
}

// nomineeAuditFields are n's stored fields as the audit log shows them.
func nomineeAuditFields(n *app.Nominee) []field {
	out := make([]field, len(nomineeStored))
	for i, f := range nomineeStored {
		var v string
		switch p := f.ptr(n).(type) {
		case *string:
			v = *p
		case *int:
			v = itoa(*p)
		case *bool:
			v = boolText(*p)
		case *amount.Yuan:
			v = itoa(*p)
		case *app.Check:
			v = string(*p)
		case idSet:
			v = formatIDs(*p.ids)
		}
		out[i] = field{name: f.col, value: v, show: f.show}
	}
	return out
}

// idSet is a set of record IDs stored as formatIDs writes it (a vote's voters): Scan
// reads the column into *ids.
type idSet struct{ ids *[]int64 }

// Scan implements sql.Scanner.
func (s idSet) Scan(src any) error {
	var text string
	switch v := src.(type) {
	case string:
		text = v
	case []byte:
		text = string(v)
	case nil:
	default:
		return fmt.Errorf("data: a set of IDs stored as %T", src)
	}
	ids, err := parseIDs(text)
	*s.ids = ids
	return err
}
