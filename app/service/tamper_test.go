package service

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"pingxin/app"
	"pingxin/app/signing"
)

// The tamper figures of a bank package (issue 11, requirement 6; docs/RULES.md §8,
// §11.4). One signed package — minutes signed by the chair and the clerk, the signed
// 报送单, the sheet, the manifest and its signature — is changed one byte at a time:
// at every position of every signature blob (/Contents) of both PDFs, at 1,000
// positions spread over the rest of each PDF, and at every position of the other
// files (1,000 spread where a file is larger than 4 KB). A changed PDF must fail
// `verify FILE.pdf` and change what poppler's pdfsig reports; the package, zipped
// again with the change, must fail `verify FILE.zip`.
//
// Under the race detector each package check costs several milliseconds and each
// pdfsig run about 60 ms of CPU, so by default `verify FILE.zip` takes every change of
// the manifest and its signature and every 40th of the rest, and pdfsig sweeps every
// position of the 报送单's signature blob and 50 spread positions of each PDF.
// PINGXIN_TAMPER_FULL=1 (about 15 minutes on two cores) takes every change both ways,
// and runs pdfsig once more against an NSS database that trusts the village
// certificate.

// tamperFile is one file of the package and the positions to change in it.
type tamperFile struct {
	name   string
	data   []byte
	blobs  [][2]int // each signature's /Contents: from '<' to just after '>'
	blob   []int    // every position inside the blobs
	spread []int    // positions spread over the rest
}

func (f tamperFile) inBlob(i int) bool {
	for _, b := range f.blobs {
		if i >= b[0] && i < b[1] {
			return true
		}
	}
	return false
}

// change returns f with the one-byte change at i made (changedAt).
func (f tamperFile) change(i int) []byte {
	c := bytes.Clone(f.data)
	c[i] = f.changedAt(i)
	return c
}

// changedAt is byte i after the change: inside a blob a hex digit becomes the digit
// whose value differs in its lowest bit (one bit of the PKCS#7 changed, the string
// still plain hex); anywhere else the byte's lowest bit flips.
func (f tamperFile) changedAt(i int) byte {
	const lower, upper = "0123456789abcdef", "0123456789ABCDEF"
	c := f.data[i]
	switch {
	case !f.inBlob(i):
		return c ^ 0x01
	case strings.IndexByte(lower, c) >= 0:
		return lower[strings.IndexByte(lower, c)^1]
	case strings.IndexByte(upper, c) >= 0:
		return upper[strings.IndexByte(upper, c)^1]
	}
	return c ^ 0x01
}

// spreadOver is n positions spread evenly over data, leaving out the blobs (which are
// swept whole), or every position when data is no larger than 4 KB.
func spreadOver(f *tamperFile, n int) {
	size := len(f.data)
	if size <= 4096 {
		n = size
	}
	seen := map[int]bool{}
	for k := range n {
		i := k * size / n
		for i < size && f.inBlob(i) {
			i++
		}
		if i < size && !seen[i] {
			seen[i] = true
			f.spread = append(f.spread, i)
		}
	}
}

// tamperPackage exports the bank package of a demo meeting signed by the chair and
// the clerk, and returns its entries with the positions to change.
func tamperPackage(t *testing.T) (names []string, files []tamperFile, known []*x509.Certificate, zipped []byte, dir string) {
	t.Helper()
	st, id, dir := signedDemo(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.Local)
	if _, err := New(st).AddSignature(ctx, id, filepath.Join(dir, "clerk.pdf"), demoPass, "李记录", now); err != nil {
		t.Fatal(err)
	}
	zipped = exportZip(t, st, id, dir, now)
	known, err := knownCerts(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	names, entries := unzip(t, zipped)
	for _, n := range names {
		f := tamperFile{name: n, data: entries[n]}
		if strings.HasSuffix(n, ".pdf") {
			rep, err := signing.Verify(f.data, known)
			if err != nil || !rep.Valid {
				t.Fatalf("%s does not verify: %v %+v", n, err, rep)
			}
			for _, s := range rep.Signatures {
				b := [2]int{int(s.ByteRange[1]), int(s.ByteRange[2])}
				f.blobs = append(f.blobs, b)
				for i := b[0]; i < b[1]; i++ {
					f.blob = append(f.blob, i)
				}
			}
		}
		spreadOver(&f, 1000)
		files = append(files, f)
	}
	return names, files, known, zipped, dir
}

// TestPackageTamperFigures: every one-byte change of a signed bank package fails
// `verify FILE.zip`, and every change of one of its PDFs fails `verify FILE.pdf`.
// The package is zipped again once, with stored entries; each change is then made in
// place in the zip, with the changed entry's CRC-32 written anew — the bytes zipping
// the changed files again would give, without copying the package ten thousand times.
func TestPackageTamperFigures(t *testing.T) {
	names, files, known, _, _ := tamperPackage(t)
	entries := map[string][]byte{}
	for _, f := range files {
		entries[f.name] = f.data
	}
	z := newStoredZip(t, names, entries)
	full := os.Getenv("PINGXIN_TAMPER_FULL") == "1"
	for _, f := range files {
		pkgMissed, pdfMissed, total, zipped := 0, 0, 0, 0
		for k, i := range append(slices.Clone(f.blob), f.spread...) {
			was, c := f.data[i], f.changedAt(i)
			total++
			// the zip's own check reads the whole package: by default it takes every
			// change of the manifest and its signature and every 40th of the rest
			if full || len(f.data) <= 4096 || k%40 == 0 {
				zipped++
				if !z.caught(t, f.name, i, c) {
					pkgMissed++
					t.Errorf("%s: byte %d changed (%q → %q) and the package still verifies", f.name, i, was, c)
				}
			}
			if len(f.blobs) > 0 {
				f.data[i] = c // in place, and back: no copy of the PDF per change
				rep, err := signing.Verify(f.data, known)
				f.data[i] = was
				if err == nil && rep.Valid {
					pdfMissed++
					t.Errorf("%s: byte %d changed (%q → %q) and the PDF still verifies", f.name, i, was, c)
				}
			}
		}
		if len(f.blobs) > 0 {
			t.Logf("%s (%d bytes, %d signatures): verify FILE.pdf caught %d of %d (every position of the signature blobs, %d, and %d elsewhere); verify FILE.zip caught %d of %d of them",
				f.name, len(f.data), len(f.blobs), total-pdfMissed, total, len(f.blob), len(f.spread), zipped-pkgMissed, zipped)
		} else {
			t.Logf("%s (%d bytes): verify FILE.zip caught %d of %d", f.name, len(f.data), zipped-pkgMissed, zipped)
		}
	}
}

// storedZip is a package zipped with stored (uncompressed) entries, and where each
// entry's data and CRC-32 fields lie.
type storedZip struct {
	b     []byte
	entry map[string]zipEntry
}

type zipEntry struct{ data, size, localCRC, centralCRC int }

func newStoredZip(t *testing.T, names []string, entries map[string][]byte) storedZip {
	t.Helper()
	z := storedZip{b: rezip(t, names, entries), entry: map[string]zipEntry{}}
	le := binary.LittleEndian
	eocd := bytes.LastIndex(z.b, []byte("PK\x05\x06"))
	at := int(le.Uint32(z.b[eocd+16:]))
	for range int(le.Uint16(z.b[eocd+10:])) {
		if !bytes.HasPrefix(z.b[at:], []byte("PK\x01\x02")) {
			t.Fatal("central directory not where its end says")
		}
		nameLen, extra, comment := int(le.Uint16(z.b[at+28:])), int(le.Uint16(z.b[at+30:])), int(le.Uint16(z.b[at+32:]))
		local := int(le.Uint32(z.b[at+42:]))
		name := string(z.b[at+46 : at+46+nameLen])
		data := local + 30 + int(le.Uint16(z.b[local+26:])) + int(le.Uint16(z.b[local+28:]))
		z.entry[name] = zipEntry{data: data, size: int(le.Uint32(z.b[at+24:])), localCRC: local + 14, centralCRC: at + 16}
		at += 46 + nameLen + extra + comment
	}
	if len(z.entry) != len(names) {
		t.Fatalf("%d entries found in the zip, want %d", len(z.entry), len(names))
	}
	return z
}

// caught sets byte i of entry name to c, rewrites the entry's CRC-32, runs the
// package check and undoes the change; it reports whether the check failed.
func (z storedZip) caught(t *testing.T, name string, i int, c byte) bool {
	e := z.entry[name]
	old := z.b[e.data+i]
	var crcs [2]uint32
	crc := func() uint32 { return crc32.ChecksumIEEE(z.b[e.data : e.data+e.size]) }
	crcs[0] = binary.LittleEndian.Uint32(z.b[e.localCRC:])
	z.b[e.data+i] = c
	for _, at := range []int{e.localCRC, e.centralCRC} {
		binary.LittleEndian.PutUint32(z.b[at:], crc())
	}
	rep, err := VerifyPackage(context.Background(), nil, z.b)
	z.b[e.data+i] = old
	for _, at := range []int{e.localCRC, e.centralCRC} {
		binary.LittleEndian.PutUint32(z.b[at:], crcs[0])
	}
	if err != nil && app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("%s byte %d: %v", name, i, err)
	}
	return err != nil || !rep.Valid
}

// TestPackageTamperPdfsig: poppler's pdfsig, as a bank would run it, reports every
// one-byte change of the package's PDFs differently from the untouched file
// (signature validation, certificate validation, signer, coverage or exit status) —
// except where the change lies in bytes of the PKCS#7 that no signature covers and
// that NSS never reads: inside an embedded certificate (its extensions, validity,
// algorithm fields and its own signature value are not checked for a certificate no
// one has vouched for), the SignedData's and the SignerInfo's version and the
// encapsulated content type.
// Those are counted; `verify` catches every one of them (TestPackageTamperFigures,
// through the signing-certificate-v2 binding and the strict profile). A miss anywhere
// else fails the test.
func TestPackageTamperPdfsig(t *testing.T) {
	path, err := exec.LookPath("pdfsig")
	if err != nil {
		t.Skip("pdfsig (poppler-utils) is not installed: the pdfsig tamper figures are not taken")
	}
	_, files, known, _, dir := tamperPackage(t)
	full := os.Getenv("PINGXIN_TAMPER_FULL") == "1"
	var nssDir string
	if full {
		nssDir = trustingNSS(t, dir, known)
	}
	for _, f := range files {
		if len(f.blobs) == 0 {
			continue
		}
		positions := f.spread
		if !full {
			positions = nil
			for k := range 50 {
				positions = append(positions, f.spread[k*len(f.spread)/50])
			}
		}
		if full || f.name == PackageCover {
			positions = append(slices.Clone(f.blob), positions...)
		}
		unread := uncheckedByNSS(t, f)
		checks := []string{""}
		if nssDir != "" {
			checks = append(checks, nssDir)
		}
		for _, nss := range checks {
			res := sweepPdfsig(t, path, dir, nss, f, positions)
			label := "pdfsig"
			if nss != "" {
				label = "pdfsig with the village certificate trusted in NSS"
			}
			var blobMissed, unreadMissed, restMissed, blobTotal int
			for _, i := range res.missed {
				switch {
				case !f.inBlob(i):
					restMissed++
				case unread(i):
					unreadMissed++
				default:
					blobMissed++
				}
			}
			for _, i := range positions {
				if f.inBlob(i) {
					blobTotal++
				}
			}
			t.Logf("%s, %s: caught %d of %d changes — signature blobs %d of %d (missed: %d in bytes NSS does not read, %d elsewhere in the blobs), elsewhere %d of %d",
				f.name, label, len(positions)-len(res.missed), len(positions),
				blobTotal-blobMissed-unreadMissed, blobTotal, unreadMissed, blobMissed, len(positions)-blobTotal-restMissed, len(positions)-blobTotal)
			if nss != "" {
				continue // a trusted copy in NSS stands in for the embedded one: counted, not required
			}
			for _, i := range res.missed {
				if !f.inBlob(i) || !unread(i) {
					t.Errorf("%s: byte %d changed and pdfsig still reports %q", f.name, i, res.want)
				}
			}
		}
	}
}

// pdfsigSweep is what a sweep found: pdfsig's report of the untouched file and the
// positions whose change left it the same.
type pdfsigSweep struct {
	want   string
	missed []int
}

// sweepPdfsig runs pdfsig on each change of f, two at a time.
func sweepPdfsig(t *testing.T, path, dir, nss string, f tamperFile, positions []int) pdfsigSweep {
	t.Helper()
	res := pdfsigSweep{want: pdfsigReport(t, path, dir, nss, "orig", f.data)}
	if strings.Count(res.want, "Signature is Valid.") != len(f.blobs) {
		t.Fatalf("%s: pdfsig on the untouched file: %s", f.name, res.want)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	work := make(chan int)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				got := pdfsigReport(t, path, dir, nss, fmt.Sprintf("w%d", w), f.change(i))
				if got == res.want {
					mu.Lock()
					res.missed = append(res.missed, i)
					mu.Unlock()
				}
			}
		}()
	}
	for _, i := range positions {
		work <- i
	}
	close(work)
	wg.Wait()
	slices.Sort(res.missed)
	return res
}

// pdfsigReport is pdfsig's verdict on b: for each signature its validation, the
// certificate's validation, the signer and whether it covers the whole file, and the
// exit status.
func pdfsigReport(t *testing.T, path, dir, nss, name string, b []byte) string {
	file := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Error(err)
		return ""
	}
	args := []string{file}
	if nss != "" {
		args = []string{"-nssdir", "sql:" + nss, file}
	}
	cmd := exec.Command(path, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir) // no user NSS database: the same verdict on every machine
	out, err := cmd.CombinedOutput()
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		for _, key := range []string{"Signature #", "Validation:", "Common Name:", "Distinguished Name:", "document signed"} {
			if strings.Contains(l, key) {
				lines = append(lines, strings.TrimSpace(l))
			}
		}
	}
	if err != nil {
		lines = append(lines, "exit: "+err.Error())
	}
	return strings.Join(lines, " | ")
}

// trustingNSS makes an NSS database in which the village certificate is trusted as a
// peer (certutil -t P,P,P), the way a bank would set up pdfsig for a self-signed
// village certificate.
func trustingNSS(t *testing.T, dir string, known []*x509.Certificate) string {
	t.Helper()
	certutil, err := exec.LookPath("certutil")
	if err != nil {
		t.Skip("certutil (libnss3-tools) is not installed")
	}
	db := filepath.Join(dir, "nssdb")
	if err := os.Mkdir(db, 0o700); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) {
		if out, err := exec.Command(certutil, args...).CombinedOutput(); err != nil {
			t.Fatalf("certutil %v: %v\n%s", args, err, out)
		}
	}
	run("-N", "-d", "sql:"+db, "--empty-password")
	for k, c := range known {
		file := filepath.Join(dir, "village"+strconv.Itoa(k)+".der")
		if err := os.WriteFile(file, c.Raw, 0o600); err != nil {
			t.Fatal(err)
		}
		run("-A", "-d", "sql:"+db, "-n", "village"+strconv.Itoa(k), "-t", "P,P,P", "-i", file)
	}
	return db
}

// uncheckedByNSS reports, for a position of f, whether it lies in a part of a
// signature's PKCS#7 that NSS never reads when it verifies (cmsUnread).
func uncheckedByNSS(t *testing.T, f tamperFile) func(int) bool {
	t.Helper()
	var spans [][2]int // file positions, as hex digits
	for _, b := range f.blobs {
		der, err := hex.DecodeString(string(f.data[b[0]+1 : b[1]-1]))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range cmsUnread(t, der) {
			spans = append(spans, [2]int{b[0] + 1 + 2*r[0], b[0] + 1 + 2*r[1]})
		}
	}
	return func(i int) bool {
		for _, s := range spans {
			if i >= s[0] && i < s[1] {
				return true
			}
		}
		return false
	}
}

// cmsUnread lists the byte ranges of der (ContentInfo → SignedData) that NSS does not
// read when it verifies: the SignedData's version, the encapsulated content info, the
// certificates, and the SignerInfo's version.
func cmsUnread(t *testing.T, der []byte) [][2]int {
	t.Helper()
	in := cryptobyte.String(der)
	var ci, content, sd cryptobyte.String
	if !in.ReadASN1(&ci, cbasn1.SEQUENCE) || !ci.SkipASN1(cbasn1.OBJECT_IDENTIFIER) ||
		!ci.ReadASN1(&content, cbasn1.Tag(0).Constructed().ContextSpecific()) || !content.ReadASN1(&sd, cbasn1.SEQUENCE) {
		t.Fatal("not a SignedData")
	}
	at := func(s cryptobyte.String) int { return len(der) - len(s) }
	var out [][2]int
	for _, tag := range []cbasn1.Tag{cbasn1.INTEGER, cbasn1.SET, cbasn1.SEQUENCE, cbasn1.Tag(0).Constructed().ContextSpecific()} {
		from := at(sd)
		if !sd.SkipASN1(tag) {
			t.Fatalf("SignedData: no %v", tag)
		}
		if tag != cbasn1.SET { // the digest algorithms are read: poppler hashes with the first
			out = append(out, [2]int{from, at(sd)})
		}
	}
	var infos, info cryptobyte.String
	if !sd.ReadASN1(&infos, cbasn1.SET) || !infos.ReadASN1(&info, cbasn1.SEQUENCE) {
		t.Fatal("SignedData: no SignerInfo")
	}
	from := at(info)
	if !info.SkipASN1(cbasn1.INTEGER) {
		t.Fatal("SignerInfo: no version")
	}
	return append(out, [2]int{from, at(info)})
}

// TestPackageUpdateAfterSigning: an incremental update appended to the signed minutes
// of a package — a new page, an annotation on page 1, the clerk's signature widget
// changed — is reported as a change after signing by `verify FILE.pdf` (every
// signature modified after signing), fails `verify FILE.zip`, and makes pdfsig say the
// last signature no longer covers the whole document.
func TestPackageUpdateAfterSigning(t *testing.T) {
	names, files, known, _, dir := tamperPackage(t)
	minutes := files[slices.IndexFunc(files, func(f tamperFile) bool { return f.name == PackageMinutes })].data
	size := pdfNumber(t, minutes, `/Size (\d+)`)
	pages := pdfObject(t, minutes, 1, "/Type /Pages")
	kids := regexp.MustCompile(`/Kids \[`)
	count := pdfNumber(t, pages, `/Count (\d+)`)
	firstPage := regexp.MustCompile(`/Kids \[(\d+) 0 R`).FindSubmatch(pages)
	page, _ := strconv.Atoi(string(firstPage[1]))
	widgets := regexp.MustCompile(`(\d+) 0 obj\s*<<\s*/Type /Annot\s*/Subtype /Widget`).FindAllSubmatch(minutes, -1)
	widget, _ := strconv.Atoi(string(widgets[len(widgets)-1][1]))
	body := "BT /F1 24 Tf 60 700 Td (total credit 99,999,999) Tj ET"
	stream := fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(body), body)
	for _, tc := range []struct {
		name string
		objs map[int]string
	}{
		{"a new page", map[int]string{
			size:     "<< /Type /Page /Parent 1 0 R /Resources 2 0 R /Contents " + strconv.Itoa(size+1) + " 0 R >>",
			size + 1: stream,
			1: string(regexp.MustCompile(`/Count \d+`).ReplaceAll(kids.ReplaceAll(pages, []byte("/Kids ["+strconv.Itoa(size)+" 0 R ")),
				[]byte("/Count "+strconv.Itoa(count+1)))),
		}},
		{"an annotation on page 1", map[int]string{
			size: "<< /Type /Annot /Subtype /FreeText /Rect [50 600 400 650] /Contents (total credit 99,999,999) /DA (/Helv 12 Tf 0 g) >>",
			page: strings.Replace(string(pdfObject(t, minutes, page, "/Type /Page")), "<<", "<< /Annots ["+strconv.Itoa(size)+" 0 R]", 1),
		}},
		{"the clerk's signature widget changed", map[int]string{
			widget: strings.Replace(string(pdfObject(t, minutes, widget, "/Subtype /Widget")), "/Rect [0 0 0 0]", "/Rect [50 50 300 100]", 1),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			changed := appendPDFUpdate(t, minutes, tc.objs)
			rep, err := signing.Verify(changed, known)
			if err != nil {
				t.Fatal(err)
			}
			for k, s := range rep.Signatures {
				if !s.ModifiedAfter || s.Problem != signing.ErrModifiedAfter {
					t.Errorf("signature %d: ModifiedAfter %v, Problem %v", k+1, s.ModifiedAfter, s.Problem)
				}
			}
			if rep.Valid {
				t.Error("verify FILE.pdf calls the updated minutes valid")
			}
			entries := map[string][]byte{}
			for _, f := range files {
				entries[f.name] = f.data
			}
			entries[PackageMinutes] = changed
			if pkg, err := VerifyPackage(context.Background(), nil, rezip(t, names, entries)); err == nil && pkg.Valid {
				t.Error("verify FILE.zip calls the package with updated minutes valid")
			}
			path, err := exec.LookPath("pdfsig")
			if err != nil {
				return
			}
			want := pdfsigReport(t, path, dir, "", "orig", minutes)
			got := pdfsigReport(t, path, dir, "", "updated", changed)
			if got == want || strings.Count(got, "Not total document signed") != len(rep.Signatures) {
				t.Errorf("pdfsig on the updated minutes: %s", got)
			}
		})
	}
}

// pdfNumber reads the last number matched by pattern's group in pdf.
func pdfNumber(t *testing.T, pdf []byte, pattern string) int {
	t.Helper()
	all := regexp.MustCompile(pattern).FindAllSubmatch(pdf, -1)
	if len(all) == 0 {
		t.Fatalf("no %s in the PDF", pattern)
	}
	n, err := strconv.Atoi(string(all[len(all)-1][1]))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// pdfObject is the body of object n (between "n 0 obj" and "endobj"), which must
// contain what.
func pdfObject(t *testing.T, pdf []byte, n int, what string) []byte {
	t.Helper()
	m := regexp.MustCompile(`(?s)(?:^|\n)`+strconv.Itoa(n)+` 0 obj\s*(.*?)\s*endobj`).FindAllSubmatch(pdf, -1)
	if len(m) == 0 || !bytes.Contains(m[len(m)-1][1], []byte(what)) {
		t.Fatalf("object %d with %s not found", n, what)
	}
	return m[len(m)-1][1]
}

// appendPDFUpdate appends an incremental update defining objs to pdf, with a
// cross-reference table and a trailer chained to the last one, as a PDF editor
// writes it.
func appendPDFUpdate(t *testing.T, pdf []byte, objs map[int]string) []byte {
	t.Helper()
	root := regexp.MustCompile(`/Root (\d+ \d+ R)`).FindAllSubmatch(pdf, -1)
	size := pdfNumber(t, pdf, `/Size (\d+)`)
	prev := pdfNumber(t, pdf, `startxref\s+(\d+)`)
	out := bytes.Clone(pdf)
	nums := slices.Sorted(func(yield func(int) bool) {
		for n := range objs {
			if !yield(n) {
				return
			}
		}
	})
	offs := map[int]int{}
	for _, n := range nums {
		out = append(out, '\n')
		offs[n] = len(out)
		out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", n, objs[n])
		size = max(size, n+1)
	}
	xref := len(out)
	out = append(out, "xref\n0 1\n0000000000 65535 f \n"...)
	for _, n := range nums {
		out = fmt.Appendf(out, "%d 1\n%010d 00000 n \n", n, offs[n])
	}
	out = fmt.Appendf(out, "trailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n",
		size, root[len(root)-1][1], prev, xref)
	return out
}
