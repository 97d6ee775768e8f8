package desktop

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// HomeScreen is the first screen: the villages on the left, the chosen village's
// meetings on the right, and the ways to start something new.
type HomeScreen struct {
	d        *Deps
	villages []app.VillageSummary
	meetings []app.MeetingSummary
	selected int64 // the chosen village's ID; 0 for none

	villageList   *widget.List
	meetingsTitle *widget.Label
	meetingRows   *fyne.Container
	header        *fyne.Container // the meeting table's headings
	cols          *sharedCols     // the widths the headings and meeting rows share
	problem       *widget.Label
	newVillage    *widget.Button
	newMeeting    *widget.Button
	villageSet    *widget.Button
	welcome       *fyne.Container // a database without a village: 新建村 or 试用演示
	tryDemo       *widget.Button
	register      *widget.Button

	villageDlg *villageDialog // the last dialog opened, for tests
	meetingDlg *meetingDialog
}

var (
	_ Screen    = (*HomeScreen)(nil)
	_ Refresher = (*HomeScreen)(nil)
)

// NewHomeScreen loads the villages and meetings from d.Store and chooses the first
// village.
func NewHomeScreen(d *Deps) *HomeScreen {
	h := &HomeScreen{d: d}
	h.meetingsTitle = sectionTitle("")
	h.meetingRows = container.NewVBox()
	h.newMeetingTable()
	h.problem = newProblemLabel()
	h.newVillage = &widget.Button{Text: lang.L("desktop.home.new_village"), Icon: theme.ContentAddIcon(), OnTapped: h.onNewVillage}
	h.newMeeting = &widget.Button{Text: lang.L("desktop.home.new_meeting"), Icon: theme.ContentAddIcon(),
		Importance: widget.HighImportance, OnTapped: h.onNewMeeting}
	h.villageSet = &widget.Button{Text: lang.L("desktop.home.village_settings"), Icon: theme.SettingsIcon(), OnTapped: h.onVillageSettings}
	h.register = &widget.Button{Text: lang.L("desktop.home.register"), Icon: theme.ListIcon(), OnTapped: h.onRegister}
	h.villageList = &widget.List{
		Length:     func() int { return len(h.villages) },
		CreateItem: newVillageItem,
		UpdateItem: h.updateVillageItem,
		OnSelected: h.onSelectVillage,
	}
	h.villageList.ExtendBaseWidget(h.villageList)
	h.buildWelcome()
	h.Refresh()
	return h
}

// Title is the window's header on this screen; the demo database says so.
func (h *HomeScreen) Title() string {
	if h.d.Demo {
		return lang.L("desktop.home.title_demo")
	}
	return lang.L("desktop.home.title")
}

// buildWelcome is what a database without a village offers: its own first village,
// or the demo, in a database of its own so that it never mixes with real meetings.
func (h *HomeScreen) buildWelcome() {
	first := &widget.Button{Text: lang.L("desktop.home.new_village"), Icon: theme.ContentAddIcon(),
		Importance: widget.HighImportance, OnTapped: h.onNewVillage}
	h.tryDemo = &widget.Button{Text: lang.L("desktop.home.try_demo"), Icon: theme.MediaPlayIcon(), OnTapped: h.onTryDemo}
	buttons := container.NewHBox(first)
	if h.d.OpenDemo != nil {
		buttons.Add(h.tryDemo)
	}
	h.welcome = container.NewVBox(
		&widget.Label{Text: lang.L("desktop.home.welcome"), Wrapping: fyne.TextWrapWord},
		buttons,
		&widget.Label{Text: lang.L("desktop.home.welcome_demo"), Wrapping: fyne.TextWrapWord})
	h.welcome.Hide()
}

// onTryDemo opens the demo database in place of this window.
func (h *HomeScreen) onTryDemo() {
	if err := h.d.OpenDemo(); err != nil {
		setProblem(h.problem, errText(h.d, err))
	}
}

// Content is the villages beside the meetings.
func (h *HomeScreen) Content() fyne.CanvasObject {
	left := container.NewBorder(
		container.NewVBox(sectionTitle(lang.L("desktop.home.villages")), h.newVillage),
		container.NewVBox(h.register, h.villageSet), nil, nil, h.villageList)
	right := container.NewBorder(
		container.NewVBox(container.NewBorder(nil, nil, nil, h.newMeeting, h.meetingsTitle), h.problem, h.welcome, h.header),
		nil, nil, nil, container.NewVScroll(h.meetingRows))
	split := container.NewHSplit(left, right)
	split.Offset = 0.26
	return split
}

// Refresh reloads the villages and meetings, keeping the chosen village.
func (h *HomeScreen) Refresh() {
	ctx := context.Background()
	vs, err := h.d.Store.Villages(ctx)
	if err == nil {
		h.villages = vs
		h.meetings, err = h.d.Store.Meetings(ctx)
	}
	setProblem(h.problem, errText(h.d, err))
	h.villageList.Refresh()
	h.choose(h.selected)
}

// choose selects the village with id, or the first village when there is none such.
func (h *HomeScreen) choose(id int64) {
	idx := -1
	for i, v := range h.villages {
		if v.ID == id {
			idx = i
		}
	}
	if idx < 0 && len(h.villages) > 0 {
		idx = 0
	}
	h.selected = 0
	if idx >= 0 {
		h.selected = h.villages[idx].ID
		h.villageList.Select(idx)
	}
	h.showMeetings()
}

func (h *HomeScreen) onSelectVillage(i widget.ListItemID) {
	if i < 0 || i >= len(h.villages) {
		return
	}
	h.selected = h.villages[i].ID
	h.showMeetings()
}

// Selected is the chosen village, if any.
func (h *HomeScreen) Selected() (app.VillageSummary, bool) {
	for _, v := range h.villages {
		if v.ID == h.selected {
			return v, true
		}
	}
	return app.VillageSummary{}, false
}

// showMeetings lists the chosen village's meetings, newest first as the store returns them,
// each amendment (补充纪要) right under its original.
func (h *HomeScreen) showMeetings() {
	v, ok := h.Selected()
	h.newMeeting.Disable()
	h.villageSet.Disable()
	h.register.Disable()
	h.meetingRows.RemoveAll()
	h.cols.changed()
	if !ok {
		h.meetingsTitle.SetText(lang.L("desktop.home.no_village"))
		h.welcome.Show()
		return
	}
	h.welcome.Hide()
	h.newMeeting.Enable()
	h.villageSet.Enable()
	h.register.Enable()
	h.meetingsTitle.SetText(lang.L("desktop.home.meetings_of", map[string]any{"Village": v.Name}))
	for _, m := range app.InRecordOrder(h.meetings) {
		if m.VillageID != v.ID {
			continue
		}
		if len(h.meetingRows.Objects) > 0 && m.AmendsID == 0 {
			// a line between meetings, each two lines high; an amendment stays
			// joined to its original
			h.meetingRows.Add(widget.NewSeparator())
		}
		h.meetingRows.Add(h.meetingRow(m))
	}
	if len(h.meetingRows.Objects) == 0 {
		h.meetingRows.Add(&widget.Label{Text: lang.L("desktop.home.no_meetings"), Importance: widget.LowImportance})
	}
}

// MeetingCount is the number of meetings listed for the chosen village.
func (h *HomeScreen) MeetingCount() int {
	n := 0
	for _, m := range h.meetings {
		if m.VillageID == h.selected {
			n++
		}
	}
	return n
}

func (h *HomeScreen) onOpenMeeting(id int64) {
	h.d.Nav.Push(OpenMeeting(h.d, id))
}

func (h *HomeScreen) onVillageSettings() {
	if v, ok := h.Selected(); ok {
		h.d.Nav.Push(NewVillageScreen(h.d, v.ID))
	}
}

// onRegister opens the chosen village's credit register.
func (h *HomeScreen) onRegister() {
	if v, ok := h.Selected(); ok {
		h.d.Nav.Push(NewRegisterScreen(h.d, v.ID))
	}
}

func (h *HomeScreen) onNewVillage() {
	vd := newVillageDialog(h.d)
	h.villageDlg = vd
	vd.OnSaved = func(v *app.Village) {
		h.selected = v.ID
		h.Refresh()
	}
	vd.Show()
}

func (h *HomeScreen) onNewMeeting() {
	v, ok := h.Selected()
	if !ok {
		return
	}
	md, err := newMeetingDialog(h.d, v.ID, h.meetings)
	if err != nil {
		setProblem(h.problem, errText(h.d, err))
		return
	}
	h.meetingDlg = md
	md.OnSaved = func(id int64) {
		h.Refresh()
		h.onOpenMeeting(id)
	}
	md.Show()
}

// errText renders err for the person in the app's language; "" for nil.
func errText(d *Deps, err error) string { return app.ErrorMessage(err, d.Lang) }
