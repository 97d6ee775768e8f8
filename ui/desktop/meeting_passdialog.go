package desktop

import (
	"errors"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/service"
	"pingxin/app/signing"
)

// passDialog asks for the village's signing passphrase (签名口令: the one name every
// screen gives it) before a job that needs it — signing, the clerk's signature, the
// bank package, a CA certificate's import — and stays open until the job accepts it. A
// new passphrase under the minimum, a repeat that differs, a passphrase that does not
// open the key, or another error the job's spec says is the typist's to correct (the
// certificate file's password) is said at the top of the dialog, where it is seen
// whatever the dialog's size, and the field at fault is selected to be typed again. The
// job runs in the background (inBackground) while the dialog shows a moving bar; its
// success, or any other failure, closes the dialog and goes to done.
type passDialog struct {
	d       *Deps
	win     fyne.Window
	spec    passSpec
	dlg     *dialog.CustomDialog
	problem *widget.Label
	pass    *widget.Entry
	again   *widget.Entry // the passphrase typed twice, when it makes a new key
	bar     *widget.ProgressBarInfinite
	ok      *widget.Button
	cancel  *widget.Button
	open    bool // shown and not yet closed
}

// passSpec is what a passDialog asks for and does.
type passSpec struct {
	title, confirm string
	newKey         bool               // the passphrase makes the key: the minimum, typed twice
	label          string             // the passphrase's caption; 签名口令 when ""
	hint           string             // under the passphrase
	before         []*widget.FormItem // asked first (the clerk's name)
	first          fyne.Focusable     // focused when shown; the passphrase when nil
	check          func() error       // of the items before, on confirm; nil for none
	// retry names the entry to type again for an error of the job that the dialog
	// keeps (the certificate file's password), or nil to close on it; passphrase
	// errors are always kept. nil for none.
	retry func(error) *widget.Entry
	job   func(pass string) error
	done  func(error)
}

// passDialogWidth is the dialog's width; its height is what its fields and message need.
const passDialogWidth = 500

// newPassDialog builds the dialog and shows it with the passphrase focused.
func newPassDialog(d *Deps, spec passSpec) *passDialog {
	w := d.Win
	p := &passDialog{d: d, win: w, spec: spec, pass: widget.NewPasswordEntry(), bar: widget.NewProgressBarInfinite()}
	p.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	p.problem.Hide()
	p.bar.Hide()
	p.bar.Stop()
	items := append([]*widget.FormItem{}, spec.before...)
	label := spec.label
	if label == "" {
		label = mtgL("meeting.sign.passphrase")
	}
	items = append(items, &widget.FormItem{Text: label, Widget: p.pass, HintText: spec.hint})
	p.pass.OnSubmitted = func(string) { p.next(p.again) }
	if spec.newKey {
		p.pass.Validator = passphraseLongEnough
		p.again = widget.NewPasswordEntry()
		p.again.Validator = func(s string) error {
			if s != p.pass.Text {
				return errMismatch{}
			}
			return nil
		}
		p.again.OnSubmitted = func(string) { p.Submit() }
		items = append(items, widget.NewFormItem(mtgL("meeting.sign.again"), p.again))
	}
	p.ok = &widget.Button{Text: spec.confirm, Importance: widget.HighImportance, OnTapped: p.Submit}
	p.cancel = widget.NewButton(mtgL("meeting.cancel"), func() { p.dlg.Hide() })
	body := container.NewVBox(p.problem, widget.NewForm(items...), p.bar)
	p.dlg = dialog.NewCustomWithoutButtons(spec.title, body, w)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel, p.ok})
	p.dlg.SetOnClosed(func() { p.open = false })
	p.dlg.Resize(fyne.NewSize(passDialogWidth, 0))
	p.dlg.Show()
	p.open = true
	if spec.first != nil {
		w.Canvas().Focus(spec.first)
	} else {
		w.Canvas().Focus(p.pass)
	}
	return p
}

// next is Enter in a field: on to the next one when there is one, else confirm.
func (p *passDialog) next(e *widget.Entry) {
	if e != nil {
		p.win.Canvas().Focus(e)
		return
	}
	p.Submit()
}

// Submit is the confirm button: the checks that need no key first, then the job.
func (p *passDialog) Submit() {
	if p.bar.Visible() {
		return // the job is running
	}
	if err := p.precheck(); err != nil {
		p.say(err, p.pass)
		return
	}
	pass := p.pass.Text
	p.busy(true)
	inBackground(func() error { return p.spec.job(pass) }, func(err error) {
		p.busy(false)
		if e := p.retryIn(err); e != nil {
			p.say(err, e)
			return
		}
		p.dlg.Hide()
		p.spec.done(err)
	})
}

// retryIn is the entry to type again for err, or nil when err closes the dialog.
func (p *passDialog) retryIn(err error) *widget.Entry {
	if err == nil {
		return nil
	}
	if p.spec.retry != nil {
		if e := p.spec.retry(err); e != nil {
			return e
		}
	}
	if isPassphraseError(err) {
		return p.pass
	}
	return nil
}

// precheck refuses what is wrong before the key is tried: the items before, an empty
// passphrase, and for a new key one under the minimum or a repeat that differs.
func (p *passDialog) precheck() error {
	if p.spec.check != nil {
		if err := p.spec.check(); err != nil {
			return err
		}
	}
	if p.pass.Text == "" {
		return errPassEmpty{}
	}
	if !p.spec.newKey {
		return nil
	}
	if err := passphraseLongEnough(p.pass.Text); err != nil {
		return err
	}
	if p.again.Text != p.pass.Text {
		return errMismatch{}
	}
	return nil
}

// say shows what is wrong at the top and selects e, the field at fault, to type again.
func (p *passDialog) say(err error, e *widget.Entry) {
	setProblem(p.problem, errText(p.d, err))
	fitDialog(p.dlg, passDialogWidth) // taller by the message, at once
	p.win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// busy shows the bar and holds the buttons while the job runs.
func (p *passDialog) busy(on bool) {
	if on {
		setProblem(p.problem, "")
		p.bar.Show()
		p.bar.Start()
		p.ok.Disable()
		p.cancel.Disable()
		return
	}
	p.bar.Stop()
	p.bar.Hide()
	p.ok.Enable()
	p.cancel.Enable()
}

// fitDialog makes dlg width wide and as tall as its content needs now. It asks twice: a
// message just shown wraps only once it has been given its width, so the first height
// is that of one line, and the lines below it ran into the buttons (in the review
// dialog at the largest text, TestReviewDialogKeepsWhatWasTyped).
func fitDialog(dlg dialog.Dialog, width float32) {
	dlg.Resize(fyne.NewSize(width, 0))
	dlg.Resize(fyne.NewSize(width, 0))
}

// isPassphraseError reports whether err is about the passphrase typed: the dialog's
// to say, not the screen's.
func isPassphraseError(err error) bool {
	return errors.Is(err, signing.ErrPassphrase) || errors.Is(err, signing.ErrPassphraseShort)
}

// passphraseLongEnough is the validator of a new passphrase: the minimum
// (signing.MinPassphrase) is checked as it is typed and again on confirm
// (docs/RULES.md §8).
func passphraseLongEnough(s string) error {
	if utf8.RuneCountInString(s) < service.MinPassphrase {
		return passphraseShort{}
	}
	return nil
}

// passphraseShort is a new passphrase under the minimum.
type passphraseShort struct{}

func (passphraseShort) Error() string {
	return mtgL("signing.passphrase_short", "Min", service.MinPassphrase)
}

// errPassEmpty is a passphrase not typed.
type errPassEmpty struct{}

func (errPassEmpty) Error() string { return mtgL("meeting.sign.empty") }

// errMismatch is the second passphrase differing from the first.
type errMismatch struct{}

func (errMismatch) Error() string { return mtgL("meeting.sign.mismatch") }
