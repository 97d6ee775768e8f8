package desktop

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// memberForm is the small form that adds a person to a roster: name, the bodies they
// belong to and their role. The new-village dialog and the roster tab both use it.
type memberForm struct {
	OnAdd func(app.Member) error // stores or collects the member; an error is shown

	name    *widget.Entry
	bodies  *bodyChecks
	role    *widget.Select
	add     *widget.Button
	problem *widget.Label
	d       *Deps
}

func newMemberForm(d *Deps) *memberForm {
	f := &memberForm{d: d}
	f.name = &widget.Entry{PlaceHolder: lang.L("desktop.member.name")}
	f.name.ExtendBaseWidget(f.name)
	f.name.OnSubmitted = func(string) { f.onAdd() }
	f.bodies = newBodyChecks()
	f.role = newSelect(texts(roles, roleText), nil)
	f.role.SetSelectedIndex(0)
	f.add = &widget.Button{Text: lang.L("desktop.member.add"), Icon: theme.ContentAddIcon(), OnTapped: f.onAdd}
	f.problem = newProblemLabel()
	return f
}

// Content lays the form out on two lines.
func (f *memberForm) Content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, container.NewHBox(f.role, f.add), f.name)
	return container.NewVBox(top, f.bodies.rows[0], f.bodies.rows[1], f.problem)
}

// member reads the form: a name and at least one body are required.
func (f *memberForm) member() (app.Member, error) {
	m := app.Member{Name: strings.TrimSpace(f.name.Text), Role: roles[max(f.role.SelectedIndex(), 0)]}
	for _, b := range app.Bodies {
		if slices.Contains(f.bodies.selected(), bodyText(b)) {
			m.Bodies = append(m.Bodies, b)
		}
	}
	switch {
	case m.Name == "":
		return m, app.Errorf(app.EINVALID, "desktop.member.name_required")
	case len(m.Bodies) == 0:
		return m, app.Errorf(app.EINVALID, "desktop.member.body_required", "Name", m.Name)
	}
	return m, nil
}

func (f *memberForm) onAdd() {
	m, err := f.member()
	if err == nil && f.OnAdd != nil {
		err = f.OnAdd(m)
	}
	setProblem(f.problem, errText(f.d, err))
	if err == nil {
		f.name.SetText("")
		f.bodies.SetSelected(nil)
		f.role.SetSelectedIndex(0)
	}
}

// bodyChecks are the bodies to tick, in two rows of three: a row of all six is wider
// than a 1024 px window at the largest text in English (1599 px).
type bodyChecks struct{ rows [2]*widget.CheckGroup }

func newBodyChecks() *bodyChecks {
	names := texts(app.Bodies, bodyText)
	half := (len(names) + 1) / 2
	b := &bodyChecks{}
	for i, part := range [][]string{names[:half], names[half:]} {
		b.rows[i] = widget.NewCheckGroup(part, nil)
		b.rows[i].Horizontal = true
	}
	return b
}

// selected names the bodies ticked.
func (b *bodyChecks) selected() []string {
	return append(append([]string{}, b.rows[0].Selected...), b.rows[1].Selected...)
}

// SetSelected ticks the bodies named, and only them.
func (b *bodyChecks) SetSelected(names []string) {
	for _, r := range b.rows {
		var mine []string
		for _, n := range names {
			if slices.Contains(r.Options, n) {
				mine = append(mine, n)
			}
		}
		r.SetSelected(mine)
	}
}
