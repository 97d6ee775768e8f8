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
// verifies the minutes as valid with an unknown certificate (exit 0, and says so); after
// importing the village certificate it accepts them only when signed with that
// certificate: minutes signed by another key under the same village name exit 1, naming
// the village and both certificates. Replacing the certificate takes --replace.
func TestBankRecognisesTheVillage(t *testing.T) {
	village, forger, dir := newHarness(t), newHarness(t), t.TempDir()
	pass := map[string]string{"PINGXIN_PASSPHRASE": "越丰村2026年的口令"}
	id := strconv.FormatInt(finishDemo(t, village), 10)
	pdf, crt := filepath.Join(dir, "m.pdf"), filepath.Join(dir, "v.crt")
	village.okEnv(pass, "minutes", "--meeting", id, "--out", pdf, "--sign")
	village.ok("cert", "export", "--village", "越丰村", "--out", crt)
	forgedID := strconv.FormatInt(finishDemo(t, forger), 10)
	forged, forgedCrt := filepath.Join(dir, "forged.pdf"), filepath.Join(dir, "forged.crt")
	forger.okEnv(pass, "minutes", "--meeting", forgedID, "--out", forged, "--sign")
	forger.ok("cert", "export", "--village", "越丰村", "--out", forgedCrt)
	realFP, forgedFP := fingerprintOf(t, crt), fingerprintOf(t, forgedCrt)

	bank := newHarness(t)
	bank.ok("village", "list") // the bank's own database exists but knows no village
	if out := bank.ok("verify", pdf); !strings.Contains(out, "未知证书：本机没有登记高桥街道 越丰村的证书") ||
		!strings.HasSuffix(out, "valid, unknown certificate\n") {
		t.Fatalf("before import:\n%s", out)
	}
	if out := bank.ok("cert", "import", crt); !strings.Contains(out, "越丰村") {
		t.Fatalf("cert import printed %q", out)
	}
	if out := bank.ok("verify", pdf); !strings.Contains(out, "本机登记的高桥街道 越丰村证书") || !strings.HasSuffix(out, "valid\n") {
		t.Fatalf("after import:\n%s", out)
	}
	code, out, errs := bank.run(nil, "verify", forged)
	if code != ExitRefused || !strings.Contains(out, "不是本机登记的高桥街道 越丰村证书") ||
		!strings.Contains(out, realFP) || !strings.Contains(out, forgedFP) || strings.Contains(out, "valid") {
		t.Fatalf("minutes signed by another key under the village's name: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := bank.run(nil, "cert", "import", forgedCrt); code != ExitRefused || !strings.Contains(errs, "--replace") {
		t.Fatalf("another certificate for a known village without --replace: exit %d, %s", code, errs)
	}
	bank.ok("cert", "import", "--replace", forgedCrt)
	if code, _, _ := bank.run(nil, "verify", pdf); code != ExitRefused {
		t.Fatalf("after the deliberate replacement the old certificate must no longer verify: exit %d", code)
	}
	bank.ok("verify", forged)

	notCert := filepath.Join(dir, "x.crt")
	os.WriteFile(notCert, []byte("hello"), 0o644)
	if code, _, errs := bank.run(nil, "cert", "import", notCert); code != ExitRefused || !strings.Contains(errs, "不是证书") {
		t.Fatalf("a non-certificate: exit %d, %s", code, errs)
	}
}

func fingerprintOf(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := signing.ParseCert(b)
	if err != nil {
		t.Fatal(err)
	}
	return signing.Fingerprint(c)
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
	env := map[string]string{"PINGXIN_PFX_PASSWORD": "wrong", "PINGXIN_PASSPHRASE": "新口令1234567890"}
	if code, _, errs := h.run(env, "cert", "pfx", "--village", "越丰村", pfxPath); code != ExitRefused || errs == "" {
		t.Fatalf("a wrong PFX password: exit %d", code)
	}
	env["PINGXIN_PFX_PASSWORD"] = "pfx-口令"
	if out := h.okEnv(env, "cert", "pfx", "--village", "越丰村", pfxPath); !strings.HasPrefix(out, "越丰村 ") {
		t.Fatalf("cert pfx printed %q", out)
	}
	pdf := filepath.Join(dir, "m.pdf")
	h.okEnv(map[string]string{"PINGXIN_PASSPHRASE": "新口令1234567890"}, "minutes", "--meeting", id, "--out", pdf, "--sign")
	out := h.ok("verify", pdf)
	if !strings.Contains(out, "本机登记的高桥街道 越丰村证书") || !strings.Contains(out, signing.Fingerprint(cert)) || !strings.HasSuffix(out, "valid\n") {
		t.Fatalf("verify must show the CA-issued certificate:\n%s", out)
	}
}
