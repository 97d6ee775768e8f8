package desktop

import (
	"context"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
	"pingxin/app/service"
)

// onGenerate writes the minutes and the public notice off the UI thread, the progress
// bar moving a step per document; the notice's period starts on the day in noticeFrom
// (docs/RULES.md §11.3, the desktop's `notice --from`).
func (t *minutesTab) onGenerate() {
	mm := t.mm
	minutes, notice := t.path(fileMinutes), t.path(fileNotice)
	signed := mm.locked()
	var from time.Time
	if s := strings.TrimSpace(t.noticeFrom.Text); signed && s != "" {
		d, err := time.ParseInLocation("2006-01-02", s, time.Local)
		if err != nil {
			setProblem(t.problem, mtgL("meeting.roll.bad_date", "Value", s))
			return
		}
		from = d
	}
	t.begin(mtgL("meeting.minutes.writing_minutes"))
	inBackground(func() error {
		ctx, now := context.Background(), mm.d.Now()
		if err := os.MkdirAll(t.folder(), 0o700); err != nil {
			return err
		}
		if _, err := service.WriteMinutes(ctx, mm.d.Store, mm.id, minutes, now); err != nil {
			return err
		}
		if !signed { // the 公示 is for signed minutes only (docs/RULES.md §11.3)
			return nil
		}
		onUI(func() { t.advance(0.5, mtgL("meeting.minutes.writing_notice")) })
		_, err := mm.d.Store.WriteNotice(ctx, mm.id, notice, from, now)
		return err
	}, func(err error) { t.end(err, mtgL("meeting.minutes.generated")) })
}

// begin shows the progress bar at its start and disables the actions.
func (t *minutesTab) begin(step string) {
	t.busy = true
	setProblem(t.problem, "")
	t.progress.SetValue(0)
	t.progress.Show()
	setShown(t.step, step)
	t.enableActions()
}

// advance moves the progress bar.
func (t *minutesTab) advance(v float64, step string) {
	t.progress.SetValue(v)
	setShown(t.step, step)
}

// end finishes a job: done on success, the error beside the actions otherwise.
func (t *minutesTab) end(err error, done string) {
	t.busy = false
	t.progress.SetValue(1)
	t.progress.Hide()
	if err != nil {
		setShown(t.step, "")
		setProblem(t.problem, errText(t.mm.d, err))
	} else {
		setShown(t.step, done)
	}
	t.load()
}

// onSign asks for the passphrase — twice, with a warning, when the village has no key
// yet and signing will create it — and then signs.
func (t *minutesTab) onSign() {
	if t.mm.guard != nil {
		t.mm.guard(t.askPassphrase)
		return
	}
	t.askPassphrase()
}

// askPassphrase is the signing dialog: the passphrase, typed twice with the minimum
// when signing will create the village's key. It stays open on a wrong passphrase.
func (t *minutesTab) askPassphrase() {
	has, err := service.HasVillageKey(context.Background(), t.mm.d.Store, t.mm.v.ID)
	if err != nil {
		setProblem(t.problem, errText(t.mm.d, err))
		return
	}
	spec := passSpec{title: mtgL("meeting.sign.title"), confirm: mtgL("meeting.sign.confirm"),
		job: t.signJob(), done: t.signDone}
	if !has {
		spec.newKey = true
		spec.title = mtgL("meeting.sign.title_new")
		spec.hint = mtgL("meeting.sign.first_use", "Min", service.MinPassphrase)
	}
	t.signDialog = newPassDialog(t.mm.d, spec)
	t.signPass, t.signAgain = t.signDialog.pass, t.signDialog.again
}

// signWith signs the minutes with passphrase off the UI thread (render, sign, write,
// lock), without the dialog: for tests.
func (t *minutesTab) signWith(passphrase string) {
	job := t.signJob()
	t.begin(mtgL("meeting.minutes.signing"))
	inBackground(func() error { return job(passphrase) }, t.signDone)
}

// signJob is the signing itself, for the background.
func (t *minutesTab) signJob() func(pass string) error {
	mm := t.mm
	path := t.path(fileSigned)
	return func(pass string) error {
		if err := os.MkdirAll(t.folder(), 0o700); err != nil {
			return err
		}
		_, err := mm.d.Store.SignMinutes(context.Background(), mm.id, path, pass, mm.d.Now())
		return err
	}
}

// signDone shows the signed meeting, or why it was not signed.
func (t *minutesTab) signDone(err error) {
	if err == nil {
		err = t.mm.reload()
	}
	t.end(err, mtgL("meeting.minutes.signed_done"))
}

// onExport asks where to save the bank package, then for the passphrase (the package's
// manifest and 报送单 are signed with the village key), and writes it; the passphrase
// dialog stays open until the passphrase opens the key. While a step before the package
// is missing (the 组织审定, the 公示's outcome: docs/RULES.md §11.4) it asks nothing: it
// says what is missing, as the service words it, and the missing step's button is the
// highlighted one.
func (t *minutesTab) onExport() {
	if err := service.ReadyForBank(context.Background(), t.mm.d.Store, t.mm.id); err != nil {
		setProblem(t.problem, errText(t.mm.d, err))
		t.highlightNext()
		return
	}
	setProblem(t.problem, "")
	_ = os.MkdirAll(t.folder(), 0o700) // start beside the minutes, not in the home folder
	pickSave(t.mm.d.Win, filePick{name: safeName(t.baseName()) + mtgL("meeting.file.bank"), start: t.folder()},
		t.askExportPassphrase, func(err error) { showMeetingError(t.mm.d, err) })
}

// askExportPassphrase asks for the passphrase and writes the bank package to path.
func (t *minutesTab) askExportPassphrase(path string) {
	mm := t.mm
	t.exportDialog = newPassDialog(mm.d, passSpec{title: mtgL("meeting.minutes.export"), confirm: mtgL("meeting.sign.confirm_export"),
		job: func(pass string) error {
			return mm.d.Store.ExportBank(context.Background(), mm.id, path, pass, mm.d.Now())
		},
		done: func(err error) { t.end(err, mtgL("meeting.minutes.exported", "Path", path)) }})
	t.exportPass = t.exportDialog.pass
}

// exportTo writes the bank package to path off the UI thread, without the dialog: for
// tests.
func (t *minutesTab) exportTo(path, passphrase string) {
	mm := t.mm
	t.begin(mtgL("meeting.minutes.exporting"))
	inBackground(func() error {
		return mm.d.Store.ExportBank(context.Background(), mm.id, path, passphrase, mm.d.Now())
	}, func(err error) { t.end(err, mtgL("meeting.minutes.exported", "Path", path)) })
}

// onAmend starts an amendment (补充纪要) of the signed meeting and opens it.
func (t *minutesTab) onAmend() {
	why := widget.NewMultiLineEntry()
	why.SetPlaceHolder(mtgL("meeting.amend.hint"))
	why.SetMinRowsVisible(4)
	d := dialog.NewForm(mtgL("meeting.amend.title"), mtgL("meeting.amend.create"), mtgL("meeting.cancel"),
		[]*widget.FormItem{widget.NewFormItem(mtgL("meeting.amend.why"), why)}, func(ok bool) {
			if ok {
				t.amendWith(why.Text)
			}
		}, t.mm.d.Win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// amendWith creates the amendment and opens it in a new meeting screen.
func (t *minutesTab) amendWith(why string) {
	// the sitting is today by the screen's clock, as every other date the screen stamps
	m, err := t.mm.d.Store.Amend(context.Background(), t.mm.id, service.AmendSpec{Reason: why, Date: app.Day(t.mm.d.Now())})
	if err != nil {
		setProblem(t.problem, errText(t.mm.d, err))
		return
	}
	t.amended = m.ID
	if t.mm.d.Nav != nil {
		t.mm.d.Nav.Push(OpenMeeting(t.mm.d, m.ID))
	}
}
