package desktop

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/service"
	"pingxin/data"
)

// testDay is the fixed clock of every UI test: the demo meeting and new meetings
// are dated on it.
var testDay = time.Date(2026, 3, 15, 10, 0, 0, 0, time.Local)

// newTestDeps starts a test app in Chinese with a main window over a real, empty
// database in t.TempDir().
func newTestDeps(t testing.TB) *Deps {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(theme.VariantLight, 1))
	if err := useLanguage(i18n.Zh); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "pingxin.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(winW, winH))
	d := &Deps{App: a, Win: w, Store: service.New(st), Lang: i18n.Zh, Now: func() time.Time { return testDay }, DBPath: path}
	w.SetContent(NewMainContent(d))
	return d
}

// wait runs start with a done callback, then the background work it started, and
// fails unless done was called.
func wait(t *testing.T, start func(done func())) {
	t.Helper()
	finished := false
	start(func() { finished = true })
	waitBackground()
	if !finished {
		t.Fatal("background work did not finish")
	}
}

// mustVillage loads the village named name.
func mustVillage(t *testing.T, st app.Reader, name string) *app.Village {
	t.Helper()
	v, err := st.VillageByName(context.Background(), name)
	if err != nil {
		t.Fatalf("village %s: %v", name, err)
	}
	return v
}

// zh renders a domain message in Chinese, as the screens show it.
func zh(key string, kv ...any) string { return i18n.M(key, kv...).In(i18n.Zh) }
