package signing

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
)

// Fingerprint is the SHA-256 of the certificate's DER in lower-case hex: how the
// bank's list of villages names a certificate, and what a person can compare by phone.
func Fingerprint(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.Raw)
	return hex.EncodeToString(sum[:])
}

// EncodeCertPEM encodes the certificate as PEM ("-----BEGIN CERTIFICATE-----"), the
// form `pingxin cert export` writes for the bank.
func EncodeCertPEM(cert *x509.Certificate) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw})
}

// ParseCert reads a certificate in PEM (as `cert export` writes it) or DER.
func ParseCert(b []byte) (*x509.Certificate, error) {
	if blk, _ := pem.Decode(b); blk != nil {
		b = blk.Bytes
	}
	return x509.ParseCertificate(b)
}
