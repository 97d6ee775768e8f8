package desktop

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/service"
)

// defaultCounty is the county code a new village starts with: 桐乡市, where the
// programme comes from.
const defaultCounty = "330483"

// villageDialog creates a village: its name, town and county code, and its roster,
// read from a file or typed one person at a time.
type villageDialog struct {
	OnSaved func(*app.Village)

	d        *Deps
	name     *widget.Entry
	town     *widget.Entry
	county   *widget.Entry
	members  []app.Member
	roster   *fyne.Container
	count    *widget.Label
	form     *memberForm
	importer *widget.Button
	busy     *widget.ProgressBarInfinite
	problem  *widget.Label
	save     *widget.Button
	cancel   *widget.Button
	dlg      *dialog.CustomDialog
}

func newVillageDialog(d *Deps) *villageDialog {
	v := &villageDialog{d: d}
	v.name = newEntry(lang.L("desktop.village.name_hint"))
	v.town = newEntry(lang.L("desktop.village.town_hint"))
	v.county = newEntry("")
	v.county.SetText(defaultCounty)
	v.roster = container.NewVBox()
	v.count = &widget.Label{}
	v.form = newMemberForm(d)
	v.form.OnAdd = v.onAddMember
	v.importer = &widget.Button{Text: lang.L("desktop.village.import_roster"), Icon: theme.FileIcon(), OnTapped: v.onImport}
	v.busy = widget.NewProgressBarInfinite()
	v.busy.Hide()
	v.problem = newProblemLabel()
	v.save = &widget.Button{Text: lang.L("desktop.village.create"), Importance: widget.HighImportance, OnTapped: v.onSave}
	v.cancel = &widget.Button{Text: lang.L("desktop.cancel"), OnTapped: func() { v.dlg.Hide() }}
	v.showRoster()
	return v
}

// newEntry is a one-line entry with a placeholder.
func newEntry(hint string) *widget.Entry {
	e := &widget.Entry{PlaceHolder: hint}
	e.ExtendBaseWidget(e)
	return e
}

// Show opens the dialog over the main window.
func (v *villageDialog) Show() {
	facts := widget.NewForm(
		widget.NewFormItem(lang.L("desktop.village.name"), v.name),
		widget.NewFormItem(lang.L("desktop.village.town"), v.town),
		widget.NewFormItem(lang.L("desktop.village.county"), v.county))
	rosterHead := container.NewBorder(nil, nil, sectionTitle(lang.L("desktop.village.roster")), v.importer, v.count)
	top := container.NewVBox(facts, widget.NewSeparator(), rosterHead, v.busy, v.form.Content())
	bottom := container.NewVBox(v.problem, container.NewHBox(layout.NewSpacer(), v.cancel, v.save))
	body := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(v.roster))
	v.dlg = dialog.NewCustomWithoutButtons(lang.L("desktop.home.new_village"), body, v.d.Win)
	v.dlg.Resize(fyne.NewSize(760, 680))
	v.dlg.Show()
}

func (v *villageDialog) onAddMember(m app.Member) error {
	if _, dup := (&app.Village{Members: v.members}).MemberByName(m.Name); dup {
		return app.Errorf(app.EINVALID, "village.member_twice", "Name", m.Name)
	}
	v.members = append(v.members, m)
	v.showRoster()
	return nil
}

// showRoster lists the members collected so far, each with a remove button.
func (v *villageDialog) showRoster() {
	v.roster.RemoveAll()
	for i, m := range v.members {
		rm := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() {
			v.members = append(v.members[:i:i], v.members[i+1:]...)
			v.showRoster()
		}}
		v.roster.Add(tableRow(rosterCols, tableCell(m.Name), tableCell(bodiesText(m.Bodies)), tableCell(roleText(m.Role)), rm))
	}
	v.count.SetText(lang.L("desktop.village.member_count", map[string]any{"Count": len(v.members)}))
}

// onImport reads a roster file (CSV or XLSX) off the UI thread and adds its people.
func (v *villageDialog) onImport() {
	pickOpen(v.d.Win, filePick{exts: listFiles}, func(path string) { v.importFile(path, nil) },
		func(err error) { setProblem(v.problem, errText(v.d, err)) })
}

// importFile reads the roster at path off the UI thread; done, when not nil, runs on
// the UI thread after.
func (v *villageDialog) importFile(path string, done func()) {
	v.busy.Show()
	v.importer.Disable()
	var members []app.Member
	inBackground(func() (err error) {
		members, err = service.ReadRoster(path)
		return err
	}, func(err error) {
		v.busy.Hide()
		v.importer.Enable()
		if err == nil {
			v.members = append(v.members, members...)
			v.showRoster()
		}
		setProblem(v.problem, errText(v.d, err))
		if done != nil {
			done()
		}
	})
}

// village is the village the dialog describes, with the default rules.
func (v *villageDialog) village() *app.Village {
	return &app.Village{
		Name:       strings.TrimSpace(v.name.Text),
		Town:       strings.TrimSpace(v.town.Text),
		CountyCode: strings.TrimSpace(v.county.Text),
		Settings:   app.DefaultSettings(),
		Members:    v.members,
	}
}

func (v *villageDialog) onSave() {
	vil := v.village()
	err := vil.Validate()
	if err == nil {
		err = v.d.Store.CreateVillage(context.Background(), vil)
	}
	setProblem(v.problem, errText(v.d, err))
	if err != nil {
		return
	}
	v.dlg.Hide()
	if v.OnSaved != nil {
		v.OnSaved(vil)
	}
}
