package app

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"pingxin/app/amount"
	"pingxin/app/i18n"
)

// RegisterEntry is one household of the register as the screens and files show it on
// one day: the row, and what the day makes of it.
type RegisterEntry struct {
	CreditRow
	Status  CreditStatus
	Expiry  time.Time // zero before the bank approves
	Current amount.Yuan
	Due     bool   // to be put to the next meeting
	key     string // what Search looks in: name, group, ID number, 文号
}

// Register is a village's credit register on day Today (docs/RULES.md §11).
type Register struct {
	VillageID    int64
	Settings     Settings
	ReminderDays int
	Today        time.Time
	Entries      []RegisterEntry
}

// NewRegister computes each row's standing on today.
func NewRegister(villageID int64, s Settings, reminderDays int, today time.Time, rows []CreditRow) *Register {
	r := &Register{VillageID: villageID, Settings: s, ReminderDays: reminderDays, Today: today,
		Entries: make([]RegisterEntry, len(rows))}
	for i, row := range rows {
		e := &r.Entries[i]
		e.CreditRow = row
		e.Status = row.Status(today, s, reminderDays)
		e.Expiry = row.Expiry(s)
		e.Current = row.Current(today, s, reminderDays)
		e.Due = e.Status == CreditExpiring || e.Status == CreditExpired
		e.key = row.Name + "\x00" + row.Group + "\x00" + row.IDNumber + "\x00" + row.DocNumber
	}
	return r
}

// StatusText is the entry's status in l, with a blacklisted household's category and
// date: "已撤销建议（老赖，2027-03-01）".
func (e *RegisterEntry) StatusText(l i18n.Lang) string {
	s := e.Status.Label(l)
	if b := e.Blacklist; b != nil && e.Status == CreditRevokeSuggested {
		s += "（" + string(b.Category)
		if !b.Date.IsZero() {
			s += "，" + b.Date.Format(time.DateOnly)
		}
		s += "）"
	}
	return s
}

// Search returns the entries whose name, group, ID number (whole or any part of it)
// or 文号 contains every word of query; all of them for an empty query. A lower-case x
// finds the check character X.
func (r *Register) Search(query string) []*RegisterEntry {
	words := strings.Fields(strings.ToUpper(query))
	out := make([]*RegisterEntry, 0, len(r.Entries))
	for i := range r.Entries {
		e := &r.Entries[i]
		ok := true
		for _, w := range words {
			if !strings.Contains(e.key, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, e)
		}
	}
	return out
}

// Due returns the entries whose rating expires within the reminder period or has
// expired, soonest first.
func (r *Register) Due() []*RegisterEntry {
	var out []*RegisterEntry
	for i := range r.Entries {
		if r.Entries[i].Due {
			out = append(out, &r.Entries[i])
		}
	}
	SortEntries(out, SortExpiry, false)
	return out
}

// Expiring returns the approved entries that expire within days of Today (expired
// ones included), soonest first: `register --expiring DAYS`.
func (r *Register) Expiring(days int) []*RegisterEntry {
	limit := civil(r.Today).AddDate(0, 0, days)
	var out []*RegisterEntry
	for i := range r.Entries {
		e := &r.Entries[i]
		if (e.Status == CreditValid || e.Status == CreditExpiring || e.Status == CreditExpired) && !limit.Before(e.Expiry) {
			out = append(out, e)
		}
	}
	SortEntries(out, SortExpiry, false)
	return out
}

// SortKey is a column the register sorts by.
type SortKey int

// The register's sortable columns.
const (
	SortName SortKey = iota
	SortGroup
	SortAmount
	SortApproved
	SortExpiry
	SortStatus
	SortDoc
)

// SortEntries sorts es by key (descending when desc), ID number breaking ties so the
// order never changes between two sorts.
func SortEntries(es []*RegisterEntry, key SortKey, desc bool) {
	slices.SortStableFunc(es, func(a, b *RegisterEntry) int {
		c := compareBy(a, b, key)
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.IDNumber, b.IDNumber))
	})
}

func compareBy(a, b *RegisterEntry, key SortKey) int {
	switch key {
	case SortGroup:
		return cmp.Compare(a.Group, b.Group)
	case SortAmount:
		return cmp.Compare(a.Current, b.Current)
	case SortApproved:
		return a.BankDate.Compare(b.BankDate)
	case SortExpiry:
		return a.Expiry.Compare(b.Expiry)
	case SortStatus:
		return cmp.Compare(a.Status, b.Status)
	case SortDoc:
		return cmp.Compare(a.DocNumber, b.DocNumber)
	}
	return cmp.Compare(a.Name, b.Name)
}
