package desktop

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/service"
	"pingxin/data"
)

func TestSecondWindowOnTheSameDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	release, err := data.Acquire(path) // the first window
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	asked := false
	inst := Instance{
		Acquire:     func() (func(), error) { return data.Acquire(path) },
		RequestShow: func() error { asked = true; return data.RequestShow(path) },
	}
	a := test.NewTempApp(t)
	cfg := Config{DBPath: path, Instance: inst, Open: func() (app.Store, error) {
		t.Fatal("a second window must not open the database")
		return nil, nil
	}}
	if got := run(a, cfg, nil); got != 0 {
		t.Fatalf("status %d", got)
	}

	w := a.NewWindow("t")
	_, err = data.Acquire(path)
	quit := false
	u := newInUse(w, err, i18n.Zh, inst.RequestShow, func() { quit = true })
	w.SetContent(u.Content())
	if u.message.Text == "" || u.switchB.Text != "切换到已打开的窗口" {
		t.Fatalf("message %q, button %q", u.message.Text, u.switchB.Text)
	}
	shown := make(chan struct{}, 1)
	stop := data.WatchShow(path, 10*time.Millisecond, func() { shown <- struct{}{} })
	defer stop()
	test.Tap(u.switchB)
	if !asked || !quit {
		t.Fatalf("switch: asked %v, quit %v", asked, quit)
	}
	select {
	case <-shown:
	case <-time.After(2 * time.Second):
		t.Fatal("the first window was never asked to come forward")
	}
}

func TestRestoreTheLatestBackupAfterDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := service.New(st).Demo(context.Background(), time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := data.AutoBackup(st, path, data.WhySigned); err != nil {
		t.Fatal(err)
	}
	st.Close()
	os.Remove(path + "-wal")
	if err := os.Truncate(path, 3000); err != nil { // a power cut mid-copy
		t.Fatal(err)
	}
	_, openErr := data.OpenChecked(path)
	if openErr == nil {
		t.Fatal("a truncated database opened")
	}

	a := test.NewTempApp(t)
	if err := useLanguage(i18n.Zh); err != nil { // its captions are asserted in Chinese, run alone too
		t.Fatal(err)
	}
	w := a.NewWindow("t")
	f := NewOpenFailure(w, path, openErr, i18n.Zh)
	f.Latest = func() (string, error) { return data.LatestBackup(path) }
	f.Restore = func(src string) (string, error) { return data.Restore(src, path) }
	reopened := false
	f.OnRestored = func() { reopened = true }
	w.SetContent(f.Content())
	if len(f.actions()) != 3 || f.restore.Text != "从最新备份恢复" {
		t.Fatalf("ways out: %d, %q", len(f.actions()), f.restore.Text)
	}
	src, err := f.Latest()
	if err != nil {
		t.Fatal(err)
	}
	f.restoreFrom(src)
	if !reopened || f.problem.Visible() {
		t.Fatalf("restore: reopened %v, problem %q", reopened, f.problem.Text)
	}
	st2, err := data.OpenChecked(path)
	if err != nil {
		t.Fatalf("the restored database does not open: %v", err)
	}
	defer st2.Close()
	if ms, _ := st2.Meetings(context.Background()); len(ms) != 1 {
		t.Fatalf("restored meetings: %d", len(ms))
	}
}
