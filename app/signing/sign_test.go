package signing

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

var chairInfo = SignInfo{
	Name: "张山天（村党组织书记）", Reason: testReason, Location: "梧桐街道越丰村",
	Contact: "村委会", Time: time.Date(2026, 3, 5, 21, 0, 0, 0, time.FixedZone("CST", 8*3600)),
}

var clerkInfo = SignInfo{Name: "李小红（记录人）", Reason: testReason, Location: "梧桐街道越丰村"}

func TestSignVerify(t *testing.T) {
	s, _ := newSigner(t, testID)
	in := minutesPDF(t, 2)
	out := signed(t, in, s, chairInfo)
	if !bytes.HasPrefix(out, in) {
		t.Fatal("the signed file does not start with the original bytes")
	}
	rep, err := Verify(out, []*x509.Certificate{s.Certificate()})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Valid || len(rep.Signatures) != 1 {
		t.Fatalf("report = %+v", rep)
	}
	r := rep.Signatures[0]
	want := SignatureReport{
		Signer: testID, Certificate: r.Certificate, Fingerprint: Fingerprint(s.Certificate()),
		Name: chairInfo.Name, Reason: chairInfo.Reason, Location: chairInfo.Location, Contact: chairInfo.Contact,
		Time: r.Time, ByteRange: r.ByteRange,
		CoversWholeFile: true, ModifiedAfter: false, ValidSignature: true, KnownCert: true,
		Village: "梧桐街道 越丰村", Trust: TrustKnown,
	}
	if r != want {
		t.Errorf("signature report\n got %+v\nwant %+v", r, want)
	}
	if !r.Certificate.Equal(s.Certificate()) {
		t.Error("report names another certificate")
	}
	if d := time.Since(r.Time); d < 0 || d > time.Minute {
		t.Errorf("signing time %v is not now", r.Time)
	}
	if r.ByteRange[0] != 0 || r.ByteRange[2]+r.ByteRange[3] != int64(len(out)) {
		t.Errorf("byte range %v does not span the %d-byte file", r.ByteRange, len(out))
	}
	if got := validations(pdfsig(t, out)); len(got) != 1 || got[0] != "Signature is Valid." {
		t.Errorf("pdfsig validations = %q", got)
	}
}

func TestVerifyUnknownCert(t *testing.T) {
	s, _ := newSigner(t, testID)
	other, _ := newSigner(t, Identity{Village: "荣星村", Town: "梧桐街道"})
	out := signed(t, minutesPDF(t, 1), s, chairInfo)
	for _, tc := range []struct {
		name  string
		known []*x509.Certificate
		want  bool
	}{
		{"none", nil, false},
		{"another village", []*x509.Certificate{other.Certificate()}, false},
		{"own among others", []*x509.Certificate{other.Certificate(), s.Certificate()}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Verify(out, tc.known)
			if err != nil {
				t.Fatal(err)
			}
			if r := rep.Signatures[0]; r.KnownCert != tc.want || !r.ValidSignature || !rep.Valid {
				t.Errorf("KnownCert = %v, ValidSignature = %v, Valid = %v; want KnownCert %v, valid",
					r.KnownCert, r.ValidSignature, rep.Valid, tc.want)
			}
		})
	}
}

func TestTamperedByte(t *testing.T) {
	s, _ := newSigner(t, testID)
	out := signed(t, minutesPDF(t, 1), s, chairInfo)
	k := bytes.Index(out, []byte("Minutes of the"))
	if k < 0 {
		t.Fatal("page text not found uncompressed")
	}
	out[k] = 'N' // "Ninutes": a change inside the signed range
	rep, err := Verify(out, []*x509.Certificate{s.Certificate()})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Signatures[0]
	if rep.Valid || r.ValidSignature || r.Problem != ErrSigDigest {
		t.Errorf("Valid = %v, ValidSignature = %v, Problem = %v; want invalid with ErrSigDigest", rep.Valid, r.ValidSignature, r.Problem)
	}
	if got := validations(pdfsig(t, out)); len(got) != 1 || got[0] != "Digest Mismatch." {
		t.Errorf("pdfsig validations = %q, want [Digest Mismatch.]", got)
	}
}

func TestAppendedAfterSigning(t *testing.T) {
	s, _ := newSigner(t, testID)
	out := signed(t, minutesPDF(t, 1), s, chairInfo)
	for _, tc := range []struct{ name, tail string }{
		{"junk", "appended junk"},
		{"an update", "\n99 0 obj\n<< /Type /Page >>\nendobj\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := append(bytes.Clone(out), tc.tail...)
			rep, err := Verify(b, nil)
			if err != nil {
				t.Fatal(err)
			}
			r := rep.Signatures[0]
			if rep.Valid || !r.ValidSignature || !r.ModifiedAfter || r.CoversWholeFile || r.Problem != ErrModifiedAfter {
				t.Errorf("Valid %v ValidSignature %v ModifiedAfter %v CoversWholeFile %v Problem %v",
					rep.Valid, r.ValidSignature, r.ModifiedAfter, r.CoversWholeFile, r.Problem)
			}
		})
	}
}

// TestClerkSignsSecond: the clerk signs with the village key after the chair, as the
// app does; both signatures hold and both are the known certificate.
func TestClerkSignsSecond(t *testing.T) {
	chair, _ := newSigner(t, testID)
	clerk := chair
	once := signed(t, minutesPDF(t, 1), chair, chairInfo)
	twice := signed(t, once, clerk, clerkInfo)
	rep, err := Verify(twice, []*x509.Certificate{chair.Certificate()})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Valid || len(rep.Signatures) != 2 {
		t.Fatalf("Valid = %v with %d signatures, want 2 valid", rep.Valid, len(rep.Signatures))
	}
	for k, want := range []struct {
		name    string
		council string
		whole   bool
		known   bool
	}{
		{chairInfo.Name, "百姓议事会", false, true},
		{clerkInfo.Name, "百姓议事会", true, true},
	} {
		r := rep.Signatures[k]
		if r.Name != want.name || r.Signer.Council != want.council || r.CoversWholeFile != want.whole ||
			r.KnownCert != want.known || !r.ValidSignature || r.ModifiedAfter || r.Problem != nil {
			t.Errorf("signature %d = %+v", k+1, r)
		}
	}
	if n := bytes.Count(twice[len(once):], []byte("/Version /")); n != 1 {
		t.Errorf("the clerk's catalog has %d /Version entries, want 1", n)
	}
	if rep.Signatures[0].ByteRange != mustVerify(t, once).Signatures[0].ByteRange {
		t.Error("the chair's byte range changed when the clerk signed")
	}
	if got := validations(pdfsig(t, twice)); len(got) != 2 || got[0] != "Signature is Valid." || got[1] != "Signature is Valid." {
		t.Errorf("pdfsig validations = %q", got)
	}

	t.Run("a second key under the village's name", func(t *testing.T) {
		other, _ := newSigner(t, Identity{Village: "越丰村", Town: "梧桐街道", Council: "村委会"})
		b := signed(t, once, other, clerkInfo)
		rep, err := Verify(b, []*x509.Certificate{chair.Certificate()})
		if err != nil {
			t.Fatal(err)
		}
		r := rep.Signatures[1]
		if rep.Valid || r.Trust != TrustMismatch || r.Village != "梧桐街道 越丰村" ||
			r.Expected != Fingerprint(chair.Certificate()) || r.Problem == nil {
			t.Errorf("a forged countersignature: Valid %v, %+v", rep.Valid, r)
		}
		if rep.Signatures[0].Trust != TrustKnown || !rep.Signatures[0].Valid() {
			t.Errorf("the chair's signature: %+v", rep.Signatures[0])
		}
	})

	t.Run("tampered between the signatures", func(t *testing.T) {
		b := bytes.Clone(twice)
		k := bytes.Index(b, []byte("Minutes of the"))
		b[k] = 'N'
		rep := mustVerify(t, b)
		if rep.Valid || rep.Signatures[0].ValidSignature || rep.Signatures[1].ValidSignature {
			t.Errorf("a change before both signatures must break both: %+v", rep)
		}
	})
}

// TestChangeBeforeCountersignature: an update that changes the document and is then
// signed by someone else leaves that later signature valid, but the chair's signature
// must report the change.
func TestChangeBeforeCountersignature(t *testing.T) {
	chair, _ := newSigner(t, testID)
	clerk, _ := newSigner(t, Identity{Village: "越丰村", Town: "梧桐街道"})
	once := signed(t, minutesPDF(t, 1), chair, chairInfo)
	for _, tc := range []struct{ name, update string }{
		{"new page object", "\n50 0 obj\n<< /Type /Page /Parent 1 0 R >>\nendobj\n"},
		{"new content stream", "\n50 0 obj\n<< /Length 5 >>\nstream\nBT ET\nendstream\nendobj\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			changed := append(bytes.Clone(once), tc.update...)
			fields := newTextFields(clerkInfo)
			out, err := increment(changed, clerk, fields.signData(clerk, time.Now()))
			if err != nil {
				t.Fatal(err)
			}
			if err := fillSignature(out, len(changed), fields, clerk); err != nil {
				t.Fatal(err)
			}
			rep := mustVerify(t, out)
			c, k := rep.Signatures[0], rep.Signatures[1]
			if rep.Valid || !c.ValidSignature || !c.ModifiedAfter || c.Problem != ErrModifiedAfter ||
				!k.ValidSignature || k.ModifiedAfter || !k.CoversWholeFile {
				t.Errorf("chair %+v\nclerk %+v", c, k)
			}
		})
	}
}

func TestSignRefused(t *testing.T) {
	s, _ := newSigner(t, testID)
	in := minutesPDF(t, 1)
	tampered := signed(t, in, s, chairInfo)
	tampered[bytes.Index(tampered, []byte("Minutes of the"))] = 'N'
	for _, tc := range []struct {
		name string
		in   []byte
		s    *Signer
		want error
	}{
		{"no signer", in, nil, ErrNoSigner},
		{"not a pdf", []byte("hello, world"), s, ErrNotPDF},
		{"damaged pdf", []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), s, ErrPDFUnreadable},
		{"existing signature broken", tampered, s, ErrExistingInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := SignPDF(tc.in, &out, tc.s, chairInfo)
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if out.Len() != 0 {
				t.Errorf("%d bytes written on failure", out.Len())
			}
		})
	}
}

func TestSignExpiredCertificate(t *testing.T) {
	s, _ := newSigner(t, testID)
	var out bytes.Buffer
	later := s.Certificate().NotAfter.Add(time.Hour)
	b, err := signBytes(minutesPDF(t, 1), s, chairInfo, later)
	if err == nil || b != nil || out.Len() != 0 {
		t.Fatalf("signing after the certificate expired: err = %v", err)
	}
	want := "证书不在有效期内（有效期 " + day(s.Certificate().NotBefore) + " 至 " + day(s.Certificate().NotAfter) + "）；请检查电脑日期，或更换证书"
	if err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestTextFieldsWithAwkwardCharacters(t *testing.T) {
	s, _ := newSigner(t, testID)
	info := SignInfo{Name: `山天 (a\b) 小`, Reason: "line\r\nbreak ）", Location: "Town", Contact: "☎ 0573-1234"}
	rep := mustVerify(t, signed(t, minutesPDF(t, 1), s, info))
	r := rep.Signatures[0]
	got := [4]string{r.Name, r.Reason, r.Location, r.Contact}
	if want := [4]string{info.Name, info.Reason, info.Location, info.Contact}; got != want {
		t.Errorf("texts read back %q, want %q", got, want)
	}
}

func mustVerify(t *testing.T, b []byte) Report {
	t.Helper()
	rep, err := Verify(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestContentsSizedToTheCMS: every signature's /Contents holds exactly its PKCS#7 —
// no padding, whose bytes pdfsig never looks at — whatever length the ECDSA value
// came out (it varies by a byte or two between signings), for the chair's and the
// clerk's signatures and for an RSA key from a PFX; and the result stays a sound PDF
// that pdfsig and qpdf accept.
func TestContentsSizedToTheCMS(t *testing.T) {
	chair, _ := newSigner(t, testID)
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ca := newTestCA(t)
	leaf := issueFor(t, "越丰村", rsaKey, ca.inter, ca.interKey, false, x509.KeyUsageDigitalSignature)
	k, err := ImportPKCS12(pfx(t, rsaKey, leaf, []*x509.Certificate{ca.inter, ca.root}), pfxPass, testPass)
	if err != nil {
		t.Fatal(err)
	}
	withRSA, err := Open(k, testPass)
	if err != nil {
		t.Fatal(err)
	}
	in := minutesPDF(t, 1)
	lengths := map[int]int{}
	var twice []byte
	for n := range 24 {
		s := chair
		if n%8 == 7 {
			s = withRSA
		}
		once := signed(t, in, s, chairInfo)
		twice = signed(t, once, chair, clerkInfo)
		spans, _ := findSignatures(twice)
		for _, sp := range spans {
			if !sp.padOK || int64(2*len(sp.contents)) != sp.br[2]-sp.br[1]-2 {
				t.Fatalf("signing %d: %d DER bytes in a /Contents of %d hex digits", n, len(sp.contents), sp.br[2]-sp.br[1]-2)
			}
			lengths[len(sp.contents)]++
		}
		if rep := mustVerify(t, twice); !rep.Valid {
			t.Fatalf("signing %d does not verify: %+v", n, rep.Signatures)
		}
	}
	t.Logf("CMS lengths over 48 signatures: %v", lengths)
	if got := validations(pdfsig(t, twice)); len(got) != 2 || got[0] != "Signature is Valid." || got[1] != "Signature is Valid." {
		t.Errorf("pdfsig validations = %q", got)
	}
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed")
	}
	file := filepath.Join(t.TempDir(), "twice.pdf")
	if err := os.WriteFile(file, twice, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(qpdf, "--check", file).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}
