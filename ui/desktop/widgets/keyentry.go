package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// KeyEntry is a single-line entry that reports navigation keys (Tab, Shift+Tab, Enter,
// PageUp/PageDown, Ctrl+↑/↓, Ctrl+G) to OnKey instead of acting on them, and reports
// losing focus to OnFocusLost, so that a screen can store each value the moment it is
// confirmed and move through its fields in its own order rather than the layout's.
// With OnKey nil it is an ordinary entry that still reports focus loss.
type KeyEntry struct {
	widget.Entry

	// OnKey receives the navigation keys; it returns false to let the entry handle
	// the key as usual.
	OnKey func(Key) bool
	// OnFocusLost is called after the entry loses focus: the value is confirmed.
	OnFocusLost func()
	// SelectOnFocus selects the whole text when the entry gains the focus, so that
	// typing replaces a filled value (5 typed into "6" gives 5, not 65).
	SelectOnFocus bool

	shift bool
}

var (
	_ fyne.Widget       = (*KeyEntry)(nil)
	_ fyne.Tabbable     = (*KeyEntry)(nil)
	_ fyne.Shortcutable = (*KeyEntry)(nil)
	_ desktop.Keyable   = (*KeyEntry)(nil)
	_ fyne.Disableable  = (*KeyEntry)(nil)
	_ fyne.Focusable    = (*KeyEntry)(nil)
)

// NewKeyEntry returns an empty single-line KeyEntry.
func NewKeyEntry() *KeyEntry {
	e := &KeyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab claims Tab when OnKey is set, so that the window does not move focus in
// layout order before the screen can move it in its own.
func (e *KeyEntry) AcceptsTab() bool { return e.OnKey != nil }

// TypedKey hands navigation keys to OnKey and everything else to the entry.
func (e *KeyEntry) TypedKey(ev *fyne.KeyEvent) {
	if k := keyOf(ev, e.shift); k != KeyNone && e.OnKey != nil && e.OnKey(k) {
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut hands Ctrl+↑/↓/G to OnKey and other shortcuts (copy, paste) to the entry.
func (e *KeyEntry) TypedShortcut(s fyne.Shortcut) {
	if k := shortcutKey(s); k != KeyNone && e.OnKey != nil && e.OnKey(k) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// KeyDown remembers Shift, to tell Shift+Tab from Tab.
func (e *KeyEntry) KeyDown(ev *fyne.KeyEvent) {
	if isShift(ev) {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp forgets Shift.
func (e *KeyEntry) KeyUp(ev *fyne.KeyEvent) {
	if isShift(ev) {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// FocusGained selects the text when SelectOnFocus is set.
func (e *KeyEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.SelectOnFocus && e.Text != "" {
		e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// FocusLost ends any selection and confirms the value through OnFocusLost. Fyne keeps
// a selection across SetText: a value selected on focus, then replaced by the next
// household's empty one, left the entry selecting, so the first digit typed into it was
// selected and replaced by the second ("20万" stored as 0万).
func (e *KeyEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
	e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd}) // End without Shift ends a selection
	if e.OnFocusLost != nil {
		e.OnFocusLost()
	}
}
