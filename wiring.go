package main

import (
	"fmt"
	"os"
	"time"

	"pingxin/app"
	"pingxin/data"
	"pingxin/ui/cli"
	"pingxin/ui/desktop"
)

// opener opens the database at path for either user interface: checked first (a
// damaged, foreign or newer file becomes a clear message), and wrapped so that closing
// or signing a meeting makes a backup from the desktop and the command line alike.
func opener(path string) func() (app.Store, error) {
	return func() (app.Store, error) {
		st, err := data.OpenChecked(path)
		if err != nil {
			return nil, err
		}
		return &data.BackingUp{Store: st, DBPath: path}, nil
	}
}

// guards gives the desktop the single-instance lock and the backups over path; the
// desktop never imports the store.
func guards(path string) (desktop.Instance, desktop.Backups) {
	inst := desktop.Instance{
		Acquire:     func() (func(), error) { return data.Acquire(path) },
		RequestShow: func() error { return data.RequestShow(path) },
		WatchShow:   func(show func()) func() { return data.WatchShow(path, time.Second, show) },
	}
	backups := desktop.Backups{
		Latest:  func() (string, error) { return data.LatestBackup(path) },
		Check:   data.Check,
		Restore: func(src string) (string, error) { return data.Restore(src, path) },
		KeepDaily: func(st app.Store) func() {
			b, ok := st.(*data.BackingUp)
			if !ok {
				return func() {}
			}
			return data.KeepDailyBackups(b.Store, path, time.Hour, func(err error) {
				fmt.Fprintln(os.Stderr, "pingxin: daily backup:", err)
			})
		},
	}
	return inst, backups
}

// files gives the command line the operations on the database file at path that no
// open store can do (restore), over the store package.
func files(path string) cli.Files {
	return cli.Files{
		Lock:    func() (func(), error) { return data.Acquire(path) },
		Restore: func(src string) (string, error) { return data.Restore(src, path) },
		Explain: data.Explain,
	}
}
