package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/i18n"
)

// inUse is what a second window on the same database shows: that the database is open
// elsewhere, and a way to switch to that window instead of two writers racing.
type inUse struct {
	message *widget.Label
	problem *widget.Label
	switchB *widget.Button
	quit    *widget.Button
	show    func() error
	onQuit  func()
	lang    i18n.Lang
}

func newInUse(w fyne.Window, err error, l i18n.Lang, show func() error, quit func()) *inUse {
	u := &inUse{show: show, onQuit: quit, lang: l}
	u.message = &widget.Label{Text: app.ErrorMessage(err, l), Wrapping: fyne.TextWrapWord}
	u.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	u.problem.Hide()
	u.switchB = &widget.Button{Text: lang.L("desktop.inuse.switch"), Icon: theme.ComputerIcon(),
		Importance: widget.HighImportance, OnTapped: u.onSwitch}
	u.quit = &widget.Button{Text: lang.L("desktop.openfail.quit"), OnTapped: quit}
	return u
}

// Content lays the message out in the middle of the window.
func (u *inUse) Content() fyne.CanvasObject {
	heading := &widget.Label{Text: lang.L("desktop.inuse.title"), TextStyle: fyne.TextStyle{Bold: true},
		SizeName: theme.SizeNameHeadingText}
	box := container.NewVBox(heading, u.message, u.problem, container.NewHBox(u.switchB, u.quit))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(560, box.MinSize().Height), box))
}

// onSwitch asks the open window to come forward and closes this one.
func (u *inUse) onSwitch() {
	if u.show != nil {
		if err := u.show(); err != nil {
			u.problem.SetText(i18n.ErrorText(err, u.lang))
			u.problem.Show()
			return
		}
	}
	u.onQuit()
}
