package desktop

import (
	"context"
	"net/url"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/i18n"
)

// languages are the languages offered, in the order of the radio group.
var languages = []i18n.Lang{i18n.Zh, i18n.En}

// PrefsScreen is the application's settings: language, light or dark, text size,
// where the database lives, a backup on demand and a restore from a chosen backup.
// Every choice applies at once and is remembered in Fyne's preferences.
type PrefsScreen struct {
	d *Deps

	Language, Variant, TextSize     *widget.RadioGroup
	OpenFolder, BackupNow, RestoreB *widget.Button
	busy                            *widget.ProgressBarInfinite
	BackupResult, RestoreResult     *widget.Label
	confirm                         *dialog.ConfirmDialog // the open restore question, for tests
}

var _ Screen = (*PrefsScreen)(nil)

// NewPrefsScreen shows the current choices.
func NewPrefsScreen(d *Deps) *PrefsScreen {
	p := &PrefsScreen{d: d}
	t := currentTheme(d.App)
	p.Language = widget.NewRadioGroup(texts(languages, langName), nil)
	p.Language.SetSelected(langName(d.Lang))
	p.Language.OnChanged = p.onLanguage
	p.Variant = widget.NewRadioGroup([]string{lang.L("desktop.prefs.light"), lang.L("desktop.prefs.dark")}, nil)
	p.Variant.SetSelected(p.Variant.Options[0])
	if t.Variant() == theme.VariantDark {
		p.Variant.SetSelected(p.Variant.Options[1])
	}
	p.Variant.OnChanged = func(string) { p.onTheme() }
	p.TextSize = widget.NewRadioGroup(texts(textScales, scaleName), nil)
	p.TextSize.SetSelected(scaleName(t.Scale()))
	p.TextSize.OnChanged = func(string) { p.onTheme() }
	for _, r := range []*widget.RadioGroup{p.Language, p.Variant, p.TextSize} {
		r.Horizontal, r.Required = true, true
	}
	p.OpenFolder = &widget.Button{Text: lang.L("desktop.prefs.open_folder"), Icon: theme.FolderOpenIcon(), OnTapped: p.onOpenFolder}
	p.BackupNow = &widget.Button{Text: lang.L("desktop.prefs.backup_now"), Icon: theme.DownloadIcon(),
		Importance: widget.HighImportance, OnTapped: p.onBackup}
	p.busy = widget.NewProgressBarInfinite()
	p.busy.Hide()
	p.BackupResult = &widget.Label{Wrapping: fyne.TextWrapBreak}
	p.BackupResult.Hide()
	p.RestoreB = &widget.Button{Text: lang.L("desktop.prefs.restore"), Icon: theme.HistoryIcon(), OnTapped: p.onRestore}
	p.RestoreResult = &widget.Label{Wrapping: fyne.TextWrapBreak}
	p.RestoreResult.Hide()
	return p
}

func langName(l i18n.Lang) string { return lang.L("desktop.prefs.lang." + string(l)) }

func scaleName(s float32) string {
	for i, x := range textScales {
		if x == s {
			return lang.L([]string{"desktop.prefs.size.normal", "desktop.prefs.size.large", "desktop.prefs.size.larger"}[i])
		}
	}
	return lang.L("desktop.prefs.size.normal")
}

// Title is the header on this screen.
func (p *PrefsScreen) Title() string { return lang.L("desktop.prefs.title") }

// Content is the settings as a form.
func (p *PrefsScreen) Content() fyne.CanvasObject {
	where := &widget.Label{Text: p.d.DBPath, Wrapping: fyne.TextWrapBreak, Selectable: true}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("desktop.prefs.language"), p.Language),
		widget.NewFormItem(lang.L("desktop.prefs.theme"), p.Variant),
		widget.NewFormItem(lang.L("desktop.prefs.text_size"), p.TextSize),
		widget.NewFormItem(lang.L("desktop.prefs.data"), container.NewVBox(where, container.NewHBox(p.OpenFolder))),
		widget.NewFormItem(lang.L("desktop.prefs.backup"), p.backupBox()))
	form.Items[3].HintText = lang.L("desktop.prefs.data_hint")
	form.Items[4].HintText = lang.L("desktop.prefs.backup_hint")
	return container.NewVScroll(container.NewPadded(form))
}

// backupBox is the backup's buttons and results; 从备份恢复 only when main gives a way
// to restore.
func (p *PrefsScreen) backupBox() fyne.CanvasObject {
	buttons := container.NewHBox(p.BackupNow)
	if p.canRestore() {
		buttons.Add(p.RestoreB)
	}
	return container.NewVBox(buttons, p.busy, p.BackupResult, p.RestoreResult)
}

// currentTheme is the app's theme, or the saved one if the app runs another.
func currentTheme(a fyne.App) *Theme {
	if t, ok := a.Settings().Theme().(*Theme); ok {
		return t
	}
	return savedTheme(a.Preferences())
}

func (p *PrefsScreen) onTheme() {
	v := theme.VariantLight
	if p.Variant.Selected == p.Variant.Options[1] {
		v = theme.VariantDark
	}
	scale := textScales[0]
	for _, s := range textScales {
		if scaleName(s) == p.TextSize.Selected {
			scale = s
		}
	}
	t := NewTheme(v, scale)
	saveTheme(p.d.App.Preferences(), t)
	p.d.App.Settings().SetTheme(t)
}

// onLanguage switches the language at once: Fyne is told, the choice is saved, and
// every screen is rebuilt in the new language (the meeting screens hold nothing
// unsaved: each change is stored when it is made).
func (p *PrefsScreen) onLanguage(name string) {
	l := i18n.Zh
	for _, x := range languages {
		if langName(x) == name {
			l = x
		}
	}
	if l == p.d.Lang {
		return
	}
	p.d.App.Preferences().SetString(prefLang, string(l))
	if err := useLanguage(l); err != nil {
		fyne.LogError("language", err)
	}
	p.d.Lang = l
	p.d.Win.SetTitle(lang.L("desktop.app.title"))
	if r, ok := p.d.Nav.(interface{ Reset(func() Screen) }); ok {
		d := p.d
		r.Reset(func() Screen { return NewPrefsScreen(d) })
	}
}

func (p *PrefsScreen) onOpenFolder() {
	u, err := url.Parse(storage.NewFileURI(filepath.Dir(p.d.DBPath)).String())
	if err == nil {
		err = p.d.App.OpenURL(u)
	}
	if err != nil {
		dialog.ShowError(err, p.d.Win)
	}
}

// backupName names a backup by the moment it was taken, so no backup overwrites another.
func backupName(t time.Time) string { return "pingxin-" + t.Format("20060102-150405") + ".db" }

func (p *PrefsScreen) onBackup() {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		p.BackupTo(filepath.Join(dir.Path(), backupName(p.d.Now())), nil)
	}, p.d.Win)
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// BackupTo copies the database to path off the UI thread, with a progress bar, and
// says where the copy went or why it failed; done, when not nil, runs on the UI
// thread after.
func (p *PrefsScreen) BackupTo(path string, done func()) {
	p.busy.Show()
	p.BackupNow.Disable()
	setProblem(p.BackupResult, "")
	inBackground(func() error { return p.d.Store.Backup(context.Background(), path) }, func(err error) {
		p.busy.Hide()
		p.BackupNow.Enable()
		if err != nil {
			p.BackupResult.Importance = widget.DangerImportance
			setProblem(p.BackupResult, errText(p.d, err))
		} else {
			p.BackupResult.Importance = widget.SuccessImportance
			setProblem(p.BackupResult, lang.L("desktop.prefs.backup_done", map[string]any{"Path": path}))
		}
		if done != nil {
			done()
		}
	})
}
