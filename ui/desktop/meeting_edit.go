package desktop

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/app/i18n"
	"pingxin/app/importer"
	"pingxin/app/service"
)

// nomineeForm adds or edits a household by hand. What was typed is held to exactly the
// rules of a household imported from a file (app.HouseholdRules): a valid ID, an adult,
// not twice on the list, the blacklist, the three 不准, amounts on the unit and within
// the caps.
type nomineeForm struct {
	t   *listTab
	i   int // the household edited, or -1 for a new one
	dlg dialog.Dialog

	name, id, group, phone, size, purpose, requested *widget.Entry
	baseline                                         [6]*widget.Select
	undertaking                                      *widget.Check
	items                                            map[string]*widget.FormItem
	form                                             *widget.Form
	problems                                         *widget.Label
	saveB, cancelB                                   *widget.Button
}

// formColumns are the importer columns the form fills, in form order.
var formColumns = []string{importer.ColName, importer.ColID, importer.ColGroup, importer.ColPhone,
	importer.ColSize, importer.ColPurpose, importer.ColRequested}

func (t *listTab) onAdd() { t.openForm(-1) }

func (t *listTab) onEdit() {
	if t.selected >= 0 {
		t.openForm(t.selected)
	}
}

// openForm shows the form for household i, or for a new one when i is -1.
func (t *listTab) openForm(i int) {
	f := &nomineeForm{t: t, i: i, items: map[string]*widget.FormItem{}}
	t.form = f
	f.build()
	title := mtgL("meeting.edit.add")
	if i >= 0 {
		f.fill(t.mm.nominee(i))
		title = mtgL("meeting.edit.edit", "Seq", t.mm.nominee(i).Seq)
	}
	// what is wrong stays above the scrolling fields and the buttons below them, both
	// always in sight, however far the form is scrolled
	buttons := container.NewHBox(layout.NewSpacer(), f.cancelB, f.saveB)
	body := container.NewBorder(f.problems, buttons, nil, nil, container.NewVScroll(f.form))
	f.dlg = dialog.NewCustomWithoutButtons(title, body, t.mm.d.Win)
	f.dlg.Resize(fyne.NewSize(620, 640))
	f.dlg.Show()
	t.mm.d.Win.Canvas().Focus(f.name)
}

func (f *nomineeForm) build() {
	entry := func(key, labelKey string) *widget.Entry {
		e := widget.NewEntry()
		f.items[key] = widget.NewFormItem(mtgL(labelKey), e)
		return e
	}
	f.name = entry(importer.ColName, "meeting.col.name")
	f.id = entry(importer.ColID, "meeting.col.id_full")
	f.group = entry(importer.ColGroup, "meeting.col.group")
	f.phone = entry(importer.ColPhone, "meeting.col.phone")
	f.size = entry(importer.ColSize, "meeting.col.size")
	f.purpose = entry(importer.ColPurpose, "meeting.col.purpose")
	f.requested = entry(importer.ColRequested, "meeting.col.requested")
	f.requested.SetPlaceHolder(mtgL("meeting.amount_hint"))
	f.form = &widget.Form{}
	f.saveB = &widget.Button{Text: mtgL("meeting.save"), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: f.onSave}
	f.cancelB = widget.NewButtonWithIcon(mtgL("meeting.cancel"), theme.CancelIcon(), func() { f.dlg.Hide() })
	for _, e := range []*widget.Entry{f.name, f.id, f.group, f.phone, f.size, f.purpose, f.requested} {
		e.OnSubmitted = func(string) { f.onSave() } // Enter in any field saves
	}
	for _, k := range formColumns {
		f.form.AppendItem(f.items[k])
	}
	for i := range app.BaselineItems {
		f.baseline[i] = newSelect(texts(checks, checkText), nil)
		f.baseline[i].SetSelected(checkText(app.Met))
		f.items[importer.ColBaseline(i)] = widget.NewFormItem(baselineText(i), f.baseline[i])
		f.form.AppendItem(f.items[importer.ColBaseline(i)])
	}
	f.undertaking = widget.NewCheck(undertakingText(), nil)
	f.undertaking.SetChecked(true)
	f.items[importer.ColUndertaking] = widget.NewFormItem(mtgL("meeting.col.undertaking"), f.undertaking)
	f.form.AppendItem(f.items[importer.ColUndertaking])
	f.problems = newProblemLabel()
}

// fill shows household n in the form, with its full ID: this is the clerk's own form.
func (f *nomineeForm) fill(n *app.Nominee) {
	f.name.SetText(n.Name)
	f.id.SetText(n.IDNumber)
	f.group.SetText(n.Group)
	f.phone.SetText(n.Phone)
	if n.HouseholdSize > 0 {
		f.size.SetText(strconv.Itoa(n.HouseholdSize))
	}
	f.purpose.SetText(n.Purpose)
	f.requested.SetText(wanText(n.Requested))
	for i, c := range n.Baseline {
		f.baseline[i].SetSelected(checkText(c))
	}
	f.undertaking.SetChecked(n.Undertaking)
}

// nominee is the household as typed; an amount or a size that cannot be read is a
// problem at its field.
func (f *nomineeForm) nominee() (app.Nominee, app.Problems) {
	n := app.NewNominee(strings.TrimSpace(f.name.Text), strings.TrimSpace(f.id.Text))
	n.Group, n.Phone = strings.TrimSpace(f.group.Text), strings.TrimSpace(f.phone.Text)
	n.Purpose = strings.TrimSpace(f.purpose.Text)
	var probs app.Problems
	if s := strings.TrimSpace(f.size.Text); s != "" {
		size, err := strconv.Atoi(s)
		if err != nil || size <= 0 {
			probs = append(probs, app.Problem{Field: importer.ColSize, Message: i18n.M("importer.not_count")})
		}
		n.HouseholdSize = size
	}
	if s := strings.TrimSpace(f.requested.Text); s != "" {
		y, err := amount.Parse(s)
		if err != nil {
			probs = append(probs, app.Problem{Field: app.FieldRequested, Message: amount.Reason(err)})
		}
		n.Requested = y
	}
	for i, sel := range f.baseline {
		n.Baseline[i], _ = fromText(checks, checkText, sel.Selected)
	}
	n.Undertaking = f.undertaking.Checked
	return n, probs
}

// onSave checks and stores the household; problems stay in the form beside their fields.
func (f *nomineeForm) onSave() {
	n, err := f.check()
	if err != nil {
		setProblem(f.problems, errText(f.t.mm.d, err))
		return
	}
	if n == nil {
		return // problems shown
	}
	mm := f.t.mm
	if f.i < 0 {
		err = mm.d.Store.AddHousehold(context.Background(), mm.id, n)
		if err == nil {
			err = mm.reload()
		}
	} else {
		err = mm.saveNominee(f.i, f.merge(n))
	}
	if err != nil {
		setProblem(f.problems, errText(mm.d, err))
		return
	}
	f.dlg.Hide()
}

// check holds the household typed to the rules a file's row is held to
// (app.HouseholdRules.Admit, the same the service applies when it stores it); nil with
// nil error means the problems are shown in the form. An edited household is not a
// duplicate of itself.
func (f *nomineeForm) check() (*app.Nominee, error) {
	mm := f.t.mm
	except := int64(0)
	if f.i >= 0 {
		except = mm.nominee(f.i).ID
	}
	r, err := service.HouseholdRules(context.Background(), mm.d.Store, mm.id, except)
	if err != nil {
		return nil, err
	}
	n, probs := f.nominee()
	for _, p := range r.Admit(&n) {
		if !slices.ContainsFunc(probs, func(q app.Problem) bool { return q.Field == p.Field }) {
			probs = append(probs, p)
		}
	}
	for _, item := range f.items {
		item.HintText = ""
	}
	if len(probs) > 0 {
		f.showProblems(probs)
		return nil, nil
	}
	setProblem(f.problems, "")
	f.form.Refresh()
	return &n, nil
}

// problemItems maps the fields of app.Problem to the form's items.
var problemItems = map[string]string{app.FieldName: importer.ColName, app.FieldID: importer.ColID,
	app.FieldRequested: importer.ColRequested, importer.ColSize: importer.ColSize}

// showProblems puts each reason under its field, and all of them below the form.
func (f *nomineeForm) showProblems(probs app.Problems) {
	lg := f.t.mm.d.Lang
	var all []string
	for _, p := range probs {
		text := p.Message.In(lg)
		if item, ok := f.items[problemItems[p.Field]]; ok {
			item.HintText = text
			text = mtgL("meeting.field_problem", "Field", item.Text, "Problem", text)
		}
		all = append(all, text)
	}
	f.form.Refresh()
	setProblem(f.problems, strings.Join(all, "\n"))
}

// merge puts the form's fields onto the stored household, keeping the meeting's work
// (amounts, votes, verification).
func (f *nomineeForm) merge(n *app.Nominee) app.Nominee {
	out := *f.t.mm.nominee(f.i)
	out.Name, out.IDNumber, out.Group, out.Phone = n.Name, n.IDNumber, n.Group, n.Phone
	out.HouseholdSize, out.Purpose, out.Requested = n.HouseholdSize, n.Purpose, n.Requested
	out.Baseline, out.Undertaking, out.Blocked = n.Baseline, n.Undertaking, n.Blocked
	return out
}
