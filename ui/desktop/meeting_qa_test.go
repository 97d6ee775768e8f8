package desktop

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/service"
	"pingxin/ui/desktop/widgets"
)

// TestDeliberateWrongEntriesDecideNothing: a count over the members present and an
// amount off the 1,000 unit show no green 通过, and Enter puts the keyboard back in
// the first wrong field instead of leaving it in the last vote.
func TestDeliberateWrongEntriesDecideNothing(t *testing.T) {
	_, s := openDemoMeeting(t)
	c, dt := deliberateOn(s, 14)
	typeOn(c, "120500")
	keyOn(c, fyne.KeyTab)
	keyOn(c, fyne.KeyTab)
	for _, v := range []string{"7", "2", "0", "0"} {
		typeOn(c, v)
		keyOn(c, fyne.KeyTab)
	}
	if dt.decision.Text != zhMtg("meeting.delib.fix_first") || dt.resultLine.Text != zhMtg("meeting.delib.fix_first_why") {
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
	dt.vAgainst.SetText("1") // 7 + 1 = the 8 present: a whole tally
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
	// what is wrong is said above the fields, in sight, not at the foot of the scroll
	f.id.SetText("330483198001010")
	f.onSave()
	if pos := drv.AbsolutePositionForObject(f.problems); f.problems.Hidden || pos.Y < 0 ||
		pos.Y+f.problems.MinSize().Height > d.Win.Canvas().Size().Height {
		t.Errorf("the form's problem at %v (hidden %v) is out of sight: %q", pos, f.problems.Hidden, f.problems.Text)
	}
	if pos, btn := drv.AbsolutePositionForObject(f.problems), drv.AbsolutePositionForObject(f.saveB); pos.Y > btn.Y {
		t.Errorf("the problem is below the buttons, at the foot of the form")
	}
	f.id.SetText(storedMeeting(t, s).Nominees[1].IDNumber)
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
	v.ask.Confirm() // 返回继续填写: the safe answer is the highlighted one
	if v.cur != 1 || v.notes.Text != "邻居说户主勤劳" {
		t.Fatalf("keep editing: cur %d notes %q", v.cur, v.notes.Text)
	}
	v.ask = nil
	v.list.Select(0) // № 1 has a visit; deleting it asks
	if v.ask == nil {
		t.Fatal("no question")
	}
	v.ask.Dismiss() // 放弃改动
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
	test.Type(mt.signPass, "村委会2026年口令")
	mt.signPass.OnSubmitted("") // Enter: on to the second field
	test.Type(mt.signAgain, "村委会2026年口令")
	mt.signAgain.OnSubmitted("") // Enter: sign
	waitBackground()
	if !s.model.locked() || !mt.cosign.Visible() || mt.cosign.Disabled() {
		t.Fatalf("after signing: locked %v, co-sign shown %v (%s)", s.model.locked(), mt.cosign.Visible(), mt.problem.Text)
	}

	test.Tap(mt.cosign)
	if mt.cosignName.Text != "王丽芳" {
		t.Errorf("clerk = %q, want the meeting's clerk 王丽芳", mt.cosignName.Text)
	}
	test.Type(mt.cosignPass, "错误的签名口令")
	mt.cosignPass.OnSubmitted("")
	waitBackground()
	if p := mt.cosignDialog; !p.open || p.problem.Hidden || p.problem.Text != zh("signing.passphrase_wrong") {
		t.Fatalf("wrong passphrase: dialog open %v, says %q", p.open, p.problem.Text)
	}
	if mt.cosignPass.SelectedText() != "错误的签名口令" {
		t.Errorf("the wrong passphrase is not selected to be typed again: %q", mt.cosignPass.SelectedText())
	}
	test.Type(mt.cosignPass, "村委会2026年口令") // replaces the selection
	mt.cosignPass.OnSubmitted("")
	waitBackground()
	if mt.cosignDialog.open {
		t.Error("the dialog stayed open after a right passphrase")
	}
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

// listCellShowing finds the table cell of the nomination list that shows text.
func listCellShowing(t *testing.T, l *listTab, text string) *widgets.TapCell {
	t.Helper()
	var found *widgets.TapCell
	walkShown(l.table, func(o fyne.CanvasObject) {
		c, ok := o.(*widgets.TapCell)
		if ok && found == nil {
			if lb := c.Content.(*fyne.Container).Objects[0].(*widget.Label); lb.Visible() && lb.Text == text {
				found = c
			}
		}
	})
	if found == nil {
		t.Fatalf("no cell shows %q", text)
	}
	return found
}

// TestListOpensTheHouseholdOnATapOfItsNameOrADoubleTap: a tap on a row selects it as
// before; a tap on the name, or a second tap on the row at once, opens the household.
func TestListOpensTheHouseholdOnATapOfItsNameOrADoubleTap(t *testing.T) {
	_, s := openDemoMeeting(t)
	s.tabs.SelectIndex(1)
	l := s.list
	now := testDay
	l.clock = func() time.Time { return now }
	formOf := func() string {
		if l.form == nil || l.form.i < 0 {
			return ""
		}
		return l.form.name.Text
	}
	closeForm := func() {
		if l.form != nil {
			l.form.dlg.Hide()
			l.form = nil
		}
	}

	test.Tap(listCellShowing(t, l, "3")) // № 3's number: selects only
	if l.selected != s.model.indexOfSeq(3) || l.edit.Disabled() || formOf() != "" {
		t.Fatalf("a tap on the number: selected %d, form %q", l.selected, formOf())
	}
	now = now.Add(time.Second) // a second tap much later: still only selects
	test.Tap(listCellShowing(t, l, "3"))
	if formOf() != "" {
		t.Fatalf("two slow taps opened %q", formOf())
	}
	now = now.Add(100 * time.Millisecond) // and one at once after it: a double tap
	test.Tap(listCellShowing(t, l, "3"))
	if want := s.model.nominee(s.model.indexOfSeq(3)).Name; formOf() != want {
		t.Fatalf("double tap opened %q, want %s", formOf(), want)
	}
	closeForm()

	name := s.model.nominee(s.model.indexOfSeq(5)).Name
	now = now.Add(time.Second)
	cell := listCellShowing(t, l, name)
	if !cell.Pointer {
		t.Error("the name does not show the hand cursor")
	}
	test.Tap(cell)
	if l.selected != s.model.indexOfSeq(5) || formOf() != name {
		t.Fatalf("a tap on %s: selected %d, form %q", name, l.selected, formOf())
	}
	closeForm()
}

// walkShown calls f on o and every object shown inside it, as rendered now.
func walkShown(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	f(o)
	for _, child := range drawnChildren(o) {
		walkShown(child, f)
	}
}

// TestRollCallLateTimeFitsASmallWindowAtTheLargestText: at 1024×700 with the largest
// text size, in either language, the roll call asks for no more width than the window
// has, every person's marks are inside it (wrapping in English rather than widening it,
// on one line in Chinese) and a late member's arrival time is shown whole, inside the
// window.
func TestRollCallLateTimeFitsASmallWindowAtTheLargestText(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(l), func(t *testing.T) {
			d, demo := openDemoMeeting(t)
			th := NewTheme(theme.VariantLight, textScales[len(textScales)-1])
			fyne.CurrentApp().Settings().SetTheme(th)
			if err := useLanguage(l); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { useLanguage(i18n.Zh) })
			d.Lang = l
			s := NewMeetingScreen(d, demo.model.id).(*MeetingScreen) // built at the large size
			d.Nav.Push(s)
			d.Win.Resize(fyne.NewSize(1024, 700))
			s.tabs.SelectIndex(0)
			if w := s.roll.root.MinSize().Width; w > 1024 {
				t.Errorf("the roll call needs %.0f px, more than 1024", w)
			}
			// every person's marks inside the window, whole; in Chinese still on one line
			for _, r := range s.roll.rows {
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.radio)
				if right := pos.X + r.radio.Size().Width; right > d.Win.Canvas().Size().Width {
					t.Errorf("%s's marks end at %.0f px, outside the %v window", s.model.m.Attendance[r.a].Name, right, d.Win.Canvas().Size())
				}
				if r.radio.Size().Width < r.radio.MinSize().Width {
					t.Errorf("%s's marks are %.0f px wide, less than the %.0f they need", s.model.m.Attendance[r.a].Name, r.radio.Size().Width, r.radio.MinSize().Width)
				}
				// with the half pixel of grace KeyChoice gives the row's float sums
				if l == i18n.Zh && r.radio.Size().Width < r.radio.PreferredWidth()-0.5 {
					t.Errorf("%s's marks wrap: %.0f px of the %.0f one line needs", s.model.m.Attendance[r.a].Name, r.radio.Size().Width, r.radio.PreferredWidth())
				}
			}
			var late *widgets.KeyEntry
			for _, r := range s.roll.rows {
				if s.model.m.Attendance[r.a].Presence == app.Late {
					late = r.late
				}
			}
			if late == nil || late.Text != "19:20" {
				t.Fatal("the demo has no late member at 19:20")
			}
			need := fyne.MeasureText(late.Text, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width +
				2*th.Size(theme.SizeNameInnerPadding)
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(late)
			if late.Size().Width < need {
				t.Errorf("the late time box is %.0f px wide, %q needs %.0f", late.Size().Width, late.Text, need)
			}
			if right := pos.X + late.Size().Width; right > d.Win.Canvas().Size().Width {
				t.Errorf("the late time box ends at %.0f px, outside the %v window", right, d.Win.Canvas().Size())
			}
		})
	}
}
