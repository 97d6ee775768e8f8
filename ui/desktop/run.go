package desktop

import (
	"context"
	"os"
	"os/exec"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/service"
)

// AppID is the application's unique ID: Fyne keys the preferences file by it, and
// FyneApp.toml repeats it for `fyne package`.
const AppID = "cn.pingxin.app"

// The main window's size when it cannot be maximised and none was saved: room for
// the household table; placeWindow shrinks it to fit a smaller screen.
const winW, winH = 1200, 800

// Run starts the desktop app and returns the process's exit status: 0 after a normal
// close, 1 when the database could not be opened and the person chose to quit.
func Run(c Config) int {
	env := os.Environ() // before useLanguage steers the locale: for programs we start
	a := fyneapp.NewWithID(AppID)
	return run(a, c, env)
}

// run is Run on a given app, so tests can drive it with a test app.
func run(a fyne.App, c Config, env []string) int {
	l := startLanguage(a.Preferences(), c)
	if err := useLanguage(l); err != nil {
		fyne.LogError("language", err)
	}
	a.Settings().SetTheme(savedTheme(a.Preferences()))
	title := lang.L("desktop.app.title")
	if c.Demo {
		title = lang.L("desktop.app.title_demo")
	}
	w := a.NewWindow(title)
	w.Resize(fyne.NewSize(winW, winH))
	w.CenterOnScreen()

	unlock := func() {}
	if c.Instance.Acquire != nil {
		release, err := c.Instance.Acquire()
		switch {
		case app.ErrorCode(err) == app.ECONFLICT:
			w.SetContent(newInUse(w, err, l, c.Instance.RequestShow, a.Quit).Content())
			showAndRun(a, w, nil)
			return 0
		case err != nil:
			fyne.LogError("lock", err) // an unlockable folder must not keep the clerk out
		default:
			unlock = release
			defer release()
		}
	}
	st, err := c.Open()
	status := 0
	var leave func(proceed func())
	if err != nil {
		status = 1
		f := NewOpenFailure(w, c.DBPath, err, l)
		f.OnChoose = func(path string) {
			unlock() // the new process must find the database free, not in use by us
			if err := relaunch(path, c, env); err != nil {
				f.ShowError(err)
				return
			}
			status = 0
			a.Quit()
		}
		f.Latest, f.Restore = c.Backups.Latest, c.Backups.Restore
		f.OnRestored = func() { f.OnChoose(c.DBPath) }
		f.OnQuit = a.Quit
		w.SetContent(f.Content())
	} else {
		svc := service.New(st)
		if c.Demo {
			seedIfEmpty(svc)
		}
		if c.Instance.WatchShow != nil {
			defer c.Instance.WatchShow(func() { onUI(func() { w.Show(); w.RequestFocus() }) })()
		}
		d := &Deps{App: a, Win: w, Store: svc, Lang: l, Now: time.Now, DBPath: c.DBPath, Demo: c.Demo}
		s := newSession(c, d, st, unlock)
		if c.DemoPath != "" && !c.Demo {
			d.OpenDemo = func() error {
				unlock() // the demo is another file, but this window gives way to it
				if err := relaunch(c.DemoPath, c, env, "--demo"); err != nil {
					return err
				}
				a.Quit()
				return nil
			}
		}
		s.relaunch = func() error { return relaunch(c.DBPath, c, env) }
		s.quit = func() { onUI(a.Quit) }
		defer s.close()
		w.SetContent(NewMainContent(d))
		if c.Meeting != 0 { // once the window runs, so the meeting's tabs replace the bar in it
			a.Lifecycle().SetOnStarted(func() { d.Nav.Push(openMeetingOn(d, c.Meeting, tabDeliberate)) })
		}
		leave = d.Nav.(*Navigator).Leave
	}
	showAndRun(a, w, leave)
	return status
}

// showAndRun shows the main window where it was left (maximised on first start, and
// always inside the screen) and runs the app until the window closes.
func showAndRun(a fyne.App, w fyne.Window, leave func(proceed func())) {
	w.SetMaster() // closing it ends Pingxin, the projector window with it
	w.Show()
	placeMainWindow(w, a.Preferences(), fyne.NewSize(winW, winH))
	w.SetCloseIntercept(func() { closeMain(a, w, leave) })
	a.Run()
}

// closeMain closes the main window: the value being typed is stored first (the
// focused entry confirms it as it loses the focus); typing the rules refused is not
// dropped without asking (leave); the window's place is remembered.
func closeMain(a fyne.App, w fyne.Window, leave func(proceed func())) {
	w.Canvas().Unfocus()
	done := func() {
		saveMainWindow(w, a.Preferences())
		w.Close()
	}
	if leave == nil {
		done()
		return
	}
	leave(done)
}

// NewMainContent builds the main window's content for d: the navigator with the
// home screen, and sets d.Nav.
func NewMainContent(d *Deps) fyne.CanvasObject {
	n := NewNavigator(func() Screen { return NewHomeScreen(d) }, func() Screen { return NewPrefsScreen(d) })
	d.Nav = n
	return n.Root
}

// seedIfEmpty creates the demo village and meeting in the demo database (pingxin
// --demo, 试用演示) while it has no village, so that trying Pingxin shows a real
// meeting. A village's own database is never filled: its first start offers 新建村 or
// 试用演示 instead. Failure only leaves the home screen empty, so it is logged.
func seedIfEmpty(st *service.Service) {
	ctx := context.Background()
	vs, err := st.Villages(ctx)
	if err != nil || len(vs) > 0 {
		return
	}
	if _, err := st.Demo(ctx, time.Now()); err != nil {
		fyne.LogError("demo", err)
	}
}

// relaunch starts Pingxin again on the database at path, with the environment the
// process started with (the desktop only steers its own locale). The desktop cannot
// open another file itself: only main knows how to open a store (ui never imports
// data), and Config.Open is bound to one path.
func relaunch(path string, c Config, env []string, extra ...string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	args := append([]string{"--db", path}, extra...)
	if c.LangChosen {
		args = append(args, "--lang", langFlag(c.Lang))
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Start()
}

// langFlag is the --lang value for l.
func langFlag(l i18n.Lang) string {
	if l == i18n.En {
		return "en"
	}
	return "zh"
}
