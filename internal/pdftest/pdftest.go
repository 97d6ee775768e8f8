// Package pdftest reads the PDFs that tests write, with poppler's pdftotext, the same way
// in every package: the CLI's, the desktop's and the service's end-to-end tests check
// what a document says through it.
package pdftest

import (
	"os/exec"
	"strings"
	"testing"
)

// Words is the text of the PDF at path in content-stream order (pdftotext -raw), the
// order the documents are drawn in, without white space, since lines break inside
// words and names. A test is skipped where pdftotext is not installed.
func Words(t testing.TB, path string) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command(tool, "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}
