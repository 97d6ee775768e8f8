package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestKeyEntryReportsNavigationKeys(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		name  string
		shift bool
		ev    fyne.KeyName
		want  Key
	}{
		{"tab", false, fyne.KeyTab, KeyNext},
		{"shift tab", true, fyne.KeyTab, KeyPrev},
		{"return", false, fyne.KeyReturn, KeySubmit},
		{"keypad enter", false, fyne.KeyEnter, KeySubmit},
		{"page down", false, fyne.KeyPageDown, KeyPageNext},
		{"page up", false, fyne.KeyPageUp, KeyPagePrev},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewKeyEntry()
			test.NewTempWindow(t, e)
			got := KeyNone
			e.OnKey = func(k Key) bool { got = k; return true }
			if c.shift {
				e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			}
			e.TypedKey(&fyne.KeyEvent{Name: c.ev})
			if got != c.want {
				t.Errorf("got key %d, want %d", got, c.want)
			}
		})
	}
}

func TestKeyEntryShortcuts(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		name string
		key  fyne.KeyName
		mod  fyne.KeyModifier
		want Key
	}{
		{"ctrl down", fyne.KeyDown, fyne.KeyModifierControl, KeyPageNext},
		{"ctrl up", fyne.KeyUp, fyne.KeyModifierControl, KeyPagePrev},
		{"ctrl g", fyne.KeyG, fyne.KeyModifierControl, KeyJump},
		{"cmd g", fyne.KeyG, fyne.KeyModifierSuper, KeyJump},
		{"alt g is not ours", fyne.KeyG, fyne.KeyModifierAlt, KeyNone},
		{"ctrl h is not ours", fyne.KeyH, fyne.KeyModifierControl, KeyNone},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewKeyEntry()
			got := KeyNone
			e.OnKey = func(k Key) bool { got = k; return true }
			e.TypedShortcut(&desktop.CustomShortcut{KeyName: c.key, Modifier: c.mod})
			if got != c.want {
				t.Errorf("got key %d, want %d", got, c.want)
			}
		})
	}
}

func TestKeyEntryWithoutOnKeyIsAnEntry(t *testing.T) {
	test.NewTempApp(t)
	e := NewKeyEntry()
	test.NewTempWindow(t, e)
	if e.AcceptsTab() {
		t.Error("claims Tab without OnKey: the window could not move focus")
	}
	submitted, lost := "", false
	e.OnSubmitted = func(s string) { submitted = s }
	e.OnFocusLost = func() { lost = true }
	test.Type(e, "30万")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	e.FocusLost()
	if submitted != "30万" || !lost || e.Text != "30万" {
		t.Errorf("submitted %q, focus lost %v, text %q", submitted, lost, e.Text)
	}
	// OnKey declining a key leaves it to the entry: Backspace still edits.
	e.OnKey = func(Key) bool { return false }
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if e.Text != "30" {
		t.Errorf("text after backspace = %q", e.Text)
	}
}

func TestKeyCheckAnswersByKey(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		name  string
		start bool
		r     rune
		want  bool
	}{
		{"y sets", false, 'y', true},
		{"1 sets", false, '1', true},
		{"是 sets", false, '是', true},
		{"n clears", true, 'n', false},
		{"0 clears", true, '0', false},
		{"否 clears", true, '否', false},
		{"space toggles on", false, ' ', true},
		{"space toggles off", true, ' ', false},
		{"other keeps", true, 'x', true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			changes := 0
			k := NewKeyCheck("利率优惠", func(bool) { changes++ })
			k.Checked = c.start
			k.TypedRune(c.r)
			if k.Checked != c.want {
				t.Errorf("checked = %v, want %v", k.Checked, c.want)
			}
			if want := map[bool]int{true: 1, false: 0}[c.start != c.want]; changes != want {
				t.Errorf("%d change callbacks, want %d", changes, want)
			}
		})
	}
	k := NewKeyCheck("", nil)
	got := KeyNone
	k.OnKey = func(x Key) bool { got = x; return true }
	k.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got != KeySubmit || !k.AcceptsTab() {
		t.Errorf("Enter on a check = %d", got)
	}
	k.Disable()
	k.TypedRune('y')
	if k.Checked {
		t.Error("a disabled check changed")
	}
}

func TestBadgeSet(t *testing.T) {
	test.NewTempApp(t)
	b := NewBadge("待评议", ToneMuted)
	r := test.TempWidgetRenderer(t, b).(*badgeRenderer)
	b.Set("通过", ToneSuccess)
	if r.text.Text != "通过" || b.Tone != ToneSuccess {
		t.Errorf("badge shows %q tone %d", r.text.Text, b.Tone)
	}
	if b.MinSize().Width <= r.text.MinSize().Width {
		t.Error("badge has no padding around its word")
	}
}

func TestTapCellReportsTaps(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	c := NewTapCell(widget.NewLabel("陈永明"))
	c.OnTapped = func() { taps++ }
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(120, 40))
	test.Tap(c)
	test.Tap(c)
	if taps != 2 {
		t.Errorf("%d taps reported, want 2", taps)
	}
	if c.MinSize() != widget.NewLabel("陈永明").MinSize() {
		t.Errorf("cell min size %v is not its content's", c.MinSize())
	}
	for _, p := range []struct {
		pointer bool
		want    desktop.Cursor
	}{{false, desktop.DefaultCursor}, {true, desktop.PointerCursor}} {
		c.Pointer = p.pointer
		if got := c.Cursor(); got != p.want {
			t.Errorf("pointer %v: cursor %v, want %v", p.pointer, got, p.want)
		}
	}
}

// Moving into a filled field selects its content, so typing replaces it: the issue
// found 5 typed into "6" giving 56.
// A value selected on focus and then replaced while the field is left (the next
// household shown) must not leave the field selecting: the first digit typed into it
// was selected and replaced by the second, so 20万 was stored as 0万.
func TestKeyEntryTypesWholeAfterASelectedValueWasReplaced(t *testing.T) {
	test.NewTempApp(t)
	e, other := NewKeyEntry(), NewKeyEntry()
	e.SelectOnFocus = true
	e.SetText("30万")
	w := test.NewTempWindow(t, container.NewVBox(e, other))
	w.Canvas().Focus(e) // selects 30万
	w.Canvas().Focus(other)
	e.SetText("")
	w.Canvas().Focus(e)
	for _, r := range "20万" {
		e.TypedRune(r)
	}
	if e.Text != "20万" {
		t.Errorf("typed 20万, the field holds %q", e.Text)
	}
}

func TestKeyEntrySelectOnFocusReplacesTheValue(t *testing.T) {
	test.NewTempApp(t)
	for _, c := range []struct {
		selectOnFocus bool
		want          string
	}{{true, "5"}, {false, "56"}} {
		e := NewKeyEntry()
		e.SelectOnFocus = c.selectOnFocus
		e.SetText("6")
		w := test.NewTempWindow(t, e)
		w.Canvas().Focus(e)
		e.TypedRune('5')
		if e.Text != c.want {
			t.Errorf("SelectOnFocus %v: typing 5 into 6 gave %q, want %q", c.selectOnFocus, e.Text, c.want)
		}
	}
}
