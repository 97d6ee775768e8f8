package signing

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"sort"
	"testing"
)

// appendUpdate appends an incremental update to pdf that defines objs (number → the
// text between "N 0 obj" and "endobj"), with a cross-reference table and a trailer
// that chains to the previous one, as any PDF editor writes it.
func appendUpdate(t testing.TB, pdf []byte, objs map[int64]string) []byte {
	t.Helper()
	root, ok1 := lastRoot(pdf)
	size, ok2 := lastSize(pdf)
	prev, ok3 := lastStartxref(pdf)
	if !ok1 || !ok2 || !ok3 {
		t.Fatal("no trailer to chain to")
	}
	out := bytes.Clone(pdf)
	nums := make([]int64, 0, len(objs))
	for n := range objs {
		nums = append(nums, n)
		size = max(size, n+1)
	}
	sort.Slice(nums, func(a, b int) bool { return nums[a] < nums[b] })
	offs := map[int64]int{}
	for _, n := range nums {
		out = append(out, '\n')
		offs[n] = len(out)
		out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", n, objs[n])
	}
	xref := len(out)
	out = append(out, "xref\n0 1\n0000000000 65535 f \n"...)
	for _, n := range nums {
		out = fmt.Appendf(out, "%d 1\n%010d 00000 n \n", n, offs[n])
	}
	out = fmt.Appendf(out, "trailer\n<< /Size %d /Root %d %d R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		size, root.N, root.G, prev, xref)
	return out
}

// contentStream is a page content stream, tagged with extra dictionary entries.
func contentStream(extra, text string) string {
	body := "BT /F1 24 Tf 60 700 Td (" + text + ") Tj ET"
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", extra, len(body), body)
}

// TestUpdateAfterSigningIsAChange builds the attacks of issue 11 on signed minutes: an
// incremental update changes the document, then a second signature with a self-made
// key is added to make the change look like a signing. Every one must leave the
// chair's signature reported as modified after signing, and the file invalid.
func TestUpdateAfterSigningIsAChange(t *testing.T) {
	chair, _ := newSigner(t, testID)
	forger, _ := newSigner(t, testID) // another key under the village's own names
	stranger, _ := newSigner(t, Identity{Village: "荣星村", Town: "梧桐街道"})
	once := signed(t, minutesPDF(t, 1), chair, chairInfo)
	known := []*x509.Certificate{chair.Certificate()}
	forged := contentStream("", "total credit 99,999,999")
	for _, tc := range []struct {
		name string
		objs map[int64]string
	}{
		// page 1's content replaced by a stream tagged as a cross-reference stream
		{"replacement tagged /Type /XRef", map[int64]string{4: contentStream("/Type /XRef /W [1 4 1] /Size 5", "total credit 99,999,999")}},
		{"replacement tagged /Type /XRef, resources too", map[int64]string{
			4: contentStream("/Type /XRef", "total credit 99,999,999"),
			2: "<< /Type /XRef /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"}},
		{"page content replaced", map[int64]string{4: forged}},
		{"new page", map[int64]string{
			50: "<< /Type /Page /Parent 1 0 R /Resources 2 0 R /Contents 51 0 R >>", 51: forged,
			1: "<< /Type /Pages /Kids [3 0 R 50 0 R] /Count 2 /MediaBox [0 0 595.28 841.89] >>"}},
		{"annotation added to the page", map[int64]string{
			50: "<< /Type /Annot /Subtype /FreeText /Rect [50 600 400 650] /Contents (total credit 99,999,999) /DA (/Helv 12 Tf 0 g) >>",
			3:  "<< /Type /Page /Parent 1 0 R /Resources 2 0 R /Contents 4 0 R /Annots [50 0 R] >>"}},
		{"replacement posing as a signature widget", map[int64]string{4: "<< /Subtype /Widget /FT /Sig /Rect [0 0 0 0] >>"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			changed := appendUpdate(t, once, tc.objs)
			if rep := mustVerifyKnown(t, changed, known); rep.Valid || !rep.Signatures[0].ModifiedAfter {
				t.Fatalf("the update alone: Valid %v, %+v", rep.Valid, rep.Signatures[0])
			}
			for _, s := range []*Signer{forger, stranger, chair} {
				laundered := signedAfter(t, changed, s)
				rep := mustVerifyKnown(t, laundered, known)
				c := rep.Signatures[0]
				if rep.Valid || !c.ModifiedAfter || c.Problem != ErrModifiedAfter {
					t.Errorf("signed again by %s: Valid %v, chair's signature %+v", IdentityOf(s.Certificate()), rep.Valid, c)
				}
			}
		})
	}
}

// signedAfter adds a signature by s to pdf without SignPDF's refusal to countersign a
// changed file: what an attacker's own tool would do.
func signedAfter(t testing.TB, pdf []byte, s *Signer) []byte {
	t.Helper()
	fields := newTextFields(clerkInfo)
	out, err := increment(pdf, s, fields.signData(s, clerkInfo.Time))
	if err != nil {
		t.Fatal(err)
	}
	if err := fillSignature(out, len(pdf), fields, s); err != nil {
		t.Fatal(err)
	}
	return out
}

func mustVerifyKnown(t testing.TB, b []byte, known []*x509.Certificate) Report {
	t.Helper()
	rep, err := Verify(b, known)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}
