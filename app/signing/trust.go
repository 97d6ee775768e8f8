package signing

import (
	"bytes"
	"crypto/x509"
	"slices"
	"strings"

	"pingxin/app"
)

// trustList is the list of known certificates by the village each speaks for: the
// bank's `cert import`s, and on a village's own PC its own certificate.
type trustList map[string][]*x509.Certificate

func newTrust(known []*x509.Certificate) trustList {
	t := trustList{}
	for _, c := range known {
		if c != nil {
			v := app.CertVillage(c)
			t[v] = append(t[v], c)
		}
	}
	return t
}

// decide is the trust decision for a certificate that verified: known when it is the
// one held for its village, a mismatch when another one is held (with the fingerprints
// held, for the message), unknown when none is.
func (t trustList) decide(cert *x509.Certificate) (village string, s TrustStatus, expected string) {
	village = app.CertVillage(cert)
	held := t[village]
	if len(held) == 0 {
		return village, TrustUnknownVillage, ""
	}
	for _, k := range held {
		if bytes.Equal(k.Raw, cert.Raw) {
			return village, TrustKnown, ""
		}
	}
	var fps []string
	for _, k := range held {
		fps = append(fps, Fingerprint(k))
	}
	slices.Sort(fps)
	return village, TrustMismatch, strings.Join(fps, ", ")
}

// errCertMismatch says which village, which certificate the list holds for it and which
// one signed: the words a bank clerk needs to phone the village.
func errCertMismatch(village, expected, found string) error {
	return app.Errorf(app.EINVALID, "signing.cert_mismatch", "Village", village, "Expected", expected, "Found", found)
}
