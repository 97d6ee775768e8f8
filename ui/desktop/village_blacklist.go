package desktop

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/idcard"
	"pingxin/app/service"
)

// blacklistCols are the blacklist table's columns: name, ID, category, date, note, remove.
var blacklistCols = colsLayout{1, 2, 1, 1.1, 2, 0.9}

// handSource is the Source of an entry typed in by hand; stored data, so Chinese.
const handSource = "手工录入"

// BlacklistTab lists a village's blacklist and changes it: import a file, add one
// person by hand (ID checked), remove one with a reason (kept in the audit log).
type BlacklistTab struct {
	d         *Deps
	villageID int64
	county    string
	entries   []app.BlacklistEntry
	rows      *fyne.Container

	Name, IDNumber, Note *widget.Entry
	Category             *widget.Select
	Add, Import          *widget.Button
	busy                 *widget.ProgressBarInfinite
	Problem, Info        *widget.Label
}

func newBlacklistTab(d *Deps, villageID int64) *BlacklistTab {
	b := &BlacklistTab{d: d, villageID: villageID, rows: container.NewVBox()}
	b.Name = newEntry(lang.L("desktop.blacklist.name"))
	b.IDNumber = newEntry(lang.L("desktop.blacklist.id_number"))
	b.Note = newEntry(lang.L("desktop.blacklist.note"))
	b.Category = newSelect(texts(app.Categories, categoryText), nil)
	b.Category.SetSelectedIndex(0)
	b.Add = &widget.Button{Text: lang.L("desktop.blacklist.add"), Icon: theme.ContentAddIcon(), OnTapped: b.onAdd}
	b.Import = &widget.Button{Text: lang.L("desktop.blacklist.import"), Icon: theme.FileIcon(), OnTapped: b.onImport}
	b.busy = widget.NewProgressBarInfinite()
	b.busy.Hide()
	b.Problem = newProblemLabel()
	b.Info = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.SuccessImportance}
	return b
}

// Content is the add form and import button over the list.
func (b *BlacklistTab) Content() fyne.CanvasObject {
	add := container.NewGridWithColumns(5, b.Name, b.IDNumber, b.Category, b.Note, b.Add)
	head := tableRow(blacklistCols, tableHead(lang.L("desktop.blacklist.name")), tableHead(lang.L("desktop.blacklist.id_number")),
		tableHead(lang.L("desktop.blacklist.category")), tableHead(lang.L("desktop.blacklist.date")),
		tableHead(lang.L("desktop.blacklist.note")), widget.NewLabel(""))
	top := container.NewVBox(
		container.NewBorder(nil, nil, sectionTitle(lang.L("desktop.blacklist.add_title")), b.Import),
		add, b.busy, b.Problem, b.Info, widget.NewSeparator(), head)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(b.rows))
}

// Entries are the entries listed now.
func (b *BlacklistTab) Entries() []app.BlacklistEntry { return b.entries }

// Refresh reloads the list from the store.
func (b *BlacklistTab) Refresh() {
	es, err := b.d.Store.Blacklist(context.Background(), b.villageID)
	setProblem(b.Problem, errText(b.d, err))
	if err != nil {
		return
	}
	b.entries = es
	b.rows.RemoveAll()
	for _, e := range es {
		rm := &widget.Button{Text: lang.L("desktop.blacklist.remove"), Importance: widget.LowImportance,
			OnTapped: func() { b.onRemove(e) }}
		b.rows.Add(tableRow(blacklistCols, tableCell(e.Name), tableCell(idcard.Mask(e.IDNumber)),
			tableCell(categoryText(e.Category)), tableCell(e.Date.Format(dateLayout)), tableCell(e.Note), rm))
	}
	if len(es) == 0 {
		b.rows.Add(&widget.Label{Text: lang.L("desktop.blacklist.empty"), Importance: widget.LowImportance})
	}
}

// entry reads the add form: a name and a valid resident ID are required.
func (b *BlacklistTab) entry() (app.BlacklistEntry, error) {
	e := app.BlacklistEntry{VillageID: b.villageID, Name: strings.TrimSpace(b.Name.Text),
		Category: app.Categories[max(b.Category.SelectedIndex(), 0)], Source: handSource,
		Date: b.d.Now(), Note: strings.TrimSpace(b.Note.Text)}
	if e.Name == "" {
		return e, app.Errorf(app.EINVALID, "desktop.blacklist.name_required")
	}
	id, err := idcard.ParseAt(b.IDNumber.Text, b.d.Now())
	if err != nil {
		return e, err
	}
	e.IDNumber = id.String()
	return e, nil
}

func (b *BlacklistTab) onAdd() {
	e, err := b.entry()
	if err == nil {
		err = b.d.Store.AddBlacklistEntry(context.Background(), b.villageID, e)
	}
	setProblem(b.Problem, errText(b.d, err))
	b.Info.SetText("")
	if err != nil {
		return
	}
	if id, _ := idcard.Parse(e.IDNumber); b.county != "" && !idcard.InCounty(id, b.county) {
		b.Info.SetText(lang.L("desktop.blacklist.other_county", map[string]any{"Name": e.Name}))
	}
	b.Name.SetText("")
	b.IDNumber.SetText("")
	b.Note.SetText("")
	b.Refresh()
}

func (b *BlacklistTab) onRemove(e app.BlacklistEntry) {
	reason := newEntry(lang.L("desktop.blacklist.reason_hint"))
	reason.Validator = func(s string) error {
		if err := app.CheckRemovalReason(s); err != nil {
			return errors.New(errText(b.d, err))
		}
		return nil
	}
	title := lang.L("desktop.blacklist.remove_title", map[string]any{"Name": e.Name})
	items := []*widget.FormItem{widget.NewFormItem(lang.L("desktop.blacklist.reason"), reason)}
	dlg := dialog.NewForm(title, lang.L("desktop.blacklist.remove"), lang.L("desktop.cancel"), items, func(ok bool) {
		if ok {
			b.Remove(e.ID, reason.Text)
		}
	}, b.d.Win)
	dlg.Resize(fyne.NewSize(520, 220))
	dlg.Show()
}

// Remove takes entry id off the blacklist, recording why.
func (b *BlacklistTab) Remove(id int64, reason string) {
	err := b.d.Store.RemoveBlacklist(context.Background(), id, strings.TrimSpace(reason))
	setProblem(b.Problem, errText(b.d, err))
	b.Refresh()
}

func (b *BlacklistTab) onImport() {
	pickOpen(b.d.Win, filePick{exts: listFiles}, func(path string) { b.ImportFile(path, nil) },
		func(err error) { setProblem(b.Problem, errText(b.d, err)) })
}

// ImportFile loads a blacklist file off the UI thread with a progress bar, then shows
// the summary or every bad row; done, when not nil, runs on the UI thread after.
func (b *BlacklistTab) ImportFile(path string, done func()) {
	b.busy.Show()
	b.Import.Disable()
	setProblem(b.Problem, "")
	var s *service.BlacklistSummary
	inBackground(func() (err error) {
		s, err = b.d.Store.ImportBlacklist(context.Background(), b.villageID, path)
		return err
	}, func(err error) {
		b.busy.Hide()
		b.Import.Enable()
		b.Info.SetText("")
		if err == nil {
			b.Info.SetText(s.Text(b.d.Lang))
		}
		b.Refresh()
		setProblem(b.Problem, errText(b.d, err))
		if done != nil {
			done()
		}
	})
}
