package desktop

import (
	"context"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Deleting what was entered by mistake (docs/RULES.md §3.1): a household from the list,
// the meeting from its workspace, a village from its settings. Each asks first, with
// keeping it as the highlighted answer that Enter presses, and is refused once the
// minutes are signed: the service says why, beside the button.

// newDeleteButton is a delete action: a danger button with the bin icon.
func newDeleteButton(text string, tapped func()) *widget.Button {
	return &widget.Button{Text: text, Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: tapped}
}

// onDelete asks, then takes the selected household off the list.
func (t *listTab) onDelete() {
	if t.selected < 0 || t.mm.locked() {
		return
	}
	n := *t.mm.nominee(t.selected)
	t.ask = askSafe(t.mm.d.Win, mtgL("meeting.delete.household_title"),
		mtgL("meeting.delete.household_ask", "Seq", n.Seq, "Name", n.Name),
		mtgL("meeting.delete.keep"), mtgL("meeting.delete.do"), func() {
			err := t.mm.d.Store.DeleteHousehold(context.Background(), n.ID)
			if err == nil {
				t.selected = -1
				err = t.mm.reload()
			}
			setProblem(t.problem, errOrEmpty(t.mm.d, err))
		}, nil)
}

// onDeleteMeeting asks, then deletes the whole meeting and goes home.
func (t *rollTab) onDeleteMeeting() {
	m := t.mm.m
	if m.Locked() {
		return
	}
	doc := m.DocNumber
	if doc == "" {
		doc = lang.L("desktop.home.no_doc_number")
	}
	t.ask = askSafe(t.mm.d.Win, mtgL("meeting.delete.meeting_title"),
		mtgL("meeting.delete.meeting_ask", "Doc", doc, "Date", dateText(m.Date), "Households", len(m.Nominees)),
		mtgL("meeting.delete.keep"), mtgL("meeting.delete.do"), func() {
			if err := t.mm.d.Store.DeleteMeeting(context.Background(), t.mm.id); err != nil {
				setProblem(t.factsErr, errText(t.mm.d, err))
				return
			}
			t.deleted = true
			if t.mm.d.Nav != nil {
				t.mm.d.Nav.Home()
			}
		}, nil)
}

// onDelete asks, then deletes the village with its roster, blacklist and meetings and
// goes home. A village the store would refuse to delete (signed minutes, a signing
// key, the credit register) is not asked about: the refusal is shown at once.
func (s *VillageScreen) onDelete() {
	if s.village == nil {
		return
	}
	v := s.village
	if _, err := s.d.Store.VillageDeletion(context.Background(), v.ID); err != nil {
		setProblem(s.problem, errText(s.d, err))
		return
	}
	s.ask = askSafe(s.d.Win, lang.L("desktop.village.delete_title"),
		lang.L("desktop.village.delete_ask", map[string]any{"Village": v.Name, "Members": len(v.Members)}),
		lang.L("desktop.village.delete_keep"), lang.L("desktop.village.delete_do"), func() {
			if err := s.d.Store.DeleteVillage(context.Background(), v.ID); err != nil {
				setProblem(s.problem, errText(s.d, err))
				return
			}
			s.deleted = true
			if s.d.Nav != nil {
				s.d.Nav.Home()
			}
		}, nil)
}
