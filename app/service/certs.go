package service

import (
	"context"
	"crypto/x509"

	"pingxin/app"
	"pingxin/app/signing"
)

// ImportPFX replaces the village's self-made signing key with a CA-issued certificate
// and key from a PKCS#12 file (.pfx/.p12), sealed under the chair's new passphrase, and
// makes the certificate the known one for its village: the chair's deliberate
// replacement, recorded in the audit log. Minutes signed with the old key verify as
// signed by another certificate than the village's from then on; the bank learns the new
// one with `cert import --replace`.
func (s *Service) ImportPFX(ctx context.Context, villageID int64, pfx []byte, pfxPassword, passphrase string) (fingerprint string, err error) {
	st := s.st
	k, err := signing.ImportPKCS12(pfx, pfxPassword, passphrase)
	if err != nil {
		return "", err
	}
	c, err := x509.ParseCertificate(k.Cert)
	if err != nil {
		return "", err
	}
	if err := st.SaveVillageKey(ctx, villageID, app.VillageKey{Cert: k.Cert, Encrypted: k.Encrypted}); err != nil {
		return "", err
	}
	if err := st.AddKnownCert(ctx, k.Cert, signing.IdentityOf(c).String(), true); err != nil {
		return "", err
	}
	return signing.Fingerprint(c), nil
}

// ImportKnownCert makes a village's certificate (PEM or DER, as `cert export` writes
// it) the one this machine knows for that village, so the bank's `verify` accepts that
// village's minutes only when signed with it. When another certificate is known for the
// village it is refused (ECONFLICT) unless replace: the bank's deliberate replacement,
// recorded in the audit log.
func (s *Service) ImportKnownCert(ctx context.Context, cert []byte, replace bool) (*x509.Certificate, error) {
	st := s.st
	c, err := signing.ParseCert(cert)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "service.not_a_cert")
	}
	if err := st.AddKnownCert(ctx, c.Raw, signing.IdentityOf(c).String(), replace); err != nil {
		return nil, err
	}
	return c, nil
}
