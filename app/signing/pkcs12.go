package signing

import (
	cryptorand "crypto/rand"
	"crypto/x509"
	"errors"

	"software.sslmate.com/src/go-pkcs12"
)

// ImportPKCS12 takes a CA-issued certificate and key from a .pfx/.p12 file (data, opened
// with pfxPassword) and seals the key under the chair's newPassphrase, so it replaces
// the self-made village key. The CA chain in the file is kept, ordered from the issuer
// up, so that signatures carry it.
func ImportPKCS12(data []byte, pfxPassword, newPassphrase string) (SealedKey, error) {
	pass, err := checkPassphrase(newPassphrase)
	if err != nil {
		return SealedKey{}, err
	}
	priv, cert, cas, err := pkcs12.DecodeChain(data, pfxPassword)
	switch {
	case errors.Is(err, pkcs12.ErrIncorrectPassword):
		return SealedKey{}, ErrPFXPassword
	case err != nil || cert == nil || priv == nil:
		return SealedKey{}, ErrPFXInvalid
	}
	key, err := signingKey(priv)
	if err != nil {
		return SealedKey{}, err
	}
	if !samePublicKey(key.Public(), cert.PublicKey) {
		return SealedKey{}, ErrKeyMismatch
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return SealedKey{}, ErrCertUsage
	}
	return sealKey(cert.Raw, key, issuerChain(cert, cas), pass, cryptorand.Reader)
}

// issuerChain orders the CA certificates of a PKCS#12 file from the leaf's issuer
// upwards, dropping any that are not on the leaf's path (files often carry extras in
// any order). A self-signed root ends the chain.
func issuerChain(leaf *x509.Certificate, cas []*x509.Certificate) []*x509.Certificate {
	var chain []*x509.Certificate
	used := make([]bool, len(cas))
	for cur := leaf; len(chain) < len(cas); {
		next := -1
		for i, c := range cas {
			if !used[i] && cur.CheckSignatureFrom(c) == nil {
				next = i
				break
			}
		}
		if next < 0 || cas[next].Equal(cur) {
			break
		}
		used[next] = true
		chain = append(chain, cas[next])
		cur = cas[next]
	}
	return chain
}
