package signing

import (
	"crypto/sha256"
	"encoding/asn1"

	"github.com/digitorus/pkcs7"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// oidSigningCertificateV2 is the ESS signing-certificate-v2 attribute (RFC 5035), which
// binds the signature to the certificate; PAdES and Adobe expect it.
var oidSigningCertificateV2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 47}

// detachedCMS signs content with s: a detached PKCS#7 SignedData with SHA-256, the
// signer's certificate and chain, the signing time and the signing-certificate-v2
// attribute — the same shape pdfsign makes, without its revocation attribute, and with
// no timestamp: nothing is fetched from the network.
func detachedCMS(content []byte, s *Signer) ([]byte, error) {
	sd, err := pkcs7.NewSignedData(content)
	if err != nil {
		return nil, err
	}
	sd.SetDigestAlgorithm(pkcs7.OIDDigestAlgorithmSHA256)
	attr, err := signingCertificateV2(s.cert.Raw)
	if err != nil {
		return nil, err
	}
	cfg := pkcs7.SignerInfoConfig{ExtraSignedAttributes: []pkcs7.Attribute{attr}}
	if err := sd.AddSignerChain(s.cert, s.key, s.chain, cfg); err != nil {
		return nil, err
	}
	sd.Detach()
	return sd.Finish()
}

// signingCertificateV2 builds SigningCertificateV2 { [ ESSCertIDv2 { certHash } ] },
// with SHA-256, the default hash, left implicit.
func signingCertificateV2(certDER []byte) (pkcs7.Attribute, error) {
	sum := sha256.Sum256(certDER)
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1OctetString(sum[:])
			})
		})
	})
	der, err := b.Bytes()
	if err != nil {
		return pkcs7.Attribute{}, err
	}
	return pkcs7.Attribute{Type: oidSigningCertificateV2, Value: asn1.RawValue{FullBytes: der}}, nil
}
