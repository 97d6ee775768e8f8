package minutes

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"pingxin/app"
)

var fixedNow = time.Date(2026, 3, 16, 8, 0, 0, 0, time.UTC)

// needTool skips a test when a poppler or qpdf tool is not installed.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not on PATH", name)
	}
	return p
}

// writePDF renders with fn into a file in a temporary directory and returns its path.
func writePDF(t *testing.T, name string, fn func(*bytes.Buffer) error) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		t.Fatalf("render: %v", err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PINGXIN_KEEP_PDF"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644)
	}
	return p, b.Bytes()
}

// pdfText extracts the text of a PDF with pdftotext in content-stream order (-raw):
// the order this package draws in, so that a table cell's lines stay together instead
// of being interleaved with the cells beside it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdftotext"), "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// squeeze removes all white space: lines break inside words and names.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\n', '\r', '\t', '\f', '\u3000':
			return -1
		}
		return r
	}, s)
}

var fullID = regexp.MustCompile(`[0-9]{17}[0-9X]`)

// renderMinutes renders the minutes of m into a temporary file.
func renderMinutes(t *testing.T, v *app.Village, m *app.Meeting) (string, []byte) {
	t.Helper()
	return writePDF(t, "minutes.pdf", func(b *bytes.Buffer) error { return Render(b, v, m, Options{Now: fixedNow}) })
}

// renderNotice renders the public notice of m into a temporary file.
func renderNotice(t *testing.T, v *app.Village, m *app.Meeting, o Options) (string, []byte) {
	t.Helper()
	o.Now = fixedNow
	return writePDF(t, "notice.pdf", func(b *bytes.Buffer) error { return RenderNotice(b, v, m, o) })
}

// pageCount asks pdfinfo how many pages a PDF has.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo: no page count in %s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pageTexts extracts each page's text; pdftotext separates pages with form feeds.
func pageTexts(t *testing.T, path string) []string {
	t.Helper()
	pages := strings.Split(pdfText(t, path), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// footerRE matches a page footer in squeezed text, with the next page's draft marks
// when there are; a text that flows across a page break has them in its middle.
var footerRE = regexp.MustCompile(`第\d+页共\d+页[^内]*内容指纹[0-9a-f]{12}(草稿（未签署）草稿)?`)

// assertContains fails for every want not found in the squeezed text, footers removed.
func assertContains(t *testing.T, text string, what string, wants ...string) {
	t.Helper()
	sq := footerRE.ReplaceAllString(squeeze(text), "")
	for _, w := range wants {
		if w == "" {
			continue
		}
		if !strings.Contains(sq, squeeze(normalize(w))) {
			t.Errorf("%s: %q not in the PDF text", what, w)
		}
	}
}
