package desktop

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/i18n"
	"pingxin/app/idcard"
	"pingxin/app/importer"
	"pingxin/app/service"
)

// importPreview is a nomination list read and checked but not stored: the file's rows
// in a table, each bad cell and row in red with its reason, and the choice to import
// every valid row or nothing.
type importPreview struct {
	t       *listTab
	p       *service.ImportPreview
	rows    []importer.Row
	cols    []previewCol
	status  map[int]previewStatus // by spreadsheet row number
	summary *widget.Label
	confirm *widget.Button
	cancel  *widget.Button
	dlg     dialog.Dialog
}

// previewCol is one known column of the file, in file order.
type previewCol struct {
	key, title string
	idx        int
}

// previewStatus is what the import makes of one row.
type previewStatus struct {
	valid   bool
	blocked string
	errs    []importer.RowError
}

// onImport asks for the file and previews it.
func (t *listTab) onImport() {
	pickOpen(t.mm.d.Win, filePick{exts: listFiles}, t.previewFile, func(err error) { showMeetingError(t.mm.d, err) })
}

// listFiles are the files a list may come in; .xls is offered so that its clear
// "save as .xlsx" message is reached rather than the file being invisible.
var listFiles = []string{".xlsx", ".csv", ".txt", ".xls"}

// previewFile reads and checks the list at path off the UI thread, then shows the preview.
func (t *listTab) previewFile(path string) {
	var p *service.ImportPreview
	busy := dialog.NewCustomWithoutButtons(mtgL("meeting.import.reading"), widget.NewProgressBarInfinite(), t.mm.d.Win)
	busy.Show()
	inBackground(func() error {
		var err error
		p, err = service.PreviewNominees(context.Background(), t.mm.d.Store, t.mm.id, path)
		return err
	}, func(err error) {
		busy.Hide()
		if err != nil {
			showMeetingError(t.mm.d, err)
			return
		}
		t.preview = newImportPreview(t, p, p.Table)
		t.preview.show()
	})
}

func newImportPreview(t *listTab, p *service.ImportPreview, raw *importer.Table) *importPreview {
	ip := &importPreview{t: t, p: p, status: map[int]previewStatus{}}
	h := p.List.Header
	for key, idx := range h.Cols {
		ip.cols = append(ip.cols, previewCol{key: key, title: h.Text[key], idx: idx})
	}
	slices.SortFunc(ip.cols, func(a, b previewCol) int { return a.idx - b.idx })
	for _, r := range raw.Rows {
		if r.Num > h.Num {
			ip.rows = append(ip.rows, r)
		}
	}
	for i, num := range p.List.Rows {
		ip.status[num] = previewStatus{valid: true, blocked: p.List.Nominees[i].Blocked}
	}
	for _, e := range p.List.Errors {
		s := ip.status[e.Row]
		s.errs = append(s.errs, e)
		ip.status[e.Row] = s
	}
	return ip
}

// show opens the preview dialog.
func (ip *importPreview) show() {
	l := ip.p.List
	lg := ip.t.mm.d.Lang
	text := mtgL("meeting.import.summary", "Valid", len(l.Nominees), "Blocked", l.Blocked, "Bad", l.Bad)
	if u := strings.Join(l.Unknown, mtgL("desktop.list.sep")); u != "" {
		text += "\n" + mtgL("meeting.import.unknown", "Columns", u)
	}
	for _, w := range l.Warnings {
		text += "\n" + w.Localize(lg)
	}
	ip.summary = &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	label := mtgL("meeting.import.all", "Count", len(l.Nominees))
	if l.Bad > 0 {
		label = mtgL("meeting.import.valid", "Count", len(l.Nominees))
	}
	ip.confirm = &widget.Button{Text: label, Importance: widget.HighImportance, OnTapped: ip.onConfirm}
	ip.cancel = widget.NewButton(mtgL("meeting.cancel"), func() { ip.dlg.Hide() })
	if len(l.Nominees) == 0 {
		ip.confirm.Disable()
	}
	table := ip.newTable()
	body := container.NewBorder(ip.summary, container.NewHBox(ip.cancel, ip.confirm), nil, nil, table)
	ip.dlg = dialog.NewCustomWithoutButtons(mtgL("meeting.import.title", "File", fileBase(ip.p.File)), body, ip.t.mm.d.Win)
	ip.dlg.Resize(fyne.NewSize(960, 560))
	ip.dlg.Show()
}

func (ip *importPreview) newTable() *widget.Table {
	n := len(ip.cols) + 2 // row number, the columns, the status
	tb := widget.NewTableWithHeaders(func() (int, int) { return len(ip.rows), n },
		func() fyne.CanvasObject { return tableCell("") }, ip.updateCell)
	tb.ShowHeaderColumn = false
	tb.CreateHeader = func() fyne.CanvasObject { return tableHead("") }
	tb.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(ip.header(id.Col))
	}
	tb.SetColumnWidth(0, 56)
	for i := range ip.cols {
		tb.SetColumnWidth(i+1, 110)
	}
	tb.SetColumnWidth(n-1, 360)
	return tb
}

func (ip *importPreview) header(col int) string {
	switch {
	case col == 0:
		return mtgL("meeting.import.row")
	case col <= len(ip.cols):
		return ip.cols[col-1].title
	}
	return mtgL("meeting.import.status")
}

func (ip *importPreview) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	label := o.(*widget.Label)
	r := ip.rows[id.Row]
	st := ip.status[r.Num]
	label.Importance = widget.MediumImportance
	switch {
	case id.Col == 0:
		label.Text = strconv.Itoa(r.Num)
		if len(st.errs) > 0 {
			label.Importance = widget.DangerImportance
		}
	case id.Col <= len(ip.cols):
		c := ip.cols[id.Col-1]
		label.Text = r.Cell(c.idx).Value
		if c.key == importer.ColID {
			label.Text = idcard.Mask(label.Text)
		}
		if st.errorIn(c.title) {
			label.Importance = widget.DangerImportance
		}
	default:
		label.Text, label.Importance = st.text(ip.t.mm.d.Lang)
	}
	label.Refresh()
}

// errorIn reports whether the row has an error in the column titled title (a vote
// error names all the vote columns: 赞成/反对/弃权).
func (s previewStatus) errorIn(title string) bool {
	for _, e := range s.errs {
		if e.Column == title || slices.Contains(strings.Split(e.Column, "/"), title) {
			return true
		}
	}
	return false
}

// text is the status column: every reason of a bad row, the reason of a blocked one.
func (s previewStatus) text(lg i18n.Lang) (string, widget.Importance) {
	switch {
	case len(s.errs) > 0:
		parts := make([]string, len(s.errs))
		for i, e := range s.errs {
			parts[i] = mtgL("meeting.field_problem", "Field", e.Column, "Problem", e.ReasonIn(lg))
		}
		return strings.Join(parts, mtgL("meeting.sep")), widget.DangerImportance
	case s.blocked != "":
		return mtgL("meeting.import.blocked", "Reason", blockedWhy(s.blocked)), widget.WarningImportance
	case s.valid:
		return mtgL("meeting.import.ok"), widget.SuccessImportance
	}
	return mtgL("meeting.import.ignored"), widget.LowImportance
}

// onConfirm stores every valid row in one transaction, off the UI thread, and reports
// what was imported and what was skipped.
func (ip *importPreview) onConfirm() {
	ip.confirm.Disable()
	ip.cancel.Disable()
	var sum *service.ImportSummary
	mm := ip.t.mm
	inBackground(func() error {
		var err error
		sum, err = ip.p.Commit(context.Background(), mm.d.Store, true)
		return err
	}, func(err error) {
		ip.dlg.Hide()
		if err != nil {
			showMeetingError(mm.d, err)
			return
		}
		if err := mm.reload(); err != nil {
			showMeetingError(mm.d, err)
		}
		mm.imported()
		ip.t.lastImport = sum
		ip.t.report.Show()
		ip.t.showImportReport()
	})
}

// showImportReport shows the last import's summary with every skipped row, whole:
// the text wraps (no ID number cut at the dialog's edge), scrolls, and can be selected
// and copied; 导入结果 in the list shows it again.
func (t *listTab) showImportReport() {
	if t.lastImport == nil {
		return
	}
	text := &widget.Label{Text: importReport(t.lastImport, t.mm.d.Lang), Wrapping: fyne.TextWrapWord, Selectable: true}
	d := dialog.NewCustom(mtgL("meeting.import.done"), mtgL("meeting.close"), container.NewVScroll(text), t.mm.d.Win)
	d.Resize(fyne.NewSize(720, 480))
	t.reportDlg = d
	d.Show()
}

// importReport is the summary of an import with every skipped row.
func importReport(s *service.ImportSummary, lg i18n.Lang) string {
	lines := []string{s.Text(lg)}
	if u := s.UnknownText(lg); u != "" {
		lines = append(lines, u)
	}
	for _, e := range s.Errors {
		lines = append(lines, e.Localize(lg))
	}
	return strings.Join(lines, "\n")
}

// fileBase is the file's name without its folder.
func fileBase(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// showMeetingError tells a person what went wrong, in their language.
func showMeetingError(d *Deps, err error) {
	dialog.ShowInformation(mtgL("meeting.error"), errText(d, err), d.Win)
}

// onTemplate saves the nomination list template (下载模板) where the clerk chooses.
func (t *listTab) onTemplate() {
	fail := func(err error) { showMeetingError(t.mm.d, err) }
	pickSave(t.mm.d.Win, filePick{name: mtgL("meeting.list.template_file"), exts: []string{".xlsx"}}, func(path string) {
		if err := service.SaveTemplate(path); err != nil {
			fail(err)
		}
	}, fail)
}
