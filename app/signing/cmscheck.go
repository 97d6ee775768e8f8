package signing

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"time"

	"github.com/digitorus/pkcs7"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// The PKCS#7 blob sits in /Contents, outside the signed byte range, so its bytes are
// protected only by what the signature covers. The checks below leave no byte of it
// free: every field is either under the signature (the signed attributes, checked here
// over their exact bytes), bound to it (the certificate, by the hash in the signed
// signing-certificate-v2 attribute; a CA chain, by each issuer's signature), or fixed
// by this profile (versions, content types, algorithm parameters). A blob with
// anything else — CRLs, unsigned attributes, a second signer, a parameter where none
// belongs — is not one a Pingxin signer makes and is refused.

var (
	oidSignedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
	oidData       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	errProfile    = errors.New("cms: not the signing profile")
)

// cmsParts are the pieces of a SignerInfo that strictCMS hands on for checking.
type cmsParts struct {
	signedAttrs []byte // DER of the signed attributes as signed: a SET (tag 0x31)
	digestAlg   asn1.ObjectIdentifier
	sigAlg      asn1.ObjectIdentifier // the signatureAlgorithm field, checked against the key
	signature   []byte
}

// strictCMS walks der as ContentInfo{signedData, SignedData} with exactly one signer
// and returns what the signature covers.
func strictCMS(der []byte) (cmsParts, error) {
	var p cmsParts
	in := cryptobyte.String(der)
	var ci, content, sd cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !in.ReadASN1(&ci, cbasn1.SEQUENCE) || !in.Empty() ||
		!ci.ReadASN1ObjectIdentifier(&oid) || !oid.Equal(oidSignedData) ||
		!ci.ReadASN1(&content, cbasn1.Tag(0).Constructed().ContextSpecific()) || !ci.Empty() ||
		!content.ReadASN1(&sd, cbasn1.SEQUENCE) || !content.Empty() {
		return p, errProfile
	}
	var algs, encap, certs, infos cryptobyte.String
	var digestSet []byte
	if !readVersion(&sd, 1) || !sd.ReadASN1(&algs, cbasn1.SET) ||
		!algs.ReadASN1Element((*cryptobyte.String)(&digestSet), cbasn1.SEQUENCE) || !algs.Empty() ||
		!sd.ReadASN1(&encap, cbasn1.SEQUENCE) || !encap.ReadASN1ObjectIdentifier(&oid) || !oid.Equal(oidData) || !encap.Empty() ||
		!sd.ReadASN1(&certs, cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!sd.ReadASN1(&infos, cbasn1.SET) || !sd.Empty() {
		return p, errProfile
	}
	var si cryptobyte.String
	if !infos.ReadASN1(&si, cbasn1.SEQUENCE) || !infos.Empty() {
		return p, errProfile
	}
	var sid cryptobyte.String
	var digestAlg, sigAlg, attrs []byte
	if !readVersion(&si, 1) || !si.ReadASN1(&sid, cbasn1.SEQUENCE) ||
		!si.ReadASN1Element((*cryptobyte.String)(&digestAlg), cbasn1.SEQUENCE) ||
		!si.ReadASN1Element((*cryptobyte.String)(&attrs), cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!si.ReadASN1Element((*cryptobyte.String)(&sigAlg), cbasn1.SEQUENCE) ||
		!si.ReadASN1Bytes(&p.signature, cbasn1.OCTET_STRING) || !si.Empty() {
		return p, errProfile
	}
	var err error
	if p.digestAlg, err = algorithm(digestAlg); err != nil || !bytes.Equal(digestAlg, digestSet) {
		return p, errProfile
	}
	if p.sigAlg, err = algorithm(sigAlg); err != nil {
		return p, errProfile
	}
	p.signedAttrs = append([]byte{0x31}, attrs[1:]...)
	return p, nil
}

// readVersion reads an INTEGER that must be want.
func readVersion(s *cryptobyte.String, want int) bool {
	var v int
	return s.ReadASN1Integer(&v) && v == want
}

// algorithm reads an AlgorithmIdentifier whose parameters are absent or NULL, the only
// forms the digest and signature algorithms of this profile take.
func algorithm(der []byte) (asn1.ObjectIdentifier, error) {
	s := cryptobyte.String(der)
	var body cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !s.ReadASN1(&body, cbasn1.SEQUENCE) || !body.ReadASN1ObjectIdentifier(&oid) {
		return nil, errProfile
	}
	if !body.Empty() {
		var null cryptobyte.String
		if !body.ReadASN1(&null, cbasn1.NULL) || !null.Empty() || !body.Empty() {
			return nil, errProfile
		}
	}
	return oid, nil
}

// checkCertificate makes sure the certificate shown as the signer is the one that
// signed: the signed attributes verify over their exact bytes with its key, the
// signed signing-certificate-v2 attribute holds its hash, and any CA certificates in
// the blob form its chain, each valid at the signing time.
func checkCertificate(p7 *pkcs7.PKCS7, cert *x509.Certificate, der []byte, at time.Time) error {
	parts, err := strictCMS(der)
	if err != nil {
		return ErrSigContents
	}
	alg := signatureAlgorithm(cert, parts.digestAlg)
	if alg == x509.UnknownSignatureAlgorithm || !sigAlgFits(parts.sigAlg, alg) ||
		cert.CheckSignature(alg, parts.signedAttrs, parts.signature) != nil {
		return ErrSigMath
	}
	var ess asn1.RawValue
	if p7.UnmarshalSignedAttribute(oidSigningCertificateV2, &ess) != nil || !essNames(ess.FullBytes, cert.Raw) {
		return ErrSigCertBinding
	}
	return checkChain(cert, p7.Certificates, at)
}

// signatureAlgorithm is the X.509 name of signing with cert's key over digest.
func signatureAlgorithm(cert *x509.Certificate, digest asn1.ObjectIdentifier) x509.SignatureAlgorithm {
	i := -1
	for k, d := range []asn1.ObjectIdentifier{pkcs7.OIDDigestAlgorithmSHA256, pkcs7.OIDDigestAlgorithmSHA384, pkcs7.OIDDigestAlgorithmSHA512} {
		if digest.Equal(d) {
			i = k
		}
	}
	if i < 0 {
		return x509.UnknownSignatureAlgorithm
	}
	switch cert.PublicKeyAlgorithm {
	case x509.ECDSA:
		return []x509.SignatureAlgorithm{x509.ECDSAWithSHA256, x509.ECDSAWithSHA384, x509.ECDSAWithSHA512}[i]
	case x509.RSA:
		return []x509.SignatureAlgorithm{x509.SHA256WithRSA, x509.SHA384WithRSA, x509.SHA512WithRSA}[i]
	}
	return x509.UnknownSignatureAlgorithm
}

// sigAlgOIDs are the signatureAlgorithm values a signer may write for each algorithm:
// the combined OID, or the bare key type (which many signers write, pdfsign for RSA).
var sigAlgOIDs = map[x509.SignatureAlgorithm][]asn1.ObjectIdentifier{
	x509.ECDSAWithSHA256: {{1, 2, 840, 10045, 4, 3, 2}, {1, 2, 840, 10045, 2, 1}},
	x509.ECDSAWithSHA384: {{1, 2, 840, 10045, 4, 3, 3}, {1, 2, 840, 10045, 2, 1}},
	x509.ECDSAWithSHA512: {{1, 2, 840, 10045, 4, 3, 4}, {1, 2, 840, 10045, 2, 1}},
	x509.SHA256WithRSA:   {{1, 2, 840, 113549, 1, 1, 11}, {1, 2, 840, 113549, 1, 1, 1}},
	x509.SHA384WithRSA:   {{1, 2, 840, 113549, 1, 1, 12}, {1, 2, 840, 113549, 1, 1, 1}},
	x509.SHA512WithRSA:   {{1, 2, 840, 113549, 1, 1, 13}, {1, 2, 840, 113549, 1, 1, 1}},
}

// sigAlgFits reports whether the signatureAlgorithm field names alg: no other value
// passes, so the field cannot change unseen.
func sigAlgFits(oid asn1.ObjectIdentifier, alg x509.SignatureAlgorithm) bool {
	for _, o := range sigAlgOIDs[alg] {
		if oid.Equal(o) {
			return true
		}
	}
	return false
}

var (
	oidSHA256 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
)

// essNames reports whether SigningCertificateV2 (RFC 5035) names certDER as the first
// ESSCertIDv2: its hash (SHA-256 unless another SHA-2 is given) equals the certificate's.
func essNames(der, certDER []byte) bool {
	s := cryptobyte.String(der)
	var sc, ids, id cryptobyte.String
	if !s.ReadASN1(&sc, cbasn1.SEQUENCE) || !s.Empty() || !sc.ReadASN1(&ids, cbasn1.SEQUENCE) ||
		!ids.ReadASN1(&id, cbasn1.SEQUENCE) {
		return false
	}
	sum := func(b []byte) []byte { h := sha256.Sum256(b); return h[:] }
	if id.PeekASN1Tag(cbasn1.SEQUENCE) {
		var alg []byte
		if !id.ReadASN1Element((*cryptobyte.String)(&alg), cbasn1.SEQUENCE) {
			return false
		}
		oid, err := algorithm(alg)
		switch {
		case err != nil:
			return false
		case oid.Equal(oidSHA384):
			sum = func(b []byte) []byte { h := sha512.Sum384(b); return h[:] }
		case oid.Equal(oidSHA512):
			sum = func(b []byte) []byte { h := sha512.Sum512(b); return h[:] }
		case !oid.Equal(oidSHA256):
			return false
		}
	}
	var hash []byte
	return id.ReadASN1Bytes(&hash, cbasn1.OCTET_STRING) && bytes.Equal(hash, sum(certDER))
}

// checkChain checks that every certificate in the blob besides the signer's is on its
// chain: each one issued the one below it, a self-issued top signs itself, and each is
// valid at the signing time (when the signature gives one). A self-signed village
// certificate stands alone; whether it is trusted is the known-list decision.
func checkChain(leaf *x509.Certificate, certs []*x509.Certificate, at time.Time) error {
	var rest []*x509.Certificate
	seenLeaf := false
	for _, c := range certs {
		if bytes.Equal(c.Raw, leaf.Raw) && !seenLeaf {
			seenLeaf = true
			continue
		}
		rest = append(rest, c)
	}
	cur := leaf
	for len(rest) > 0 {
		next := -1
		for i, c := range rest {
			if bytes.Equal(cur.RawIssuer, c.RawSubject) && cur.CheckSignatureFrom(c) == nil {
				next = i
				break
			}
		}
		if next < 0 {
			return ErrCertChain
		}
		cur = rest[next]
		rest = append(rest[:next], rest[next+1:]...)
		if !at.IsZero() && (at.Before(cur.NotBefore) || at.After(cur.NotAfter)) {
			return ErrCertChain
		}
	}
	if cur != leaf && bytes.Equal(cur.RawIssuer, cur.RawSubject) && cur.CheckSignatureFrom(cur) != nil {
		return ErrCertChain
	}
	return nil
}
