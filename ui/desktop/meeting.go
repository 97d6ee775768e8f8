package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// MeetingScreen is one meeting's workspace: a tab for each step of docs/RULES.md §3 — set-up and
// roll call, the nomination list, deliberation, verification, minutes and signing. The
// tabs share one meetingModel, so a vote typed in deliberation shows at once in the
// list and in the minutes summary.
type MeetingScreen struct {
	d     *Deps
	model *meetingModel

	tabs    *container.AppTabs
	banner  *widget.Label
	roll    *rollTab
	list    *listTab
	delib   *deliberateTab
	verify  *verifyTab
	minutes *minutesTab
	pages   []tabPage
	root    *fyne.Container       // the tabs under the banner, or what is shown instead
	ask     *dialog.ConfirmDialog // the open question about typing not stored, for tests
}

var (
	_ Screen    = (*MeetingScreen)(nil)
	_ Refresher = (*MeetingScreen)(nil)
)

// NewMeetingScreen opens meeting meetingID: it reads it once from d.Store and builds the
// five tabs. A meeting that cannot be read becomes a message and a way back.
func NewMeetingScreen(d *Deps, meetingID int64) Screen {
	s := &MeetingScreen{d: d, model: newMeetingModel(d, meetingID), root: container.NewStack()}
	s.show(s.model.load())
	return s
}

// OpenMeeting is NewMeetingScreen for the window: the screen shows at once with a
// progress bar, and the meeting is read and counted in the background (a list of
// 10,000 households takes a second or two), so the window never freezes; the tabs
// replace the bar when it is read. Until then the screen shows no meeting: Title,
// Refresh and Leave see a model without one.
func OpenMeeting(d *Deps, meetingID int64) Screen { return openMeetingOn(d, meetingID, tabRoll) }

// openMeetingOn is OpenMeeting showing tab (tabRoll…tabMinutes) once read.
func openMeetingOn(d *Deps, meetingID int64, tab int) Screen {
	s := &MeetingScreen{d: d, model: newMeetingModel(d, meetingID)}
	bar := widget.NewProgressBarInfinite()
	s.root = container.NewStack(container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("meeting.opening"), fyne.TextAlignCenter, fyne.TextStyle{}), bar)))
	loaded := newMeetingModel(d, meetingID) // the UI sees it only once read, in apply
	inBackground(func() error { return readMeeting(loaded) }, func(err error) {
		bar.Stop()
		s.model = loaded
		s.show(err)
		if err == nil && tab != tabRoll {
			s.tabs.SelectIndex(tab)
		}
		if n, ok := d.Nav.(*Navigator); ok && n.Top() == Screen(s) {
			n.retitle()
		}
	})
	return s
}

// readMeeting is OpenMeeting's read; a variable so a test can hold it half-way.
var readMeeting = (*meetingModel).load

// show puts the tabs in the screen, or the reason the meeting could not be read.
func (s *MeetingScreen) show(err error) {
	if err != nil {
		s.model.m = nil
		s.root.Objects = []fyne.CanvasObject{s.failure(err)}
	} else {
		s.root.Objects = []fyne.CanvasObject{s.build()}
	}
	s.root.Refresh()
}

// Title names the meeting by its village and document number.
func (s *MeetingScreen) Title() string {
	if s.model.m == nil {
		return lang.L("meeting.title.unknown")
	}
	return lang.L("meeting.title", map[string]any{"Village": s.model.m.Village, "Doc": s.docNumber()})
}

// docNumber is the document number, or the date while the meeting has none.
func (s *MeetingScreen) docNumber() string {
	if s.model.m.DocNumber != "" {
		return s.model.m.DocNumber
	}
	return s.model.m.Date.Format("2006-01-02")
}

// Content is the tabs under the lock banner.
func (s *MeetingScreen) Content() fyne.CanvasObject { return s.root }

// Refresh reads the meeting again: another screen (or the command line) may have
// changed it.
func (s *MeetingScreen) Refresh() {
	if s.model.m == nil {
		return
	}
	if err := s.model.reload(); err != nil {
		setProblem(s.banner, errText(s.d, err))
	}
}

// build makes the tabs under the lock banner.
func (s *MeetingScreen) build() fyne.CanvasObject {
	s.banner = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	s.roll = newRollTab(s.model)
	s.list = newListTab(s.model, s.onDeliberate)
	s.delib = newDeliberateTab(s.model)
	s.verify = newVerifyTab(s.model)
	s.minutes = newMinutesTab(s.model)
	s.model.guard = s.guard // signing asks first about typing not stored
	s.minutes.onHousehold = s.onDeliberate
	s.pages = []tabPage{
		{"meeting.tab.roll", s.roll.content, nil},
		{"meeting.tab.list", s.list.content, s.list.shown},
		{"meeting.tab.deliberate", s.delib.content, s.delib.focusFirst},
		{"meeting.tab.verify", s.verify.content, s.verify.shown},
		{"meeting.tab.minutes", s.minutes.content, s.minutes.shown},
	}
	s.tabs = container.NewAppTabs()
	for _, p := range s.pages {
		s.tabs.Append(container.NewTabItem(lang.L(p.title), container.NewStack()))
	}
	s.tabs.OnSelected = s.onTab
	s.onTab(s.tabs.Items[0])
	s.model.listen(func(int) { s.showLock() })
	s.showLock()
	return container.NewBorder(s.banner, nil, nil, nil, s.tabs)
}

// showLock shows the lock banner on a signed meeting.
func (s *MeetingScreen) showLock() {
	if s.model.locked() {
		s.banner.SetText(lang.L("meeting.locked_banner"))
		s.banner.Show()
		return
	}
	s.banner.Hide()
}

// tabPage is one tab of the workspace: its title key, its content, built the first
// time the tab is shown (so that opening a meeting lays out one tab, not five), and what
// to do each time it is shown.
type tabPage struct {
	title   string
	content func() fyne.CanvasObject
	shown   func()
}

// onTab builds a tab's content on first showing and puts the keyboard where its work
// starts.
func (s *MeetingScreen) onTab(t *container.TabItem) {
	i := s.tabs.Items
	for k := range i {
		if i[k] != t {
			continue
		}
		p := s.pages[k]
		s.model.tab = k
		if st := t.Content.(*fyne.Container); len(st.Objects) == 0 {
			st.Add(p.content())
		}
		if p.shown != nil {
			p.shown()
		}
	}
}

// onDeliberate opens the deliberation tab at household i (from the list).
func (s *MeetingScreen) onDeliberate(i int) {
	s.delib.show(i)
	s.tabs.SelectIndex(2)
}

// failure is the screen of a meeting that could not be read.
func (s *MeetingScreen) failure(err error) fyne.CanvasObject {
	msg := &widget.Label{Text: errText(s.d, err), Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	back := widget.NewButton(lang.L("meeting.back"), func() {
		if s.d.Nav != nil {
			s.d.Nav.Back()
		}
	})
	return container.NewVBox(msg, container.NewHBox(back))
}
