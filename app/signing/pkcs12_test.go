package signing

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

const pfxPass = "pfx-secret"

// testCA is a small CA hierarchy: root → intermediate → leaf.
type testCA struct {
	root, inter       *x509.Certificate
	rootKey, interKey crypto.Signer
}

func newTestCA(t *testing.T) testCA {
	t.Helper()
	var ca testCA
	ca.rootKey, ca.root = issue(t, "Test Root CA", nil, nil, true, 0)
	ca.interKey, ca.inter = issue(t, "Test Issuing CA", ca.root, ca.rootKey, true, 0)
	return ca
}

// issue makes a certificate for a new ECDSA key, signed by parent (self-signed when nil).
func issue(t *testing.T, cn string, parent *x509.Certificate, parentKey crypto.Signer, ca bool, ku x509.KeyUsage) (crypto.Signer, *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key, issueFor(t, cn, key, parent, parentKey, ca, ku)
}

func issueFor(t *testing.T, cn string, key crypto.Signer, parent *x509.Certificate, parentKey crypto.Signer, ca bool, ku x509.KeyUsage) *x509.Certificate {
	t.Helper()
	return issueTemplate(t, cn, key, parent, parentKey, ca, ku, nil)
}

// issueWith issues a leaf for key from ca's intermediate, with edit applied to the template.
func issueWith(t *testing.T, key crypto.Signer, ca testCA, edit func(*x509.Certificate)) *x509.Certificate {
	t.Helper()
	return issueTemplate(t, "越丰村", key, ca.inter, ca.interKey, false, x509.KeyUsageDigitalSignature, edit)
}

func issueTemplate(t *testing.T, cn string, key crypto.Signer, parent *x509.Certificate, parentKey crypto.Signer, ca bool, ku x509.KeyUsage, edit func(*x509.Certificate)) *x509.Certificate {
	t.Helper()
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"百姓议事会"}, Locality: []string{"梧桐街道"}},
		NotBefore:    time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0),
		KeyUsage:              ku,
		BasicConstraintsValid: true, IsCA: ca,
	}
	if ca {
		tmpl.KeyUsage = x509.KeyUsageCertSign
	}
	if edit != nil {
		edit(tmpl)
	}
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, key.Public(), parentKey)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func pfx(t *testing.T, key crypto.Signer, cert *x509.Certificate, cas []*x509.Certificate) []byte {
	t.Helper()
	b, err := pkcs12.Modern.Encode(key, cert, cas, pfxPass)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestImportPKCS12RoundTrip(t *testing.T) {
	ca := newTestCA(t)
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	for _, tc := range []struct {
		name string
		key  crypto.Signer
		cas  []*x509.Certificate
	}{
		{"ECDSA, chain in order", ecKey, []*x509.Certificate{ca.inter, ca.root}},
		{"ECDSA, chain shuffled", ecKey, []*x509.Certificate{ca.root, ca.inter}},
		{"RSA, chain in order", rsaKey, []*x509.Certificate{ca.inter, ca.root}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			leaf := issueFor(t, "越丰村", tc.key, ca.inter, ca.interKey, false, x509.KeyUsageDigitalSignature)
			k, err := ImportPKCS12(pfx(t, tc.key, leaf, tc.cas), pfxPass, testPass)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(k, testPass)
			if err != nil {
				t.Fatal(err)
			}
			if !s.Certificate().Equal(leaf) || len(s.chain) != 2 || !s.chain[0].Equal(ca.inter) || !s.chain[1].Equal(ca.root) {
				t.Fatalf("opened %v with a chain of %d", s, len(s.chain))
			}
			out := signed(t, minutesPDF(t, 1), s, chairInfo)
			rep, err := Verify(out, []*x509.Certificate{leaf})
			if err != nil {
				t.Fatal(err)
			}
			if r := rep.Signatures[0]; !rep.Valid || !r.KnownCert || r.Signer.Village != "越丰村" {
				t.Errorf("report %+v", r)
			}
			if got := validations(pdfsig(t, out)); len(got) != 1 || got[0] != "Signature is Valid." {
				t.Errorf("pdfsig validations = %q", got)
			}
		})
	}
}

func TestImportPKCS12Refuses(t *testing.T) {
	ca := newTestCA(t)
	key, leaf := issue(t, "越丰村", ca.inter, ca.interKey, false, x509.KeyUsageDigitalSignature)
	_, caOnly := issue(t, "越丰村", ca.inter, ca.interKey, false, x509.KeyUsageKeyEncipherment)
	otherKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	good := pfx(t, key, leaf, []*x509.Certificate{ca.inter})
	for _, tc := range []struct {
		name      string
		data      []byte
		pass, new string
		want      error
	}{
		{"wrong pfx password", good, "guess", testPass, ErrPFXPassword},
		{"not a pfx", []byte("-----BEGIN CERTIFICATE-----"), pfxPass, testPass, ErrPFXInvalid},
		{"new passphrase too short", good, pfxPass, "12345", ErrPassphraseShort},
		{"certificate for encryption only", pfx(t, otherKey, issueFor(t, "x", otherKey, ca.inter, ca.interKey, false, x509.KeyUsageKeyEncipherment), nil), pfxPass, testPass, ErrCertUsage},
		{"key of another certificate", pfx(t, otherKey, caOnly, nil), pfxPass, testPass, ErrKeyMismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, err := ImportPKCS12(tc.data, tc.pass, tc.new)
			if err != tc.want || k.Cert != nil {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}
