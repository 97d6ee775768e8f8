package desktop

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"fyne.io/fyne/v2/dialog"

	"pingxin/app"
)

// verifyTab is 乡贤核实: the sage council's visit record per household — date,
// visitors, conclusion, recommendation (with the lowered amount) and notes of any
// length. A visit may be recorded before, during or after the meeting, until signing.
type verifyTab struct {
	mm  *meetingModel
	cur int

	list     *widget.List
	title    *widget.Label
	date     *widget.Entry
	visitors *widget.CheckGroup
	conc     *widget.RadioGroup
	rec      *widget.RadioGroup
	lowerTo  *widget.Entry
	notes    *widget.Entry
	save     *widget.Button
	remove   *widget.Button
	problem  *widget.Label
	status   *widget.Label
	context  *widget.Label
	form     *widget.Form
	root     fyne.CanvasObject
	dirty    bool
	snap     string                // the form as last shown, to tell unsaved edits
	ask      *dialog.ConfirmDialog // the open question (leave unsaved, delete), for tests
}

func newVerifyTab(mm *meetingModel) *verifyTab {
	t := &verifyTab{mm: mm, cur: -1}
	t.list = widget.NewList(mm.count, func() fyne.CanvasObject { return tableCell("") }, t.updateItem)
	t.list.OnSelected = t.onSelect
	t.title = sectionTitle("")
	t.context = &widget.Label{Wrapping: fyne.TextWrapWord}
	t.date = widget.NewEntry()
	t.date.SetPlaceHolder("2026-03-12")
	t.visitors = widget.NewCheckGroup(t.visitorNames(nil), nil)
	t.visitors.Horizontal = true
	t.conc = widget.NewRadioGroup(texts(conclusions, conclusionText), nil)
	t.conc.Horizontal = true
	t.rec = widget.NewRadioGroup(texts(recommends, recommendText), func(string) { t.enableLower() })
	t.rec.Horizontal = true
	t.lowerTo = widget.NewEntry()
	t.lowerTo.SetPlaceHolder(mtgL("meeting.amount_hint"))
	t.notes = widget.NewMultiLineEntry()
	t.notes.Wrapping = fyne.TextWrapWord
	t.notes.SetMinRowsVisible(8)
	t.save = &widget.Button{Text: mtgL("meeting.verify.save"), Importance: widget.HighImportance, OnTapped: t.onSave}
	t.remove = widget.NewButton(mtgL("meeting.verify.remove"), t.onRemove)
	t.problem = newProblemLabel()
	t.status = &widget.Label{Importance: widget.LowImportance}
	t.root = t.layout()
	mm.listen(t.onChanged)
	t.show(-1)
	return t
}

func (t *verifyTab) content() fyne.CanvasObject { return t.root }

func (t *verifyTab) layout() fyne.CanvasObject {
	t.form = widget.NewForm(
		widget.NewFormItem(mtgL("meeting.verify.date"), t.date),
		widget.NewFormItem(mtgL("meeting.verify.visitors"), t.visitors),
		widget.NewFormItem(mtgL("meeting.verify.conclusion"), t.conc),
		widget.NewFormItem(mtgL("meeting.verify.recommendation"), t.rec),
		widget.NewFormItem(mtgL("meeting.verify.lower_to"), t.lowerTo),
		widget.NewFormItem(mtgL("meeting.verify.notes"), t.notes),
	)
	// the household and what is wrong above the scrolling fields, the buttons below
	// them: both in sight at the largest text in a 1024×768 window
	top := container.NewVBox(t.title, t.context, t.problem)
	buttons := container.NewHBox(t.save, t.remove, t.status)
	right := container.NewBorder(container.NewPadded(top), container.NewPadded(buttons), nil, nil,
		container.NewVScroll(container.NewPadded(t.form)))
	split := container.NewHSplit(t.list, right)
	split.Offset = 0.28
	return split
}

// visitorNames are the members who may visit (app.Member.MayVisit): the sage council
// first, then the service group (docs/RULES.md §2), then anyone a stored record names
// who is not (or no longer) one of them, so the clerk sees and can untick that name;
// saving it is refused (app.HouseholdRules.Check).
func (t *verifyTab) visitorNames(recorded []string) []string {
	var out []string
	for _, b := range []app.Body{app.BodySage, app.BodyService} {
		for _, m := range t.mm.v.Members {
			if m.In(b) && !containsString(out, m.Name) {
				out = append(out, m.Name)
			}
		}
	}
	for _, name := range recorded {
		if !containsString(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func (t *verifyTab) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	n := t.mm.nominee(i)
	o.(*widget.Label).SetText(strconv.Itoa(n.Seq) + "  " + n.Name + "  ·  " + verificationText(n.Verification))
}

// show loads household i's visit into the form, or the visit's defaults when none.
func (t *verifyTab) show(i int) {
	t.cur = i
	setProblem(t.problem, "")
	t.status.SetText("")
	on := i >= 0 && !t.mm.locked()
	for _, w := range []fyne.Disableable{t.date, t.visitors, t.conc, t.rec, t.lowerTo, t.notes, t.save, t.remove} {
		enable(w, on)
	}
	defer func() {
		t.form.Refresh() // the captions follow their fields out of the disabled grey
		t.snap = t.formState()
	}()
	if i < 0 {
		t.title.SetText(mtgL("meeting.verify.choose"))
		t.context.SetText("")
		return
	}
	n := t.mm.nominee(i)
	t.title.SetText(mtgL("meeting.verify.title", "Seq", n.Seq, "Name", n.Name))
	t.context.SetText(mtgL("meeting.verify.context", "Requested", yuanText(n.Requested), "Proposed", textOr(n.Proposed > 0, yuanText(n.Proposed)),
		"Decision", decisionText(t.mm.results[i].Outcome)))
	v := n.Verification
	if v == nil {
		// The date is left for the clerk: a visit is dated by what the record says,
		// never by the day it is typed in (docs/RULES.md §11, nothing invented).
		v = &app.Verification{}
		enable(t.remove, false)
	}
	t.date.SetText(dateText(v.VisitDate))
	t.visitors.Options = t.visitorNames(v.Visitors)
	t.visitors.SetSelected(v.Visitors)
	t.conc.SetSelected(textOr(v.Conclusion != "", conclusionText(v.Conclusion)))
	t.rec.SetSelected(textOr(v.Recommendation != "", recommendText(v.Recommendation)))
	t.lowerTo.SetText(wanText(v.LowerTo))
	t.notes.SetText(v.Notes)
	t.enableLower()
}

// textOr is s when ok, else "".
func textOr(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

// enableLower enables the amount only with 调低至.
func (t *verifyTab) enableLower() {
	enable(t.lowerTo, t.cur >= 0 && !t.mm.locked() && t.rec.Selected == recommendText(app.LowerTo))
}

// record reads the form; a date or amount that cannot be read is the returned text.
func (t *verifyTab) record() (*app.Verification, string) {
	v := &app.Verification{Visitors: t.visitors.Selected, Notes: t.notes.Text}
	if s := strings.TrimSpace(t.date.Text); s != "" {
		d, err := time.ParseInLocation("2006-01-02", s, time.Local)
		if err != nil {
			return nil, mtgL("meeting.roll.bad_date", "Value", s)
		}
		v.VisitDate = d
	}
	v.Conclusion, _ = fromText(conclusions, conclusionText, t.conc.Selected)
	v.Recommendation, _ = fromText(recommends, recommendText, t.rec.Selected)
	if v.Recommendation == app.LowerTo {
		y, err := parseYuan(t.lowerTo.Text)
		if err != nil {
			return nil, errText(t.mm.d, err)
		}
		v.LowerTo = y
	}
	return v, ""
}

// onSave checks the visit with the domain's rules and stores it.
func (t *verifyTab) onSave() {
	if t.cur < 0 {
		return
	}
	v, bad := t.record()
	if bad != "" {
		setProblem(t.problem, bad)
		return
	}
	n := *t.mm.nominee(t.cur)
	n.Verification = v
	if probs := t.mm.check(&n); len(probs) > 0 {
		setProblem(t.problem, probs.Localize(t.mm.d.Lang))
		return
	}
	t.store(n)
}

// onRemove deletes the household's visit record (it then prints as 未走访), once the
// clerk confirms: the notes may be long and are not kept anywhere else.
func (t *verifyTab) onRemove() {
	if t.cur < 0 {
		return
	}
	i := t.cur
	n := *t.mm.nominee(i)
	t.ask = dialog.NewConfirm(mtgL("meeting.verify.remove"), mtgL("meeting.verify.remove_ask", "Seq", n.Seq, "Name", n.Name), func(ok bool) {
		if ok && t.cur == i {
			n.Verification = nil
			t.store(n)
		}
	}, t.mm.d.Win)
	t.ask.SetConfirmText(mtgL("meeting.verify.remove"))
	t.ask.SetConfirmImportance(widget.DangerImportance)
	t.ask.Show()
}

// formState is everything the form holds, to tell whether the clerk changed it.
func (t *verifyTab) formState() string {
	return strings.Join([]string{t.date.Text, strings.Join(t.visitors.Selected, ","), t.conc.Selected, t.rec.Selected,
		t.lowerTo.Text, t.notes.Text}, "\x00")
}

// edited reports whether the form holds changes not yet saved.
func (t *verifyTab) edited() bool { return t.cur >= 0 && !t.mm.locked() && t.formState() != t.snap }

// onSelect opens household i; with unsaved changes to the one shown it asks first,
// so that a visit typed in is never lost to a click in the list.
func (t *verifyTab) onSelect(i widget.ListItemID) {
	if i == t.cur {
		return
	}
	if !t.edited() {
		t.show(i)
		return
	}
	n, back := t.mm.nominee(t.cur), t.cur
	t.ask = askDiscard(t.mm.d.Win, mtgL("meeting.verify.unsaved_title"), mtgL("meeting.verify.unsaved", "Seq", n.Seq, "Name", n.Name),
		func() { t.show(i) }, func() { t.list.Select(back) })
}

func (t *verifyTab) store(n app.Nominee) {
	if err := t.mm.saveNominee(t.cur, n); err != nil {
		setProblem(t.problem, errText(t.mm.d, err))
		return
	}
	t.show(t.cur)
	t.status.SetText(mtgL("meeting.delib.saved", "Time", t.mm.d.Now().Format("15:04:05")))
}

// onChanged follows the model.
func (t *verifyTab) onChanged(i int) {
	if t.mm.tab != tabVerify {
		t.dirty = true
		return
	}
	t.list.Refresh()
	if i < 0 {
		if t.cur >= t.mm.count() {
			t.cur = -1
		}
		if !t.edited() {
			t.show(t.cur)
		}
	}
}

// shown refreshes the tab if it changed while hidden.
func (t *verifyTab) shown() {
	if t.dirty {
		t.dirty = false
		t.list.Refresh()
		if !t.edited() { // a visit being typed stays as typed
			t.show(t.cur)
		}
	}
}
