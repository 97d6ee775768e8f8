package desktop

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/idcard"
	"pingxin/app/service"
	"pingxin/ui/desktop/widgets"
)

// listTab is 提名名单: the nomination list as a virtualised table (a list of 1,000
// households scrolls as lightly as one of 30), searchable by name, ID or group and
// filtered by status, with the import, the template and the hand-entry form.
type listTab struct {
	mm           *meetingModel
	onDeliberate func(i int)

	search   *widget.Entry
	status   *widget.Select
	count    *widget.Label
	table    *widget.Table
	add      *widget.Button
	edit     *widget.Button
	del      *widget.Button // 删除所选: a household entered by mistake, before signing
	open     *widget.Button
	importB  *widget.Button
	template *widget.Button
	root     fyne.CanvasObject

	rows       []int // indexes into the list, as filtered
	selected   int   // index into the list, or -1
	lastTap    rowTap
	clock      func() time.Time // when a tap happens; tests replace it
	dirty      bool             // changed while hidden; refreshed when shown
	preview    *importPreview
	lastImport *service.ImportSummary
	form       *nomineeForm
	colWidths  []float32      // the columns' widths, as fitColumns set them
	report     *widget.Button // 导入结果: the last import's summary, to read again
	reportDlg  dialog.Dialog  // the summary shown, for tests
	problem    *widget.Label
	ask        *dialog.ConfirmDialog // the open question (delete a household), for tests
}

// listCol is one column of the household list: its heading's translation key, its
// starting width, the widest a free-text column grows (0: as wide as its content), and
// its text for household i (nil for the result, drawn as a badge).
type listCol struct {
	key   string
	width float32
	max   float32
	text  func(t *listTab, i int) string
}

// listCols are the table's columns, the one list the table, its sizing and the tests
// read: adding a column is one line here.
var listCols = []listCol{
	{key: "meeting.col.seq", width: 44, text: func(t *listTab, i int) string { return strconv.Itoa(t.mm.nominee(i).Seq) }},
	{key: "meeting.col.name", width: 80, text: func(t *listTab, i int) string { return t.mm.nominee(i).Name }},
	{key: "meeting.col.id", width: 160, text: func(t *listTab, i int) string { return idcard.Mask(t.mm.nominee(i).IDNumber) }},
	{key: "meeting.col.group", width: 106, text: func(t *listTab, i int) string { return t.mm.nominee(i).Group }},
	{key: "meeting.col.purpose", width: 150, max: 260, text: func(t *listTab, i int) string { return t.mm.nominee(i).Purpose }},
	{key: "meeting.col.requested", width: 88, text: func(t *listTab, i int) string { return yuanText(t.mm.nominee(i).Requested) }},
	{key: "meeting.col.proposed", width: 88, text: func(t *listTab, i int) string { return yuanText(t.mm.nominee(i).Proposed) }},
	{key: "meeting.col.votes", width: 92, text: func(t *listTab, i int) string { return votesText(t.mm.nominee(i).Votes) }},
	{key: "meeting.col.verification", width: 76, text: func(t *listTab, i int) string {
		return verificationText(t.mm.nominee(i).Verification)
	}},
	{key: "meeting.col.result", width: 76},
	{key: "meeting.col.note", width: 260, max: 420, text: func(t *listTab, i int) string {
		return whyText(t.mm.results[i].Why, t.mm.d.Lang)
	}},
}

// The columns the table handles specially, found by their heading.
var (
	colName   = listColumn("meeting.col.name")
	colResult = listColumn("meeting.col.result")
	colNote   = listColumn("meeting.col.note")
)

// listColumn is the index of the column headed key.
func listColumn(key string) int {
	for i, c := range listCols {
		if c.key == key {
			return i
		}
	}
	panic("desktop: no list column " + key)
}

func newListTab(mm *meetingModel, onDeliberate func(int)) *listTab {
	t := &listTab{mm: mm, onDeliberate: onDeliberate, selected: -1, clock: time.Now}
	t.search = widget.NewEntry()
	t.search.SetPlaceHolder(mtgL("meeting.list.search"))
	t.status = newSelect(append([]string{mtgL("meeting.list.all")}, texts(decisions, decisionText)...), nil)
	t.status.SetSelectedIndex(0)
	t.count = widget.NewLabel("")
	t.importB = widget.NewButtonWithIcon(mtgL("meeting.list.import"), theme.UploadIcon(), t.onImport)
	t.template = widget.NewButtonWithIcon(mtgL("meeting.list.template"), theme.DownloadIcon(), t.onTemplate)
	t.add = widget.NewButtonWithIcon(mtgL("meeting.list.add"), theme.ContentAddIcon(), t.onAdd)
	t.edit = widget.NewButtonWithIcon(mtgL("meeting.list.edit"), theme.DocumentCreateIcon(), t.onEdit)
	t.open = widget.NewButtonWithIcon(mtgL("meeting.list.deliberate"), theme.NavigateNextIcon(), t.onOpen)
	t.del = newDeleteButton(mtgL("meeting.delete.household"), t.onDelete)
	t.problem = newProblemLabel()
	t.report = widget.NewButtonWithIcon(mtgL("meeting.import.report"), theme.InfoIcon(), t.showImportReport)
	t.report.Hide() // until an import was made in this session
	t.table = t.newTable()
	t.search.OnChanged = func(string) { t.filter() }
	t.status.OnChanged = func(string) { t.filter() }
	mm.listen(t.onChanged)
	t.filter()
	return t
}

func (t *listTab) content() fyne.CanvasObject {
	if t.root == nil {
		bar := container.NewBorder(nil, nil, nil,
			container.NewHBox(t.status, t.count),
			t.search)
		// the file's actions and the household's in two rows: in one, with 导入结果
		// shown after an import, the English captions at the largest text need
		// 1378 px, more than a 1024 px screen has
		files := container.NewHBox(t.importB, t.template, t.report)
		households := container.NewHBox(t.add, t.edit, t.open, t.del)
		t.root = container.NewBorder(container.NewVBox(files, households, t.problem, bar), nil, nil, nil, t.table)
	}
	return t.root
}

func (t *listTab) newTable() *widget.Table {
	tb := widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), len(listCols) },
		newListCell,
		t.updateCell)
	tb.ShowHeaderColumn = false
	tb.CreateHeader = func() fyne.CanvasObject { return tableHead("") }
	tb.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(mtgL(listCols[id.Col].key))
		}
	}
	for i, c := range listCols {
		tb.SetColumnWidth(i, c.width)
	}
	tb.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(t.rows) {
			t.selected = t.rows[id.Row]
		}
		t.enableActions()
	}
	return tb
}

// newListCell is a table cell that reports its taps: a label, or a badge in the result
// column.
func newListCell() fyne.CanvasObject {
	b := widgets.NewBadge("", widgets.ToneMuted)
	b.Hide()
	return widgets.NewTapCell(container.NewStack(tableCell(""), b))
}

func (t *listTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*widgets.TapCell)
	c := cell.Content.(*fyne.Container)
	label, badge := c.Objects[0].(*widget.Label), c.Objects[1].(*widgets.Badge)
	if id.Row >= len(t.rows) {
		return
	}
	i := t.rows[id.Row]
	cell.OnTapped = func() { t.onCellTapped(id) }
	cell.Pointer = id.Col == colName
	label.Importance = widget.MediumImportance
	if id.Col == colName { // shown as a link: a tap on the name opens the household
		label.Importance = widget.HighImportance
	}
	if id.Col == colResult {
		label.Hide()
		d := t.mm.results[i].Outcome
		badge.Set(decisionText(d), decisionTone(d))
		badge.Show()
		return
	}
	badge.Hide()
	label.Show()
	label.SetText(t.cellText(i, id.Col))
}

// cellText is the text of column col for household i.
func (t *listTab) cellText(i, col int) string {
	if f := listCols[col].text; f != nil {
		return f(t, i)
	}
	return ""
}

// votesText shows a tally as for/against/abstain/recused, or "" before the vote.
func votesText(v app.Votes) string {
	if !v.Recorded {
		return ""
	}
	return mtgL("meeting.list.votes", "For", v.For, "Against", v.Against, "Abstain", v.Abstain, "Recused", v.Recused)
}

// verificationText is the visit's conclusion, 未走访, or 待填结论 for a record imported
// from a tally sheet whose notes did not say it (app.Verification.Open).
func verificationText(v *app.Verification) string {
	switch {
	case v == nil:
		return mtgL("meeting.verify.none")
	case v.Conclusion == "":
		return mtgL("meeting.verify.open")
	}
	return conclusionText(v.Conclusion)
}

// whyText joins the reasons of a result.
func whyText(why []i18n.Message, lg i18n.Lang) string {
	parts := make([]string, len(why))
	for i, m := range why {
		parts[i] = m.In(lg)
	}
	return strings.Join(parts, mtgL("meeting.sep"))
}

// filter rebuilds the rows shown from the search text and the status chosen.
func (t *listTab) filter() {
	q := strings.ToUpper(strings.TrimSpace(t.search.Text))
	want, byStatus := app.Decision(""), t.status.SelectedIndex() > 0
	if byStatus {
		want = decisions[t.status.SelectedIndex()-1]
	}
	t.rows = t.rows[:0]
	for i := range t.mm.m.Nominees {
		n := &t.mm.m.Nominees[i]
		if byStatus && t.mm.results[i].Outcome != want {
			continue
		}
		if q != "" && !matches(n, q) {
			continue
		}
		t.rows = append(t.rows, i)
	}
	t.count.SetText(mtgL("meeting.list.count", "Shown", len(t.rows), "Total", t.mm.count()))
	t.keepSelection()
	t.table.Refresh()
	t.enableActions()
}

// matches reports whether household n answers the search q (upper case): its № exactly,
// its name or group, or its ID number from the start or at the end — the digits the
// screen shows — so that a search never picks a household by digits the mask hides.
func matches(n *app.Nominee, q string) bool {
	if strconv.Itoa(n.Seq) == q {
		return true
	}
	return strings.Contains(n.Name, q) || strings.Contains(strings.ToUpper(n.Group), q) ||
		strings.HasPrefix(n.IDNumber, q) || (len(q) >= 4 && strings.HasSuffix(n.IDNumber, q))
}

// keepSelection keeps the table's highlight on the household selected: on its new row
// when it is still shown, nowhere (and nothing selected) when the filter hides it, so
// that 编辑所选 never edits a household other than the one highlighted.
func (t *listTab) keepSelection() {
	for r, i := range t.rows {
		if i == t.selected {
			t.table.Select(widget.TableCellID{Row: r, Col: colName})
			return
		}
	}
	t.selected = -1
	t.table.UnselectAll()
}

// onChanged follows the model; while the tab is hidden it only notes the change.
func (t *listTab) onChanged(int) {
	if t.selected >= t.mm.count() {
		t.selected = -1
	}
	if t.mm.tab != tabList {
		t.dirty = true
		t.enableActions()
		return
	}
	t.fitColumns()
	t.filter()
}

// shown refreshes the tab if it changed while hidden.
func (t *listTab) shown() {
	t.fitColumns() // the text size may have changed in the settings
	if t.dirty {
		t.dirty = false
		t.filter()
	}
}

// enableActions enables what the selection and the lock allow.
func (t *listTab) enableActions() {
	open := !t.mm.locked()
	enable(t.importB, open)
	enable(t.add, open)
	enable(t.edit, open && t.selected >= 0)
	enable(t.del, open && t.selected >= 0)
	if open {
		t.del.Show()
	} else {
		t.del.Hide()
	}
	enable(t.open, t.selected >= 0)
}

// rowTap is the last tap on the table: its row and when it came.
type rowTap struct {
	row int
	at  time.Time
}

// onCellTapped selects the tapped row, as a tap on the table itself would, and opens the
// household on a tap of its name or on a second tap of the row within the double-tap
// delay, as people expect of a list.
func (t *listTab) onCellTapped(id widget.TableCellID) {
	now := t.clock()
	double := id.Row == t.lastTap.row && now.Sub(t.lastTap.at) < fyne.CurrentApp().Driver().DoubleTapDelay()
	t.lastTap = rowTap{row: id.Row, at: now}
	t.table.Select(id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(t.table); c != nil {
		c.Focus(t.table) // the arrow keys go on from the row tapped
	}
	if id.Col == colName || double {
		t.lastTap = rowTap{row: -1}
		t.openHousehold()
	}
}

// openHousehold opens the selected household: its form while the meeting can still
// change, its page in deliberation (read only) once signed.
func (t *listTab) openHousehold() {
	if t.selected < 0 {
		return
	}
	if t.mm.locked() {
		t.onOpen()
		return
	}
	t.onEdit()
}

// onOpen deliberates the selected household.
func (t *listTab) onOpen() {
	if t.selected >= 0 && t.onDeliberate != nil {
		t.onDeliberate(t.selected)
	}
}
