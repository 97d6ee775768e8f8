package signing

import (
	"bytes"
	"crypto/x509"
	"encoding/hex"
	"sync"
	"testing"

	"pingxin/app"
	"pingxin/app/i18n"
)

func TestVerifyNothingToVerify(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrNotPDF},
		{"text", []byte("minutes"), ErrNotPDF},
		{"unsigned pdf", minutesPDF(t, 1), ErrUnsigned},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Verify(tc.in, nil)
			if err != tc.want || rep.Valid || rep.Signatures != nil {
				t.Errorf("Verify = %+v, %v; want %v", rep, err, tc.want)
			}
		})
	}
}

func TestVerifyBrokenSignature(t *testing.T) {
	s, _ := newSigner(t, testID)
	out := signed(t, minutesPDF(t, 1), s, chairInfo)
	br := mustVerify(t, out).Signatures[0].ByteRange
	for _, tc := range []struct {
		name   string
		change func(b []byte)
		want   error
	}{
		{"signature blob garbled", func(b []byte) { copy(b[br[1]+1:], "ffff") }, ErrSigPadding},
		{"signature blob cut short", func(b []byte) { copy(b[br[1]+1+8:], "0000") }, ErrSigContents},
		{"one digit in capitals", func(b []byte) { // same value, other byte
			k := bytes.IndexAny(b[br[1]:br[2]], "abcdef") + int(br[1])
			b[k] -= 'a' - 'A'
		}, ErrSigPadding},
		{"signature value changed", func(b []byte) {
			// the last bytes of the DER are the ECDSA signature's s value
			k := bytes.LastIndexFunc(b[:br[2]-1], func(r rune) bool { return r != '0' })
			b[k-4] = "0123456789abcdef"[(unhex(b[k-4])+1)%16]
		}, ErrSigMath},
		{"range moved", func(b []byte) {
			k := bytes.Index(b, []byte("/ByteRange [0 "))
			d := &b[k+len("/ByteRange [0 ")] // the first range length gets another leading digit
			*d = '1' + (*d-'0')%8
		}, ErrSigRange},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := bytes.Clone(out)
			tc.change(b)
			rep := mustVerify(t, b)
			r := rep.Signatures[0]
			if rep.Valid || r.ValidSignature || r.Problem != tc.want {
				t.Errorf("Valid %v ValidSignature %v Problem %v; want %v", rep.Valid, r.ValidSignature, r.Problem, tc.want)
			}
		})
	}
}

func TestProblemsAreTranslated(t *testing.T) {
	for _, err := range []error{ErrSigRange, ErrSigContents, ErrSigDigest, ErrSigMath, ErrSigWeakDigest,
		ErrModifiedAfter, ErrPassphrase, ErrPassphraseShort, ErrKeyCorrupt, ErrKeyMismatch, ErrKeyType,
		ErrVillageMissing, ErrTownMissing, ErrPFXPassword, ErrPFXInvalid, ErrCertUsage, ErrNotPDF,
		ErrPDFUnreadable, ErrExistingInvalid, ErrUnsigned, ErrNoSigner, errCertTime("a", "b"), errInternal("x")} {
		key := err.(*app.Error).Message.Key
		for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
			if !i18n.Has(l, key) {
				t.Errorf("%s has no %s text", key, l)
			}
		}
	}
}

var (
	fuzzOnce   sync.Once
	fuzzSigned []byte
)

// FuzzVerifyFlippedByte changes one byte of a signed PDF: no change anywhere — in the
// signed ranges, the /Contents padding, the PKCS#7 or its certificate — may verify, and
// no input may make Verify panic.
func FuzzVerifyFlippedByte(f *testing.F) {
	fuzzOnce.Do(func() {
		s, _ := newSigner(f, testID)
		fuzzSigned = signed(f, minutesPDF(f, 1), s, chairInfo)
	})
	f.Add(uint(100), byte('x'))
	f.Add(uint(len(fuzzSigned)-3), byte('0'))
	f.Add(uint(bytes.Index(fuzzSigned, []byte("/ByteRange"))+12), byte('9'))
	f.Add(uint(bytes.Index(fuzzSigned, []byte("/Contents<"))+12), byte('f'))
	f.Fuzz(func(t *testing.T, pos uint, val byte) {
		b := bytes.Clone(fuzzSigned)
		p := int(pos % uint(len(b)))
		if b[p] == val {
			return
		}
		b[p] = val
		if rep, err := Verify(b, nil); err == nil && rep.Valid {
			t.Fatalf("byte %d changed to %q and the file still verifies", p, val)
		}
	})
}

// FuzzVerify feeds arbitrary bytes after a PDF header: Verify must not panic.
func FuzzVerify(f *testing.F) {
	f.Add([]byte("/ByteRange [0 1 2 3] /Contents <00>"))
	f.Add([]byte("1 0 obj << /ByteRange [0 10 20 0] /Contents <3080> >> endobj"))
	f.Fuzz(func(t *testing.T, b []byte) {
		Verify(append([]byte("%PDF-1.4\n"), b...), nil)
	})
}

// signedPadded signs in as Pingxin did before /Contents was sized to the CMS: the
// PKCS#7 written at the start of the string pdfsign reserved, the rest left as zeros.
// Most other signers pad the same way.
func signedPadded(t testing.TB, in []byte, s *Signer, info SignInfo) []byte {
	t.Helper()
	fields := newTextFields(info)
	out, err := increment(in, s, fields.signData(s, info.Time))
	if err != nil {
		t.Fatal(err)
	}
	br, err := fillTexts(out, len(in), fields)
	if err != nil {
		t.Fatal(err)
	}
	content := append(bytes.Clone(out[:br[1]]), out[br[2]:]...)
	cms, err := detachedCMS(content, s)
	if err != nil {
		t.Fatal(err)
	}
	gap := out[br[1]+1 : br[2]-1] // pdfsign wrote its own PKCS#7 there first
	for i := hex.Encode(gap, cms); i < len(gap); i++ {
		gap[i] = '0'
	}
	return out
}

// TestPaddedContents: minutes signed by an earlier version (or another signer) carry
// zero padding after the DER value in /Contents; they still verify, because stored
// signed minutes are handed out byte for byte for years (docs/RULES.md §8). Any byte
// of the padding that is not a zero is refused, and so is a second DER value there.
func TestPaddedContents(t *testing.T) {
	s, _ := newSigner(t, testID)
	out := signedPadded(t, minutesPDF(t, 1), s, chairInfo)
	br := mustVerify(t, out).Signatures[0].ByteRange
	der, padded := derPrefix(mustHex(t, out[br[1]+1:br[2]-1]))
	if !padded || 2*len(der) >= int(br[2]-br[1]-2) {
		t.Fatalf("the helper made no padding: %d DER bytes in %d hex digits", len(der), br[2]-br[1]-2)
	}
	if rep := mustVerifyKnown(t, out, []*x509.Certificate{s.Certificate()}); !rep.Valid {
		t.Fatalf("zero-padded minutes no longer verify: %+v", rep.Signatures[0])
	}
	if got := validations(pdfsig(t, out)); len(got) != 1 || got[0] != "Signature is Valid." {
		t.Errorf("pdfsig on the padded file: %v", got)
	}
	for _, tc := range []struct {
		name   string
		change func(b []byte)
	}{
		{"a padding digit not zero", func(b []byte) { b[br[2]-3] = '1' }},
		{"the last padding digit not zero", func(b []byte) { b[br[2]-2] = 'f' }},
		{"a second DER value in the padding", func(b []byte) { copy(b[br[1]+1+2*int64(len(der)):], "3000") }},
	} {
		b := bytes.Clone(out)
		tc.change(b)
		if r := mustVerify(t, b).Signatures[0]; r.ValidSignature || r.Problem != ErrSigPadding {
			t.Errorf("%s: ValidSignature %v, Problem %v", tc.name, r.ValidSignature, r.Problem)
		}
	}
}

func mustHex(t testing.TB, h []byte) []byte {
	t.Helper()
	b, err := hex.DecodeString(string(h))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
