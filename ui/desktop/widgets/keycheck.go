package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// KeyCheck is a check box for keyboard-first forms: it reports navigation keys to OnKey
// like KeyEntry, toggles with Space, and is set with y/1/是 and cleared with n/0/否, so a
// yes/no field is answered without leaving the keys.
type KeyCheck struct {
	widget.Check

	// OnKey receives the navigation keys; it returns false to ignore them.
	OnKey func(Key) bool

	shift bool
}

var (
	_ fyne.Widget       = (*KeyCheck)(nil)
	_ fyne.Tabbable     = (*KeyCheck)(nil)
	_ fyne.Shortcutable = (*KeyCheck)(nil)
	_ desktop.Keyable   = (*KeyCheck)(nil)
)

// NewKeyCheck returns a KeyCheck with a label; changed is called on every change.
func NewKeyCheck(label string, changed func(bool)) *KeyCheck {
	c := &KeyCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// AcceptsTab claims Tab when OnKey is set (see KeyEntry.AcceptsTab).
func (c *KeyCheck) AcceptsTab() bool { return c.OnKey != nil }

// TypedKey hands navigation keys to OnKey.
func (c *KeyCheck) TypedKey(ev *fyne.KeyEvent) {
	if k := keyOf(ev, c.shift); k != KeyNone && c.OnKey != nil && c.OnKey(k) {
		return
	}
	c.Check.TypedKey(ev)
}

// TypedRune sets the box with y, 1 or 是 and clears it with n, 0 or 否; Space toggles.
func (c *KeyCheck) TypedRune(r rune) {
	if c.Disabled() {
		return
	}
	switch r {
	case 'y', 'Y', '1', '是':
		c.SetChecked(true)
	case 'n', 'N', '0', '否':
		c.SetChecked(false)
	default:
		c.Check.TypedRune(r)
	}
}

// TypedShortcut hands Ctrl+↑/↓/G to OnKey.
func (c *KeyCheck) TypedShortcut(s fyne.Shortcut) {
	if k := shortcutKey(s); k != KeyNone && c.OnKey != nil {
		c.OnKey(k)
	}
}

// KeyDown remembers Shift, to tell Shift+Tab from Tab.
func (c *KeyCheck) KeyDown(ev *fyne.KeyEvent) {
	if isShift(ev) {
		c.shift = true
	}
}

// KeyUp forgets Shift.
func (c *KeyCheck) KeyUp(ev *fyne.KeyEvent) {
	if isShift(ev) {
		c.shift = false
	}
}

// FocusLost forgets Shift as well as the focus.
func (c *KeyCheck) FocusLost() {
	c.shift = false
	c.Check.FocusLost()
}
