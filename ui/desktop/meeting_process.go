package desktop

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// The steps after signing (docs/RULES.md §11) on the minutes tab: the 组织审定 and the
// outcome of the 公示. The notice itself is written by 生成纪要 once the minutes are
// signed; both steps call the service, as the command line does.

// reviewForm is the open 组织审定 dialog's entries (tests fill them in).
type reviewForm struct {
	date, by, opinion *widget.Entry
	dlg               *dialog.FormDialog
}

// onReview asks for the review's day, reviewer and opinion and records it.
func (t *minutesTab) onReview() {
	f := &reviewForm{date: newEntry(""), by: newEntry(""), opinion: newEntry("")}
	f.date.SetText(t.mm.d.Now().Format("2006-01-02"))
	f.opinion.SetPlaceHolder(mtgL("meeting.review.opinion_hint"))
	f.dlg = dialog.NewForm(mtgL("meeting.review.title"), mtgL("meeting.review.save"), mtgL("meeting.cancel"), []*widget.FormItem{
		widget.NewFormItem(mtgL("meeting.review.date"), f.date),
		widget.NewFormItem(mtgL("meeting.review.by"), f.by),
		widget.NewFormItem(mtgL("meeting.review.opinion"), f.opinion),
	}, func(ok bool) {
		if ok {
			t.saveReview(f)
		}
	}, t.mm.d.Win)
	f.dlg.Resize(fyne.NewSize(460, 0))
	t.reviewDialog = f
	f.dlg.Show()
}

// saveReview records what the review dialog holds; a refusal shows beside the actions.
func (t *minutesTab) saveReview(f *reviewForm) {
	day, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(f.date.Text), time.Local)
	if err != nil {
		setProblem(t.problem, errText(t.mm.d, app.Errorf(app.EINVALID, "process.review_date_required")))
		return
	}
	err = t.mm.d.Store.RecordReview(context.Background(), t.mm.id, day, f.by.Text, f.opinion.Text, t.mm.d.Now())
	t.afterStep(err, mtgL("meeting.review.done"))
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
