package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// Leaver is a screen that may hold typing not stored (a correction the rules refused):
// Leave calls proceed at once when there is none, and otherwise asks first.
type Leaver interface {
	Leave(proceed func())
}

var _ Leaver = (*MeetingScreen)(nil)

// askDiscard asks whether to discard changes not stored. The safe answer — go back and
// keep editing — is the highlighted button that Enter presses; discarding is the other.
func askDiscard(w fyne.Window, title, message string, discard, keep func()) *dialog.ConfirmDialog {
	return askSafe(w, title, message, mtgL("meeting.verify.keep_editing"), mtgL("meeting.verify.discard"), discard, keep)
}

// askSafe asks before an action that cannot simply be taken back. The safe answer
// (safeText: leave things as they are, then keep, which may be nil) is the highlighted
// button that Enter presses; the action (actText, act) is the other.
func askSafe(w fyne.Window, title, message, safeText, actText string, act, keep func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(title, message, func(safe bool) {
		if safe {
			if keep != nil {
				keep()
			}
			return
		}
		act()
	}, w)
	d.SetConfirmText(safeText)
	d.SetDismissText(actText)
	d.Show()
	return d
}

// unsavedText describes the typing in the workspace that is not stored, or "": a
// refused entry in 会议表决 (after trying once more to store it) or an unsaved visit
// record in 乡贤核实.
func (s *MeetingScreen) unsavedText() string {
	if s.model.m == nil {
		return ""
	}
	if n, ok := s.delib.refused(); ok {
		return mtgL("meeting.delib.unsaved", "Seq", n.Seq, "Name", n.Name)
	}
	if s.verify.edited() {
		n := s.model.nominee(s.verify.cur)
		return mtgL("meeting.verify.unsaved", "Seq", n.Seq, "Name", n.Name)
	}
	return ""
}

// discardUnsaved shows the stored values again in the forms holding typing.
func (s *MeetingScreen) discardUnsaved() {
	if s.delib.cur >= 0 {
		s.delib.show(s.delib.cur)
	}
	if s.verify.cur >= 0 {
		s.verify.show(s.verify.cur)
	}
}

// Leave goes on with proceed, first asking when typing would be lost; keeping it
// shows the tab that holds it.
func (s *MeetingScreen) Leave(proceed func()) {
	s.guard(proceed)
}

// guard runs proceed, or asks first when the workspace holds typing not stored.
func (s *MeetingScreen) guard(proceed func()) {
	msg := s.unsavedText()
	if msg == "" {
		proceed()
		return
	}
	s.ask = askDiscard(s.d.Win, mtgL("meeting.unsaved_title"), msg, func() {
		s.discardUnsaved()
		proceed()
	}, s.showUnsaved)
}

// showUnsaved brings forward the tab holding the typing not stored.
func (s *MeetingScreen) showUnsaved() {
	if _, ok := s.delib.refused(); ok {
		s.tabs.SelectIndex(tabDeliberate)
		s.delib.focusProblem()
		return
	}
	s.tabs.SelectIndex(tabVerify)
}
