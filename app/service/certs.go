package service

import (
	"context"
	"crypto/x509"
	"encoding/pem"

	"pingxin/app"
	"pingxin/app/signing"
)

// ImportPFX replaces the village's self-made signing key with a CA-issued certificate
// and key from a PKCS#12 file (.pfx/.p12), sealed under the chair's new passphrase, and
// makes the certificate known to this machine. Minutes signed before keep verifying.
func ImportPFX(ctx context.Context, st app.Store, villageID int64, pfx []byte, pfxPassword, passphrase string) (fingerprint string, err error) {
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
	if err := st.AddKnownCert(ctx, k.Cert, signing.IdentityOf(c).String()); err != nil {
		return "", err
	}
	return signing.Fingerprint(c), nil
}

// ImportKnownCert makes a village's certificate (PEM or DER, as `cert export` writes
// it) known to this machine, so the bank's `verify` recognises that village's minutes.
func ImportKnownCert(ctx context.Context, st app.Store, cert []byte) (*x509.Certificate, error) {
	der := cert
	if b, _ := pem.Decode(cert); b != nil {
		der = b.Bytes
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "service.not_a_cert")
	}
	if err := st.AddKnownCert(ctx, der, signing.IdentityOf(c).String()); err != nil {
		return nil, err
	}
	return c, nil
}
