package signing

import (
	"crypto/x509"
	"net/http"
	"sync/atomic"
	"testing"
)

// refuseNetwork is an HTTP transport that counts and refuses every request.
type refuseNetwork struct{ calls atomic.Int32 }

func (r *refuseNetwork) RoundTrip(req *http.Request) (*http.Response, error) {
	r.calls.Add(1)
	return nil, http.ErrNotSupported
}

// TestNoNetwork signs and verifies with a CA certificate that names OCSP and CRL
// services; no request may leave the machine (the office PC is often offline).
func TestNoNetwork(t *testing.T) {
	ca := newTestCA(t)
	key, _ := issue(t, "越丰村", ca.inter, ca.interKey, false, x509.KeyUsageDigitalSignature)
	leaf := issueWith(t, key, ca, func(c *x509.Certificate) {
		c.OCSPServer = []string{"http://ocsp.example.invalid"}
		c.CRLDistributionPoints = []string{"http://crl.example.invalid/ca.crl"}
		c.IssuingCertificateURL = []string{"http://ca.example.invalid/ca.crt"}
	})
	k, err := ImportPKCS12(pfx(t, key, leaf, []*x509.Certificate{ca.inter, ca.root}), pfxPass, testPass)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(k, testPass)
	if err != nil {
		t.Fatal(err)
	}
	net := &refuseNetwork{}
	saved := http.DefaultTransport
	http.DefaultTransport = net
	defer func() { http.DefaultTransport = saved }()

	out := signed(t, minutesPDF(t, 1), s, chairInfo)
	out = signed(t, out, s, clerkInfo)
	if rep := mustVerify(t, out); !rep.Valid || len(rep.Signatures) != 2 {
		t.Errorf("report %+v", rep)
	}
	if n := net.calls.Load(); n != 0 {
		t.Errorf("%d HTTP requests were made", n)
	}
}
