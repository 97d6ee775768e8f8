package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/amount"
	"pingxin/ui/desktop/widgets"
)

// meetingCols are the widths of the meeting table's columns: date, document number,
// status, households, passed, total credit, and the open button.
var meetingCols = colsLayout{1.1, 2.2, 0.9, 1, 0.8, 1.4, 0.9}

// dateLayout is how screens write a date: ISO, unambiguous in both languages.
const dateLayout = "2006-01-02"

// meetingHeader is the column headings above the meeting rows.
func meetingHeader() fyne.CanvasObject {
	return tableRow(meetingCols,
		tableHead(lang.L("desktop.home.col.date")),
		tableHead(lang.L("desktop.home.col.doc_number")),
		tableHead(lang.L("desktop.home.col.status")),
		tableHead(lang.L("desktop.home.col.households")),
		tableHead(lang.L("desktop.home.col.passed")),
		tableHead(lang.L("desktop.home.col.total")),
		hiddenOpen())
}

// hiddenOpen is an invisible Open button: it keeps the header's last column as wide
// as the rows' at any text size, so the columns line up.
func hiddenOpen() fyne.CanvasObject {
	b := widget.NewButtonWithIcon(lang.L("desktop.home.open"), theme.NavigateNextIcon(), nil)
	b.Hide()
	return b
}

// MeetingRow is one meeting in the home screen's table. It keeps its parts so a test
// can read them and tap Open.
type MeetingRow struct {
	widget.BaseWidget
	Summary app.MeetingSummary
	Badge   *widgets.Badge
	Open    *widget.Button
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
	// An amendment's own 文号 must stay whole beside its mark, so the mark takes a line
	// of its own rather than sharing the truncated cell.
	docCell := fyne.CanvasObject(tableCell(doc))
	if m.AmendsID != 0 {
		docCell = container.NewVBox(tableCell(lang.L("desktop.home.amendment")), docCell)
	}
	r.cells = tableRow(meetingCols,
		widget.NewLabel(m.Date.Format(dateLayout)),
		docCell,
		container.NewCenter(r.Badge),
		widget.NewLabel(lang.L("desktop.home.households", map[string]any{"Count": m.Nominees})),
		widget.NewLabel(lang.L("desktop.home.households", map[string]any{"Count": m.Passed})),
		widget.NewLabel(lang.L("desktop.home.yuan", map[string]any{"Amount": amount.Yuan(m.Total).String()})),
		r.Open)
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
