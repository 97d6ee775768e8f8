package desktop

import (
	"path/filepath"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// canRestore reports whether main gave the settings a way to check and restore a backup.
func (p *PrefsScreen) canRestore() bool { return p.d.CheckBackup != nil && p.d.Restore != nil }

// backupsDir is the backups folder beside the database, where the daily backups and
// the copies kept by a restore are.
func (p *PrefsScreen) backupsDir() string { return filepath.Join(filepath.Dir(p.d.DBPath), "backups") }

// onRestore asks for the backup to restore, starting in the backups folder when there is one.
func (p *PrefsScreen) onRestore() {
	pickOpen(p.d.Win, filePick{exts: []string{".db"}, start: p.backupsDir()},
		func(path string) { p.RestoreFrom(path, nil) }, p.showRestoreResult)
}

// RestoreFrom offers to put the backup src in place of the database. The file is
// checked before anything else: one that is not a Pingxin database this build can
// restore is refused with the reason and nothing changes. Otherwise the person confirms
// (the current database is kept as a copy) and the restore runs; done, when not nil,
// runs on the UI thread after it.
func (p *PrefsScreen) RestoreFrom(src string, done func()) {
	setProblem(p.RestoreResult, "")
	if err := p.d.CheckBackup(src); err != nil {
		p.showRestoreResult(err)
		return
	}
	msg := lang.L("desktop.prefs.restore_confirm", map[string]any{"Backup": src, "Path": p.d.DBPath})
	p.confirm = dialog.NewConfirm(lang.L("desktop.prefs.restore_title"), msg, func(ok bool) {
		if ok {
			p.restoreNow(src, done)
		}
	}, p.d.Win)
	p.confirm.SetConfirmText(lang.L("desktop.prefs.restore_go"))
	p.confirm.SetDismissText(lang.L("desktop.cancel"))
	p.confirm.Show()
}

// restoreNow restores src off the UI thread with the progress bar. On success Pingxin
// starts again on the restored database and this window closes.
func (p *PrefsScreen) restoreNow(src string, done func()) {
	p.busy.Show()
	p.BackupNow.Disable()
	p.RestoreB.Disable()
	inBackground(func() error { return p.d.Restore(src) }, func(err error) {
		p.busy.Hide()
		p.BackupNow.Enable()
		p.RestoreB.Enable()
		p.showRestoreResult(err)
		if done != nil {
			done()
		}
	})
}

// showRestoreResult says why the restore was refused or failed, or that Pingxin is
// starting again on the restored database.
func (p *PrefsScreen) showRestoreResult(err error) {
	p.RestoreResult.Importance = widget.SuccessImportance
	text := lang.L("desktop.prefs.restore_done")
	if err != nil {
		p.RestoreResult.Importance = widget.DangerImportance
		text = errText(p.d, err)
	}
	setProblem(p.RestoreResult, text)
}
