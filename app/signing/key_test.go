package signing

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"pingxin/app"
	"pingxin/app/i18n"
)

var keyNow = time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)

func TestNewVillageKeyCertificate(t *testing.T) {
	k, err := NewVillageKey(Identity{Village: " 越丰村 ", Town: "梧桐街道"}, testPass, keyNow, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(k.Cert)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		got, want any
	}{
		{"subject", c.Subject.String(), "CN=越丰村,O=百姓议事会,L=梧桐街道,C=CN"},
		{"issuer is subject", c.Issuer.String(), c.Subject.String()},
		{"identity", IdentityOf(c), Identity{Village: "越丰村", Town: "梧桐街道", Council: DefaultCouncil}},
		{"not before", c.NotBefore, keyNow.Add(-time.Hour)},
		{"not after", c.NotAfter, keyNow.AddDate(5, 0, 0)},
		{"key usage", c.KeyUsage, x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment},
		{"ext key usage", c.ExtKeyUsage, []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}},
		{"document signing", fmt.Sprint(c.UnknownExtKeyUsage), "[1.3.6.1.5.5.7.3.36 1.3.6.1.4.1.311.10.3.12]"},
		{"not a CA", c.BasicConstraintsValid && !c.IsCA, true},
		{"algorithm", c.SignatureAlgorithm, x509.ECDSAWithSHA256},
		{"curve", c.PublicKey.(*ecdsa.PublicKey).Curve.Params().Name, "P-256"},
		{"serial bytes", len(c.SerialNumber.Bytes()), 16},
		{"self-signed", c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if fmt.Sprint(tc.got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

func TestNewVillageKeyRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		id   Identity
		pass string
		want error
	}{
		{"empty passphrase", testID, "", ErrPassphraseShort},
		{"five characters", testID, "12345", ErrPassphraseShort},
		{"five Chinese characters", testID, "越丰村口令", ErrPassphraseShort},
		{"nine characters (the minimum is 10)", testID, "越丰村的好口令12", ErrPassphraseShort},
		{"no village", Identity{Town: "梧桐街道"}, testPass, ErrVillageMissing},
		{"blank village", Identity{Village: "  ", Town: "梧桐街道"}, testPass, ErrVillageMissing},
		{"no town", Identity{Village: "越丰村"}, testPass, ErrTownMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, err := NewVillageKey(tc.id, tc.pass, keyNow, rand.Reader)
			if err != tc.want || k.Cert != nil || k.Encrypted != nil {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
	t.Run("ten Chinese characters are enough", func(t *testing.T) {
		if _, err := NewVillageKey(testID, "越丰村百姓议事会好口令", keyNow, rand.Reader); err != nil {
			t.Error(err)
		}
	})
}

func TestOpen(t *testing.T) {
	k, err := NewVillageKey(testID, testPass, keyNow, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	other, err := NewVillageKey(testID, testPass, keyNow, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(k.Encrypted)
	flipped[len(flipped)-1] ^= 1
	stronger := bytes.Clone(k.Encrypted)
	stronger[5] = 25 // raise N in the header: the header is authenticated
	for _, tc := range []struct {
		name string
		k    SealedKey
		pass string
		want error
	}{
		{"right passphrase", k, testPass, nil},
		{"wrong passphrase", k, "村务公开124", ErrPassphrase},
		{"empty passphrase", k, "", ErrPassphrase},
		{"ciphertext changed", SealedKey{k.Cert, flipped}, testPass, ErrPassphrase},
		{"cost out of bounds", SealedKey{k.Cert, stronger}, testPass, ErrKeyCorrupt},
		{"truncated", SealedKey{k.Cert, k.Encrypted[:20]}, testPass, ErrKeyCorrupt},
		{"not a blob", SealedKey{k.Cert, []byte("-----BEGIN EC PRIVATE KEY-----")}, testPass, ErrKeyCorrupt},
		{"certificate damaged", SealedKey{k.Cert[:40], k.Encrypted}, testPass, ErrKeyCorrupt},
		{"another key's certificate", SealedKey{other.Cert, k.Encrypted}, testPass, ErrKeyMismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(tc.k, tc.pass)
			if err != tc.want {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if (s == nil) != (tc.want != nil) {
				t.Errorf("signer = %v with err %v", s, err)
			}
		})
	}
}

func TestWrongPassphraseMessage(t *testing.T) {
	k, _ := NewVillageKey(testID, testPass, keyNow, rand.Reader)
	_, err := Open(k, "not the passphrase")
	if !errors.Is(err, ErrPassphrase) || app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("err = %v (%s)", err, app.ErrorCode(err))
	}
	for lang, want := range map[i18n.Lang]string{i18n.Zh: "口令不正确", i18n.En: "The passphrase is not correct."} {
		if got := app.ErrorMessage(err, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// TestKeyNeverInTheClear checks the sealed blob and the Signer's printed forms for the
// private scalar D and the PKCS#8 encoding of the key.
func TestKeyNeverInTheClear(t *testing.T) {
	k, err := NewVillageKey(testID, testPass, keyNow, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(k, testPass)
	if err != nil {
		t.Fatal(err)
	}
	priv := s.key.(*ecdsa.PrivateKey)
	d, err := priv.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(priv)
	for _, secret := range [][]byte{d, d[:8], d[24:], pkcs8} {
		if bytes.Contains(k.Encrypted, secret) || bytes.Contains(k.Cert, secret) {
			t.Fatalf("sealed key holds %d raw key bytes", len(secret))
		}
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(verb, s)
		if want := "signing.Signer(梧桐街道 越丰村 百姓议事会)"; out != want {
			t.Errorf("%s prints %q, want %q", verb, out, want)
		}
	}
}

func TestBlobFormat(t *testing.T) {
	k, err := NewVillageKey(testID, testPass, keyNow, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	b := k.Encrypted
	if got := string(b[:3]); got != "PXK" {
		t.Errorf("magic %q", got)
	}
	if got := []byte{b[3], b[4], b[5], b[6], b[7]}; !slices.Equal(got, []byte{1, kdfScrypt, kdfLogN, 8, 1}) {
		t.Errorf("version, kdf, logN, r, p = %v", got)
	}
	if prodLogN != 17 {
		t.Errorf("production scrypt cost is 2^%d, want 2^17 (issue 17)", prodLogN)
	}
	again, _ := NewVillageKey(testID, testPass, keyNow, rand.Reader)
	if bytes.Equal(b[8:headerSize], again.Encrypted[8:headerSize]) {
		t.Error("two keys share salt and nonce")
	}
}

func TestPassphraseNormalized(t *testing.T) {
	composed, decomposed := "caf\u00e9-村务口令-1", "cafe\u0301-村务口令-1"
	k, err := NewVillageKey(testID, composed, keyNow, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(k, decomposed); err != nil {
		t.Errorf("the same passphrase in another Unicode form: %v", err)
	}
}

func TestCertExport(t *testing.T) {
	s, _ := newSigner(t, testID)
	c := s.Certificate()
	pemBytes := EncodeCertPEM(c)
	if !bytes.HasPrefix(pemBytes, []byte("-----BEGIN CERTIFICATE-----\n")) {
		t.Errorf("PEM starts %q", pemBytes[:30])
	}
	fp := Fingerprint(c)
	if len(fp) != 64 || fp != fmt.Sprintf("%x", sha256Sum(c.Raw)) {
		t.Errorf("fingerprint %q", fp)
	}
}
