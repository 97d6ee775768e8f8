package signing

import (
	"bytes"
	"crypto/x509"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// flipPositions is every position of b, or 1,000 spread evenly over it plus every
// position of the signature's /Contents when b is large.
func flipPositions(b []byte, br [4]int64) []int {
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
	for i := br[1]; i < br[2]; i++ {
		pos = append(pos, int(i))
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

// TestEveryByteFlipIsCaught flips one byte at every position of signed minutes (chair
// and clerk, as the app signs them): Verify must never call the result valid — not in
// the signed ranges, not in the zero padding of /Contents, not inside the PKCS#7 or its
// certificate. Run with -v for the count.
func TestEveryByteFlipIsCaught(t *testing.T) {
	s, _ := newSigner(t, testID)
	out := signed(t, signed(t, minutesPDF(t, 1), s, chairInfo), s, clerkInfo)
	known := []*x509.Certificate{s.Certificate()}
	if !mustVerifyKnown(t, out, known).Valid {
		t.Fatal("the signed file does not verify")
	}
	spans, _ := findSignatures(out)
	positions := flipPositions(out, spans[0].br)
	missed := 0
	for _, i := range positions {
		rep, err := Verify(flip(out, i), known)
		if err == nil && rep.Valid {
			missed++
			t.Errorf("byte %d (%q) flipped and the file still verifies", i, out[i])
		}
	}
	caseFlips := 0 // and in /Contents, a letter's case: the same hex value, another byte
	for _, sp := range spans {
		for i := int(sp.br[1]); i < int(sp.br[2]); i++ {
			c := bytes.Clone(out)
			c[i] ^= 0x20
			caseFlips++
			if rep, err := Verify(c, known); err == nil && rep.Valid {
				missed++
				t.Errorf("byte %d (%q) changed to %q and the file still verifies", i, out[i], c[i])
			}
		}
	}
	t.Logf("verify: %d of %d single-byte flips caught in a %d-byte PDF with two signatures",
		len(positions)+caseFlips-missed, len(positions)+caseFlips, len(out))
}

// TestByteFlipsAgainstPdfsig runs poppler's pdfsig on flips spread over a signed PDF
// (120 positions; 1,000 with PINGXIN_TAMPER_FULL=1, about three minutes on two cores):
// every flip in the signed ranges must make pdfsig report a failure. pdfsig does not
// look at the zero padding of /Contents, nor at every byte of the certificate (it
// does not check the signing-certificate attribute), so flips there are counted, not
// required; Verify catches them (TestEveryByteFlipIsCaught).
func TestByteFlipsAgainstPdfsig(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pdfsig a thousand times")
	}
	path, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig (poppler-utils) is not installed")
	}
	s, _ := newSigner(t, testID)
	out := signed(t, minutesPDF(t, 1), s, chairInfo)
	spans, _ := findSignatures(out)
	br := spans[0].br
	dir := t.TempDir()
	want := runPdfsig(t, path, dir, "orig", out)
	n := 120
	if os.Getenv("PINGXIN_TAMPER_FULL") == "1" {
		n = 1000
	}
	var positions []int
	for k := range n {
		positions = append(positions, k*len(out)/n)
	}
	var mu sync.Mutex
	caught := map[bool][2]int{} // inside /Contents? → caught, total
	var wg sync.WaitGroup
	work := make(chan int)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				got := runPdfsig(t, path, dir, string(rune('a'+w)), flip(out, i))
				inContents := int64(i) >= br[1] && int64(i) < br[2]
				mu.Lock()
				c := caught[inContents]
				c[1]++
				if got != want {
					c[0]++
				} else if !inContents {
					t.Errorf("pdfsig: byte %d in the signed range flipped and pdfsig still says %q", i, got)
				}
				caught[inContents] = c
				mu.Unlock()
			}
		}()
	}
	for _, i := range positions {
		work <- i
	}
	close(work)
	wg.Wait()
	t.Logf("pdfsig: signed ranges %d of %d flips caught; /Contents %d of %d caught",
		caught[false][0], caught[false][1], caught[true][0], caught[true][1])
}

// runPdfsig returns pdfsig's verdict lines (validation, certificate, signer, coverage)
// and exit status for b.
func runPdfsig(t *testing.T, path, dir, name string, b []byte) string {
	file := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command(path, file).CombinedOutput()
	var lines []string
	for _, l := range strings.Split(string(res), "\n") {
		if strings.Contains(l, "Validation") || strings.Contains(l, "Common Name") ||
			strings.Contains(l, "document signed") || strings.Contains(l, "Signature #") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	if err != nil {
		lines = append(lines, "exit: "+err.Error())
	}
	return strings.Join(lines, " | ")
}
