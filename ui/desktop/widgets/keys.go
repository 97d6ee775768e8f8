// Package widgets holds Pingxin's custom Fyne widgets: keyboard-first entry fields and
// check boxes for the deliberation screen, where the clerk types as fast as the meeting
// talks, and the status badges of the nomination list. They know nothing of meetings:
// they report keys and changes through OnXxx callbacks and the screens decide.
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Key is a navigation key a keyboard-first field reports instead of handling itself, so
// a screen can give Tab, Enter and the page keys one meaning across all its fields.
type Key int

// The keys a field reports.
const (
	KeyNone     Key = iota
	KeyNext         // Tab: the next field in the screen's order
	KeyPrev         // Shift+Tab: the previous field
	KeySubmit       // Enter: confirm the record and go on
	KeyPageNext     // PageDown or Ctrl+↓: the next record
	KeyPagePrev     // PageUp or Ctrl+↑: the previous record
	KeyJump         // Ctrl+G: jump to a record by number
)

// keyOf maps a typed key to a Key; shift tells Tab from Shift+Tab.
func keyOf(ev *fyne.KeyEvent, shift bool) Key {
	switch ev.Name {
	case fyne.KeyTab:
		if shift {
			return KeyPrev
		}
		return KeyNext
	case fyne.KeyReturn, fyne.KeyEnter:
		return KeySubmit
	case fyne.KeyPageDown:
		return KeyPageNext
	case fyne.KeyPageUp:
		return KeyPagePrev
	}
	return KeyNone
}

// shortcutKey maps Ctrl (or ⌘) with ↑, ↓ or G to a Key.
func shortcutKey(s fyne.Shortcut) Key {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
		return KeyNone
	}
	switch cs.KeyName {
	case fyne.KeyDown:
		return KeyPageNext
	case fyne.KeyUp:
		return KeyPagePrev
	case fyne.KeyG:
		return KeyJump
	}
	return KeyNone
}

// isShift reports whether ev is a shift key going down or up.
func isShift(ev *fyne.KeyEvent) bool {
	return ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight
}
