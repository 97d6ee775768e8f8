package signing

import (
	"crypto/x509"
)

// SignDetached signs content (a bank package's manifest) with s: the same detached
// PKCS#7 the minutes carry, written beside the content as a .p7s file.
func SignDetached(content []byte, s *Signer) ([]byte, error) {
	if s == nil || s.key == nil {
		return nil, ErrNoSigner
	}
	der, err := detachedCMS(content, s)
	if err != nil {
		return nil, errInternal("pkcs7: " + err.Error())
	}
	return der, nil
}

// VerifyDetached checks a detached signature over content with the same rules as a
// PDF signature: exactly one DER value, every byte of it signed, bound or fixed, the
// digest of content, and the trust decision against known (one certificate per
// village). The report's Problem is nil when it holds.
func VerifyDetached(content, p7s []byte, known []*x509.Certificate) (r SignatureReport) {
	defer func() { // the PKCS#7 parser is not hardened against every hostile input
		if recover() != nil {
			r = SignatureReport{Problem: ErrSigContents}
		}
	}()
	der, ok := derPrefix(p7s)
	if !ok || len(der) != len(p7s) {
		r.Problem = ErrSigPadding
		return r
	}
	p7, cert, signed, ok := parseSignature(der)
	if !ok {
		r.Problem = ErrSigContents
		return r
	}
	r.Time = signed
	r.Problem = checkDigest(p7, cert, signed, content)
	if r.Problem == nil {
		r.Problem = checkCertificate(p7, cert, der, signed)
	}
	r.ValidSignature = r.Problem == nil
	r.CoversWholeFile = r.ValidSignature
	if !r.ValidSignature {
		return r
	}
	r.Certificate, r.Signer, r.Fingerprint = cert, IdentityOf(cert), Fingerprint(cert)
	r.Village, r.Trust, r.Expected = newTrust(known).decide(cert)
	r.KnownCert = r.Trust == TrustKnown
	if r.Trust == TrustMismatch {
		r.Problem = errCertMismatch(r.Village, r.Expected, r.Fingerprint)
	}
	return r
}
