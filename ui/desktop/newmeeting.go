package desktop

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/service"
)

// meetingDialog sets up a new meeting of one village: date, time, place, document
// number, and who is known to be absent; everyone else starts as present.
type meetingDialog struct {
	OnSaved func(meetingID int64)

	d       *Deps
	village *app.Village
	date    *widget.Entry
	time    *widget.Entry
	place   *widget.Entry
	doc     *widget.Entry
	absent  []*widget.Check
	problem *widget.Label
	save    *widget.Button
	cancel  *widget.Button
	dlg     *dialog.CustomDialog
}

// newMeetingDialog prepares the dialog for village villageID; known are the meetings
// already held, to number the new one.
func newMeetingDialog(d *Deps, villageID int64, known []app.MeetingSummary) (*meetingDialog, error) {
	v, err := d.Store.Village(context.Background(), villageID)
	if err != nil {
		return nil, err
	}
	m := &meetingDialog{d: d, village: v}
	today := d.Now()
	m.date = newEntry(dateLayout)
	m.date.SetText(today.Format(dateLayout))
	m.time = newEntry("HH:MM")
	m.time.SetText("09:00")
	m.place = newEntry(lang.L("desktop.meeting_new.place_hint"))
	m.doc = newEntry("")
	m.doc.SetText(app.NextDocNumber(v, today.Year(), known))
	for _, mem := range v.Members {
		m.absent = append(m.absent, widget.NewCheck(mem.Name, nil))
	}
	m.problem = newProblemLabel()
	m.save = &widget.Button{Text: lang.L("desktop.meeting_new.create"), Importance: widget.HighImportance, OnTapped: m.onSave}
	m.cancel = &widget.Button{Text: lang.L("desktop.cancel"), OnTapped: func() { m.dlg.Hide() }}
	return m, nil
}

// absentNames are the names ticked as absent.
func (m *meetingDialog) absentNames() []string {
	var out []string
	for _, c := range m.absent {
		if c.Checked {
			out = append(out, c.Text)
		}
	}
	return out
}

// Show opens the dialog over the main window.
func (m *meetingDialog) Show() {
	facts := widget.NewForm(
		widget.NewFormItem(lang.L("desktop.meeting_new.date"), m.date),
		widget.NewFormItem(lang.L("desktop.meeting_new.time"), m.time),
		widget.NewFormItem(lang.L("desktop.meeting_new.place"), m.place),
		widget.NewFormItem(lang.L("desktop.meeting_new.doc_number"), m.doc))
	checks := container.NewGridWithColumns(4)
	for _, c := range m.absent {
		checks.Add(c)
	}
	top := container.NewVBox(facts, widget.NewSeparator(), widget.NewLabel(lang.L("desktop.meeting_new.absent")))
	bottom := container.NewVBox(m.problem, container.NewHBox(layout.NewSpacer(), m.cancel, m.save))
	body := container.NewBorder(top, bottom, nil, nil, container.NewVScroll(container.NewVBox(checks)))
	title := lang.L("desktop.meeting_new.title", map[string]any{"Village": m.village.Name})
	m.dlg = dialog.NewCustomWithoutButtons(title, body, m.d.Win)
	m.dlg.Resize(fyne.NewSize(720, 560))
	m.dlg.Show()
}

// spec reads the form: the meeting service.CreateMeeting makes and checks.
func (m *meetingDialog) spec() (service.MeetingSpec, error) {
	s := strings.TrimSpace(m.date.Text)
	date, err := time.ParseInLocation(dateLayout, s, time.Local)
	if err != nil {
		return service.MeetingSpec{}, app.Errorf(app.EINVALID, "desktop.meeting_new.bad_date", "Value", s)
	}
	return service.MeetingSpec{VillageID: m.village.ID, Date: date, Time: m.time.Text, Place: m.place.Text,
		DocNumber: m.doc.Text, Absent: m.absentNames()}, nil
}

func (m *meetingDialog) onSave() {
	spec, err := m.spec()
	var mt *app.Meeting
	if err == nil {
		mt, err = m.d.Store.CreateMeeting(context.Background(), spec)
	}
	setProblem(m.problem, errText(m.d, err))
	if err != nil {
		return
	}
	m.dlg.Hide()
	if m.OnSaved != nil {
		m.OnSaved(mt.ID)
	}
}
