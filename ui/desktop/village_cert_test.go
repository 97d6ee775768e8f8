package desktop

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"software.sslmate.com/src/go-pkcs12"

	"pingxin/app"
	"pingxin/app/demo"
	"pingxin/app/signing"
)

// caPFX writes a .pfx holding a key and a certificate for it issued by a test CA, as a
// CA would hand one to a village, and returns its path and the certificate.
func caPFX(t *testing.T, password string) (string, *x509.Certificate) {
	t.Helper()
	newCert := func(tmpl *x509.Certificate, parent *x509.Certificate, pub any, signer any) *x509.Certificate {
		der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
		if err != nil {
			t.Fatal(err)
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "浙江测试 CA"},
		NotBefore: testDay.AddDate(-1, 0, 0), NotAfter: testDay.AddDate(5, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	ca := newCert(caTmpl, caTmpl, caKey.Public(), caKey)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	leaf := newCert(&x509.Certificate{SerialNumber: big.NewInt(2),
		Subject:   pkix.Name{CommonName: demo.VillageName, Organization: []string{"百姓议事会"}, Locality: []string{"梧桐街道"}},
		NotBefore: testDay.AddDate(0, -1, 0), NotAfter: testDay.AddDate(2, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature}, ca, key.Public(), caKey)
	b, err := pkcs12.Modern.Encode(key, leaf, []*x509.Certificate{ca}, password)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "village.pfx")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, leaf
}

// knownCert reports whether this machine knows cert.
func knownCert(t *testing.T, st app.Reader, cert *x509.Certificate) bool {
	t.Helper()
	ders, err := st.KnownCerts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ders {
		if string(d) == string(cert.Raw) {
			return true
		}
	}
	return false
}

func TestCertTabImportPFXShowsAndExportsIt(t *testing.T) {
	d, s := newVillageScreen(t)
	c := s.Cert
	if c.Status.Text != zhDesk("desktop.cert.no_key") || !c.Export.Disabled() || c.details.Visible() {
		t.Fatalf("no key yet: status %q, export disabled %v", c.Status.Text, c.Export.Disabled())
	}
	path, leaf := caPFX(t, "ca-secret")

	wait(t, func(done func()) { c.ImportPFXFile(path, "wrong", "村委会2026年口令", done) })
	if want := zh("signing.pfx_password"); c.Problem.Text != want || c.Info.Visible() {
		t.Fatalf("wrong PFX password: problem %q, want %q", c.Problem.Text, want)
	}
	if !c.Export.Disabled() {
		t.Fatal("a refused import left a key")
	}

	c.askPFX(path) // the dialog: the passphrase twice, and the second must match
	test.Type(c.pfxPassword, "ca-secret")
	test.Type(c.passphrase, "村委会2026年口令")
	test.Type(c.again, "村委会2025")
	if err := c.again.Validate(); err == nil || err.Error() != zh("meeting.sign.mismatch") {
		t.Errorf("differing passphrases: %v", err)
	}
	c.again.SetText("村委会2026年口令")
	wait(t, func(done func()) {
		c.afterImport = done
		c.pfxDialog.Submit()
	})
	fp := signing.Fingerprint(leaf)
	for _, f := range []struct{ name, got, want string }{
		{"status", c.Status.Text, zhDesk("desktop.cert.has_key")},
		{"subject", c.Subject.Text, "梧桐街道 " + demo.VillageName + " 百姓议事会"},
		{"issuer", c.Issuer.Text, "浙江测试 CA"},
		{"validity", c.Validity.Text, "2026-02-15 至 2028-03-15"},
		{"fingerprint", c.Fingerprint.Text, fp},
		{"info", c.Info.Text, "已导入 CA 证书，指纹 " + fp + "。"},
		{"problem", c.Problem.Text, ""},
	} {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if !knownCert(t, d.Store, leaf) || c.Export.Disabled() || !c.details.Visible() {
		t.Fatalf("after the import: known %v, export disabled %v", knownCert(t, d.Store, leaf), c.Export.Disabled())
	}

	out := filepath.Join(t.TempDir(), "越丰村.crt")
	c.ExportTo(out)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("export: %v (%s)", err, c.Problem.Text)
	}
	if blk, _ := pem.Decode(b); blk == nil || string(blk.Bytes) != string(leaf.Raw) {
		t.Errorf("the exported file is not the village's certificate in PEM")
	}
	if want := "证书已导出到 " + out + "，请交给农商银行客户经理。"; c.Info.Text != want {
		t.Errorf("info = %q, want %q", c.Info.Text, want)
	}
}

func TestCertTabImportsAnotherVillagesCertificate(t *testing.T) {
	d, s := newVillageScreen(t)
	c := s.Cert
	k, err := signing.NewVillageKey(signing.Identity{Village: "五星村", Town: "高桥街道"}, "五星村口令2026年的", testDay, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	other, err := x509.ParseCertificate(k.Cert)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "readme.crt")
	if err := os.WriteFile(bad, []byte("这不是证书"), 0o600); err != nil {
		t.Fatal(err)
	}
	c.ImportCertFile(bad)
	if want := zh("service.not_a_cert"); c.Problem.Text != want || c.Info.Visible() {
		t.Errorf("not a certificate: problem %q, want %q", c.Problem.Text, want)
	}

	good := filepath.Join(dir, "五星村.crt")
	if err := os.WriteFile(good, signing.EncodeCertPEM(other), 0o600); err != nil {
		t.Fatal(err)
	}
	c.ImportCertFile(good)
	want := "已导入 高桥街道 五星村 百姓议事会 的证书（指纹 " + signing.Fingerprint(other) + "），本机现在能识别该村签署的纪要。"
	if c.Info.Text != want || c.Problem.Visible() {
		t.Errorf("info %q (problem %q), want %q", c.Info.Text, c.Problem.Text, want)
	}
	if !knownCert(t, d.Store, other) {
		t.Error("the other village's certificate is not known")
	}
	if c.Status.Text != zhDesk("desktop.cert.no_key") {
		t.Errorf("importing another village's certificate changed this village's status: %q", c.Status.Text)
	}
}

// zhDesk renders a desktop key as the Chinese test app shows it.
func zhDesk(key string) string { return mtgL(key) }

// TestPFXDialogStaysOpenOnAWrongPassword protects issue 12 item 8: a wrong password of
// the certificate file is said inside the import dialog, which stays open with the
// password selected to be typed again, and nothing is imported; the right password then
// imports from the same dialog. A file that is no PFX at all closes the dialog and is
// said on the tab, since no retyping mends it.
func TestPFXDialogStaysOpenOnAWrongPassword(t *testing.T) {
	d, s := newVillageScreen(t)
	c := s.Cert
	path, leaf := caPFX(t, "ca-secret")
	c.askPFX(path)
	p := c.pfxDialog
	if d.Win.Canvas().Focused() != c.pfxPassword {
		t.Fatalf("the dialog opens on %T, want the file's password", d.Win.Canvas().Focused())
	}
	test.Type(c.pfxPassword, "wrong")
	test.Type(c.passphrase, "村委会2026年口令")
	test.Type(c.again, "村委会2026年口令")
	p.Submit()
	waitBackground()
	want := zh("signing.pfx_password")
	if !p.open || p.problem.Hidden || p.problem.Text != want {
		t.Fatalf("wrong file password: dialog open %v, says %q (shown %v), want %q", p.open, p.problem.Text, !p.problem.Hidden, want)
	}
	if !strings.Contains(overlayText(t, d.Win), want) {
		t.Errorf("the dialog on screen does not say %q", want)
	}
	if f := d.Win.Canvas().Focused(); f != c.pfxPassword || c.pfxPassword.SelectedText() != "wrong" {
		t.Errorf("after the refusal the keyboard is on %T with %q selected, want the file's password selected", f, c.pfxPassword.SelectedText())
	}
	if !c.Export.Disabled() || knownCert(t, d.Store, leaf) || c.Problem.Visible() {
		t.Fatalf("a refused import left a key (export enabled %v, known %v) or said it on the tab (%q)",
			!c.Export.Disabled(), knownCert(t, d.Store, leaf), c.Problem.Text)
	}

	test.Type(c.pfxPassword, "ca-secret") // types over the selected wrong one
	wait(t, func(done func()) {
		c.afterImport = done
		p.Submit()
	})
	if p.open || !knownCert(t, d.Store, leaf) || c.Export.Disabled() {
		t.Fatalf("the right password: dialog open %v, known %v, export disabled %v (%s)", p.open, knownCert(t, d.Store, leaf), c.Export.Disabled(), c.Problem.Text)
	}
	if want := "已导入 CA 证书，指纹 " + signing.Fingerprint(leaf) + "。"; c.Info.Text != want {
		t.Errorf("info = %q, want %q", c.Info.Text, want)
	}

	junk := filepath.Join(t.TempDir(), "readme.pfx")
	if err := os.WriteFile(junk, []byte("这不是证书"), 0o600); err != nil {
		t.Fatal(err)
	}
	c.askPFX(junk)
	test.Type(c.pfxPassword, "ca-secret")
	test.Type(c.passphrase, "村委会2026年口令")
	test.Type(c.again, "村委会2026年口令")
	wait(t, func(done func()) {
		c.afterImport = done
		c.pfxDialog.Submit()
	})
	if c.pfxDialog.open || c.Problem.Text != zh("signing.pfx_invalid") {
		t.Errorf("not a PFX: dialog open %v, the tab says %q", c.pfxDialog.open, c.Problem.Text)
	}
}
