package app

import (
	"cmp"
	"context"
	"time"

	"pingxin/app/amount"
	"pingxin/app/i18n"
)

// The credit register (docs/RULES.md §11): after the minutes are signed the village
// follows each household it passed through the bank's answer and the years the rating
// lasts (一次核定、三年有效、循环使用、随借随贷).

// BankResult is the bank's answer for one household: 批准 or 不批准; "" before it answers.
type BankResult string

// The bank's answers.
const (
	BankApproved BankResult = "批准"
	BankRefused  BankResult = "不批准"
)

// ParseBankResult reads the 审批结果 as banks write it.
func ParseBankResult(s string) (BankResult, bool) {
	switch s {
	case "批准", "同意", "通过", "已批准", "审批通过", "是", "√":
		return BankApproved, true
	case "不批准", "不同意", "未批准", "拒绝", "否决", "不通过", "否", "×":
		return BankRefused, true
	}
	return "", false
}

// CreditStatus is where a household's credit stands on a given day.
type CreditStatus string

// The statuses of the register. Each has the translation key "credit.status."+value.
const (
	CreditAwaiting        CreditStatus = "awaiting"         // passed by the village, no answer from the bank yet
	CreditValid           CreditStatus = "valid"            // 有效
	CreditExpiring        CreditStatus = "expiring"         // 即将到期: within the village's reminder period
	CreditExpired         CreditStatus = "expired"          // 已到期
	CreditRefused         CreditStatus = "refused"          // 未批准 by the bank
	CreditRevoked         CreditStatus = "revoked"          // 已撤销 by a later amendment
	CreditRevokeSuggested CreditStatus = "revoke_suggested" // 已撤销建议: the household is on the blacklist
)

// Label renders the status in l.
func (s CreditStatus) Label(l i18n.Lang) string { return i18n.T(l, "credit.status."+string(s), nil) }

// DefaultReminderDays is how long before a rating expires the register lists it as due,
// until the village sets its own period.
const DefaultReminderDays = 90

// CreditRow is one household of the register: the latest rating the village passed for
// it (a signed meeting, or an amendment of one), the bank's answer to it, and whatever
// withdrew it since.
type CreditRow struct {
	VillageID  int64
	IDNumber   string
	Name       string
	Group      string
	NomineeID  int64  // the passing nomination, whose details a renewal starts from
	MeetingID  int64  // the signed meeting (or amendment) that passed it
	DocNumber  string // that meeting's 文号
	SignedOn   time.Time
	Passed     amount.Yuan // what the village passed
	Bank       BankResult
	BankAmount amount.Yuan
	BankDate   time.Time
	BankRate   string
	BankNote   string
	RevokedDoc string // the amendment that withdrew the household; "" when none
	RevokedOn  time.Time
	Blacklist  *BlacklistEntry // the active blacklist entry, nil when none
	// Validity is the credit's validity in years as the minutes that passed it were
	// signed with (Meeting.RulesUnder, docs/RULES.md §3); 0 when not known: the
	// village's.
	Validity int
}

// Expiry is the day the rating ends: the bank's approval date plus the validity the
// passing minutes were signed with (three years by default), whatever the village
// decided since; zero before an approval.
func (r *CreditRow) Expiry(s Settings) time.Time {
	if r.Bank != BankApproved || r.BankDate.IsZero() {
		return time.Time{}
	}
	return r.BankDate.AddDate(cmp.Or(r.Validity, s.ValidityYears), 0, 0)
}

// Status is the row's standing on day today, with reminderDays the village's reminder
// period. A blacklist entry outranks everything: the village suggests the bank revoke.
func (r *CreditRow) Status(today time.Time, s Settings, reminderDays int) CreditStatus {
	switch {
	case r.Blacklist != nil:
		return CreditRevokeSuggested
	case r.RevokedDoc != "":
		return CreditRevoked
	case r.Bank == BankRefused:
		return CreditRefused
	case r.Bank != BankApproved:
		return CreditAwaiting
	}
	exp := r.Expiry(s)
	day := civil(today)
	switch {
	case !day.Before(exp):
		return CreditExpired
	case !day.AddDate(0, 0, reminderDays).Before(exp):
		return CreditExpiring
	}
	return CreditValid
}

// Current is the credit the household holds: the bank's amount once approved, nothing
// when refused, withdrawn or blacklisted, and what the village passed while it waits.
func (r *CreditRow) Current(today time.Time, s Settings, reminderDays int) amount.Yuan {
	switch r.Status(today, s, reminderDays) {
	case CreditValid, CreditExpiring:
		return r.BankAmount
	case CreditAwaiting:
		return r.Passed
	}
	return 0
}

// Due reports whether the household should be put to the next meeting: its rating
// expires within the reminder period or has expired, and nothing withdrew it.
func (r *CreditRow) Due(today time.Time, s Settings, reminderDays int) bool {
	st := r.Status(today, s, reminderDays)
	return st == CreditExpiring || st == CreditExpired
}

// LastRating is the line a council reads while deliberating a renewal:
// "上次评议：〔2023〕2号，通过 20万；银行批准 15万".
func (r *CreditRow) LastRating(l i18n.Lang) string {
	doc := r.DocNumber
	if doc == "" {
		doc = i18n.T(l, "credit.not_given", nil)
	}
	line := i18n.T(l, "credit.last_rating", i18n.Data{"Doc": doc, "Passed": AmountIn(r.Passed, l)})
	switch r.Bank {
	case BankApproved:
		line += i18n.T(l, "credit.last_bank_approved", i18n.Data{"Amount": AmountIn(r.BankAmount, l)})
	case BankRefused:
		line += i18n.T(l, "credit.last_bank_refused", nil)
	}
	return line
}

// civil is t's calendar day at midnight in its own location, so a day compares with a
// day whatever the hour.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// CreditEventKind is what happened to a household's credit. Each has the translation
// key "credit.event."+value.
type CreditEventKind string

// The kinds of event a household's history holds.
const (
	EventNomination       CreditEventKind = "nomination"
	EventDecision         CreditEventKind = "decision"
	EventVerification     CreditEventKind = "verification"
	EventAmendment        CreditEventKind = "amendment"
	EventBank             CreditEventKind = "bank"
	EventBlacklisted      CreditEventKind = "blacklisted"
	EventBlacklistRemoved CreditEventKind = "blacklist_removed"
)

// Label renders the kind in l.
func (k CreditEventKind) Label(l i18n.Lang) string { return i18n.T(l, "credit.event."+string(k), nil) }

// CreditEvent is one entry of a household's history, with its date (zero when the
// record does not give one: it is shown as 未填写, never guessed) and its document.
type CreditEvent struct {
	IDNumber  string
	Name      string
	Date      time.Time
	Kind      CreditEventKind
	MeetingID int64
	DocNumber string // the meeting's 文号, or the bank sheet's file name for an answer
	Outcome   string // 通过, 不通过, 批准, 属实, a blacklist category…
	Amount    amount.Yuan
	Detail    string
}

// BankAnswer is the bank's answer for one household, checked against the register.
type BankAnswer struct {
	IDNumber string
	Name     string
	Result   BankResult
	Amount   amount.Yuan
	Date     time.Time
	Rate     string
	Note     string
	Source   string // the sheet's file name, or "" when typed
}

// Check returns the reasons the answer cannot stand against row, the household's
// register entry (nil when the village passed no such household): the household must
// be passed and not withdrawn, an approval needs a date and an amount no larger than
// what the village passed, and no answer predates the signing of the minutes.
// Each reason is keyed by the column it is about ("id", "amount", "date", "result").
func (a BankAnswer) Check(row *CreditRow) map[string]i18n.Message {
	bad := map[string]i18n.Message{}
	switch {
	case row == nil:
		bad["id"] = i18n.M("credit.not_passed")
		return bad
	case row.RevokedDoc != "":
		bad["id"] = i18n.M("credit.withdrawn", "Doc", row.RevokedDoc)
		return bad
	}
	if a.Name != "" && a.Name != row.Name {
		bad["name"] = i18n.M("credit.name_mismatch", "Name", row.Name)
	}
	if a.Result == BankApproved {
		switch {
		case a.Amount <= 0:
			bad["amount"] = i18n.M("credit.amount_required")
		case a.Amount > row.Passed:
			bad["amount"] = i18n.M("credit.amount_above", "Passed", row.Passed.String())
		}
		if a.Date.IsZero() {
			bad["date"] = i18n.M("credit.date_required")
		}
	}
	if !a.Date.IsZero() && civil(a.Date).Before(civil(row.SignedOn)) {
		bad["date"] = i18n.M("credit.date_before_signing", "Signed", row.SignedOn.Format(time.DateOnly), "Doc", row.DocNumber)
	}
	return bad
}

// MeetingCredit is what one signed meeting (or amendment) adds to the register: the
// history of each of its households, the rows it passes and the households it withdraws.
type MeetingCredit struct {
	MeetingID int64
	VillageID int64
	Events    []CreditEvent
	Passed    []CreditRow
	Withdrawn []string // ID numbers an amendment no longer passes
	RevokedOn time.Time
	Doc       string
}

// CreditReader is the register's part of the read-only view of the store.
type CreditReader interface {
	// UnfoldedMeetings lists the village's signed meetings not yet in the register, in
	// the order they were signed.
	UnfoldedMeetings(ctx context.Context, villageID int64) ([]int64, error)
	// CreditRegister returns every household of the village's register, by ID number,
	// with its active blacklist entry.
	CreditRegister(ctx context.Context, villageID int64) ([]CreditRow, error)
	// CreditRow returns one household's row; nil, nil when the register has none.
	CreditRow(ctx context.Context, villageID int64, idNumber string) (*CreditRow, error)
	// CreditHistory returns one household's history in date order, blacklist changes
	// included.
	CreditHistory(ctx context.Context, villageID int64, idNumber string) ([]CreditEvent, error)
	// ReminderDays is the village's reminder period (DefaultReminderDays until set).
	ReminderDays(ctx context.Context, villageID int64) (int, error)
}

// CreditStore is the register's part of the store: its reads and its writes, which
// only app/service calls. Each method is one transaction.
type CreditStore interface {
	CreditReader
	// FoldMeeting writes what a signed meeting adds to the register, once.
	FoldMeeting(ctx context.Context, mc MeetingCredit) error
	// AddBankAnswers records the bank's answers: all or none.
	AddBankAnswers(ctx context.Context, villageID int64, answers []BankAnswer) error
	SetReminderDays(ctx context.Context, villageID int64, days int) error
}
