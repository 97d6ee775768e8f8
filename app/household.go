package app

import (
	"errors"
	"strings"
	"time"

	"pingxin/app/i18n"
	"pingxin/app/idcard"
)

// FieldID is the field of a problem with the household's ID number or its holder.
const FieldID = "id_number"

// HouseholdRules is what a household entering a meeting's list is checked against, the
// same whether it comes from a file or the form (docs/RULES.md §3.3): the village's
// settings and blacklist, the meeting's date and voters, and who is already on its list.
type HouseholdRules struct {
	Settings    Settings
	MeetingDate time.Time       // adults are AdultAge or older on this date
	Today       time.Time       // no one is born after it; zero means time.Now()
	Voters      int             // people's-council members present: the most votes a household gets
	Existing    map[string]bool // canonical IDs already on the meeting's list (an edited household: not itself)
	Blacklist   Blacklist
	CountyCode  string // IDs from elsewhere are a warning; "" means no check
	// Visitors are the names that may stand as a visit's visitors: the roster's
	// 乡贤参事会 and 百事服务团 members (Village.Visitors). Empty admits nobody.
	Visitors map[string]bool
}

// Check lists every problem with a household's entries (Nominee.Check) and names
// every visitor of its verification who is not a member of the 乡贤参事会 or the
// 百事服务团 on the village roster (docs/RULES.md §11, risk checks). The importer, the
// desktop forms and `household set` all call it, through the service or directly.
func (r HouseholdRules) Check(n *Nominee) Problems {
	p := n.Check(r.Settings, r.Voters)
	if v := n.Verification; v != nil {
		for _, name := range v.Visitors {
			if !r.Visitors[name] {
				p.add(FieldVerification, "process.visitor_not_member", "Name", name)
			}
		}
	}
	return p
}

// ParseID reads a household's resident ID (docs/RULES.md §5) against r.Today.
func (r HouseholdRules) ParseID(s string) (idcard.ID, error) {
	today := r.Today
	if today.IsZero() {
		today = time.Now()
	}
	return idcard.ParseAt(s, today)
}

// CheckPerson refuses a holder who is not an adult on the meeting date or is already
// on the meeting's list; every reason is about the ID.
func (r HouseholdRules) CheckPerson(id idcard.ID) []i18n.Message {
	var out []i18n.Message
	if age := id.AgeOn(r.MeetingDate); age < r.Settings.AdultAge {
		out = append(out, i18n.M("household.minor", "Adult", r.Settings.AdultAge, "Age", max(age, 0),
			"Date", r.MeetingDate.Format("2006-01-02")))
	}
	if r.Existing[id.String()] {
		out = append(out, i18n.M("household.on_list"))
	}
	return out
}

// BlockedReason says why a valid household is excluded, or "": its ID is on the
// village blacklist (the category is the reason), or its purpose is one the three 不准
// forbid. The reason is stored with the household and printed in the minutes.
func (r HouseholdRules) BlockedReason(id idcard.ID, purpose string) string {
	if e, ok := r.Blacklist.Match(id.String()); ok && id.String() != "" {
		return string(e.Category)
	}
	if w := r.Settings.ForbiddenPurpose(purpose); w != "" {
		return i18n.T(i18n.Zh, "household.forbidden_purpose", i18n.Data{"Word": w})
	}
	return ""
}

// BlockedWhy is a stored blocked reason (Nominee.Blocked). It is kept in Chinese, as the
// minutes print it — a blacklist category, or the forbidden-purpose message naming the
// word — and in a message it names itself in the message's language.
type BlockedWhy string

// Localize is the reason in l: the stored Chinese, or its translation with the word
// (the village's own data) kept as written.
func (b BlockedWhy) Localize(l i18n.Lang) string {
	s := string(b)
	if l == i18n.Zh {
		return s
	}
	for _, c := range Categories {
		if s == string(c) {
			return i18n.T(l, "blacklist.category."+c.Code(), nil)
		}
	}
	if w, ok := forbiddenWordIn(s); ok {
		return i18n.T(l, "household.forbidden_purpose", i18n.Data{"Word": w})
	}
	return s
}

// forbiddenWordIn is the word a forbidden-purpose reason (BlockedReason) names.
func forbiddenWordIn(s string) (string, bool) {
	const mark = "\x00"
	pre, post, _ := strings.Cut(i18n.T(i18n.Zh, "household.forbidden_purpose", i18n.Data{"Word": mark}), mark)
	if w, ok := strings.CutPrefix(s, pre); ok {
		if w, ok = strings.CutSuffix(w, post); ok && w != "" {
			return w, true
		}
	}
	// the demo (app/demo) stores 贷款用途属“三不准”：WORD
	if w, ok := strings.CutPrefix(s, "贷款用途属“三不准”："); ok && w != "" {
		return w, true
	}
	return "", false
}

// Admit checks a household typed in (the desktop form, `household set`) by the rules a
// file's row is held to: a valid ID of an adult not yet on the list, entries that keep
// the village's rules (HouseholdRules.Check). It stores the canonical ID and the blocked
// reason in n. Problems are nil when n may be stored.
func (r HouseholdRules) Admit(n *Nominee) Problems {
	var p Problems
	id, err := r.ParseID(n.IDNumber)
	var ie *idcard.Error
	switch {
	case errors.As(err, &ie):
		p.add(FieldID, "idcard."+string(ie.Kind))
	case err != nil:
		p.add(FieldID, "idcard.length")
	default:
		n.IDNumber = id.String()
		for _, m := range r.CheckPerson(id) {
			p = append(p, Problem{FieldID, m})
		}
		n.Blocked = r.BlockedReason(id, n.Purpose)
	}
	return append(p, r.Check(n)...)
}
