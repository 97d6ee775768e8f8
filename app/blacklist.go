package app

import (
	"strings"
	"time"
)

// Category is why a person is on the village blacklist (黑名单).
type Category string

// The blacklist categories of docs/RULES.md §3.3.
const (
	Defaulter  Category = "老赖"
	Speculator Category = "炒房族"
	Gambler    Category = "投机客"
	Offender   Category = "违法者"
	Other      Category = "其他"
)

// Categories lists the blacklist categories in display order.
var Categories = []Category{Defaulter, Speculator, Gambler, Offender, Other}

// ParseCategory reads a category; ok is false for anything unknown.
func ParseCategory(s string) (Category, bool) {
	s = strings.TrimSpace(s)
	for _, c := range Categories {
		if s == string(c) {
			return c, true
		}
	}
	switch s {
	case "失信被执行人", "失信":
		return Defaulter, true
	case "炒房":
		return Speculator, true
	case "投机":
		return Gambler, true
	case "违法", "违法犯罪":
		return Offender, true
	}
	return "", false
}

// BlacklistEntry is one person the village will not nominate for credit.
type BlacklistEntry struct {
	ID        int64
	VillageID int64
	Name      string
	IDNumber  string // canonical resident ID; the match key
	Category  Category
	Source    string
	Date      time.Time
	Note      string
}

// Blacklist is a village's blacklist indexed by ID number.
type Blacklist map[string]BlacklistEntry

// NewBlacklist indexes entries by their ID number.
func NewBlacklist(entries []BlacklistEntry) Blacklist {
	b := make(Blacklist, len(entries))
	for _, e := range entries {
		b[e.IDNumber] = e
	}
	return b
}

// Match returns the entry for a canonical ID number. A blacklist is matched by ID,
// never by name: two villagers may share a name.
func (b Blacklist) Match(idNumber string) (BlacklistEntry, bool) {
	e, ok := b[idNumber]
	return e, ok
}

// forbiddenPurposes are the words that put a stated purpose under the three 不准:
// lending the money on, buying a home, the stock market. 建房 (building one's own
// house) is a permitted purpose and is deliberately not here.
var forbiddenPurposes = []string{
	"转借", "出借", "借给", "放贷", "放款",
	"购房", "买房", "商品房", "购买房产", "炒房",
	"炒股", "股票", "证券", "股市", "期货",
}

// ForbiddenPurpose returns the word that makes purpose one the three 不准 forbid, or "".
func ForbiddenPurpose(purpose string) string {
	for _, w := range forbiddenPurposes {
		if strings.Contains(purpose, w) {
			return w
		}
	}
	return ""
}
