package desktop

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/importer"
)

// nomineeForm adds or edits a household by hand. It puts what was typed through the
// importer's own row checks (a one-row list), so that a household typed in is held to
// exactly the rules of one imported: a valid ID, an adult, not twice on the list, the
// blacklist, the three 不准, amounts on the unit and within the caps.
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
	title := mtgL("mtg.edit.add")
	if i >= 0 {
		f.fill(t.mm.nominee(i))
		title = mtgL("mtg.edit.edit", "Seq", t.mm.nominee(i).Seq)
	}
	// the buttons stay below the scrolling fields, always in sight
	buttons := container.NewHBox(layout.NewSpacer(), f.cancelB, f.saveB)
	body := container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(container.NewVBox(f.form, f.problems)))
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
	f.name = entry(importer.ColName, "mtg.col.name")
	f.id = entry(importer.ColID, "mtg.col.id_full")
	f.group = entry(importer.ColGroup, "mtg.col.group")
	f.phone = entry(importer.ColPhone, "mtg.col.phone")
	f.size = entry(importer.ColSize, "mtg.col.size")
	f.purpose = entry(importer.ColPurpose, "mtg.col.purpose")
	f.requested = entry(importer.ColRequested, "mtg.col.requested")
	f.requested.SetPlaceHolder(mtgL("mtg.amount_hint"))
	f.form = &widget.Form{}
	f.saveB = &widget.Button{Text: mtgL("mtg.save"), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: f.onSave}
	f.cancelB = widget.NewButtonWithIcon(mtgL("mtg.cancel"), theme.CancelIcon(), func() { f.dlg.Hide() })
	for _, e := range []*widget.Entry{f.name, f.id, f.group, f.phone, f.size, f.purpose, f.requested} {
		e.OnSubmitted = func(string) { f.onSave() } // Enter in any field saves
	}
	for _, k := range formColumns {
		f.form.AppendItem(f.items[k])
	}
	for i, item := range app.BaselineItems {
		f.baseline[i] = newSelect(texts(checks, checkText), nil)
		f.baseline[i].SetSelected(checkText(app.Met))
		f.items[importer.ColBaseline(i)] = widget.NewFormItem(item, f.baseline[i])
		f.form.AppendItem(f.items[importer.ColBaseline(i)])
	}
	f.undertaking = widget.NewCheck(app.Undertaking, nil)
	f.undertaking.SetChecked(true)
	f.items[importer.ColUndertaking] = widget.NewFormItem(mtgL("mtg.col.undertaking"), f.undertaking)
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

// row is what was typed as a two-row table (header, values) the importer reads.
func (f *nomineeForm) row() *importer.Table {
	var head, vals []importer.Cell
	add := func(key, v string) {
		c, _ := importer.NomineeSchema.Column(key)
		head = append(head, importer.Cell{Value: c.Names[0]})
		vals = append(vals, importer.Cell{Value: strings.TrimSpace(v)})
	}
	for k, e := range map[string]*widget.Entry{importer.ColName: f.name, importer.ColID: f.id, importer.ColGroup: f.group,
		importer.ColPhone: f.phone, importer.ColSize: f.size, importer.ColPurpose: f.purpose, importer.ColRequested: f.requested} {
		add(k, e.Text)
	}
	for i, s := range f.baseline {
		c, _ := fromText(checks, checkText, s.Selected)
		add(importer.ColBaseline(i), string(c))
	}
	add(importer.ColUndertaking, map[bool]string{true: "是", false: "否"}[f.undertaking.Checked])
	return &importer.Table{Name: mtgL("mtg.edit.source"), Format: "form", Rows: []importer.Row{{Num: 1, Cells: head}, {Num: 2, Cells: vals}}}
}

// rules gathers what the household is checked against; an edited household is not a
// duplicate of itself.
func (f *nomineeForm) rules() (importer.NomineeRules, error) {
	mm := f.t.mm
	bl, err := mm.d.Store.Blacklist(context.Background(), mm.v.ID)
	if err != nil {
		return importer.NomineeRules{}, err
	}
	existing := make(map[string]bool, mm.count())
	for i := range mm.m.Nominees {
		if i != f.i {
			existing[mm.m.Nominees[i].IDNumber] = true
		}
	}
	return importer.NomineeRules{Settings: mm.s, MeetingDate: mm.m.Date, Today: mm.d.Now(), Voters: mm.voters,
		Existing: existing, Blacklist: app.NewBlacklist(bl), CountyCode: mm.v.CountyCode}, nil
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

// check reads the form through the importer; nil with nil error means the problems are
// shown in the form.
func (f *nomineeForm) check() (*app.Nominee, error) {
	r, err := f.rules()
	if err != nil {
		return nil, err
	}
	l, err := importer.ParseNominees(f.row(), r)
	if err != nil {
		return nil, err
	}
	for _, item := range f.items {
		item.HintText = ""
	}
	if len(l.Errors) > 0 || len(l.Nominees) != 1 {
		f.showErrors(l.Errors)
		return nil, nil
	}
	setProblem(f.problems, "")
	f.form.Refresh()
	n := l.Nominees[0]
	return &n, nil
}

// showErrors puts each reason under its field, and all of them below the form.
func (f *nomineeForm) showErrors(errs []importer.RowError) {
	lg := f.t.mm.d.Lang
	var all []string
	for _, e := range errs {
		all = append(all, e.Column+"："+e.ReasonIn(lg))
		for key, item := range f.items {
			if c, _ := importer.NomineeSchema.Column(key); c.Names[0] == e.Column {
				item.HintText = e.ReasonIn(lg)
			}
		}
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
