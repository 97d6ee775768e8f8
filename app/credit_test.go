package app

import (
	"testing"
	"time"

	"pingxin/app/amount"
	"pingxin/app/i18n"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestCreditStatus protects the register's statuses at their thresholds: expiry is the
// approval date plus the validity years, 即将到期 starts the reminder period before it,
// and a withdrawal or a blacklist entry outranks any answer of the bank.
func TestCreditStatus(t *testing.T) {
	s := DefaultSettings()
	approved := CreditRow{Passed: 200_000, Bank: BankApproved, BankAmount: 150_000, BankDate: day("2026-11-25")}
	tests := []struct {
		name  string
		row   CreditRow
		today string
		want  CreditStatus
	}{
		{"awaiting the bank", CreditRow{Passed: 200_000}, "2026-12-01", CreditAwaiting},
		{"refused", CreditRow{Passed: 200_000, Bank: BankRefused}, "2026-12-01", CreditRefused},
		{"valid the day after approval", approved, "2026-11-26", CreditValid},
		{"valid one day before the reminder period", approved, "2029-08-26", CreditValid},
		{"expiring on the first day of the reminder period", approved, "2029-08-27", CreditExpiring},
		{"expiring the day before expiry", approved, "2029-11-24", CreditExpiring},
		{"expired on the expiry day", approved, "2029-11-25", CreditExpired},
		{"withdrawn by an amendment", func() CreditRow { r := approved; r.RevokedDoc = "〔2027〕1号"; return r }(), "2027-01-01", CreditRevoked},
		{"blacklisted", func() CreditRow { r := approved; r.Blacklist = &BlacklistEntry{Category: Defaulter}; return r }(), "2027-01-01", CreditRevokeSuggested},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.row.Status(day(tt.today).Add(20*time.Hour), s, 90); got != tt.want {
				t.Fatalf("status on %s = %s, want %s", tt.today, got, tt.want)
			}
		})
	}
	if got := approved.Expiry(s); !got.Equal(day("2029-11-25")) {
		t.Fatalf("expiry = %v", got)
	}
	if got := approved.LastRating(i18n.Zh); got != "上次评议：未填写，通过 20万；银行批准 15万" {
		t.Fatalf("last rating = %q", got)
	}
}

// TestBankAnswerCheck protects the bank reply's row rules: a household the village did
// not pass, an amount above what it passed, and a date before the signing are refused.
func TestBankAnswerCheck(t *testing.T) {
	row := &CreditRow{Name: "陈永明", Passed: 200_000, SignedOn: day("2026-11-20"), DocNumber: "〔2026〕1号"}
	tests := []struct {
		name string
		a    BankAnswer
		row  *CreditRow
		bad  string // the column refused, "" for none
	}{
		{"approved as passed", BankAnswer{Result: BankApproved, Amount: 200_000, Date: day("2026-11-20")}, row, ""},
		{"refused without amount", BankAnswer{Result: BankRefused}, row, ""},
		{"not passed", BankAnswer{Result: BankApproved, Amount: 1, Date: day("2026-12-01")}, nil, "id"},
		{"above passed", BankAnswer{Result: BankApproved, Amount: 200_001, Date: day("2026-12-01")}, row, "amount"},
		{"before signing", BankAnswer{Result: BankApproved, Amount: 100_000, Date: day("2026-11-19")}, row, "date"},
		{"approval without date", BankAnswer{Result: BankApproved, Amount: 100_000}, row, "date"},
		{"another name", BankAnswer{Name: "陈勇明", Result: BankRefused}, row, "name"},
		{"withdrawn", BankAnswer{Result: BankRefused}, &CreditRow{RevokedDoc: "〔2026〕2号"}, "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := tt.a.Check(tt.row)
			if _, ok := bad[tt.bad]; (tt.bad == "" && len(bad) > 0) || (tt.bad != "" && (!ok || len(bad) != 1)) {
				t.Fatalf("refused %v, want only %q", bad, tt.bad)
			}
		})
	}
}

// TestFoldAmendment protects how an amendment changes the register: a household it no
// longer passes is withdrawn, one whose amount it corrects keeps the bank's answer, and
// households of the first meeting are history (nomination, decision) and rows.
func TestFoldAmendment(t *testing.T) {
	s := DefaultSettings()
	pass := func(name, id string, amt amount.Yuan, votesFor int) Nominee {
		n := NewNominee(name, id)
		n.Requested, n.Proposed = amt, amt
		n.Votes = Votes{For: votesFor, Against: 9 - votesFor, Recorded: true}
		return n
	}
	meeting := func(id, amends int64, doc string, ns ...Nominee) *Meeting {
		m := &Meeting{ID: id, VillageID: 9, DocNumber: doc, Date: day("2026-11-20"), AmendsID: amends, Nominees: ns}
		for range 9 {
			m.Attendance = append(m.Attendance, Attendance{Presence: Present, Bodies: []Body{BodyPeople}})
		}
		return m
	}
	a, b := "330483198001010011", "330483198001010038"
	orig := meeting(1, 0, "〔2026〕1号", pass("甲", a, 200_000, 8), pass("乙", b, 100_000, 8))
	mc := FoldMeeting(orig, s, day("2026-11-20"), func(string) *CreditRow { return nil })
	if len(mc.Passed) != 2 || len(mc.Events) != 4 || mc.Events[1].Kind != EventDecision || mc.Events[1].Outcome != string(Passed) {
		t.Fatalf("first meeting: %d rows, events %+v", len(mc.Passed), mc.Events)
	}
	rows := map[string]*CreditRow{}
	for i := range mc.Passed {
		r := mc.Passed[i]
		r.Bank, r.BankAmount, r.BankDate = BankApproved, r.Passed, day("2026-11-25")
		rows[r.IDNumber] = &r
	}
	amended := meeting(2, 1, "〔2026〕2号", pass("甲", a, 150_000, 8), pass("乙", b, 100_000, 2))
	mc = FoldMeeting(amended, s, day("2026-12-01"), func(id string) *CreditRow { return rows[id] })
	if len(mc.Withdrawn) != 1 || mc.Withdrawn[0] != b {
		t.Fatalf("the amendment should withdraw 乙 only: %v", mc.Withdrawn)
	}
	if len(mc.Passed) != 1 || mc.Passed[0].Passed != 150_000 || mc.Passed[0].Bank != BankApproved || mc.Passed[0].DocNumber != "〔2026〕2号" {
		t.Fatalf("甲 should take the corrected amount and keep the bank's answer: %+v", mc.Passed)
	}
	if len(mc.Events) != 2 || mc.Events[0].Kind != EventAmendment {
		t.Fatalf("an amendment records one event per changed household: %+v", mc.Events)
	}
}
