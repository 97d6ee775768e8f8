package minutes

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// goldenPath holds the SHA-256 of the minutes and the notice of bigMeeting(300), as the
// documents were before fonts were parsed once per process and compressors reused
// (issue 14): those changes must not move a byte. A deliberate change of the layout
// changes them: write the new ones with
//
//	PINGXIN_UPDATE_GOLDEN=1 go test ./app/minutes -run TestGoldenDocuments
const goldenPath = "testdata/golden.sha256"

func TestGoldenDocuments(t *testing.T) {
	v, m := bigMeeting(300)
	var minutes, notice bytes.Buffer
	if err := Render(&minutes, v, m, Options{Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if err := RenderNotice(&notice, v, m, Options{Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	got := "minutes " + sum(minutes.Bytes()) + "\nnotice " + sum(notice.Bytes()) + "\n"
	if os.Getenv("PINGXIN_UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(goldenPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Fatalf("documents changed:\n got %s\nwant %s(a deliberate layout change: see goldenPath)", got, strings.TrimSpace(string(want)))
	}
}

func sum(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
