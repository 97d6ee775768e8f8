package desktop

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app/atomicfile"
	"pingxin/app/service"
	"pingxin/app/signing"
)

// CertTab is 签名证书: whether the village has a signing key, and its certificate as
// the bank sees it (subject, issuer, validity, fingerprint). It exports the certificate
// for the bank, replaces the self-made key with a CA-issued one from a .pfx file, and,
// on a bank officer's machine, imports another village's certificate so that the
// minutes it signs are recognised here.
type CertTab struct {
	d         *Deps
	villageID int64
	village   string // the village's name, for the exported file's name

	Status                                 *widget.Label
	Subject, Issuer, Validity, Fingerprint *widget.Label
	details                                *fyne.Container
	root                                   *container.Scroll
	Export, ImportPFX, ImportOther         *widget.Button
	busy                                   *widget.ProgressBarInfinite
	Problem, Info                          *widget.Label

	// the open PFX dialog and its entries, and a hook run after its import, for tests
	pfxDialog                      *passDialog
	pfxPassword, passphrase, again *widget.Entry
	afterImport                    func()
}

func newCertTab(d *Deps, villageID int64) *CertTab {
	c := &CertTab{d: d, villageID: villageID}
	c.Status = &widget.Label{Wrapping: fyne.TextWrapWord}
	value := func() *widget.Label { return &widget.Label{Wrapping: fyne.TextWrapBreak, Selectable: true} }
	c.Subject, c.Issuer, c.Validity, c.Fingerprint = value(), value(), value(), value()
	c.Export = &widget.Button{Text: lang.L("desktop.cert.export"), Icon: theme.DownloadIcon(),
		Importance: widget.HighImportance, OnTapped: c.onExport}
	c.ImportPFX = &widget.Button{Text: lang.L("desktop.cert.import_pfx"), Icon: theme.UploadIcon(), OnTapped: c.onImportPFX}
	c.ImportOther = &widget.Button{Text: lang.L("desktop.cert.import_other"), Icon: theme.UploadIcon(), OnTapped: c.onImportOther}
	c.busy = widget.NewProgressBarInfinite()
	c.busy.Hide()
	c.Problem = newProblemLabel()
	c.Info = &widget.Label{Wrapping: fyne.TextWrapBreak, Importance: widget.SuccessImportance}
	c.Info.Hide()
	return c
}

// Content is the village's certificate with its actions, over the import of other
// villages' certificates.
func (c *CertTab) Content() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("desktop.cert.subject"), c.Subject),
		widget.NewFormItem(lang.L("desktop.cert.issuer"), c.Issuer),
		widget.NewFormItem(lang.L("desktop.cert.validity"), c.Validity),
		widget.NewFormItem(lang.L("desktop.cert.fingerprint"), c.Fingerprint))
	form.Items[3].HintText = lang.L("desktop.cert.fingerprint_hint")
	c.details = container.NewVBox(form)
	others := &widget.Label{Text: lang.L("desktop.cert.others_hint"), Wrapping: fyne.TextWrapWord}
	box := container.NewVBox(
		sectionTitle(lang.L("desktop.cert.title")), c.Status, c.details,
		container.NewHBox(c.Export, c.ImportPFX),
		c.busy, c.Problem, c.Info,
		widget.NewSeparator(),
		sectionTitle(lang.L("desktop.cert.others_title")), others, container.NewHBox(c.ImportOther))
	c.root = container.NewVScroll(container.NewPadded(box))
	c.Refresh()
	return c.root
}

// Refresh shows the village's key and certificate as the store has them.
func (c *CertTab) Refresh() {
	cert, err := c.certificate()
	setProblem(c.Problem, errOrEmpty(c.d, err))
	enable(c.Export, cert != nil)
	c.Status.SetText(lang.L("desktop.cert.no_key"))
	if c.details != nil {
		c.details.Hidden = cert == nil
	}
	defer c.relayout()
	if cert == nil {
		return
	}
	c.Status.SetText(lang.L("desktop.cert.has_key"))
	c.Subject.SetText(signing.IdentityOf(cert).String())
	c.Issuer.SetText(issuerText(cert))
	c.Validity.SetText(lang.L("desktop.cert.validity_range", map[string]any{
		"From": cert.NotBefore.Local().Format(dateLayout), "To": cert.NotAfter.Local().Format(dateLayout)}))
	c.Fingerprint.SetText(signing.Fingerprint(cert))
}

// relayout lays the tab out again after what it shows changed size (the details
// shown or hidden, a message added).
func (c *CertTab) relayout() {
	if c.root != nil {
		c.root.Content.Refresh()
		c.root.Refresh()
	}
}

// certificate is the village's certificate, nil while it has no key.
func (c *CertTab) certificate() (*x509.Certificate, error) {
	ctx := context.Background()
	has, err := service.HasVillageKey(ctx, c.d.Store, c.villageID)
	if err != nil || !has {
		return nil, err
	}
	k, err := c.d.Store.VillageKey(ctx, c.villageID)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(k.Cert)
	if err != nil {
		return nil, signing.ErrKeyCorrupt
	}
	return cert, nil
}

// issuerText names who issued cert: this computer for the self-made key, else the CA.
func issuerText(cert *x509.Certificate) string {
	if bytes.Equal(cert.RawIssuer, cert.RawSubject) {
		return lang.L("desktop.cert.self_signed")
	}
	if cert.Issuer.CommonName != "" {
		return cert.Issuer.CommonName
	}
	return cert.Issuer.String()
}

// said shows a success in Info, or the reason in Problem.
func (c *CertTab) said(err error, done string) {
	setProblem(c.Problem, errOrEmpty(c.d, err))
	if err != nil {
		done = ""
	}
	setProblem(c.Info, done)
	c.relayout()
}

func (c *CertTab) onExport() {
	pickSave(c.d.Win, filePick{name: safeName(c.village) + ".crt", exts: []string{".crt"}}, c.ExportTo, c.failed)
}

// failed shows a file dialog's error.
func (c *CertTab) failed(err error) { setProblem(c.Problem, errOrEmpty(c.d, err)) }

// ExportTo writes the village's certificate in PEM to path, whole or not at all.
func (c *CertTab) ExportTo(path string) {
	pem, err := service.VillageCertPEM(context.Background(), c.d.Store, c.villageID)
	if err == nil {
		err = atomicfile.WriteBytes(path, 0o644, pem)
	}
	c.said(err, lang.L("desktop.cert.exported", map[string]any{"Path": path}))
}

// openFile asks for a file with one of exts and hands its path to chosen.
func (c *CertTab) openFile(exts []string, chosen func(path string)) {
	pickOpen(c.d.Win, filePick{exts: exts}, chosen, c.failed)
}

func (c *CertTab) onImportPFX() { c.openFile([]string{".pfx", ".p12"}, c.askPFX) }

func (c *CertTab) onImportOther() {
	c.openFile([]string{".crt", ".cer", ".pem", ".der"}, c.ImportCertFile)
}

// askPFX asks for the PFX file's password and the new passphrase, twice, then imports.
// It is the passphrase dialog (passDialog) with the file and its password asked first:
// a wrong file password, like a passphrase under the minimum or a repeat that differs,
// is said inside the dialog, which stays open with the password selected to be typed
// again; the import's success, or a file that is no PFX at all, closes it.
func (c *CertTab) askPFX(path string) {
	pw := widget.NewPasswordEntry()
	file := &widget.FormItem{Text: lang.L("desktop.cert.pfx_file"), Widget: &widget.Label{Text: path, Wrapping: fyne.TextWrapBreak}}
	if !c.Export.Disabled() { // a key is there: say it is replaced
		file.HintText = lang.L("desktop.cert.replace_warning")
	}
	var fp string
	p := newPassDialog(c.d, passSpec{title: lang.L("desktop.cert.pfx_title"), confirm: lang.L("desktop.cert.import"),
		newKey: true, label: lang.L("desktop.cert.passphrase"),
		hint: lang.L("desktop.cert.passphrase_hint", map[string]any{"Min": service.MinPassphrase}),
		before: []*widget.FormItem{file,
			{Text: lang.L("desktop.cert.pfx_password"), Widget: pw, HintText: lang.L("desktop.cert.pfx_password_hint")}},
		first: pw,
		retry: func(err error) *widget.Entry {
			if errors.Is(err, signing.ErrPFXPassword) {
				return pw
			}
			return nil
		},
		job: func(pass string) (err error) {
			fp, err = c.importPFX(path, pw.Text, pass)
			return err
		},
		done: func(err error) { c.imported(fp, err, c.afterImport) }})
	pw.OnSubmitted = func(string) { p.next(p.pass) }
	c.pfxDialog, c.pfxPassword, c.passphrase, c.again = p, pw, p.pass, p.again
}

// ImportPFXFile makes the CA-issued key and certificate in the .pfx/.p12 file at path
// the village's signing key, sealed under passphrase, off the UI thread with a progress
// bar, without the dialog; done, when not nil, runs on the UI thread after.
func (c *CertTab) ImportPFXFile(path, pfxPassword, passphrase string, done func()) {
	c.busy.Show()
	c.ImportPFX.Disable()
	c.said(nil, "")
	var fp string
	inBackground(func() (err error) {
		fp, err = c.importPFX(path, pfxPassword, passphrase)
		return err
	}, func(err error) {
		c.busy.Hide()
		c.ImportPFX.Enable()
		c.imported(fp, err, done)
	})
}

// importPFX reads the file at path and imports it: the slow part, for the background.
func (c *CertTab) importPFX(path, pfxPassword, passphrase string) (fingerprint string, err error) {
	pfx, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return c.d.Store.ImportPFX(context.Background(), c.villageID, pfx, pfxPassword, passphrase)
}

// imported shows the village's certificate after an import, with its fingerprint or
// why it was refused; done, when not nil, runs after.
func (c *CertTab) imported(fp string, err error, done func()) {
	c.Refresh()
	c.said(err, lang.L("desktop.cert.pfx_done", map[string]any{"Fingerprint": fp}))
	if done != nil {
		done()
	}
}

// ImportCertFile makes the certificate at path (PEM or DER, as another village exports
// it) known to this machine, so the minutes that village signs are recognised here.
func (c *CertTab) ImportCertFile(path string) {
	b, err := os.ReadFile(path)
	var cert *x509.Certificate
	if err == nil {
		cert, err = c.d.Store.ImportKnownCert(context.Background(), b, false)
	}
	done := ""
	if err == nil {
		done = lang.L("desktop.cert.other_done", map[string]any{
			"Subject": signing.IdentityOf(cert).String(), "Fingerprint": signing.Fingerprint(cert)})
	}
	c.said(err, done)
}
