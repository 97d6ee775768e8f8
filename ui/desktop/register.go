package desktop

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/idcard"
)

// registerCol is one column of the register table: its heading's key, its width and
// the key it sorts by.
type registerCol struct {
	key   string
	width float32
	sort  app.SortKey
}

var registerCols = []registerCol{
	{"desktop.register.col.name", 90, app.SortName},
	{"desktop.register.col.id", 150, app.SortName},
	{"desktop.register.col.group", 110, app.SortGroup},
	{"desktop.register.col.passed", 90, app.SortAmount},
	{"desktop.register.col.current", 90, app.SortAmount},
	{"desktop.register.col.approved", 105, app.SortApproved},
	{"desktop.register.col.expiry", 105, app.SortExpiry},
	{"desktop.register.col.status", 180, app.SortStatus},
	{"desktop.register.col.doc", 170, app.SortDoc},
}

// RegisterScreen is a village's credit register (docs/RULES.md §11.6): every household
// the village passed, its credit, expiry and status, searchable and sortable; the
// history of the household chosen, with its last rating; the bank's answers from a
// sheet or typed; the households due put on the next meeting; the register exported.
type RegisterScreen struct {
	d         *Deps
	villageID int64
	reg       *app.Register
	shown     []*app.RegisterEntry
	chosen    *app.RegisterEntry

	Search     *widget.Entry
	SortBy     *widget.Select
	Desc       *widget.Check
	DueOnly    *widget.Check
	Table      *widget.Table
	Summary    *widget.Label
	LastRating *widget.Label
	History    *widget.Label
	Reminder   *widget.Entry
	Info       *widget.Label
	Problem    *widget.Label
	busy       *widget.ProgressBarInfinite

	ImportBank, TypeBank, Renew, ExportXLSX, ExportPDF, SaveReminder *widget.Button
	colWidths                                                        []float32 // as fitColumns set them
}

var (
	_ Screen    = (*RegisterScreen)(nil)
	_ Refresher = (*RegisterScreen)(nil)
)

// NewRegisterScreen builds the register of village villageID and loads it.
func NewRegisterScreen(d *Deps, villageID int64) *RegisterScreen {
	r := &RegisterScreen{d: d, villageID: villageID}
	r.Search = &widget.Entry{PlaceHolder: lang.L("desktop.register.search"), OnChanged: func(string) { r.show() }}
	r.Search.ExtendBaseWidget(r.Search)
	var sorts []string
	for _, c := range registerCols {
		if c.key != "desktop.register.col.id" && c.key != "desktop.register.col.passed" {
			sorts = append(sorts, lang.L(c.key))
		}
	}
	r.SortBy = &widget.Select{Options: sorts, PlaceHolder: lang.L("desktop.register.sort"), OnChanged: func(string) { r.show() }}
	r.SortBy.ExtendBaseWidget(r.SortBy)
	r.Desc = &widget.Check{Text: lang.L("desktop.register.desc"), OnChanged: func(bool) { r.show() }}
	r.Desc.ExtendBaseWidget(r.Desc)
	r.DueOnly = &widget.Check{Text: lang.L("desktop.register.due_only"), OnChanged: func(bool) { r.show() }}
	r.DueOnly.ExtendBaseWidget(r.DueOnly)
	r.Summary = &widget.Label{Wrapping: fyne.TextWrapWord}
	r.LastRating = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	r.History = &widget.Label{Wrapping: fyne.TextWrapWord, Text: lang.L("desktop.register.pick")}
	r.Reminder = &widget.Entry{}
	r.Reminder.ExtendBaseWidget(r.Reminder)
	r.Info = &widget.Label{Wrapping: fyne.TextWrapWord}
	r.Info.Hide()
	r.Problem = newProblemLabel()
	r.busy = widget.NewProgressBarInfinite()
	r.busy.Hide()
	r.ImportBank = &widget.Button{Text: lang.L("desktop.register.import_bank"), Icon: theme.UploadIcon(), OnTapped: r.onImportBank}
	r.TypeBank = &widget.Button{Text: lang.L("desktop.register.type_bank"), Icon: theme.DocumentCreateIcon(), OnTapped: r.onTypeBank}
	r.Renew = &widget.Button{Text: lang.L("desktop.register.renew"), Icon: theme.ContentAddIcon(),
		Importance: widget.HighImportance, OnTapped: r.onRenew}
	r.ExportXLSX = &widget.Button{Text: lang.L("desktop.register.export_xlsx"), Icon: theme.DownloadIcon(), OnTapped: func() { r.onExport(false) }}
	r.ExportPDF = &widget.Button{Text: lang.L("desktop.register.export_pdf"), Icon: theme.DocumentPrintIcon(), OnTapped: func() { r.onExport(true) }}
	r.SaveReminder = &widget.Button{Text: lang.L("desktop.register.save_reminder"), OnTapped: r.onSaveReminder}
	r.Table = r.newTable()
	r.Refresh()
	return r
}

// Title names the village's register.
func (r *RegisterScreen) Title() string { return lang.L("desktop.register.title") }

// Content is the actions and search over the table, the history of the chosen
// household beside it.
func (r *RegisterScreen) Content() fyne.CanvasObject {
	// the bank's answers and the next meeting in one row, the exports in another: in
	// one row the five need 1559 px in English and 1094 px in Chinese at the largest text
	actions := container.NewVBox(container.NewHBox(r.ImportBank, r.TypeBank, r.Renew), container.NewHBox(r.ExportXLSX, r.ExportPDF))
	reminder := container.NewHBox(widget.NewLabel(lang.L("desktop.register.reminder")), container.NewGridWrap(fyne.NewSize(70, r.Reminder.MinSize().Height), r.Reminder), r.SaveReminder)
	// the search on a line of its own: beside the sort, filter and reminder it was
	// squeezed to some 250 px at the largest text, short of an 18-digit ID number
	filters := container.NewVBox(r.Search, container.NewHBox(r.SortBy, r.Desc, r.DueOnly, layout.NewSpacer(), reminder))
	top := container.NewVBox(actions, filters, r.Summary, r.busy, r.Info, r.Problem)
	side := container.NewBorder(container.NewVBox(sectionTitle(lang.L("desktop.register.history")), r.LastRating), nil, nil, nil,
		container.NewVScroll(r.History))
	split := container.NewHSplit(r.Table, side)
	split.Offset = 0.68
	return container.NewBorder(top, nil, nil, nil, split)
}

// Refresh reloads the register from the store (every signed meeting folded in first).
func (r *RegisterScreen) Refresh() {
	ctx := context.Background()
	reg, err := r.d.Store.OpenRegister(ctx, r.villageID, r.d.Now())
	setProblem(r.Problem, errText(r.d, err))
	if err != nil {
		return
	}
	r.reg = reg
	r.Reminder.SetText(strconv.Itoa(reg.ReminderDays))
	r.show()
}

// Shown is what the table lists now, after search, filter and sort.
func (r *RegisterScreen) Shown() []*app.RegisterEntry { return r.shown }

// show applies the search, the filter and the sort to the register and redraws.
func (r *RegisterScreen) show() {
	if r.reg == nil || r.Table == nil {
		return
	}
	es := r.reg.Search(r.Search.Text)
	if r.DueOnly.Checked {
		es = slicesFilter(es, func(e *app.RegisterEntry) bool { return e.Due })
	}
	key := app.SortName
	for _, c := range registerCols {
		if lang.L(c.key) == r.SortBy.Selected {
			key = c.sort
		}
	}
	app.SortEntries(es, key, r.Desc.Checked)
	r.shown = es
	due := len(r.reg.Due())
	r.Summary.SetText(lang.L("desktop.register.summary", map[string]any{"Shown": len(es), "All": len(r.reg.Entries), "Due": due, "Days": r.reg.ReminderDays}))
	r.Renew.Disable()
	if due > 0 {
		r.Renew.Enable()
	}
	r.fitColumns()
	r.Table.UnselectAll()
	r.Table.Refresh()
}

// fitColumns widens each column to its heading and its widest text in the whole
// register (not only the rows shown, so that a search does not make the columns jump):
// at the largest text the fixed widths overlapped the headings (Head of household over
// ID number).
func (r *RegisterScreen) fitColumns() {
	size := theme.TextSize()
	pad := 2*theme.InnerPadding() + theme.Padding()
	r.colWidths = make([]float32, len(registerCols))
	for col, c := range registerCols {
		w := fyne.MeasureText(lang.L(c.key), size, fyne.TextStyle{Bold: true}).Width
		for i := range r.reg.Entries {
			w = max(w, fyne.MeasureText(r.cellText(&r.reg.Entries[i], col), size, fyne.TextStyle{}).Width)
		}
		r.colWidths[col] = max(w+pad, c.width)
		r.Table.SetColumnWidth(col, r.colWidths[col])
	}
}

func slicesFilter(es []*app.RegisterEntry, keep func(*app.RegisterEntry) bool) []*app.RegisterEntry {
	out := es[:0]
	for _, e := range es {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

func (r *RegisterScreen) newTable() *widget.Table {
	tb := widget.NewTableWithHeaders(
		func() (int, int) { return len(r.shown), len(registerCols) },
		func() fyne.CanvasObject { return tableCell("") },
		r.updateCell)
	tb.ShowHeaderColumn = false
	tb.CreateHeader = func() fyne.CanvasObject { return tableHead("") }
	tb.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(registerCols[id.Col].key))
		}
	}
	for i, c := range registerCols {
		tb.SetColumnWidth(i, c.width)
	}
	tb.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(r.shown) {
			r.Choose(r.shown[id.Row])
		}
	}
	return tb
}

func (r *RegisterScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(r.shown) {
		l.SetText("")
		return
	}
	l.SetText(r.cellText(r.shown[id.Row], id.Col))
}

// cellText is what column col shows of entry e.
func (r *RegisterScreen) cellText(e *app.RegisterEntry, col int) string {
	switch registerCols[col].key {
	case "desktop.register.col.name":
		return e.Name
	case "desktop.register.col.id":
		return idcard.Mask(e.IDNumber)
	case "desktop.register.col.group":
		return e.Group
	case "desktop.register.col.passed":
		return amountText(e.Passed)
	case "desktop.register.col.current":
		if e.Current == 0 {
			return app.Dash
		}
		return amountText(e.Current)
	case "desktop.register.col.approved":
		return app.DayOrDash(e.BankDate)
	case "desktop.register.col.expiry":
		return app.DayOrDash(e.Expiry)
	case "desktop.register.col.status":
		return e.StatusText(r.d.Lang)
	}
	return e.DocNumber
}

// Choose shows household e's last rating and whole history beside the table.
func (r *RegisterScreen) Choose(e *app.RegisterEntry) {
	r.chosen = e
	evs, err := r.d.Store.CreditHistory(context.Background(), r.villageID, e.IDNumber)
	setProblem(r.Problem, errText(r.d, err))
	r.LastRating.SetText(e.Name + "  " + idcard.Mask(e.IDNumber) + "\n" + e.LastRating(r.d.Lang))
	var b strings.Builder
	for _, ev := range evs {
		date := app.DayOrDash(ev.Date)
		if ev.Date.IsZero() {
			date = lang.L("desktop.register.not_given")
		}
		fmt.Fprintf(&b, "%s  %s", date, ev.Kind.Label(r.d.Lang))
		for _, s := range []string{ev.DocNumber, eventOutcomeText(ev.Outcome)} {
			if s != "" {
				b.WriteString("  " + s)
			}
		}
		if ev.Amount > 0 {
			b.WriteString("  " + amountText(ev.Amount))
		}
		if ev.Detail != "" {
			b.WriteString("\n    " + ev.Detail)
		}
		b.WriteString("\n")
	}
	r.History.SetText(b.String())
}

// showInfo shows what an action did in l, or hides l when there is nothing to say, so
// an empty line takes no room above the table.
func showInfo(l *widget.Label, text string) { setProblem(l, text) }

// eventOutcomeText names a history event's outcome — a decision (通过 …) or a visit's
// conclusion (属实 …), stored as the record writes them — in the screen's language.
func eventOutcomeText(s string) string {
	if code, ok := decisionCodes[app.Decision(s)]; ok {
		return lang.L("meeting.decision." + code)
	}
	if code, ok := concCodes[app.Conclusion(s)]; ok {
		return lang.L("meeting.conclusion." + code)
	}
	return s
}
