package signing

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	cryptorand "crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"io"
	"math/big"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// certValidity is how long a village certificate lasts: five years, the term of a
// village committee plus a margin.
const certValidity = 5

// clockSkew backdates a new certificate a little, so that a signature made on a PC
// whose clock runs slightly behind is still inside the validity period.
const clockSkew = time.Hour

// Extended key usages a document-signing certificate carries, so that Adobe Reader,
// Windows and RFC 9336 verifiers all accept it for PDF signatures.
var (
	oidDocumentSigning   = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}       // RFC 9336
	oidMSDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 311, 10, 3, 12} // Microsoft
)

// SealedKey is what the store keeps for a village: the certificate, which anyone may
// read, and the private key (with any CA chain) encrypted under the chair's passphrase.
// Encrypted is a self-describing blob (version, scrypt parameters, salt, nonce,
// AES-256-GCM ciphertext); it never holds the key in the clear.
type SealedKey struct {
	Cert      []byte // DER of the X.509 certificate
	Encrypted []byte // sealed PKCS#8 private key and CA chain
}

// Signer is an opened key: what SignPDF signs with. It lives only in memory and never
// prints its key, whatever verb is used to format it.
type Signer struct {
	key   crypto.Signer
	cert  *x509.Certificate
	chain []*x509.Certificate
}

// Certificate returns the signer's certificate, for showing who signs and for export.
func (s *Signer) Certificate() *x509.Certificate { return s.cert }

// String names the signer by its certificate, never by its key.
func (s *Signer) String() string { return "signing.Signer(" + IdentityOf(s.cert).String() + ")" }

// GoString keeps %#v from dumping the private key into a log.
func (s *Signer) GoString() string { return s.String() }

// NewVillageKey makes a village's first key: an ECDSA P-256 key and a self-signed
// certificate naming the village, council and town, valid for five years from now,
// with the key sealed under passphrase (at least six characters). rand may be nil for
// crypto/rand.
func NewVillageKey(id Identity, passphrase string, now time.Time, rand io.Reader) (SealedKey, error) {
	if rand == nil {
		rand = cryptorand.Reader
	}
	pass, err := checkPassphrase(passphrase)
	if err != nil {
		return SealedKey{}, err
	}
	if id, err = id.normalize(); err != nil {
		return SealedKey{}, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand)
	if err != nil {
		return SealedKey{}, errInternal("key: " + err.Error())
	}
	der, err := selfSign(id, key, now, rand)
	if err != nil {
		return SealedKey{}, err
	}
	return sealKey(der, key, nil, pass, rand)
}

// selfSign issues the village certificate for key.
func selfSign(id Identity, key *ecdsa.PrivateKey, now time.Time, rand io.Reader) ([]byte, error) {
	serial := make([]byte, 16)
	if _, err := io.ReadFull(rand, serial); err != nil {
		return nil, errInternal("random: " + err.Error())
	}
	serial[0] = serial[0]&0x7f | 0x40 // positive and always 16 bytes long
	tmpl := &x509.Certificate{
		SerialNumber:          new(big.Int).SetBytes(serial),
		Subject:               id.subject(),
		NotBefore:             now.Add(-clockSkew).UTC(),
		NotAfter:              now.AddDate(certValidity, 0, 0).UTC(),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning, oidMSDocumentSigning},
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, errInternal("certificate: " + err.Error())
	}
	return der, nil
}

// sealKey encrypts key (and chain) under pass, which must already be checked.
func sealKey(certDER []byte, key crypto.Signer, chain []*x509.Certificate, pass string, rand io.Reader) (SealedKey, error) {
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return SealedKey{}, ErrKeyType
	}
	defer clear(pkcs8)
	plain := sealedPlain{Key: pkcs8}
	for _, c := range chain {
		plain.Chain = append(plain.Chain, c.Raw)
	}
	blob, err := seal(plain, pass, rand)
	if err != nil {
		return SealedKey{}, err
	}
	return SealedKey{Cert: certDER, Encrypted: blob}, nil
}

// Open unseals k with the chair's passphrase. A wrong passphrase gives ErrPassphrase
// and nothing else; a key that does not match its certificate gives ErrKeyMismatch.
func Open(k SealedKey, passphrase string) (*Signer, error) {
	cert, err := x509.ParseCertificate(k.Cert)
	if err != nil {
		return nil, ErrKeyCorrupt
	}
	pass := norm.NFC.String(passphrase)
	if utf8.RuneCountInString(pass) < legacyPassphrase {
		return nil, ErrPassphrase // too short to be the one that sealed the key
	}
	plain, err := unseal(k.Encrypted, pass)
	if err != nil {
		return nil, err
	}
	defer clear(plain.Key)
	key, err := parseSigningKey(plain.Key)
	if err != nil {
		return nil, err
	}
	if !samePublicKey(key.Public(), cert.PublicKey) {
		return nil, ErrKeyMismatch
	}
	s := &Signer{key: key, cert: cert}
	for _, der := range plain.Chain {
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, ErrKeyCorrupt
		}
		s.chain = append(s.chain, c)
	}
	return s, nil
}

// Reseal seals k again under the same passphrase at the current scrypt cost (a key
// sealed by an earlier version at N=2^15); the key and certificate stay the same.
func Reseal(k SealedKey, passphrase string, rand io.Reader) (SealedKey, error) {
	if rand == nil {
		rand = cryptorand.Reader
	}
	s, err := Open(k, passphrase)
	if err != nil {
		return SealedKey{}, err
	}
	return sealKey(k.Cert, s.key, s.chain, norm.NFC.String(passphrase), rand)
}

// parseSigningKey reads a PKCS#8 key this package can sign PDFs with.
func parseSigningKey(der []byte) (crypto.Signer, error) {
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, ErrKeyCorrupt
	}
	return signingKey(k)
}

// signingKey accepts the key types PKCS#7 signing supports here: ECDSA and RSA.
func signingKey(k any) (crypto.Signer, error) {
	switch k := k.(type) {
	case *ecdsa.PrivateKey:
		return k, nil
	case *rsa.PrivateKey:
		return k, nil
	}
	return nil, ErrKeyType
}

// samePublicKey reports whether two public keys are the same key.
func samePublicKey(a, b crypto.PublicKey) bool {
	ak, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && ak.Equal(b)
}
