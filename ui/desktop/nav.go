package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// page is a screen on the stack with the content it built, so that going back shows
// the very widgets the person left, with their scroll position and typing.
type page struct {
	screen  Screen
	content fyne.CanvasObject
}

// Navigator is the main window's Nav: a stack of screens under a header bar with a
// back button, the top screen's title and a settings button. The bottom screen is
// Home; Home and Back refresh the screen they return to when it is a Refresher.
type Navigator struct {
	stack    []page
	home     func() Screen
	settings func() Screen

	back     *widget.Button
	title    *widget.Label
	gear     *widget.Button
	body     *fyne.Container
	header   *fyne.Container
	Root     fyne.CanvasObject // header bar over the top screen: the window's content
	OnChange func(Screen)      // called after the top screen changed, for tests and titles
}

var _ Nav = (*Navigator)(nil)

// NewNavigator returns a navigator showing home(); settings builds the screen the
// header's settings button opens.
func NewNavigator(home, settings func() Screen) *Navigator {
	n := &Navigator{home: home, settings: settings}
	n.back = &widget.Button{Icon: theme.NavigateBackIcon(), Text: lang.L("desktop.nav.back"), OnTapped: n.Back}
	n.gear = &widget.Button{Icon: theme.SettingsIcon(), Text: lang.L("desktop.nav.settings"), OnTapped: n.onSettings}
	n.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	n.body = container.NewStack()
	n.header = container.NewBorder(nil, nil, n.back, n.gear, n.title)
	n.Root = container.NewBorder(container.NewVBox(n.header, widget.NewSeparator()), nil, nil, nil, n.body)
	n.stack = []page{{screen: home()}}
	n.show()
	return n
}

// Push shows s above the current screen.
func (n *Navigator) Push(s Screen) {
	n.stack = append(n.stack, page{screen: s})
	n.show()
}

// Back returns to the screen below, asking first when the screen left holds typing
// not stored; on Home it does nothing.
func (n *Navigator) Back() {
	n.Leave(func() {
		if len(n.stack) > 1 {
			n.stack = n.stack[:len(n.stack)-1]
		}
		n.refreshTop()
		n.show()
	})
}

// Home returns to the home screen, asking first like Back.
func (n *Navigator) Home() {
	n.Leave(func() {
		n.stack = n.stack[:1]
		n.refreshTop()
		n.show()
	})
}

// Leave runs proceed once the screen shown may be left: at once, or after the
// question of a screen with typing not stored (a Leaver).
func (n *Navigator) Leave(proceed func()) {
	if l, ok := n.Top().(Leaver); ok {
		l.Leave(proceed)
		return
	}
	proceed()
}

// Reset rebuilds the whole stack from scratch: a fresh Home with top pushed on it
// (nil for none). The language switch uses it so every screen is rebuilt in the new
// language.
func (n *Navigator) Reset(top func() Screen) {
	n.stack = []page{{screen: n.home()}}
	if top != nil {
		n.stack = append(n.stack, page{screen: top()})
	}
	n.back.SetText(lang.L("desktop.nav.back"))
	n.gear.SetText(lang.L("desktop.nav.settings"))
	n.show()
}

// Top is the screen shown now.
func (n *Navigator) Top() Screen { return n.stack[len(n.stack)-1].screen }

// Depth is the number of screens on the stack, Home included.
func (n *Navigator) Depth() int { return len(n.stack) }

func (n *Navigator) onSettings() {
	if _, ok := n.Top().(*PrefsScreen); ok {
		return
	}
	n.Push(n.settings())
}

func (n *Navigator) refreshTop() {
	if r, ok := n.Top().(Refresher); ok {
		r.Refresh()
	}
}

// retitle shows the top screen's title again: a screen that learns its name after it
// was shown (a meeting read in the background) asks for it.
func (n *Navigator) retitle() { n.title.SetText(n.Top().Title()) }

func (n *Navigator) show() {
	p := &n.stack[len(n.stack)-1]
	if p.content == nil {
		p.content = p.screen.Content()
	}
	n.title.SetText(p.screen.Title())
	if len(n.stack) > 1 {
		n.back.Show()
	} else {
		n.back.Hide()
	}
	n.header.Refresh()
	n.body.Objects = []fyne.CanvasObject{p.content}
	n.body.Refresh()
	if n.OnChange != nil {
		n.OnChange(p.screen)
	}
}
