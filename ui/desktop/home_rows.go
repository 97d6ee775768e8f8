package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/ui/desktop/widgets"
)

// meetingWeights share the width left over among the meeting table's columns: the
// meeting (its date over its 文号), status, households, passed, total credit, and the
// open button.
var meetingWeights = colsLayout{2.2, 1, 1.1, 0.9, 1.4, 0.9}

// dateLayout is how screens write a date: ISO, unambiguous in both languages.
const dateLayout = "2006-01-02"

// newMeetingTable makes the heading row of the meeting table and the layout its rows
// share. The 文号 sits under the date, not beside it: beside it, at 1024×768 in English
// the row needed some 40 px more than it had, and cut the 文号 and the headings.
func (h *HomeScreen) newMeetingTable() {
	h.cols = &sharedCols{weights: meetingWeights, rows: func() [][]fyne.CanvasObject {
		rows := [][]fyne.CanvasObject{h.header.Objects}
		for _, r := range h.Rows() {
			rows = append(rows, r.cells.Objects)
		}
		return rows
	}}
	h.header = container.New(h.cols,
		container.NewVBox(tableHead(lang.L("desktop.home.col.date")), tableHead(lang.L("desktop.home.col.doc_number"))),
		tableHead(lang.L("desktop.home.col.status")),
		tableHead(lang.L("desktop.home.col.households")),
		tableHead(lang.L("desktop.home.col.passed")),
		tableHead(lang.L("desktop.home.col.total")),
		layout.NewSpacer())
}

// MeetingRow is one meeting in the home screen's table. It keeps its parts so a test
// can read them and tap Open.
type MeetingRow struct {
	widget.BaseWidget
	Summary app.MeetingSummary
	Badge   *widgets.Badge
	Open    *widget.Button
	Date    *widget.Label
	Doc     *widget.Label // the 文号, under the date
	cells   *fyne.Container
}

var _ fyne.Widget = (*MeetingRow)(nil)

// CreateRenderer draws the row's cells.
func (r *MeetingRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.cells) }

// meetingRow builds the row of m; Open pushes the meeting screen.
func (h *HomeScreen) meetingRow(m app.MeetingSummary) *MeetingRow {
	r := &MeetingRow{Summary: m, Badge: statusBadge(m.Status)}
	id := m.ID
	r.Open = &widget.Button{Text: lang.L("desktop.home.open"), Icon: theme.NavigateNextIcon(),
		OnTapped: func() { h.onOpenMeeting(id) }}
	doc := m.DocNumber
	if doc == "" {
		doc = lang.L("desktop.home.no_doc_number")
	}
	// the date, then an amendment's mark on a line of its own, then the 文号, so that
	// each stays whole
	r.Date = widget.NewLabel(m.Date.Format(dateLayout))
	meeting := container.NewVBox(r.Date)
	if m.AmendsID != 0 {
		meeting.Add(tableCell(lang.L("desktop.home.amendment")))
	}
	r.Doc = tableCell(doc)
	meeting.Add(r.Doc)
	r.cells = container.New(h.cols,
		meeting,
		container.New(firstLine{}, r.Badge),
		widget.NewLabel(lang.L("desktop.home.households", map[string]any{"Count": m.Nominees})),
		widget.NewLabel(lang.L("desktop.home.households", map[string]any{"Count": m.Passed})),
		widget.NewLabel(lang.L("desktop.home.yuan", map[string]any{"Amount": amount.Yuan(m.Total).String()})),
		container.New(firstLine{}, r.Open))
	r.ExtendBaseWidget(r)
	return r
}

// Rows are the meeting rows shown now.
func (h *HomeScreen) Rows() []*MeetingRow {
	var out []*MeetingRow
	for _, o := range h.meetingRows.Objects {
		if r, ok := o.(*MeetingRow); ok {
			out = append(out, r)
		}
	}
	return out
}

// newVillageItem is the template of a village in the list: its name over its town
// and size.
func newVillageItem() fyne.CanvasObject {
	name := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	info := &widget.Label{SizeName: theme.SizeNameCaptionText, Truncation: fyne.TextTruncateEllipsis}
	return container.NewVBox(name, info)
}

func (h *HomeScreen) updateVillageItem(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(h.villages) {
		return
	}
	v := h.villages[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(v.Name)
	box.Objects[1].(*widget.Label).SetText(lang.L("desktop.home.village_info",
		map[string]any{"Town": v.Town, "Members": v.Members, "Meetings": v.Meetings}))
}
