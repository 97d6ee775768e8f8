package desktop

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/i18n"
)

// OpenFailure is what the window shows instead of the app when the database cannot
// be opened (a damaged file, another program's database, a newer schema): the
// reason in the person's language and ways out, never a crash.
type OpenFailure struct {
	OnChoose func(path string) // another database file was chosen
	OnQuit   func()
	// Latest and Restore, when set, offer to put the newest good backup in place;
	// OnRestored then reopens the database.
	Latest     func() (string, error)
	Restore    func(src string) (kept string, err error)
	OnRestored func()

	win     fyne.Window
	path    string
	err     error
	lang    i18n.Lang
	message *widget.Label
	problem *widget.Label
	choose  *widget.Button
	restore *widget.Button
	quit    *widget.Button
}

// NewOpenFailure explains that the database at path failed to open with err.
func NewOpenFailure(w fyne.Window, path string, err error, l i18n.Lang) *OpenFailure {
	f := &OpenFailure{win: w, path: path, err: err, lang: l}
	f.message = &widget.Label{Text: app.ErrorMessage(err, l), Wrapping: fyne.TextWrapWord}
	f.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	f.problem.Hide()
	f.choose = &widget.Button{Text: lang.L("desktop.openfail.choose"), Icon: theme.FolderOpenIcon(),
		Importance: widget.HighImportance, OnTapped: f.onChoose}
	f.restore = &widget.Button{Text: lang.L("desktop.openfail.restore"), Icon: theme.HistoryIcon(), OnTapped: f.onRestore}
	f.quit = &widget.Button{Text: lang.L("desktop.openfail.quit"), OnTapped: f.onQuit}
	return f
}

// Content lays the explanation out in the middle of the window.
func (f *OpenFailure) Content() fyne.CanvasObject {
	heading := &widget.Label{Text: lang.L("desktop.openfail.title"), TextStyle: fyne.TextStyle{Bold: true},
		SizeName: theme.SizeNameHeadingText}
	where := &widget.Label{Text: lang.L("desktop.openfail.path", map[string]any{"Path": f.path}),
		Wrapping: fyne.TextWrapBreak, Importance: widget.LowImportance}
	box := container.NewVBox(heading, f.message, where, f.problem, container.NewHBox(f.actions()...))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(640, box.MinSize().Height), box))
}

// actions are the ways out, in order: another file, the latest backup (when backups
// are offered), quit.
func (f *OpenFailure) actions() []fyne.CanvasObject {
	if f.Latest == nil || f.Restore == nil {
		return []fyne.CanvasObject{f.choose, f.quit}
	}
	return []fyne.CanvasObject{f.choose, f.restore, f.quit}
}

// onRestore finds the newest backup that passes the checks and, once the person
// confirms, puts it in place of the damaged file (which is kept) and reopens.
func (f *OpenFailure) onRestore() {
	src, err := f.Latest()
	if err != nil {
		f.ShowError(err)
		return
	}
	msg := lang.L("desktop.openfail.restore_confirm", map[string]any{"Backup": src, "Path": f.path})
	dialog.ShowConfirm(lang.L("desktop.openfail.restore"), msg, func(ok bool) {
		if ok {
			f.restoreFrom(src)
		}
	}, f.win)
}

// restoreFrom puts the backup src in place and reopens, or says why it could not.
func (f *OpenFailure) restoreFrom(src string) {
	if _, err := f.Restore(src); err != nil {
		f.ShowError(err)
		return
	}
	if f.OnRestored != nil {
		f.OnRestored()
	}
}

// ShowError says why the chosen way out did not work.
func (f *OpenFailure) ShowError(err error) {
	f.problem.SetText(i18n.ErrorText(err, f.lang))
	f.problem.Show()
}

func (f *OpenFailure) onChoose() {
	pickOpen(f.win, filePick{}, func(path string) {
		if f.OnChoose != nil {
			f.OnChoose(path)
		}
	}, f.ShowError)
}

func (f *OpenFailure) onQuit() {
	if f.OnQuit != nil {
		f.OnQuit()
	}
}
