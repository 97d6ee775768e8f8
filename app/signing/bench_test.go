package signing

import (
	"crypto/rand"
	"crypto/x509"
	"io"
	"testing"
	"time"
)

// benchPDF is a minutes-like PDF of about 1 MB (250 uncompressed pages of text).
func benchPDF(b *testing.B) []byte {
	in := minutesPDF(b, 250)
	b.SetBytes(int64(len(in)))
	return in
}

// BenchmarkSignPDF signs a 1 MB PDF with an opened key: the cost after the passphrase.
func BenchmarkSignPDF(b *testing.B) {
	s, _ := newSigner(b, testID)
	in := benchPDF(b)
	for b.Loop() {
		if err := SignPDF(in, io.Discard, s, chairInfo); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify checks the signature of a signed 1 MB PDF.
func BenchmarkVerify(b *testing.B) {
	s, _ := newSigner(b, testID)
	out := signed(b, benchPDF(b), s, chairInfo)
	known := []*x509.Certificate{s.Certificate()}
	for b.Loop() {
		if rep, err := Verify(out, known); err != nil || !rep.Valid {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen unseals a key made with the production scrypt cost (N=2^15, r=8, p=1):
// the wait the chair sees after typing the passphrase.
func BenchmarkOpen(b *testing.B) {
	saved := kdfLogN
	kdfLogN = prodLogN
	k, err := NewVillageKey(testID, testPass, time.Now(), rand.Reader)
	kdfLogN = saved
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Open(k, testPass); err != nil {
			b.Fatal(err)
		}
	}
}
