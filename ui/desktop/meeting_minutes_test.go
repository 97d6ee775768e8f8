package desktop

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/service"
)

func TestRecordVerification(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(3)
	v := s.verify
	v.list.Select(0) // № 1 陈永明: proposed 300,000, visited as 属实/维持
	notes := strings.Repeat("走访邻里三户，均称户主勤劳守信；", 120) + "完。"
	v.date.SetText("2026-03-12")
	v.visitors.SetSelected([]string{"张德明", "蒋伯年"})
	v.conc.SetSelected("部分属实")
	v.rec.SetSelected("调低至")
	v.notes.SetText(notes)

	v.lowerTo.SetText("35万") // not below the proposed 30万: refused, nothing stored
	test.Tap(v.save)
	if v.problem.Hidden || !strings.Contains(v.problem.Text, "低于建议额度") {
		t.Errorf("lower-to above proposed: problem %q", v.problem.Text)
	}
	if got := storedMeeting(t, s).Nominees[0].Verification.Recommendation; got != app.Keep {
		t.Fatalf("refused record stored: %s", got)
	}

	v.lowerTo.SetText("25万")
	test.Tap(v.save)
	if !v.problem.Hidden {
		t.Fatalf("problem: %s", v.problem.Text)
	}
	n := storedMeeting(t, s).Nominees[0]
	got := n.Verification
	if got == nil || got.VisitDate.Format("2006-01-02") != "2026-03-12" || strings.Join(got.Visitors, ",") != "张德明,蒋伯年" ||
		got.Conclusion != app.PartlyTrue || got.Recommendation != app.LowerTo || got.LowerTo != 250_000 || got.Notes != notes {
		t.Fatalf("stored verification = %+v", got)
	}
	r := n.Result(s.model.q, s.model.s, s.model.voters)
	if r.Outcome != app.Passed || r.Amount != 250_000 {
		t.Errorf("final result %s %d, want 通过 250000", r.Outcome, r.Amount)
	}
	// The list shows the visit, and the minutes summary counts the lowered amount.
	s.tabs.SelectIndex(1)
	if got := s.list.cellText(0, listColumn("meeting.col.verification")); got != "部分属实" {
		t.Errorf("list verification column = %q", got)
	}
}

// TestNewVisitHasNoDate protects docs/RULES.md §11 (nothing invented): a household
// not yet visited (№ 12 韩金龙) opens an empty visit record, its date blank for the
// clerk to give, not the day it is typed in.
func TestNewVisitHasNoDate(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(3)
	v := s.verify
	v.list.Select(11)
	if n := s.model.nominee(11); n.Name != "韩金龙" || n.Verification != nil {
		t.Fatalf("household 12 is %s with visit %+v, want 韩金龙 not visited", n.Name, n.Verification)
	}
	if v.date.Text != "" {
		t.Errorf("a new visit record's date reads %q: nobody gave it, so it must start empty", v.date.Text)
	}
}

func TestGenerateMinutesAndNotice(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(4)
	mt := s.minutes
	// № 12 韩金龙 passed the vote at 400,000, above the standard cap, with no visit:
	// 暂缓 (docs/RULES.md §11, risk checks), beside № 10's 待核实
	if !strings.Contains(mt.totals.Text, "提名 30 户：通过 8 户，不通过 1 户，暂缓 2 户") {
		t.Errorf("totals = %q", mt.totals.Text)
	}
	if len(mt.open) != 17 || !mt.sign.Disabled() {
		t.Errorf("%d unfinished, sign disabled %v; want 17 and disabled", len(mt.open), mt.sign.Disabled())
	}
	test.Tap(mt.generate)
	waitBackground()
	if !mt.problem.Hidden {
		t.Fatalf("generate failed: %s", mt.problem.Text)
	}
	if b, err := os.ReadFile(mt.path(fileMinutes)); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("minutes: %v, %d bytes", err, len(b))
	}
	if _, err := os.Stat(mt.path(fileNotice)); err == nil {
		t.Error("a 公示 was written for unsigned minutes") // docs/RULES.md §11.3
	}
	if got := filepath.Base(mt.path(fileMinutes)); got != "越丰村评〔2026〕1号-会议纪要.pdf" {
		t.Errorf("minutes file = %s", got)
	}
	var opened string
	mt.opener = func(p string) error { opened = p; return nil }
	test.Tap(mt.openMinutes)
	if opened != mt.path(fileMinutes) {
		t.Errorf("opened %q", opened)
	}
}

// finishAll gives every household still without a result a passing vote, as a meeting
// would, straight through the store.
func finishAll(t *testing.T, s *MeetingScreen) {
	t.Helper()
	ctx := context.Background()
	m := storedMeeting(t, s)
	for _, n := range m.Nominees {
		if n.Votes.Recorded || n.Blocked != "" {
			continue
		}
		n.Proposed = min(n.Requested, 300_000)
		n.Votes = app.Votes{For: 8, Recorded: true}
		if err := s.d.Store.SaveHousehold(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	s.Refresh()
}

func TestSignLocksAndOffersAmendment(t *testing.T) {
	d, s := openDemoMeeting(t)
	finishAll(t, s)
	s.tabs.SelectIndex(4)
	mt := s.minutes
	if len(mt.open) != 0 || mt.sign.Disabled() {
		t.Fatalf("not signable: %d open", len(mt.open))
	}
	test.Tap(mt.sign)
	if mt.signDialog == nil || mt.signAgain == nil {
		t.Fatal("first signature must ask for the passphrase twice")
	}
	test.Type(mt.signPass, "村委会2026")
	if err := mt.signPass.Validate(); err == nil {
		t.Error("a new passphrase of 7 characters accepted (the minimum is 10, issue 17)")
	}
	mt.signPass.SetText("村委会2026年口令")
	if err := mt.signPass.Validate(); err != nil {
		t.Errorf("a 10-character passphrase refused: %v", err)
	}
	test.Type(mt.signAgain, "村委会2025")
	if err := mt.signAgain.Validate(); err == nil {
		t.Error("differing passphrases accepted")
	}
	mt.signPass.SetText("村委会2026")
	mt.signAgain.SetText("村委会2026")
	mt.signDialog.Submit() // too short: said inside the dialog, before any key is made
	if p := mt.signDialog; !p.open || p.problem.Text != zh("signing.passphrase_short", "Min", service.MinPassphrase) || p.bar.Visible() {
		t.Fatalf("short passphrase: dialog open %v, says %q", p.open, p.problem.Text)
	}
	mt.signPass.SetText("村委会2026年口令")
	mt.signDialog.Submit() // the repeat differs: said inside the dialog
	if p := mt.signDialog; !p.open || p.problem.Text != zh("meeting.sign.mismatch") {
		t.Fatalf("differing repeat: dialog open %v, says %q", p.open, p.problem.Text)
	}
	if has, _ := service.HasVillageKey(context.Background(), d.Store, s.model.v.ID); has {
		t.Fatal("a key was made from a refused passphrase")
	}
	mt.signAgain.SetText("村委会2026年口令")
	mt.signDialog.Submit()
	waitBackground()
	if !mt.problem.Hidden || mt.signDialog.open {
		t.Fatalf("sign failed: %s (dialog open %v)", mt.problem.Text, mt.signDialog.open)
	}
	if !s.model.locked() || !storedMeeting(t, s).Locked() {
		t.Fatal("meeting not locked after signing")
	}
	if b, err := os.ReadFile(mt.path(fileSigned)); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("signed minutes: %v", err)
	}
	if mt.signInfo.Hidden || mt.amend.Hidden || mt.amend.Disabled() || !mt.sign.Disabled() {
		t.Errorf("after signing: info hidden %v, amend hidden %v", mt.signInfo.Hidden, mt.amend.Hidden)
	}
	// Editing a locked meeting: the store's refusal is what the clerk reads.
	n := *s.model.nominee(12)
	n.Reason = "改动"
	if err := s.model.saveNominee(12, n); app.ErrorCode(err) != app.ELOCKED ||
		errText(d, err) != zh("meeting.locked") {
		t.Errorf("save on a locked meeting: %v", err)
	}
	// After signing: the notice, the 组织审定, the 公示's outcome once its period is over
	// (refused before), then the bank package; then the amendment opens as a new meeting.
	zipPath := filepath.Join(t.TempDir(), "bank.zip")
	test.Tap(mt.generate)
	waitBackground()
	if b, err := os.ReadFile(mt.path(fileNotice)); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("notice after signing: %v (%s)", err, mt.problem.Text)
	}
	test.Tap(mt.review)
	mt.reviewDialog.by.SetText("沈建国")
	mt.saveReview(mt.reviewDialog)
	if r, _ := d.Store.Review(context.Background(), s.model.id); r == nil || r.Reviewer != "沈建国" || r.Opinion != "同意" {
		t.Fatalf("review not recorded: %+v (%s)", r, mt.problem.Text)
	}
	test.Tap(mt.closePub)
	mt.savePublicity(mt.publicityDialog)
	if mt.problem.Hidden || !strings.Contains(mt.problem.Text, "公示期") {
		t.Fatalf("closing the 公示 on its first day: %q", mt.problem.Text)
	}
	d.Now = func() time.Time { return testDay.AddDate(0, 0, 8) }
	test.Tap(mt.closePub)
	mt.publicityDialog.outcome.SetSelected("有异议")
	mt.publicityDialog.objections.SetText("村民反映第1户有外债=经核实已还清，维持")
	mt.savePublicity(mt.publicityDialog)
	if p, _ := d.Store.Publicity(context.Background(), s.model.id); p == nil || p.Outcome != app.Objected || len(p.Objections) != 1 {
		t.Fatalf("outcome not recorded: %+v (%s)", p, mt.problem.Text)
	}
	mt.exportTo(zipPath, "村委会2026年口令")
	waitBackground()
	if b, err := os.ReadFile(zipPath); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("bank package: %v (%s)", err, mt.problem.Text)
	}
	mt.amendWith("第 13 户建议额度笔误")
	waitBackground() // the amendment is read in the background
	if mt.amended == 0 {
		t.Fatalf("no amendment: %s", mt.problem.Text)
	}
	top, ok := d.Nav.(*Navigator).Top().(*MeetingScreen)
	if !ok || top.model.id != mt.amended || top.model.m.AmendsID != s.model.id {
		t.Errorf("amendment screen not opened")
	}
}

// TestMinutesHighlightTheNextStep: the highlighted button is the step to take next —
// generate the minutes, then sign them, then, once signed, export the bank package.
func TestMinutesHighlightTheNextStep(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(4)
	mt := s.minutes
	highlighted := func() string {
		var hs []string
		for name, b := range map[string]*widget.Button{"generate": mt.generate, "sign": mt.sign, "review": mt.review,
			"close": mt.closePub, "export": mt.export} {
			if b.Importance == widget.HighImportance {
				hs = append(hs, name)
			}
		}
		return strings.Join(hs, ",")
	}
	if got := highlighted(); got != "generate" {
		t.Errorf("households still open: %q highlighted, want generate", got)
	}
	finishAll(t, s)
	if got := highlighted(); got != "generate" {
		t.Errorf("signable, minutes not generated: %q highlighted, want generate", got)
	}
	test.Tap(mt.generate)
	waitBackground()
	if got := highlighted(); got != "sign" {
		t.Errorf("minutes generated: %q highlighted, want sign (%s)", got, mt.problem.Text)
	}
	test.Tap(mt.sign)
	test.Type(mt.signPass, "村委会2026年口令")
	test.Type(mt.signAgain, "村委会2026年口令")
	mt.signDialog.Submit()
	waitBackground()
	if !s.model.locked() {
		t.Fatalf("not signed: %s", mt.problem.Text)
	}
	// after signing, the steps of docs/RULES.md §11 in their order; the bank package,
	// refused before the 公示's outcome, comes last
	if got := highlighted(); got != "generate" {
		t.Errorf("signed: %q highlighted, want generate (the 公示)", got)
	}
	test.Tap(mt.generate)
	waitBackground()
	if got := highlighted(); got != "review" {
		t.Errorf("公示 printed: %q highlighted, want review", got)
	}
	test.Tap(mt.review)
	mt.reviewDialog.by.SetText("沈建国")
	mt.saveReview(mt.reviewDialog)
	if got := highlighted(); got != "close" {
		t.Errorf("reviewed: %q highlighted, want close (%s)", got, mt.problem.Text)
	}
	s.d.Now = func() time.Time { return testDay.AddDate(0, 0, 8) }
	test.Tap(mt.closePub)
	mt.savePublicity(mt.publicityDialog)
	if got := highlighted(); got != "export" {
		t.Errorf("公示 closed: %q highlighted, want export (%s)", got, mt.problem.Text)
	}
}

// TestBankStepNamesTheMissingReview: with the 公示 closed but no 组织审定 recorded,
// 导出银行资料包 opens no file dialog; it says that the 组织审定 is missing, in the
// service's words, and the 组织审定 button is the highlighted one (docs/RULES.md §11.4).
// Once the review is recorded the same button asks where to save the package.
func TestBankStepNamesTheMissingReview(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(4)
	mt := s.minutes
	finishAll(t, s)
	signOn(t, mt, "村委会2026年口令")
	test.Tap(mt.generate) // the 公示, from today
	waitBackground()
	d.Now = func() time.Time { return testDay.AddDate(0, 0, 8) }
	test.Tap(mt.closePub)
	mt.savePublicity(mt.publicityDialog)
	if p, _ := d.Store.Publicity(context.Background(), s.model.id); p == nil || !p.Closed() {
		t.Fatalf("outcome not recorded: %+v (%s)", p, mt.problem.Text)
	}
	for _, o := range d.Win.Canvas().Overlays().List() {
		d.Win.Canvas().Overlays().Remove(o)
	}

	test.Tap(mt.export)
	if top := d.Win.Canvas().Overlays().Top(); top != nil {
		t.Error("a dialog opened for a package the service refuses")
	}
	if want := zh("process.export_no_review"); mt.problem.Hidden || mt.problem.Text != want || !strings.Contains(want, "组织审定") {
		t.Errorf("the bank step says %q (hidden %v), want %q", mt.problem.Text, mt.problem.Hidden, want)
	}
	if mt.review.Importance != widget.HighImportance || mt.export.Importance == widget.HighImportance {
		t.Error("the 组织审定 button is not the highlighted step")
	}

	test.Tap(mt.review)
	mt.reviewDialog.by.SetText("沈建国")
	mt.saveReview(mt.reviewDialog)
	for _, o := range d.Win.Canvas().Overlays().List() {
		d.Win.Canvas().Overlays().Remove(o)
	}
	test.Tap(mt.export)
	if d.Win.Canvas().Overlays().Top() == nil || !mt.problem.Hidden {
		t.Errorf("reviewed: no save dialog (%s)", mt.problem.Text)
	}
}

// TestReviewDialogKeepsWhatWasTyped: a 组织审定 date the dialog cannot read, or one the
// service refuses (before the meeting), is said inside the dialog, which stays open with
// the date selected and every value typed kept; nothing is stored until the date is
// right. On main such a date closed the dialog, said so on the tab, and the reviewer
// and opinion typed were gone.
func TestReviewDialogKeepsWhatWasTyped(t *testing.T) {
	d, s := openDemoMeeting(t)
	d.App.Settings().SetTheme(NewTheme(theme.VariantLight, textScales[len(textScales)-1])) // the message wraps
	s.tabs.SelectIndex(tabMinutes)
	mt := s.minutes
	finishAll(t, s)
	signOn(t, mt, "村委会2026年口令")
	test.Tap(mt.review)
	f := mt.reviewDialog
	if d.Win.Canvas().Focused() != f.by {
		t.Errorf("the dialog opens on %T, want the reviewer", d.Win.Canvas().Focused())
	}
	test.Type(f.by, "沈建国")
	test.Type(f.opinion, "同意，报街道党工委备案")
	for _, c := range []struct{ date, want string }{
		{"3月20日", zh("meeting.review.bad_date", "Value", "3月20日")},
		{"", zh("process.review_date_required")},
		{"2026-03-01", zh("process.review_before_meeting", "Date", "2026-03-01", "Meeting", "2026-03-15")}, // the service's
	} {
		f.date.SetText(c.date)
		f.Submit()
		if top := d.Win.Canvas().Overlays().Top(); top == nil {
			t.Fatalf("date %q: the dialog closed", c.date)
		}
		if f.problem.Hidden || f.problem.Text != c.want {
			t.Errorf("date %q: the dialog says %q (shown %v), want %q", c.date, f.problem.Text, !f.problem.Hidden, c.want)
		}
		if !strings.Contains(overlayText(t, d.Win), f.problem.Text) {
			t.Errorf("date %q: the dialog on screen does not say %q", c.date, f.problem.Text)
		}
		// the dialog grows by the whole message: nothing runs into the next
		drv := fyne.CurrentApp().Driver()
		bottom := func(o fyne.CanvasObject) float32 { return drv.AbsolutePositionForObject(o).Y + o.Size().Height }
		save := overlayButton(t, d.Win, zh("meeting.review.save"))
		if bottom(f.problem) > drv.AbsolutePositionForObject(f.date).Y || bottom(f.opinion) > drv.AbsolutePositionForObject(save).Y {
			t.Errorf("date %q: the message (to %.0f) runs into the date (from %.0f), or the opinion (to %.0f) into the buttons (from %.0f)", c.date,
				bottom(f.problem), drv.AbsolutePositionForObject(f.date).Y, bottom(f.opinion), drv.AbsolutePositionForObject(save).Y)
		}
		if f.date.Text != c.date || f.by.Text != "沈建国" || f.opinion.Text != "同意，报街道党工委备案" {
			t.Errorf("date %q: the dialog now holds %q, %q, %q", c.date, f.date.Text, f.by.Text, f.opinion.Text)
		}
		if foc := d.Win.Canvas().Focused(); foc != f.date || f.date.SelectedText() != c.date {
			t.Errorf("date %q: the keyboard is on %T with %q selected, want the date selected", c.date, foc, f.date.SelectedText())
		}
		if r, _ := d.Store.Review(context.Background(), s.model.id); r != nil {
			t.Fatalf("date %q: a review was stored: %+v", c.date, r)
		}
		if mt.problem.Visible() {
			t.Errorf("date %q: the tab says %q too, behind the dialog", c.date, mt.problem.Text)
		}
	}
	test.Type(f.date, "2026-03-20") // types over the selected date
	f.Submit()
	if d.Win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a right date: the dialog stays open saying %q", f.problem.Text)
	}
	r, _ := d.Store.Review(context.Background(), s.model.id)
	if r == nil || r.Date.Format(dateLayout) != "2026-03-20" || r.Reviewer != "沈建国" || r.Opinion != "同意，报街道党工委备案" {
		t.Fatalf("stored %+v", r)
	}
	if mt.step.Text != zh("meeting.review.done") {
		t.Errorf("the tab says %q, want %q", mt.step.Text, zh("meeting.review.done"))
	}
}
