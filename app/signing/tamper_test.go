package signing

import (
	"bytes"
	"crypto/x509"
	"testing"
)

// flipPositions is every position of b, or 1,000 spread evenly over it plus every
// position of each signature's /Contents when b is large.
func flipPositions(b []byte, spans []sigSpan) []int {
	if len(b) <= 20000 {
		pos := make([]int, len(b))
		for i := range pos {
			pos[i] = i
		}
		return pos
	}
	var pos []int
	for k := range 1000 {
		pos = append(pos, k*len(b)/1000)
	}
	for _, sp := range spans {
		for i := sp.br[1]; i < sp.br[2]; i++ {
			pos = append(pos, int(i))
		}
	}
	return pos
}

// flip changes one byte by its lowest bit: digits stay digits and letters letters, the
// change a parser is least likely to notice.
func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0x01
	return c
}

// flipNibble changes the hex digit at i to the one whose value differs in the lowest
// bit, in the same case (a→b, f→e, 9→8): one bit of the PKCS#7 changed, the string
// still plain hex.
func flipNibble(b []byte, i int) []byte {
	c := bytes.Clone(b)
	const lower, upper = "0123456789abcdef", "0123456789ABCDEF"
	if k := bytes.IndexByte([]byte(lower), c[i]); k >= 0 {
		c[i] = lower[k^1]
	} else if k := bytes.IndexByte([]byte(upper), c[i]); k >= 0 {
		c[i] = upper[k^1]
	}
	return c
}

// TestEveryByteFlipIsCaught flips one byte at every position of signed minutes (chair
// and clerk, as the app signs them): Verify must never call the result valid — not in
// the signed ranges, not inside the PKCS#7 or its certificate. Inside /Contents each
// digit is also changed to its neighbour value and to the other case. Run with -v for
// the count.
func TestEveryByteFlipIsCaught(t *testing.T) {
	s, _ := newSigner(t, testID)
	out := signed(t, signed(t, minutesPDF(t, 1), s, chairInfo), s, clerkInfo)
	known := []*x509.Certificate{s.Certificate()}
	if !mustVerifyKnown(t, out, known).Valid {
		t.Fatal("the signed file does not verify")
	}
	spans, _ := findSignatures(out)
	positions := flipPositions(out, spans)
	missed, total := 0, 0
	try := func(c []byte, i int) {
		total++
		if rep, err := Verify(c, known); err == nil && rep.Valid {
			missed++
			t.Errorf("byte %d changed from %q to %q and the file still verifies", i, out[i], c[i])
		}
	}
	for _, i := range positions {
		try(flip(out, i), i)
	}
	for _, sp := range spans {
		for i := int(sp.br[1]) + 1; i < int(sp.br[2])-1; i++ {
			try(flipNibble(out, i), i)
			c := bytes.Clone(out)
			c[i] ^= 0x20 // a letter's case: the same hex value, another byte
			try(c, i)
		}
	}
	t.Logf("verify: %d of %d single-byte changes caught in a %d-byte PDF with two signatures",
		total-missed, total, len(out))
}
