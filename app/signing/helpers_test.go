package signing

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// TestMain lowers the scrypt cost so that the many keys the tests seal take a
// millisecond, not a tenth of a second; BenchmarkOpen restores the production cost.
func TestMain(m *testing.M) {
	kdfLogN = 10
	os.Exit(m.Run())
}

const (
	testPass   = "村务公开123口令够长"
	testReason = "三治信农贷评议会议纪要"
)

var testID = Identity{Village: "越丰村", Town: "梧桐街道", Council: "百姓议事会"}

// minutesPDF renders a small valid PDF with gofpdf: pages of text in Helvetica.
func minutesPDF(t testing.TB, pages int) []byte {
	t.Helper()
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.SetCreationDate(time.Date(2026, 3, 5, 19, 30, 0, 0, time.UTC))
	p.SetFont("Helvetica", "", 11)
	for n := 0; n < pages; n++ {
		p.AddPage()
		for line := 0; line < 50; line++ {
			p.CellFormat(0, 5, "Minutes of the credit council meeting, household list and votes.", "", 1, "", false, 0, "")
		}
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// newSigner makes and opens a village key valid from now.
func newSigner(t testing.TB, id Identity) (*Signer, SealedKey) {
	t.Helper()
	k, err := NewVillageKey(id, testPass, time.Now(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(k, testPass)
	if err != nil {
		t.Fatal(err)
	}
	return s, k
}

// signed signs in with s and returns the signed bytes.
func signed(t testing.TB, in []byte, s *Signer, info SignInfo) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := SignPDF(in, &out, s, info); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// pdfsig runs poppler's pdfsig on b and returns its output; the test is skipped when
// pdfsig is not installed.
func pdfsig(t *testing.T, b []byte) string {
	t.Helper()
	path, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig (poppler-utils) is not installed")
	}
	file := filepath.Join(t.TempDir(), "signed.pdf")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command(path, file).CombinedOutput() // exits non-zero on invalid signatures
	return string(out)
}

// validations lists pdfsig's "Signature Validation:" verdicts in order.
func validations(out string) []string {
	var v []string
	for _, line := range strings.Split(out, "\n") {
		if _, after, ok := strings.Cut(line, "Signature Validation: "); ok {
			v = append(v, strings.TrimSpace(after))
		}
	}
	return v
}

func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }
