// Package signing keeps a village's signing key and certificate, signs the minutes PDF
// with them, and checks the signatures of a PDF a bank receives. It works on bytes only:
// the store decides where the sealed key and the files live, so nothing here touches the
// disk or the network. The one clock it reads is the machine's, when signing: SignPDF
// refuses a certificate that is not valid now, and records now as the signing time when
// SignInfo.Time is zero.
package signing

import (
	"pingxin/app"
)

// MinPassphrase is the shortest passphrase (in characters) the chair may choose for a
// new key or a new passphrase: every backup carries the sealed key, so the passphrase
// is all that stands between a copied backup and the village's signature
// (docs/RULES.md §8). Keys sealed before it was raised open with legacyPassphrase.
const MinPassphrase = 10

// minPassphrase is MinPassphrase, for this package.
const minPassphrase = MinPassphrase

// legacyPassphrase is the minimum of earlier versions: a key sealed under a passphrase
// that short still opens, so no village is locked out of its own key.
const legacyPassphrase = 6

// Errors a person reads. They are *app.Error values, so errors.Is finds them and
// app.ErrorMessage renders them in the user's language.
var (
	// ErrPassphraseShort refuses a passphrase too short to protect the village key.
	ErrPassphraseShort = app.Errorf(app.EINVALID, "signing.passphrase_short", "Min", minPassphrase)
	// ErrPassphrase says the passphrase does not open the key; it never says more, so a
	// wrong guess learns nothing about the key.
	ErrPassphrase = app.Errorf(app.EINVALID, "signing.passphrase_wrong")
	// ErrKeyCorrupt says the stored key or certificate cannot be read at all.
	ErrKeyCorrupt = app.Errorf(app.EINVALID, "signing.key_corrupt")
	// ErrKeyMismatch says the private key does not belong to the certificate.
	ErrKeyMismatch = app.Errorf(app.EINVALID, "signing.key_mismatch")
	// ErrKeyType refuses a key this package cannot sign with (only ECDSA and RSA).
	ErrKeyType = app.Errorf(app.EINVALID, "signing.key_type")
	// ErrVillageMissing and ErrTownMissing refuse a certificate that would not say whose
	// key it is.
	ErrVillageMissing = app.Errorf(app.EINVALID, "signing.village_missing")
	ErrTownMissing    = app.Errorf(app.EINVALID, "signing.town_missing")
	// ErrPFXPassword says the password of a .pfx/.p12 file is wrong.
	ErrPFXPassword = app.Errorf(app.EINVALID, "signing.pfx_password")
	// ErrPFXInvalid says a file is not a PKCS#12 file with one key and its certificate.
	ErrPFXInvalid = app.Errorf(app.EINVALID, "signing.pfx_invalid")
	// ErrCertUsage refuses a certificate whose key usage forbids signing documents.
	ErrCertUsage = app.Errorf(app.EINVALID, "signing.cert_usage")
	// ErrNotPDF refuses input that is not a PDF file.
	ErrNotPDF = app.Errorf(app.EINVALID, "signing.not_pdf")
	// ErrPDFUnreadable says a PDF's structure is too damaged to add a signature to.
	ErrPDFUnreadable = app.Errorf(app.EINVALID, "signing.pdf_unreadable")
	// ErrExistingInvalid refuses to countersign a PDF whose earlier signature no longer
	// holds: the clerk must not vouch for a changed document.
	ErrExistingInvalid = app.Errorf(app.EINVALID, "signing.existing_invalid")
	// ErrUnsigned says a PDF carries no signature to verify.
	ErrUnsigned = app.Errorf(app.EINVALID, "signing.unsigned")
	// ErrNoSigner is a programming error: SignPDF was called without an opened key.
	ErrNoSigner = app.Errorf(app.EINTERNAL, "signing.no_signer")
)

// Reasons a signature does not hold, found in SignatureReport.Problem.
var (
	// ErrSigRange: the /ByteRange does not start at 0 or does not leave out exactly
	// the /Contents string, so bytes could hide outside the signed range.
	ErrSigRange = app.Errorf(app.EINVALID, "signing.sig_range")
	// ErrSigContents: the PKCS#7 blob cannot be read or has not exactly one signer.
	ErrSigContents = app.Errorf(app.EINVALID, "signing.sig_contents")
	// ErrSigDigest: the signed bytes changed after signing.
	ErrSigDigest = app.Errorf(app.EINVALID, "signing.sig_digest")
	// ErrSigMath: the signature value does not verify with the certificate's key.
	ErrSigMath = app.Errorf(app.EINVALID, "signing.sig_math")
	// ErrSigWeakDigest: MD5 or SHA-1, which can be forged, is not accepted.
	ErrSigWeakDigest = app.Errorf(app.EINVALID, "signing.sig_weak_digest")
	// ErrSigPadding: /Contents is not plain hex holding one DER value followed by zeros,
	// so bytes outside the signed range could change unseen.
	ErrSigPadding = app.Errorf(app.EINVALID, "signing.sig_padding")
	// ErrSigCertBinding: the signed attributes do not name the certificate shown as the
	// signer (signing-certificate-v2), so the names shown could be someone else's.
	ErrSigCertBinding = app.Errorf(app.EINVALID, "signing.sig_cert_binding")
	// ErrCertChain: a CA certificate in the signature is not on the signer's chain, or
	// does not verify, or was not valid at the signing time.
	ErrCertChain = app.Errorf(app.EINVALID, "signing.cert_chain")
	// ErrTooManySignatures: more byte ranges than any minutes carry; the file is refused
	// rather than checked at a cost that grows with their number.
	ErrTooManySignatures = app.Errorf(app.EINVALID, "signing.too_many_signatures", "Max", maxSignatures)
	// ErrModifiedAfter: bytes other than further signatures were added after this one.
	ErrModifiedAfter = app.Errorf(app.EINVALID, "signing.sig_modified_after")
)

// errCertTime says a certificate was not valid at a given moment; its message names the
// validity dates so the chair knows whether to renew or to fix the PC's clock.
func errCertTime(notBefore, notAfter string) error {
	return app.Errorf(app.EINVALID, "signing.cert_time", "From", notBefore, "To", notAfter)
}

// errInternal wraps a fault of a library or of this package. Detail never holds key
// material: only messages of the PDF and PKCS#7 code are passed in.
func errInternal(detail string) error {
	return app.Errorf(app.EINTERNAL, "signing.internal", "Detail", detail)
}
