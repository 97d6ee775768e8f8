package desktop

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// The steps after signing (docs/RULES.md §11) on the minutes tab: the 组织审定 and the
// outcome of the 公示. The notice itself is written by 生成纪要 once the minutes are
// signed; both steps call the service, as the command line does.

// reviewForm is the open 组织审定 dialog: its entries (tests fill them in) and the
// line at its top that says what is wrong with them.
type reviewForm struct {
	date, by, opinion *widget.Entry
	problem           *widget.Label
	dlg               *dialog.CustomDialog
	win               fyne.Window
	save              func() // records what the entries hold (minutesTab.saveReview)
}

// reviewDialogWidth is the dialog's width; its height is what its fields and message need.
const reviewDialogWidth = 460

// onReview asks for the review's day, reviewer and opinion and records it. The dialog
// stays open until the review is recorded: a date it cannot read, or a review the
// service refuses, is said at its top with the field at fault selected, and nothing
// typed is lost (it closed on such a date, and the values went with it).
func (t *minutesTab) onReview() {
	w := t.mm.d.Win
	f := &reviewForm{date: newEntry(""), by: newEntry(""), opinion: newEntry(""), win: w}
	f.problem = newProblemLabel()
	f.date.SetText(t.mm.d.Now().Format(dateLayout))
	f.opinion.SetPlaceHolder(mtgL("meeting.review.opinion_hint"))
	f.save = func() { t.saveReview(f) }
	for _, e := range []*widget.Entry{f.date, f.by, f.opinion} {
		e.OnSubmitted = func(string) { f.save() }
	}
	form := widget.NewForm(
		widget.NewFormItem(mtgL("meeting.review.date"), f.date),
		widget.NewFormItem(mtgL("meeting.review.by"), f.by),
		widget.NewFormItem(mtgL("meeting.review.opinion"), f.opinion))
	f.dlg = dialog.NewCustomWithoutButtons(mtgL("meeting.review.title"), container.NewVBox(f.problem, form), w)
	f.dlg.SetButtons([]fyne.CanvasObject{
		widget.NewButton(mtgL("meeting.cancel"), f.dlg.Hide),
		&widget.Button{Text: mtgL("meeting.review.save"), Importance: widget.HighImportance, OnTapped: f.save},
	})
	f.dlg.Resize(fyne.NewSize(reviewDialogWidth, 0))
	t.reviewDialog = f
	f.dlg.Show()
	w.Canvas().Focus(f.by)
}

// Submit is the dialog's save button.
func (f *reviewForm) Submit() { f.save() }

// say shows what is wrong at the dialog's top and selects e, the field at fault.
func (f *reviewForm) say(msg string, e *widget.Entry) {
	setProblem(f.problem, msg)
	fitDialog(f.dlg, reviewDialogWidth) // taller by the message, at once
	f.win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// saveReview records what the review dialog holds and closes it; a date that cannot
// be read is refused before the store is asked, and any refusal keeps the dialog open.
func (t *minutesTab) saveReview(f *reviewForm) {
	s := strings.TrimSpace(f.date.Text)
	if s == "" {
		f.say(mtgL("process.review_date_required"), f.date)
		return
	}
	day, err := time.ParseInLocation(dateLayout, s, time.Local)
	if err != nil {
		f.say(mtgL("meeting.review.bad_date", "Value", s), f.date)
		return
	}
	err = t.mm.d.Store.RecordReview(context.Background(), t.mm.id, day, f.by.Text, f.opinion.Text, t.mm.d.Now())
	if err != nil {
		f.say(errText(t.mm.d, err), reviewFieldAt(f, err))
		return
	}
	f.dlg.Hide()
	t.afterStep(nil, mtgL("meeting.review.done"))
}

// reviewFieldAt is the review dialog's entry that err is about: the reviewer when
// none is named, else the date (before the meeting's, or the review refused as a whole).
func reviewFieldAt(f *reviewForm, err error) *widget.Entry {
	var e *app.Error
	if errors.As(err, &e) && e.Message.Key == "process.review_by_required" {
		return f.by
	}
	return f.date
}

// outcomes are the 公示's outcomes in the order the dialog offers them.
var outcomes = []app.Outcome{app.NoObjection, app.Objected}

// outcomeText names a 公示 outcome in the screen's language; the record keeps the
// Chinese word (app.Outcome).
func outcomeText(o app.Outcome) string {
	return lang.L(map[app.Outcome]string{app.NoObjection: "process.outcome.none", app.Objected: "process.outcome.objected"}[o])
}

// publicityForm is the open 公示结果 dialog's entries (tests fill them in).
type publicityForm struct {
	outcome    *widget.RadioGroup
	objections *widget.Entry // one objection a line: 异议=处理结果
	note       *widget.Entry
	dlg        *dialog.FormDialog
}

// onClosePublicity asks for the outcome of the 公示 and records it.
func (t *minutesTab) onClosePublicity() {
	f := &publicityForm{outcome: widget.NewRadioGroup(texts(outcomes, outcomeText), nil),
		objections: widget.NewMultiLineEntry(), note: newEntry("")}
	f.outcome.Horizontal, f.outcome.Required = true, true
	f.outcome.SetSelected(outcomeText(app.NoObjection))
	f.objections.SetPlaceHolder(mtgL("meeting.publicity.objections_hint"))
	f.objections.SetMinRowsVisible(3)
	f.dlg = dialog.NewForm(mtgL("meeting.publicity.title"), mtgL("meeting.publicity.save"), mtgL("meeting.cancel"), []*widget.FormItem{
		widget.NewFormItem(mtgL("meeting.publicity.outcome"), f.outcome),
		widget.NewFormItem(mtgL("meeting.publicity.objections"), f.objections),
		widget.NewFormItem(mtgL("meeting.publicity.note"), f.note),
	}, func(ok bool) {
		if ok {
			t.savePublicity(f)
		}
	}, t.mm.d.Win)
	f.dlg.Resize(fyne.NewSize(560, 0))
	t.publicityDialog = f
	f.dlg.Show()
}

// savePublicity records the outcome the dialog holds.
func (t *minutesTab) savePublicity(f *publicityForm) {
	o, _ := fromText(outcomes, outcomeText, f.outcome.Selected)
	var obs []app.Objection
	for _, line := range strings.Split(f.objections.Text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		text, settled, _ := strings.Cut(strings.Replace(line, "＝", "=", 1), "=")
		obs = append(obs, app.Objection{Text: strings.TrimSpace(text), Settlement: strings.TrimSpace(settled)})
	}
	err := t.mm.d.Store.ClosePublicity(context.Background(), t.mm.id, o, f.note.Text, obs, t.mm.d.Now())
	t.afterStep(err, mtgL("meeting.publicity.done"))
}

// afterStep shows a step's refusal, or what it did.
func (t *minutesTab) afterStep(err error, done string) {
	if err != nil {
		setProblem(t.problem, errText(t.mm.d, err))
		return
	}
	setProblem(t.problem, "")
	setShown(t.step, done)
	t.highlightNext() // the next step of §11 is now another one
}
