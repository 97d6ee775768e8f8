package desktop

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// rosterCols are the roster table's columns: name, bodies, role, remove.
var rosterCols = colsLayout{1.2, 3, 1.4, 0.6}

// RosterTab lists the village's people and adds or removes one at a time; each
// change is stored at once.
type RosterTab struct {
	d         *Deps
	villageID int64
	members   []app.Member
	rows      *fyne.Container
	form      *memberForm
	problem   *widget.Label
}

func newRosterTab(d *Deps, villageID int64) *RosterTab {
	r := &RosterTab{d: d, villageID: villageID, rows: container.NewVBox(), problem: newProblemLabel()}
	r.form = newMemberForm(d)
	r.form.OnAdd = r.add
	return r
}

// Content is the add form over the list.
func (r *RosterTab) Content() fyne.CanvasObject {
	head := tableRow(rosterCols, tableHead(lang.L("desktop.member.name")), tableHead(lang.L("desktop.member.bodies")),
		tableHead(lang.L("desktop.member.role")), widget.NewLabel(""))
	top := container.NewVBox(sectionTitle(lang.L("desktop.member.add_title")), r.form.Content(), r.problem,
		widget.NewSeparator(), head)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(r.rows))
}

// Members are the people listed now.
func (r *RosterTab) Members() []app.Member { return r.members }

// show lists ms.
func (r *RosterTab) show(ms []app.Member) {
	r.members = ms
	r.rows.RemoveAll()
	for _, m := range ms {
		rm := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { r.onRemove(m) }}
		r.rows.Add(tableRow(rosterCols, tableCell(m.Name), tableCell(bodiesText(m.Bodies)), tableCell(roleText(m.Role)), rm))
	}
}

// add stores a new member of the village.
func (r *RosterTab) add(m app.Member) error {
	m.VillageID = r.villageID
	if err := r.d.Store.AddMember(context.Background(), &m); err != nil {
		return err
	}
	r.changed()
	return nil
}

func (r *RosterTab) onRemove(m app.Member) {
	msg := lang.L("desktop.member.remove_confirm", map[string]any{"Name": m.Name})
	dialog.ShowConfirm(lang.L("desktop.member.remove"), msg, func(ok bool) {
		if ok {
			r.remove(m.ID)
		}
	}, r.d.Win)
}

// remove deletes member id from the roster.
func (r *RosterTab) remove(id int64) {
	err := r.d.Store.RemoveMember(context.Background(), id)
	setProblem(r.problem, errText(r.d, err))
	if err == nil {
		r.changed()
	}
}

// changed reloads the roster after a change, leaving the other tabs as they are.
func (r *RosterTab) changed() {
	v, err := r.d.Store.Village(context.Background(), r.villageID)
	setProblem(r.problem, errText(r.d, err))
	if err == nil {
		r.show(v.Members)
	}
}
