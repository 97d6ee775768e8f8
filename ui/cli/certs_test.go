package cli

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"pingxin/app/signing"
)

// TestBankRecognisesTheVillage is the bank's side: a PC that has never seen the village
// verifies the minutes as valid but unknown; after importing the village certificate it
// knows them.
func TestBankRecognisesTheVillage(t *testing.T) {
	village, dir := newHarness(t), t.TempDir()
	pass := map[string]string{"PINGXIN_PASSPHRASE": "越丰村2026"}
	id := strconv.FormatInt(finishDemo(t, village), 10)
	pdf, crt := filepath.Join(dir, "m.pdf"), filepath.Join(dir, "v.crt")
	village.okEnv(pass, "minutes", "--meeting", id, "--out", pdf, "--sign")
	village.ok("cert", "export", "--village", "越丰村", "--out", crt)

	bank := newHarness(t)
	bank.ok("village", "list") // the bank's own database exists but knows no village
	if out := bank.ok("verify", pdf); !strings.Contains(out, "本机不认识的证书") {
		t.Fatalf("before import:\n%s", out)
	}
	if out := bank.ok("cert", "import", crt); !strings.Contains(out, "越丰村") {
		t.Fatalf("cert import printed %q", out)
	}
	if out := bank.ok("verify", pdf); !strings.Contains(out, "本机认识的证书") || !strings.HasSuffix(out, "valid\n") {
		t.Fatalf("after import:\n%s", out)
	}
	notCert := filepath.Join(dir, "x.crt")
	os.WriteFile(notCert, []byte("hello"), 0o644)
	if code, _, errs := bank.run(nil, "cert", "import", notCert); code != ExitRefused || !strings.Contains(errs, "不是证书") {
		t.Fatalf("a non-certificate: exit %d, %s", code, errs)
	}
}

// TestCAIssuedKeyReplacesTheSelfMadeOne imports a PKCS#12 file and signs with it.
func TestCAIssuedKeyReplacesTheSelfMadeOne(t *testing.T) {
	h, dir := newHarness(t), t.TempDir()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "越丰村", Organization: []string{"百姓议事会"}, Locality: []string{"高桥街道"}},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(2, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pfx, err := pkcs12.Modern.Encode(key, cert, nil, "pfx-口令")
	if err != nil {
		t.Fatal(err)
	}
	pfxPath := filepath.Join(dir, "ca.pfx")
	os.WriteFile(pfxPath, pfx, 0o600)

	id := strconv.FormatInt(finishDemo(t, h), 10)
	env := map[string]string{"PINGXIN_PFX_PASSWORD": "wrong", "PINGXIN_PASSPHRASE": "新口令123456"}
	if code, _, errs := h.run(env, "cert", "pfx", "--village", "越丰村", pfxPath); code != ExitRefused || errs == "" {
		t.Fatalf("a wrong PFX password: exit %d", code)
	}
	env["PINGXIN_PFX_PASSWORD"] = "pfx-口令"
	if out := h.okEnv(env, "cert", "pfx", "--village", "越丰村", pfxPath); !strings.HasPrefix(out, "越丰村 ") {
		t.Fatalf("cert pfx printed %q", out)
	}
	pdf := filepath.Join(dir, "m.pdf")
	h.okEnv(map[string]string{"PINGXIN_PASSPHRASE": "新口令123456"}, "minutes", "--meeting", id, "--out", pdf, "--sign")
	out := h.ok("verify", pdf)
	if !strings.Contains(out, "本机认识的证书") || !strings.Contains(out, signing.Fingerprint(cert)) || !strings.HasSuffix(out, "valid\n") {
		t.Fatalf("verify must show the CA-issued certificate:\n%s", out)
	}
}
