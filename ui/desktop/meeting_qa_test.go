package desktop

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/i18n"
	"pingxin/app/service"
)

// TestDeliberateWrongEntriesDecideNothing: a count over the members present and an
// amount off the 1,000 unit show no green 通过, and Enter puts the keyboard back in
// the first wrong field instead of leaving it in the last vote.
func TestDeliberateWrongEntriesDecideNothing(t *testing.T) {
	d, s := openDemoMeeting(t)
	c := d.Win.Canvas()
	s.tabs.SelectIndex(2)
	dt := s.delib
	dt.show(s.model.indexOfSeq(14))
	dt.focusFirst()
	typeOn(c, "120500")
	keyOn(c, fyne.KeyTab)
	keyOn(c, fyne.KeyTab)
	for _, v := range []string{"7", "2", "0", "0"} {
		typeOn(c, v)
		keyOn(c, fyne.KeyTab)
	}
	if dt.decision.Text != zhMtg("mtg.delib.fix_first") || dt.resultLine.Text != zhMtg("mtg.delib.fix_first_why") {
		t.Errorf("decision over wrong entries = %q / %q", dt.decision.Text, dt.resultLine.Text)
	}
	keyOn(c, fyne.KeyReturn)
	if dt.mm.nominee(dt.cur).Seq != 14 || c.Focused() != dt.proposed {
		t.Fatalf("Enter on wrong entries: № %d, focus %T; want № 14 and the amount", dt.mm.nominee(dt.cur).Seq, c.Focused())
	}
	dt.proposed.SetText("12w") // w for 万, as typed without a Chinese input method
	if dt.proposedErr.Visible() {
		t.Errorf("12w refused: %s", dt.proposedErr.Text)
	}
	dt.vAgainst.SetText("0")
	if dt.decision.Text != "通过" {
		t.Errorf("corrected decision = %q, want 通过", dt.decision.Text)
	}
	c.Focus(dt.vAgainst)
	keyOn(c, fyne.KeyReturn)
	if got := storedMeeting(t, s).Nominees[s.model.indexOfSeq(14)].Proposed; got != 120_000 {
		t.Errorf("stored proposed = %d, want 120000", got)
	}
	if want := "第 14 户 朱海明 已保存：通过"; dt.saved.Text != want || dt.mm.nominee(dt.cur).Seq != 15 {
		t.Errorf("after Enter: № %d, %q; want № 15, %q", dt.mm.nominee(dt.cur).Seq, dt.saved.Text, want)
	}
}

// TestDeliberateEnterOnTheLastGoesBackToTheOpen: households passed over are not
// forgotten: Enter on the last one goes back to the first still without a vote.
func TestDeliberateEnterOnTheLastGoesBackToTheOpen(t *testing.T) {
	d, s := openDemoMeeting(t)
	c := d.Win.Canvas()
	s.tabs.SelectIndex(2)
	dt := s.delib
	dt.show(s.model.count() - 1)
	dt.focusFirst()
	typeOn(c, "30w")
	keyOn(c, fyne.KeyTab)
	keyOn(c, fyne.KeyTab)
	typeOn(c, "8")
	keyOn(c, fyne.KeyReturn)
	if got := dt.mm.nominee(dt.cur).Seq; got != 13 || c.Focused() != dt.proposed {
		t.Errorf("Enter on the last went to № %d (focus %T), want № 13", got, c.Focused())
	}
}

// TestListSelectionFollowsTheFilter: the highlighted row is always the household the
// buttons act on, and a search never matches digits the ID mask hides.
func TestListSelectionFollowsTheFilter(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(1)
	l := s.list
	searches := []struct {
		q    string
		want int
	}{{"28", 1}, {"3813", 1}, {"330483", 30}, {"李桂英", 1}, {"第七村民小组", 3}, {"129", 0}}
	for _, sc := range searches {
		t.Run(sc.q, func(t *testing.T) {
			l.search.SetText(sc.q)
			if len(l.rows) != sc.want {
				t.Errorf("search %q: %d rows, want %d", sc.q, len(l.rows), sc.want)
			}
		})
	}
	l.search.SetText("28")
	l.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if l.selected != s.model.indexOfSeq(28) {
		t.Fatalf("selected %d", l.selected)
	}
	l.search.SetText("")
	if l.selected != s.model.indexOfSeq(28) { // re-selecting a wrong row would have moved it
		t.Errorf("after clearing the search the highlight left № 28")
	}
	l.status.SetSelected("不通过") // № 28 is not among them
	if l.selected != -1 || !l.edit.Disabled() {
		t.Errorf("hidden household still selected: %d, edit disabled %v", l.selected, l.edit.Disabled())
	}
}

// TestHouseholdFormButtonsInSight: 保存 and 取消 sit below the scrolling fields, inside
// the window, and Enter in a field saves.
func TestHouseholdFormButtonsInSight(t *testing.T) {
	d, s := openDemoMeeting(t)
	s.tabs.SelectIndex(1)
	s.list.selected = s.model.indexOfSeq(2)
	s.list.onEdit()
	f := s.list.form
	drv := fyne.CurrentApp().Driver()
	for _, b := range []fyne.CanvasObject{f.saveB, f.cancelB} {
		pos := drv.AbsolutePositionForObject(b)
		if !b.Visible() || pos.Y+b.Size().Height > d.Win.Canvas().Size().Height || b.Size().Height == 0 {
			t.Errorf("button at %v size %v is out of sight in a %v window", pos, b.Size(), d.Win.Canvas().Size())
		}
	}
	f.phone.SetText("13900000000")
	f.phone.OnSubmitted(f.phone.Text)
	if got := storedMeeting(t, s).Nominees[1].Phone; got != "13900000000" {
		t.Errorf("Enter did not save: phone %q", got)
	}
}

// TestVerifyKeepsWhatIsTyped: a visit being typed survives a change made elsewhere,
// a click on another household asks first, and deleting a record asks first.
func TestVerifyKeepsWhatIsTyped(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(3)
	v := s.verify
	v.list.Select(1) // № 2, not visited
	if v.form.Items[0].Widget.(fyne.Disableable).Disabled() {
		t.Fatal("form disabled")
	}
	v.notes.SetText("邻居说户主勤劳")
	s.Refresh() // another screen changed the meeting
	if v.notes.Text != "邻居说户主勤劳" {
		t.Fatalf("notes lost on a reload: %q", v.notes.Text)
	}
	v.list.Select(2)
	if v.ask == nil || v.cur != 1 {
		t.Fatalf("switching with unsaved notes did not ask (cur %d)", v.cur)
	}
	v.ask.Dismiss() // 返回继续填写
	if v.cur != 1 || v.notes.Text != "邻居说户主勤劳" {
		t.Fatalf("keep editing: cur %d notes %q", v.cur, v.notes.Text)
	}
	v.ask = nil
	v.list.Select(0) // № 1 has a visit; deleting it asks
	if v.ask == nil {
		t.Fatal("no question")
	}
	v.ask.Confirm() // 放弃改动
	if v.cur != 0 {
		t.Fatalf("discard: cur %d", v.cur)
	}
	v.ask = nil
	test.Tap(v.remove)
	if v.ask == nil || storedMeeting(t, s).Nominees[0].Verification == nil {
		t.Fatal("delete did not ask first")
	}
	v.ask.Confirm()
	if storedMeeting(t, s).Nominees[0].Verification != nil {
		t.Error("confirmed delete did not delete")
	}
}

// TestClerkAddsSignature: 记录人加签 on the signed demo meeting adds a second signature
// off the UI thread; the file verifies with both, and a wrong passphrase is refused.
func TestClerkAddsSignature(t *testing.T) {
	_, s := openDemoMeeting(t)
	finishAll(t, s)
	s.tabs.SelectIndex(4)
	mt := s.minutes
	if mt.cosign.Visible() {
		t.Error("co-sign offered before signing")
	}
	test.Tap(mt.sign)
	test.Type(mt.signPass, "村委会2026")
	mt.signPass.OnSubmitted("") // Enter: on to the second field
	test.Type(mt.signAgain, "村委会2026")
	mt.signAgain.OnSubmitted("") // Enter: sign
	s.model.wait()
	if !s.model.locked() || !mt.cosign.Visible() || mt.cosign.Disabled() {
		t.Fatalf("after signing: locked %v, co-sign shown %v (%s)", s.model.locked(), mt.cosign.Visible(), mt.problem.Text)
	}

	test.Tap(mt.cosign)
	if mt.cosignName.Text != "王丽芳" {
		t.Errorf("clerk = %q, want the meeting's clerk 王丽芳", mt.cosignName.Text)
	}
	test.Type(mt.cosignPass, "错误的密码")
	mt.cosignPass.OnSubmitted("")
	s.model.wait()
	if mt.problem.Hidden {
		t.Error("wrong passphrase accepted")
	}

	test.Tap(mt.cosign)
	test.Type(mt.cosignPass, "村委会2026")
	mt.cosignPass.OnSubmitted("")
	s.model.wait()
	if !mt.problem.Hidden {
		t.Fatalf("co-sign failed: %s", mt.problem.Text)
	}
	if want := "记录人 王丽芳 已加签，纪要现有 2 个签名"; mt.step.Text != want {
		t.Errorf("step = %q, want %q", mt.step.Text, want)
	}
	pdf, err := os.ReadFile(mt.path(fileSigned))
	if err != nil {
		t.Fatal(err)
	}
	r, err := service.Verify(context.Background(), s.d.Store, pdf)
	if err != nil || !r.Valid || len(r.Signatures) != 2 {
		t.Fatalf("verify: %v, valid %v, %d signatures", err, r.Valid, len(r.Signatures))
	}
	if !strings.Contains(r.Signatures[1].Name, "王丽芳") {
		t.Errorf("second signature by %q", r.Signatures[1].Name)
	}
}

// zhMtg renders a screen key in Chinese, as the tests' app shows it.
func zhMtg(key string) string { return mtgL(key) }

// TestDeliberationFitsASmallWindowAtTheLargestText: at 1024×700 with the largest text
// size, the deliberation screen asks for no more width than the window has, so the
// window is not pushed off a small screen.
func TestDeliberationFitsASmallWindowAtTheLargestText(t *testing.T) {
	d, demo := openDemoMeeting(t)
	fyne.CurrentApp().Settings().SetTheme(NewTheme(theme.VariantDark, textScales[len(textScales)-1]))
	if err := useLanguage(i18n.En); err != nil { // the longer captions
		t.Fatal(err)
	}
	t.Cleanup(func() { useLanguage(i18n.Zh) })
	d.Lang = i18n.En
	s := NewMeetingScreen(d, demo.model.id).(*MeetingScreen) // built at the large size
	d.Nav.Push(s)
	d.Win.Resize(fyne.NewSize(1024, 700))
	s.tabs.SelectIndex(2)
	s.delib.show(s.model.indexOfSeq(13))
	if w := s.delib.root.MinSize().Width; w > 1024 {
		t.Errorf("deliberation needs %.0f px, more than 1024", w)
	}
}
