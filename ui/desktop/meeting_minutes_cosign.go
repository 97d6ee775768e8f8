package desktop

import (
	"context"
	"os"
	"strings"

	"fyne.io/fyne/v2/widget"

	"pingxin/app/service"
)

// onCosign asks for the clerk's name (the meeting's clerk by default) and the village
// passphrase, then adds the clerk's signature (记录人加签) to the signed minutes; the
// dialog stays open on a wrong passphrase.
func (t *minutesTab) onCosign() {
	name := widget.NewEntry()
	name.SetText(t.mm.m.Clerk)
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errRequired{}
		}
		return nil
	}
	var count int
	p := newPassDialog(t.mm.d, passSpec{title: mtgL("meeting.cosign.title"), confirm: mtgL("meeting.cosign.confirm"),
		hint:   mtgL("meeting.cosign.hint"),
		before: []*widget.FormItem{{Text: mtgL("meeting.cosign.name"), Widget: name}},
		check:  name.Validate,
		job: func(pass string) error {
			var err error
			count, err = t.cosignJob(strings.TrimSpace(name.Text), pass)
			return err
		},
		done: func(err error) {
			t.end(err, mtgL("meeting.cosign.done", "Name", strings.TrimSpace(name.Text), "Count", count))
		}})
	name.OnSubmitted = func(string) { p.next(p.pass) }
	t.cosignName, t.cosignPass, t.cosignDialog = name, p.pass, p
}

// errRequired is a required field left empty.
type errRequired struct{}

func (errRequired) Error() string { return mtgL("meeting.cosign.name_required") }

// cosignJob adds the signature — reading the key and signing take a moment, so it
// runs in the background — and writes the new version over the signed minutes file; it
// returns how many signatures the minutes now carry.
func (t *minutesTab) cosignJob(name, passphrase string) (int, error) {
	mm := t.mm
	ctx := context.Background()
	if err := os.MkdirAll(t.folder(), 0o700); err != nil {
		return 0, err
	}
	rec, err := mm.d.Store.AddSignature(ctx, mm.id, t.path(fileSigned), passphrase, name, mm.d.Now())
	if err != nil {
		return 0, err
	}
	if r, err := service.Verify(ctx, mm.d.Store, rec.PDF); err == nil {
		return len(r.Signatures), nil
	}
	return 0, nil
}
