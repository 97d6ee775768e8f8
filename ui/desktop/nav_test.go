package desktop

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/data"
)

type fakeScreen string

func (s fakeScreen) Title() string { return string(s) }

func (s fakeScreen) Content() fyne.CanvasObject { return widget.NewLabel(string(s)) }

func TestNavigatorStack(t *testing.T) {
	d := newTestDeps(t)
	n := d.Nav.(*Navigator)
	if n.back.Visible() || n.title.Text != "村与评议会" {
		t.Fatalf("home: back visible %v, title %q", n.back.Visible(), n.title.Text)
	}
	n.Push(fakeScreen("一"))
	n.Push(fakeScreen("二"))
	if n.Depth() != 3 || !n.back.Visible() || n.title.Text != "二" {
		t.Fatalf("after two pushes: depth %d, title %q", n.Depth(), n.title.Text)
	}
	test.Tap(n.back)
	if n.title.Text != "一" {
		t.Errorf("Back shows %q", n.title.Text)
	}
	test.Tap(n.gear)
	test.Tap(n.gear) // settings twice: one settings screen
	if n.Depth() != 3 || n.title.Text != "应用设置" {
		t.Errorf("settings: depth %d, title %q", n.Depth(), n.title.Text)
	}
	n.Home()
	if n.Depth() != 1 || n.back.Visible() {
		t.Errorf("Home: depth %d", n.Depth())
	}
}

func TestOpenFailureShowsMessageAndWaysOut(t *testing.T) {
	a := test.NewTempApp(t)
	if err := useLanguage(i18n.Zh); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "other.db")
	if err := os.WriteFile(path, []byte("this is not a database, it is a letter to the bank"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, openErr := data.Open(path)
	if openErr == nil {
		t.Fatal("a text file opened as a database")
	}
	w := a.NewWindow("t")
	f := NewOpenFailure(w, path, openErr, i18n.Zh)
	w.SetContent(f.Content())
	if f.message.Text != app.ErrorMessage(openErr, i18n.Zh) || f.message.Text == "" {
		t.Errorf("message = %q", f.message.Text)
	}
	if f.choose.Text != "选择其他数据库文件" || f.quit.Text != "退出" {
		t.Errorf("buttons = %q, %q", f.choose.Text, f.quit.Text)
	}
	quit := false
	f.OnQuit = func() { quit = true }
	test.Tap(f.quit)
	if !quit {
		t.Error("退出 did not quit")
	}
	f.ShowError(errors.New("boom"))
	if !f.problem.Visible() || f.problem.Text != "boom" {
		t.Errorf("problem = %q", f.problem.Text)
	}
}

func TestRunOpenFailureAndSeed(t *testing.T) {
	t.Run("open fails: status 1, the failure shown", func(t *testing.T) {
		a := test.NewTempApp(t)
		cfg := Config{DBPath: "x.db", Open: func() (app.Store, error) { return nil, app.Errorf(app.EINVALID, "settings.positive") }}
		if got := run(a, cfg, nil); got != 1 {
			t.Errorf("status = %d, want 1", got)
		}
	})
	// A village's own new database is not filled with the demo village; the demo
	// database (pingxin --demo, 试用演示) is, and says so in the window title.
	for _, c := range []struct {
		name   string
		demo   bool
		seeded bool
		title  string
	}{{"a new database stays empty", false, false, "评信 Pingxin"}, {"the demo database is filled", true, true, "评信 Pingxin（演示数据库）"}} {
		t.Run(c.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			if err := useLanguage(i18n.Zh); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "new.db")
			cfg := Config{DBPath: path, Demo: c.demo, LangChosen: true, Lang: i18n.Zh, Open: func() (app.Store, error) { return data.Open(path) }}
			if got := run(a, cfg, nil); got != 0 {
				t.Errorf("status = %d, want 0", got)
			}
			var titles []string
			for _, w := range a.Driver().AllWindows() {
				titles = append(titles, w.Title())
			}
			if !slices.Contains(titles, c.title) {
				t.Errorf("window titles %q, want %q", titles, c.title)
			}
			st, err := data.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			vs, err := st.Villages(context.Background())
			if err != nil || (len(vs) > 0) != c.seeded {
				t.Errorf("villages %v (%v), want seeded %v", vs, err, c.seeded)
			}
		})
	}
}
