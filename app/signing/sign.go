package signing

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
)

// SignInfo is what the signature dictionary says besides the certificate: who signs
// (e.g. the chair's name), why (三治信农贷评议会议纪要), where, how to reach the
// signer, and when (the caller's clock; zero means now).
type SignInfo struct {
	Name     string
	Reason   string
	Location string
	Contact  string
	Time     time.Time
}

// SignPDF adds a signature by s to the PDF in and writes the signed file to out: an
// invisible approval signature, PKCS#7 detached with SHA-256, appended as an
// incremental update, so a PDF the chair signed can be signed again by the clerk and
// both signatures hold. No timestamp server or revocation service is asked.
//
// out receives the whole file in one Write, and only when signing succeeded and the
// result verified; on any error nothing is written. A PDF whose existing signatures
// no longer hold is refused (ErrExistingInvalid).
func SignPDF(in []byte, out io.Writer, s *Signer, info SignInfo) error {
	signed, err := signBytes(in, s, info, time.Now())
	if err != nil {
		return err
	}
	_, err = out.Write(signed)
	return err
}

// signBytes signs in at the moment now (the signing time PKCS#7 records is the clock's).
func signBytes(in []byte, s *Signer, info SignInfo, now time.Time) ([]byte, error) {
	if s == nil || s.key == nil {
		return nil, ErrNoSigner
	}
	if !isPDF(in) {
		return nil, ErrNotPDF
	}
	if now.Before(s.cert.NotBefore) || now.After(s.cert.NotAfter) {
		return nil, errCertTime(day(s.cert.NotBefore), day(s.cert.NotAfter))
	}
	if info.Time.IsZero() {
		info.Time = now
	}
	if spans, err := findSignatures(in); err != nil || len(spans) > 0 {
		if rep, err := Verify(in, nil); err != nil || !rep.Valid {
			return nil, ErrExistingInvalid
		}
	}
	fields := newTextFields(info)
	out, err := increment(in, s, fields.signData(s, info.Time))
	if err != nil {
		return nil, err
	}
	if err := fillSignature(out, len(in), fields, s); err != nil {
		return nil, err
	}
	if err := selfCheck(out); err != nil {
		return nil, err
	}
	return out, nil
}

// textFields puts the dictionary's texts in as hexadecimal UTF-16. pdfsign writes
// non-ASCII text as raw UTF-16 inside (…) without escapes, which breaks the dictionary
// for characters like 山 or 天; so it is given ASCII placeholders of exactly the hex
// form's length, which fillSignature swaps for the hex strings before signing.
type textFields []textField

type textField struct {
	key, hex, placeholder string
}

func newTextFields(info SignInfo) textFields {
	var f textFields
	for _, kv := range [][3]string{
		{"Name", info.Name, "N"}, {"Location", info.Location, "L"},
		{"Reason", info.Reason, "R"}, {"ContactInfo", info.Contact, "C"},
	} {
		if kv[1] == "" {
			continue
		}
		h := hexText(kv[1])
		f = append(f, textField{key: kv[0], hex: h, placeholder: strings.Repeat(kv[2], len(h)-2)})
	}
	return f
}

func (f textFields) get(key string) string {
	for _, t := range f {
		if t.key == key {
			return t.placeholder
		}
	}
	return ""
}

// signData is what pdfsign is given: an approval signature (pdfsign's certification
// signature lacks the /Perms entry readers need, and would forbid the clerk's), no
// timestamp server, no revocation function, and the certificate chain so that the
// space reserved for the signature is large enough.
func (f textFields) signData(s *Signer, at time.Time) sign.SignData {
	return sign.SignData{
		Signature: sign.SignDataSignature{
			CertType: sign.ApprovalSignature,
			Info: sign.SignDataSignatureInfo{
				Name: f.get("Name"), Location: f.get("Location"), Reason: f.get("Reason"),
				ContactInfo: f.get("ContactInfo"), Date: at,
			},
		},
		Signer:            s.key,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       s.cert,
		CertificateChains: [][]*x509.Certificate{append([]*x509.Certificate{s.cert}, s.chain...)},
	}
}

// increment has pdfsign append the signature's incremental update to in.
func increment(in []byte, s *Signer, sd sign.SignData) (out []byte, err error) {
	defer func() { // the PDF reader panics on some damaged files
		if recover() != nil {
			out, err = nil, ErrPDFUnreadable
		}
	}()
	size := int64(len(in))
	rdr, err := pdf.NewReader(bytes.NewReader(in), size)
	if err != nil {
		return nil, ErrPDFUnreadable
	}
	var w lastWrite
	if err := sign.Sign(bytes.NewReader(in), &w, rdr, size, sd); err != nil {
		return nil, errInternal(err.Error())
	}
	if !bytes.HasPrefix(w.b, in) {
		return nil, errInternal("pdfsign changed the original bytes")
	}
	return w.b, nil
}

// lastWrite keeps only the last Write: pdfsign writes its output in one call, but
// writes it twice when it had to enlarge the space for the signature and start over.
type lastWrite struct{ b []byte }

func (w *lastWrite) Write(p []byte) (int, error) {
	w.b = append(w.b[:0], p...)
	return len(p), nil
}

// fillSignature swaps the placeholders of the new signature dictionary for the real
// texts, then signs the final byte range and writes the PKCS#7 into /Contents, sized
// exactly to it (exactContents).
func fillSignature(out []byte, from int, fields textFields, s *Signer) error {
	br, err := fillTexts(out, from, fields)
	if err != nil {
		return err
	}
	return exactContents(out, from, br, s)
}

// fillTexts finds the signature pdfsign appended after from, puts the real texts in
// place of the placeholders, and returns the byte range pdfsign reserved.
func fillTexts(out []byte, from int, fields textFields) ([4]int64, error) {
	var sp sigSpan
	spans, err := findSignatures(out)
	if err != nil {
		return sp.br, errInternal(err.Error())
	}
	for _, c := range spans {
		if c.rangeOK && c.end() == int64(len(out)) && c.br[1] > int64(from) {
			sp = c
		}
	}
	if !sp.rangeOK {
		return sp.br, errInternal("new signature not found")
	}
	for _, f := range fields {
		old := []byte(" /" + f.key + " (" + f.placeholder + ")")
		k := bytes.Index(out[from:], old)
		if k < 0 {
			return sp.br, errInternal("placeholder for /" + f.key + " not found")
		}
		copy(out[from+k+len(f.key)+3:], f.hex)
	}
	dropDuplicateVersion(out[from:])
	return sp.br, nil
}

// maxSizings bounds how often exactContents signs. An ECDSA signature's DER length
// varies by a byte or two from one signing to the next (the leading bytes of r and
// s), so a layout for one length is signed again until the lengths agree; each try
// succeeds with a probability of about 3/8, and an RSA signature always on the first.
const maxSizings = 64

// exactContents signs the byte range and writes the PKCS#7 into /Contents with no
// padding (docs/RULES.md §8): poppler's pdfsig, like most readers, never looks at the
// zeros after the DER value, so a flip there would pass it unseen. pdfsign reserved
// reserved = [<, end) for the string; the string is shortened to exactly the hex of
// the CMS, its '>' moved forward, and the bytes it gave up become blanks after the
// '>' — white space inside the signature dictionary, and inside the second signed
// range, so that no offset of the file moves and a flip there breaks the digest.
// The /ByteRange is rewritten in place for the new string, then the range signed;
// when the CMS comes out another length than the layout assumed, it is laid out for
// that length and signed again.
func exactContents(out []byte, from int, reserved [4]int64, s *Signer) error {
	brText, err := byteRangeField(out, from, reserved[1])
	if err != nil {
		return err
	}
	br, laidOut := reserved, false
	for try := 0; try < maxSizings; try++ {
		content := make([]byte, 0, br[1]+br[3])
		content = append(append(content, out[:br[1]]...), out[br[2]:]...)
		cms, err := detachedCMS(content, s)
		if err != nil {
			return errInternal("pkcs7: " + err.Error())
		}
		if laidOut && int64(hex.EncodedLen(len(cms))) == br[2]-br[1]-2 {
			hex.Encode(out[br[1]+1:], cms)
			return nil
		}
		if br, err = layContents(out, brText, reserved, len(cms)); err != nil {
			return err
		}
		laidOut = true
	}
	return errInternal("the signature's length did not settle")
}

// byteRangeField finds the text "/ByteRange [...]" and its blank padding in the new
// signature dictionary, up to the " /Contents" before the string at lt.
func byteRangeField(out []byte, from int, lt int64) ([]byte, error) {
	const contentsKey = " /Contents"
	end := int(lt) - len(contentsKey)
	k := bytes.LastIndex(out[from:max(from, end)], byteRangeKey)
	if k < 0 || string(out[end:lt]) != contentsKey {
		return nil, errInternal("the new signature's /ByteRange not found")
	}
	return out[from+k : end], nil
}

// layContents lays out the reserved string for a CMS of n bytes: '<', 2n digits
// (zero until signed), '>', blanks to the reserved end; and writes the byte range of
// that layout into brText, blank-padded to its width.
func layContents(out, brText []byte, reserved [4]int64, n int) ([4]int64, error) {
	lt, end := reserved[1], reserved[2]
	gt := lt + int64(hex.EncodedLen(n)) + 1
	if gt >= end {
		return reserved, errInternal("signature larger than the space reserved for it")
	}
	br := [4]int64{0, lt, gt + 1, int64(len(out)) - (gt + 1)}
	text := fmt.Appendf(nil, "/ByteRange [%d %d %d %d]", br[0], br[1], br[2], br[3])
	if len(text) > len(brText) {
		return reserved, errInternal("the /ByteRange does not fit its placeholder")
	}
	copy(brText, text)
	for i := len(text); i < len(brText); i++ {
		brText[i] = ' '
	}
	for i := lt + 1; i < end; i++ {
		switch {
		case i < gt:
			out[i] = '0'
		case i == gt:
			out[i] = '>'
		default:
			out[i] = ' '
		}
	}
	return br, nil
}

// dropDuplicateVersion blanks the second /Version pdfsign writes into the new catalog
// when the original already had one (qpdf warns of the duplicate key). The bytes are
// replaced by spaces, so no offset moves.
func dropDuplicateVersion(inc []byte) {
	key := []byte("/Version /")
	first := bytes.Index(inc, key)
	if first < 0 {
		return
	}
	for i := first + len(key); ; {
		k := bytes.Index(inc[i:], key)
		if k < 0 {
			return
		}
		k += i
		e := k + len(key)
		for e < len(inc) && isRegular(inc[e]) {
			e++
		}
		for j := k; j < e; j++ {
			inc[j] = ' '
		}
		i = e
	}
}

// selfCheck verifies the signed file before anyone sees it: every signature holds and
// the new one covers the whole file.
func selfCheck(out []byte) error {
	rep, err := Verify(out, nil)
	if err != nil {
		return errInternal("self-check: " + err.Error())
	}
	last := rep.Signatures[len(rep.Signatures)-1]
	if !rep.Valid || !last.CoversWholeFile {
		for _, r := range rep.Signatures {
			if r.Problem != nil {
				return errInternal("self-check: " + r.Problem.Error())
			}
		}
		return errInternal("self-check: the new signature does not cover the file")
	}
	return nil
}
