package app

import (
	"slices"
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

// categoryCodes name the categories in translation keys (blacklist.category.CODE).
var categoryCodes = map[Category]string{Defaulter: "defaulter", Speculator: "speculator", Gambler: "gambler",
	Offender: "offender", Other: "other"}

// Code names c in translation keys: "blacklist.category." + c.Code() is its name in
// either language.
func (c Category) Code() string { return categoryCodes[c] }

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

// coreForbidden are the words every village's forbidden-purpose list keeps: buying a
// home, the stock and futures markets, funds and wealth products, virtual currency,
// lending the money on, gambling (docs/RULES.md §3). A village may add words, never
// drop these. 建房 (building one's own house) is a permitted purpose and is not here.
var coreForbidden = []string{
	"购房", "买房", "股票", "证券", "炒股", "期货", "基金", "理财",
	"虚拟货币", "出借", "转借", "赌博", "彩票",
}

// DefaultForbiddenPurposes is a new village's forbidden-purpose list: the core words and
// their common variants.
func DefaultForbiddenPurposes() []string {
	return append(slices.Clone(coreForbidden),
		"借给", "放贷", "放款", "商品房", "购买房产", "炒房", "股市", "数字货币", "比特币", "博彩")
}

// checkForbidden refuses a list with an empty word or without a core word.
func checkForbidden(words []string) error {
	for _, w := range words {
		if strings.TrimSpace(w) == "" {
			return Errorf(EINVALID, "settings.forbidden_empty")
		}
	}
	var missing []string
	for _, w := range coreForbidden {
		if !slices.Contains(words, w) {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		return Errorf(EINVALID, "settings.forbidden_core", "Words", strings.Join(missing, "、"))
	}
	return nil
}

// ForbiddenPurpose returns the word of the village's list that makes purpose one the
// three 不准 forbid, or "".
func (s Settings) ForbiddenPurpose(purpose string) string {
	for _, w := range s.ForbiddenPurposes {
		if strings.Contains(purpose, w) {
			return w
		}
	}
	return ""
}

// SplitWords reads a list of words typed as "购房、股票，期货" or one per line, in
// order, without blanks or repeats.
func SplitWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == '\n' || r == '\r'
	}) {
		if w = strings.TrimSpace(w); w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// CheckRemovalReason is the rule that taking someone off the blacklist says why (a debt
// settled, an entry made in error): the entry is kept with the reason.
func CheckRemovalReason(reason string) error {
	if strings.TrimSpace(reason) == "" {
		return Errorf(EINVALID, "blacklist.removal_reason_required")
	}
	return nil
}
