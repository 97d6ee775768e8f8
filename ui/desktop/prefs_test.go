package desktop

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/demo"
	"pingxin/app/i18n"
	"pingxin/app/service"
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
	if !ok || th.Variant() != theme.VariantDark || th.Scale() != 1.35 {
		t.Fatalf("theme = %#v", d.App.Settings().Theme())
	}
	prefs := d.App.Preferences()
	if prefs.String(prefTheme) != "dark" || float32(prefs.Float(prefScale)) != 1.35 {
		t.Errorf("saved theme %q scale %v", prefs.String(prefTheme), prefs.Float(prefScale))
	}
	if s := savedTheme(prefs); s.Variant() != theme.VariantDark || s.Scale() != 1.35 {
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

// restoreFixture is a database with the demo meeting, a backup of it in backups/, a
// second meeting made after the backup, the single-instance lock held, and the
// settings screen with the restore wired as run wires it — but with relaunch and quit
// only counted, so that no process is started.
type restoreFixture struct {
	d                   *Deps
	s                   *session
	p                   *PrefsScreen
	backup              string
	restored            []string // what Backups.Restore was asked to put in place
	relaunched, quitted int
}

func newRestoreFixture(t *testing.T, restoreErr error) *restoreFixture {
	t.Helper()
	f := &restoreFixture{d: newTestDeps(t)}
	d, ctx := f.d, context.Background()
	if _, err := d.Store.Demo(ctx, testDay); err != nil {
		t.Fatal(err)
	}
	f.backup = filepath.Join(filepath.Dir(d.DBPath), "backups", "pingxin-20260315-100000.db")
	if err := os.MkdirAll(filepath.Dir(f.backup), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := d.Store.Backup(ctx, f.backup); err != nil {
		t.Fatal(err)
	}
	v := mustVillage(t, d.Store, demo.VillageName)
	if _, err := d.Store.CreateMeeting(ctx, service.MeetingSpec{VillageID: v.ID, Date: testDay.AddDate(0, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	release, err := data.Acquire(d.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{
		DBPath:   d.DBPath,
		Open:     func() (app.Store, error) { return data.OpenChecked(d.DBPath) },
		Instance: Instance{Acquire: func() (func(), error) { return data.Acquire(d.DBPath) }},
		Backups: Backups{Check: data.Check, Restore: func(src string) (string, error) {
			// by now the lock is released and the store closed
			r, err := data.Acquire(d.DBPath)
			if err != nil {
				return "", err
			}
			r()
			if _, err := d.Store.Meetings(context.Background()); err == nil {
				return "", errors.New("the store is still open")
			}
			f.restored = append(f.restored, src)
			if restoreErr != nil {
				return "", restoreErr
			}
			return data.Restore(src, d.DBPath)
		}},
	}
	f.s = newSession(cfg, d, nil, release)
	f.s.relaunch = func() error { f.relaunched++; return nil }
	f.s.quit = func() { f.quitted++ }
	t.Cleanup(f.s.close)
	f.p = openPrefs(t, d)
	return f
}

// meetings counts the meetings in the database file, read afresh.
func meetingsIn(t *testing.T, path string) int {
	t.Helper()
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ms, err := st.Meetings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(ms)
}

func TestPrefsRestoreRefusesAForeignFile(t *testing.T) {
	f := newRestoreFixture(t, nil)
	p := f.p
	if p.RestoreB.Text != "从备份恢复…" || !p.RestoreB.Visible() {
		t.Fatalf("restore button %q shown %v", p.RestoreB.Text, p.RestoreB.Visible())
	}
	foreign := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(foreign, []byte("村委会会议记录：三月十五日\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p.RestoreFrom(foreign, nil)
	if want := zh("data.foreign"); p.RestoreResult.Text != want || !p.RestoreResult.Visible() ||
		p.RestoreResult.Importance != widget.DangerImportance {
		t.Errorf("refusal = %q (shown %v), want %q", p.RestoreResult.Text, p.RestoreResult.Visible(), want)
	}
	if p.confirm != nil || len(f.restored) != 0 || f.relaunched != 0 || f.quitted != 0 {
		t.Fatalf("a refused file went on: asked %v, restored %v, relaunched %d, quit %d",
			p.confirm != nil, f.restored, f.relaunched, f.quitted)
	}
	if ms, err := f.d.Store.Meetings(context.Background()); err != nil || len(ms) != 2 {
		t.Errorf("the open database after a refusal: %d meetings, %v", len(ms), err)
	}
	if _, err := data.Acquire(f.d.DBPath); app.ErrorCode(err) != app.ECONFLICT {
		t.Errorf("the lock was let go after a refusal: %v", err)
	}
}

func TestPrefsRestoreFromABackup(t *testing.T) {
	f := newRestoreFixture(t, nil)
	p := f.p
	wait(t, func(done func()) {
		p.RestoreFrom(f.backup, done)
		if p.confirm == nil {
			t.Fatal("no confirmation asked")
		}
		p.confirm.Confirm()
	})
	if p.RestoreResult.Text != "已从备份恢复，评信正在重新启动…" || p.RestoreResult.Importance != widget.SuccessImportance {
		t.Errorf("result = %q", p.RestoreResult.Text)
	}
	if len(f.restored) != 1 || f.restored[0] != f.backup || f.relaunched != 1 || f.quitted != 1 {
		t.Fatalf("restored %v, relaunched %d, quit %d", f.restored, f.relaunched, f.quitted)
	}
	if n := meetingsIn(t, f.d.DBPath); n != 1 {
		t.Errorf("the restored database holds %d meetings, want the backup's 1", n)
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(f.backup), "*replaced*.db"))
	if len(kept) != 1 || meetingsIn(t, kept[0]) != 2 {
		t.Errorf("the replaced database was not kept: %v", kept)
	}
}

func TestPrefsRestoreThatFailsKeepsTheWindowWorking(t *testing.T) {
	f := newRestoreFixture(t, app.Errorf(app.EINTERNAL, "data.disk_full", "Path", "backups"))
	p := f.p
	old := f.d.Store
	wait(t, func(done func()) {
		p.RestoreFrom(f.backup, done)
		p.confirm.Confirm()
	})
	if want := zh("data.disk_full", "Path", "backups"); p.RestoreResult.Text != want {
		t.Errorf("result = %q, want %q", p.RestoreResult.Text, want)
	}
	if f.relaunched != 0 || f.quitted != 0 {
		t.Fatalf("relaunched %d, quit %d after a failed restore", f.relaunched, f.quitted)
	}
	if f.d.Store == old {
		t.Fatal("the store was not opened again")
	}
	if ms, err := f.d.Store.Meetings(context.Background()); err != nil || len(ms) != 2 {
		t.Errorf("the reopened database: %d meetings, %v", len(ms), err)
	}
	if _, err := data.Acquire(f.d.DBPath); app.ErrorCode(err) != app.ECONFLICT {
		t.Errorf("the lock is not held again: %v", err)
	}
}
