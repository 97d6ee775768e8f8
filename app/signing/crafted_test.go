package signing

import (
	"bytes"
	"fmt"
	"testing"
)

// Crafted files of about 2 MB that made verification cost grow with the square of the
// file size: each must be refused or found invalid, and BenchmarkVerifyCrafted shows
// the cost stays linear (well under a second, a few copies of the file in memory).

const craftedSize = 2 << 20

// craftedRanges: one large hex string and tens of thousands of distinct byte ranges
// pointing at it, each of which used to decode the whole string again.
func craftedRanges(t testing.TB, signedPDF []byte) []byte {
	b := bytes.Clone(signedPDF)
	lt := len(b) + 1
	b = append(b, "\n<"...)
	b = append(b, bytes.Repeat([]byte("00"), craftedSize/4)...)
	b = append(b, ">\n"...)
	gt := len(b) - 1
	for n := 0; len(b) < craftedSize; n++ {
		b = fmt.Appendf(b, "/ByteRange [0 %d %d %d]\n", lt, gt, n)
	}
	return b
}

// craftedUnderCap: as many ranges as allowed, all pointing at the real signature blob
// and running to near the end of the file, so that each would be hashed over it.
func craftedUnderCap(t testing.TB, signedPDF []byte) []byte {
	sp, err := findSignatures(signedPDF)
	if err != nil || len(sp) != 1 {
		t.Fatal("want one signature")
	}
	b := append(bytes.Clone(signedPDF), '\n')
	b = append(b, bytes.Repeat([]byte("% padding to make the file large\n"), craftedSize/33)...)
	br, size := sp[0].br, int64(len(b))
	for n := 1; n < maxSignatures; n++ { // each range runs to near the end of the file
		b = fmt.Appendf(b, "/ByteRange [0 %d %d %d]\n", br[1], br[2], size-br[2]-int64(n))
	}
	return b
}

// craftedObjects: an update of one object whose array holds "1 0 obj" a quarter of a
// million times, then a valid signature over it, so that the update is examined.
func craftedObjects(t testing.TB, signedPDF []byte, s *Signer) []byte {
	body := "<< /A [" + string(bytes.Repeat([]byte("1 0 obj "), craftedSize/8)) + "] >>"
	return signedAfter(t, appendUpdate(t, signedPDF, map[int64]string{60: body}), s)
}

func craftedFiles(t testing.TB) map[string][]byte {
	s, _ := newSigner(t, testID)
	base := signed(t, minutesPDF(t, 1), s, chairInfo)
	return map[string][]byte{
		"ranges":    craftedRanges(t, base),
		"under cap": craftedUnderCap(t, base),
		"objects":   craftedObjects(t, base, s),
	}
}

func TestCraftedFilesAreRefused(t *testing.T) {
	for name, b := range craftedFiles(t) {
		t.Run(name, func(t *testing.T) {
			rep, err := Verify(b, nil)
			if err == nil && rep.Valid {
				t.Errorf("a crafted %d-byte file verifies", len(b))
			}
			if name == "ranges" && err != ErrTooManySignatures {
				t.Errorf("err = %v, want ErrTooManySignatures", err)
			}
		})
	}
}

// BenchmarkVerifyCrafted verifies each crafted 2 MB file.
func BenchmarkVerifyCrafted(b *testing.B) {
	for name, pdf := range craftedFiles(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(pdf)))
			b.ReportAllocs()
			for b.Loop() {
				Verify(pdf, nil)
			}
		})
	}
}
