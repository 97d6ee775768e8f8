package signing

import (
	"bytes"
	"crypto"
	_ "crypto/sha256" // the digests of checkPKCS7
	_ "crypto/sha512"
	"crypto/x509"
	"encoding/asn1"
	"time"

	"github.com/digitorus/pkcs7"
)

// Report is what Verify found: every signature in signing order, and whether the file
// as a whole holds (every signature valid, nothing added after the last one).
type Report struct {
	Signatures []SignatureReport
	Valid      bool
}

// SignatureReport is what a receiver needs to know about one signature. Validity is
// the signature mathematics plus the integrity of the file; whether the certificate
// is one this machine knows is a separate fact (KnownCert), because village
// certificates are self-signed and no CA vouches for them.
type SignatureReport struct {
	Signer      Identity          // names in the signing certificate (CN, L, O)
	Certificate *x509.Certificate // nil when the signature could not be read
	Fingerprint string            // SHA-256 of the certificate, as in the bank's list

	// As written in the signature dictionary by the signer.
	Name, Reason, Location, Contact string

	// Time is the signing time inside the signature (the signer's clock, there is no
	// timestamp server), or the dictionary's /M when the signature has none.
	Time time.Time

	ByteRange       [4]int64
	CoversWholeFile bool // the signed range runs to the end of the file
	ModifiedAfter   bool // the file changed after this signature, other than by adding signatures
	ValidSignature  bool // the signature is intact and matches the signed bytes
	KnownCert       bool // the certificate is the one known for its village (Trust == TrustKnown)

	// Village is the village the certificate speaks for (app.CertVillage); Trust says
	// what the list of known certificates holds for it, and Expected lists the
	// fingerprints it holds (comma-separated) when that is another certificate
	// (TrustMismatch).
	Village  string
	Trust    TrustStatus
	Expected string

	// Problem says why the signature does not hold; nil when it does. It is an
	// *app.Error, so app.ErrorMessage renders it for the reader.
	Problem error
}

// Valid reports whether this signature holds: intact, nothing but further signatures
// added after it, and not made with another certificate than the one known for its
// village.
func (r SignatureReport) Valid() bool {
	return r.ValidSignature && !r.ModifiedAfter && r.Trust != TrustMismatch
}

// TrustStatus is the trust decision about a signature's certificate, made against the
// list of known certificates, one per village.
type TrustStatus int

const (
	// TrustUnknownVillage: the list holds no certificate for the village the
	// certificate names; the signature may be sound, but nobody vouches for the key.
	TrustUnknownVillage TrustStatus = iota
	// TrustKnown: the certificate is the one the list holds for its village.
	TrustKnown
	// TrustMismatch: the list holds another certificate for that village — a key made
	// under the village's name by someone else, or one the bank has not accepted.
	TrustMismatch
)

// Verify checks every signature of a PDF without any network access: the PKCS#7
// signature over its byte range, whether the range reaches the end of the file, what
// was added after it, and whether the certificate is in known (the village's own, or
// those imported with the bank's list). It returns ErrNotPDF or ErrUnsigned when there
// is nothing to verify; otherwise the report says what holds.
func Verify(pdf []byte, known []*x509.Certificate) (Report, error) {
	if !isPDF(pdf) {
		return Report{}, ErrNotPDF
	}
	spans, err := findSignatures(pdf)
	if err != nil {
		return Report{}, err
	}
	if len(spans) == 0 {
		return Report{}, ErrUnsigned
	}
	rep := Report{Signatures: make([]SignatureReport, len(spans)), Valid: true}
	trust := newTrust(known)
	for k, sp := range spans {
		rep.Signatures[k] = checkSignature(pdf, sp, trust)
	}
	for k := range spans {
		r := &rep.Signatures[k]
		r.ModifiedAfter = modifiedAfter(pdf, spans, rep.Signatures, k)
		if r.Problem == nil && r.ModifiedAfter {
			r.Problem = ErrModifiedAfter
		}
		rep.Valid = rep.Valid && r.Valid()
	}
	return rep, nil
}

// isPDF looks for the header in the first kilobyte, where readers accept it.
func isPDF(b []byte) bool {
	return bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-"))
}

// checkSignature reads and checks one signature's PKCS#7 against its byte range.
func checkSignature(pdf []byte, sp sigSpan, trust trustList) (r SignatureReport) {
	r.ByteRange = sp.br
	r.Name, r.Reason = dictText(sp.dict, "Name"), dictText(sp.dict, "Reason")
	r.Location, r.Contact = dictText(sp.dict, "Location"), dictText(sp.dict, "ContactInfo")
	if m, ok := sp.dict["M"].(pdfString); ok {
		r.Time, _ = parsePDFDate(string(m))
	}
	if !sp.rangeOK {
		r.Problem = ErrSigRange
		return r
	}
	r.CoversWholeFile = sp.end() == int64(len(pdf))
	defer func() { // the PKCS#7 parser is not hardened against every hostile input
		if recover() != nil {
			r.ValidSignature, r.Problem = false, ErrSigContents
		}
	}()
	if !sp.padOK {
		r.Problem = ErrSigPadding
		return r
	}
	p7, cert, signed, ok := parseSignature(sp.contents)
	if !ok {
		r.Problem = ErrSigContents
		return r
	}
	r.Time = signed
	r.Problem = checkPKCS7(p7, pdf, sp, cert, signed)
	if r.Problem == nil {
		r.Problem = checkCertificate(p7, cert, sp.contents, signed)
	}
	r.ValidSignature = r.Problem == nil
	if !r.ValidSignature {
		return r // a certificate that did not verify is not shown as the signer
	}
	r.Certificate, r.Signer, r.Fingerprint = cert, IdentityOf(cert), Fingerprint(cert)
	r.Village, r.Trust, r.Expected = trust.decide(cert)
	r.KnownCert = r.Trust == TrustKnown
	if r.Trust == TrustMismatch {
		r.Problem = errCertMismatch(r.Village, r.Expected, r.Fingerprint)
	}
	return r
}

// checkPKCS7 checks the signature of a PDF over its byte range, hashed where the bytes
// lie in the file (no copy of the file is made, so a file with many signatures costs no
// more memory). The signature value itself is checked by checkCertificate over the
// exact signed bytes.
func checkPKCS7(p7 *pkcs7.PKCS7, pdf []byte, sp sigSpan, cert *x509.Certificate, signed time.Time) error {
	return checkDigest(p7, cert, signed, pdf[:sp.br[1]], pdf[sp.br[2]:sp.end()])
}

// checkDigest checks the digest algorithm, the certificate's validity at the signing
// time, the content type and the message digest of the signed parts, in order.
func checkDigest(p7 *pkcs7.PKCS7, cert *x509.Certificate, signed time.Time, parts ...[]byte) error {
	alg := p7.Signers[0].DigestAlgorithm.Algorithm
	if !strongDigest(alg) {
		return ErrSigWeakDigest
	}
	if !signed.IsZero() && (signed.Before(cert.NotBefore) || signed.After(cert.NotAfter)) {
		return errCertTime(day(cert.NotBefore), day(cert.NotAfter))
	}
	var ct asn1.ObjectIdentifier
	var want []byte
	if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeContentType, &ct) != nil || !ct.Equal(oidData) ||
		p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeMessageDigest, &want) != nil {
		return ErrSigContents
	}
	h := digestFor(alg).New()
	for _, p := range parts {
		h.Write(p)
	}
	if !bytes.Equal(h.Sum(nil), want) {
		return ErrSigDigest
	}
	return nil
}

// digestFor is the hash of one of the strong digest algorithms.
func digestFor(oid asn1.ObjectIdentifier) crypto.Hash {
	switch {
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA384):
		return crypto.SHA384
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA512):
		return crypto.SHA512
	}
	return crypto.SHA256
}

// strongDigest accepts the SHA-2 digests; MD5 and SHA-1 signatures can be forged.
func strongDigest(oid asn1.ObjectIdentifier) bool {
	return oid.Equal(pkcs7.OIDDigestAlgorithmSHA256) || oid.Equal(pkcs7.OIDDigestAlgorithmSHA384) ||
		oid.Equal(pkcs7.OIDDigestAlgorithmSHA512)
}

// modifiedAfter reports whether anything but further valid signatures was added to the
// file after signature k.
func modifiedAfter(pdf []byte, spans []sigSpan, reps []SignatureReport, k int) bool {
	cur, size := spans[k].end(), int64(len(pdf))
	if !spans[k].rangeOK {
		return cur != size
	}
	for j := k + 1; j < len(spans) && cur < size; j++ {
		if spans[j].end() <= cur {
			continue
		}
		if !reps[j].ValidSignature || !signatureOnly(pdf, int(cur), spans[j]) {
			return true
		}
		cur = spans[j].end()
	}
	return cur != size
}

func dictText(d pdfDict, key pdfName) string {
	s, _ := d[key].(pdfString)
	return decodeText(s)
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// parseSignature reads a CMS signature that has exactly one signer, with the signer's
// certificate and the signing time it claims (zero when it claims none); ok is false
// for anything else.
func parseSignature(der []byte) (p7 *pkcs7.PKCS7, cert *x509.Certificate, signed time.Time, ok bool) {
	p7, err := pkcs7.Parse(der)
	if err != nil || len(p7.Signers) != 1 || p7.GetOnlySigner() == nil {
		return nil, nil, time.Time{}, false
	}
	if p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &signed) != nil {
		signed = time.Time{}
	}
	return p7, p7.GetOnlySigner(), signed, true
}
