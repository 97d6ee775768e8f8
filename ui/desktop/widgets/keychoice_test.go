package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestKeyChoiceKeys: one focus stop whose digits choose by number and report that a key
// chose (so a form can move on), a digit naming the chosen option confirms it instead,
// the arrows move the choice, and other digits do nothing.
func TestKeyChoiceKeys(t *testing.T) {
	test.NewTempApp(t)
	var changes []string
	var byKey []bool
	confirmed := 0
	c := NewKeyChoice([]string{"出席", "缺席", "请假"}, nil)
	c.OnChanged = func(s string) { changes = append(changes, s); byKey = append(byKey, c.ChosenByKey()) }
	c.OnConfirmed = func() { confirmed++ }
	test.NewTempWindow(t, c)

	c.TypedRune('2')
	c.TypedRune('2')
	c.TypedRune('4')
	c.TypedRune('0')
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if want := []string{"缺席", "出席"}; len(changes) != 2 || changes[0] != want[0] || changes[1] != want[1] {
		t.Fatalf("changes %v, want %v", changes, want)
	}
	if !byKey[0] || byKey[1] {
		t.Errorf("chosen by key: %v, want the digit's change only", byKey)
	}
	if confirmed != 1 {
		t.Errorf("confirmed %d times, want once (the second 2)", confirmed)
	}
	if c.ChosenByKey() {
		t.Error("ChosenByKey still true after the key")
	}
	c.Disable()
	c.TypedRune('3')
	if c.Selected != "出席" {
		t.Errorf("a disabled choice took a key: %q", c.Selected)
	}
}

// TestKeyChoiceWrapsInsteadOfWidening: the choice asks for no more width than its widest
// option and takes a second line when given less than one line needs, so the largest
// text size cannot push a window wider than the screen; given its preferred width it is
// one line.
func TestKeyChoiceWrapsInsteadOfWidening(t *testing.T) {
	test.NewTempApp(t)
	c := NewKeyChoice([]string{"Here", "Absent", "Leave", "Late", "Left early"}, nil)
	test.NewTempWindow(t, c)
	one := c.PreferredWidth()
	c.Resize(fyne.NewSize(one, 100))
	line := c.MinSize().Height
	if c.MinSize().Width >= one/2 {
		t.Errorf("minimum width %.0f, want about one option's of the %.0f a line needs", c.MinSize().Width, one)
	}
	c.Resize(fyne.NewSize(one-1, 100))
	if h := c.MinSize().Height; h != 2*line {
		t.Errorf("1 px short of a line: %.0f px tall, want two lines of %.0f", h, line)
	}
	c.Resize(fyne.NewSize(c.MinSize().Width, 100))
	if h := c.MinSize().Height; h != 5*line {
		t.Errorf("at its minimum width: %.0f px tall, want five lines of %.0f", h, line)
	}
	// a tap on the last option, now on the fifth line, chooses it
	test.TapAt(c, fyne.NewPos(2, 4.5*line))
	if c.Selected != "Left early" {
		t.Errorf("a tap on the fifth line chose %q", c.Selected)
	}
}
