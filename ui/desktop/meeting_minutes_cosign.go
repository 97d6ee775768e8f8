package desktop

import (
	"context"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/service"
)

// onCosign asks for the clerk's name (the meeting's clerk by default) and the village
// passphrase, then adds the clerk's signature (记录人加签) to the signed minutes.
func (t *minutesTab) onCosign() {
	var d *dialog.FormDialog
	name := widget.NewEntry()
	name.SetText(t.mm.m.Clerk)
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errRequired{}
		}
		return nil
	}
	pass := widget.NewPasswordEntry()
	name.OnSubmitted = func(string) { submitOrNext(d, pass, t.mm.d.Win) }
	pass.OnSubmitted = func(string) { submitOrNext(d, nil, t.mm.d.Win) }
	items := []*widget.FormItem{
		{Text: mtgL("meeting.cosign.name"), Widget: name},
		{Text: mtgL("meeting.sign.passphrase"), Widget: pass, HintText: mtgL("meeting.cosign.hint")},
	}
	d = dialog.NewForm(mtgL("meeting.cosign.title"), mtgL("meeting.cosign.confirm"), mtgL("meeting.cancel"), items, func(ok bool) {
		if ok {
			t.cosignWith(strings.TrimSpace(name.Text), pass.Text)
		}
	}, t.mm.d.Win)
	d.Resize(fyne.NewSize(480, 0))
	t.cosignName, t.cosignPass, t.cosignDialog = name, pass, d
	d.Show()
	t.mm.d.Win.Canvas().Focus(pass)
}

// errRequired is a required field left empty.
type errRequired struct{}

func (errRequired) Error() string { return mtgL("meeting.cosign.name_required") }

// cosignWith adds the signature off the UI thread — reading the key and signing take
// a moment — and writes the new version over the signed minutes file.
func (t *minutesTab) cosignWith(name, passphrase string) {
	mm := t.mm
	path := t.path(fileSigned)
	t.begin(mtgL("meeting.cosign.signing"))
	var count int
	inBackground(func() error {
		ctx := context.Background()
		if err := os.MkdirAll(t.folder(), 0o700); err != nil {
			return err
		}
		rec, err := mm.d.Store.AddSignature(ctx, mm.id, path, passphrase, name, mm.d.Now())
		if err != nil {
			return err
		}
		if r, err := service.Verify(ctx, mm.d.Store, rec.PDF); err == nil {
			count = len(r.Signatures)
		}
		return nil
	}, func(err error) { t.end(err, mtgL("meeting.cosign.done", "Name", name, "Count", count)) })
}
