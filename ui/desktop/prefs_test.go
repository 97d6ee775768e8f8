package desktop

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/i18n"
	"pingxin/data"
)

// openPrefs taps the header's settings button and returns the screen it shows.
func openPrefs(t *testing.T, d *Deps) *PrefsScreen {
	t.Helper()
	n := d.Nav.(*Navigator)
	test.Tap(n.gear)
	p, ok := n.Top().(*PrefsScreen)
	if !ok {
		t.Fatalf("settings opened %T", n.Top())
	}
	return p
}

func TestPrefsThemeAndTextSizeApplyAndPersist(t *testing.T) {
	d := newTestDeps(t)
	p := openPrefs(t, d)
	p.Variant.SetSelected("深色")
	p.TextSize.SetSelected("较大")
	th, ok := d.App.Settings().Theme().(*Theme)
	if !ok || th.Variant() != theme.VariantDark || th.Scale() != 1.2 {
		t.Fatalf("theme = %#v", d.App.Settings().Theme())
	}
	prefs := d.App.Preferences()
	if prefs.String(prefTheme) != "dark" || float32(prefs.Float(prefScale)) != 1.2 {
		t.Errorf("saved theme %q scale %v", prefs.String(prefTheme), prefs.Float(prefScale))
	}
	if s := savedTheme(prefs); s.Variant() != theme.VariantDark || s.Scale() != 1.2 {
		t.Errorf("next start would use %v × %v", s.Variant(), s.Scale())
	}
}

func TestPrefsLanguageAppliesAtOnce(t *testing.T) {
	d := newTestDeps(t)
	t.Cleanup(func() { _ = useLanguage(i18n.Zh) })
	p := openPrefs(t, d)
	p.Language.SetSelected("English")
	n := d.Nav.(*Navigator)
	if d.Lang != i18n.En || d.App.Preferences().String(prefLang) != "en" {
		t.Fatalf("lang %q, saved %q", d.Lang, d.App.Preferences().String(prefLang))
	}
	if n.Depth() != 2 || n.title.Text != "Settings" || n.back.Text != "Back" {
		t.Errorf("after the switch: depth %d, title %q, back %q", n.Depth(), n.title.Text, n.back.Text)
	}
	n.Back()
	if n.title.Text != "Villages and meetings" {
		t.Errorf("home title = %q", n.title.Text)
	}
	openPrefs(t, d).Language.SetSelected("中文")
	if d.Lang != i18n.Zh || lang.L("desktop.home.title") != "村与评议会" {
		t.Errorf("back to Chinese: lang %q", d.Lang)
	}
}

func TestStartLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	for _, c := range []struct {
		name  string
		saved string
		cfg   Config
		want  i18n.Lang
	}{
		{"Chinese by default", "", Config{}, i18n.Zh},
		{"saved English", "en", Config{}, i18n.En},
		{"--lang wins over saved", "en", Config{Lang: i18n.Zh, LangChosen: true}, i18n.Zh},
		{"--lang en", "", Config{Lang: i18n.En, LangChosen: true}, i18n.En},
	} {
		t.Run(c.name, func(t *testing.T) {
			p.SetString(prefLang, c.saved)
			if c.saved == "" {
				p.RemoveValue(prefLang)
			}
			if got := startLanguage(p, c.cfg); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestPrefsBackup(t *testing.T) {
	d := newTestDeps(t)
	p := openPrefs(t, d)
	path := filepath.Join(t.TempDir(), backupName(testDay))
	if filepath.Base(path) != "pingxin-20260315-100000.db" {
		t.Errorf("backup name = %s", filepath.Base(path))
	}
	wait(t, func(done func()) { p.BackupTo(path, done) })
	if want := "已备份到 " + path; p.BackupResult.Text != want || p.BackupResult.Importance != widget.SuccessImportance {
		t.Fatalf("result = %q, want %q", p.BackupResult.Text, want)
	}
	st, err := data.Open(path)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	st.Close()

	wait(t, func(done func()) { p.BackupTo(path, done) }) // exists: refused, not overwritten
	if p.BackupResult.Importance != widget.DangerImportance || p.BackupResult.Text == "" {
		t.Errorf("second backup: %q", p.BackupResult.Text)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the first backup is gone: %v", err)
	}
}
