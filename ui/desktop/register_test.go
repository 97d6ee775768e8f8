package desktop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"pingxin/app"
	"pingxin/app/service"
)

// signedDemo creates the demo meeting, gives every household a result and signs the
// minutes, as a village would before the bank answers.
func signedDemo(t *testing.T, d *Deps) (*app.Meeting, []app.Result) {
	t.Helper()
	ctx := context.Background()
	id, err := d.Store.Demo(ctx, testDay)
	if err != nil {
		t.Fatal(err)
	}
	return signMeeting(t, d, id)
}

// signMeeting gives every household of meeting id a result and signs its minutes.
func signMeeting(t *testing.T, d *Deps, id int64) (*app.Meeting, []app.Result) {
	t.Helper()
	ctx := context.Background()
	m, err := d.Store.Meeting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range m.Nominees {
		if n.Blocked != "" || (n.Votes.Recorded && n.Baseline[3] != app.ToVerify) {
			continue
		}
		n.Baseline[3] = app.Met
		n.Proposed = min(n.Requested, 300_000)
		n.Votes = app.Votes{For: 8, Recorded: true}
		if err := d.Store.SaveHousehold(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.Store.SignMinutes(ctx, id, filepath.Join(t.TempDir(), "m.pdf"), "村委会2026年口令", testDay); err != nil {
		t.Fatal(err)
	}
	v, m, err := service.Load(ctx, d.Store, id)
	if err != nil {
		t.Fatal(err)
	}
	return m, m.Results(v.Settings)
}

// TestRegisterScreen drives the register from the home page: the households the
// signed meeting passed, search and sort, the bank's sheet and a typed answer, the
// history beside the table, the households due three years later put on the next
// meeting in one step, and both exports.
func TestRegisterScreen(t *testing.T) {
	d := newTestDeps(t)
	m, results := signedDemo(t, d)
	var passed []app.Nominee
	var amounts []int64
	for i, r := range results {
		if r.Outcome == app.Passed {
			passed = append(passed, m.Nominees[i])
			amounts = append(amounts, int64(r.Amount))
		}
	}
	nav := d.Nav.(*Navigator)
	nav.Home()
	home := nav.Top().(*HomeScreen)
	test.Tap(home.register)
	r, ok := nav.Top().(*RegisterScreen)
	if !ok {
		t.Fatalf("the home page's 授信台账 opened %T", nav.Top())
	}
	if len(r.Shown()) != len(passed) || r.Shown()[0].Status != app.CreditAwaiting {
		t.Fatalf("register shows %d households, want the %d passed, awaiting the bank", len(r.Shown()), len(passed))
	}

	test.Type(r.Search, passed[0].Name)
	if len(r.Shown()) != 1 || r.Shown()[0].IDNumber != passed[0].IDNumber {
		t.Fatalf("searching %s shows %d households", passed[0].Name, len(r.Shown()))
	}
	r.Search.SetText("")

	sheet := filepath.Join(t.TempDir(), "回执.xlsx")
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"身份证号码", "户主姓名", "审批结果", "授信额度", "审批日期", "利率"})
	x.SetSheetRow("Sheet1", "A2", &[]any{passed[0].IDNumber, passed[0].Name, "批准", amounts[0] - 10000, "2026-03-20", "4.35%"})
	if err := x.SaveAs(sheet); err != nil {
		t.Fatal(err)
	}
	wait(t, func(done func()) { r.ImportBankFile(sheet, done) })
	if !r.Problem.Hidden || !strings.Contains(r.Info.Text, "批准 1 户") {
		t.Fatalf("bank import: info %q, problem %q", r.Info.Text, r.Problem.Text)
	}
	if err := r.RecordAnswer(app.BankAnswer{IDNumber: passed[1].IDNumber, Result: app.BankRefused, Date: testDay}); err != nil {
		t.Fatal(err)
	}
	r.SortBy.SetSelected("到期日")
	r.Desc.SetChecked(true)
	first := r.Shown()[0]
	expiry := registerColumn(t, "desktop.register.col.expiry")
	if first.IDNumber != passed[0].IDNumber || first.Status != app.CreditValid || r.cellText(first, expiry) != "2029-03-20" {
		t.Fatalf("sorted by expiry, latest first: %s %s %s", first.Name, first.Status, r.cellText(first, expiry))
	}
	if err := r.RecordAnswer(app.BankAnswer{IDNumber: passed[2].IDNumber, Result: app.BankApproved, Amount: 1 << 40, Date: testDay}); err == nil {
		t.Fatal("a typed amount above what the village passed must be refused")
	}

	r.Choose(first)
	for _, want := range []string{"提名", "评议", "银行审批", "回执.xlsx", m.DocNumber} {
		if !strings.Contains(r.History.Text, want) {
			t.Fatalf("history lacks %q:\n%s", want, r.History.Text)
		}
	}
	if !strings.Contains(r.LastRating.Text, "上次评议："+m.DocNumber) || !strings.Contains(r.LastRating.Text, "银行批准") {
		t.Fatalf("last rating: %q", r.LastRating.Text)
	}

	d.Now = func() time.Time { return time.Date(2029, 2, 1, 9, 0, 0, 0, time.Local) }
	r.Refresh()
	if r.Renew.Disabled() || !strings.Contains(r.Summary.Text, "1 户将在 90 天内到期") {
		t.Fatalf("three years later one household is due: %q", r.Summary.Text)
	}
	r.DueOnly.SetChecked(true)
	if len(r.Shown()) != 1 || r.Shown()[0].Status != app.CreditExpiring {
		t.Fatalf("due only shows %d", len(r.Shown()))
	}
	next, err := d.Store.CreateMeeting(context.Background(), service.MeetingSpec{VillageID: m.VillageID, Date: time.Date(2029, 2, 10, 0, 0, 0, 0, time.Local)})
	if err != nil {
		t.Fatal(err)
	}
	if s, err := r.RenewInto(next.ID); err != nil || s.Added != 1 {
		t.Fatalf("renew: %+v, %v", s, err)
	}
	ms := NewMeetingScreen(d, next.ID).(*MeetingScreen)
	ms.Content()
	ms.delib.show(0)
	if got := ms.delib.lastRating.Text; ms.delib.lastRating.Hidden || got != "上次评议："+m.DocNumber+"，通过 "+
		first.Passed.Wan()+"；银行批准 "+first.BankAmount.Wan() {
		t.Fatalf("the renewal's deliberation shows %q as its last rating", got)
	}

	dir := t.TempDir()
	for _, pdf := range []bool{false, true} {
		path := filepath.Join(dir, "台账.xlsx")
		if pdf {
			path = filepath.Join(dir, "台账.pdf")
		}
		wait(t, func(done func()) { r.ExportTo(path, pdf, done) })
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 || !r.Problem.Hidden {
			t.Fatalf("export %s: %v, %q", path, err, r.Problem.Text)
		}
	}
}

// registerColumn is the index of the register's column headed key.
func registerColumn(t *testing.T, key string) int {
	t.Helper()
	for i, c := range registerCols {
		if c.key == key {
			return i
		}
	}
	t.Fatalf("no register column %s", key)
	return -1
}
