package service

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"pingxin/app/minutes"
)

// TestLevel2NamesImportAndSurvive: names with CJK Extension A (刘䶮) and characters
// beyond the BMP (𫖯 U+2B5AF, 𬌗 U+2C317; four bytes in GB 18030) import from a
// GB18030 CSV and a UTF-8 CSV and come back from the database as they were, with the
// same fingerprint as before they were stored.
func TestLevel2NamesImportAndSurvive(t *testing.T) {
	names := []string{"刘䶮", "王𫖯", "李𬌗"}
	rows := [][]string{header}
	for i, n := range names {
		rows = append(rows, household(i+1, map[int]string{0: n}))
	}
	text := csvOf(rows)
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	four, _ := simplifiedchinese.GB18030.NewEncoder().String("𫖯")
	if len(four) != 4 || !strings.Contains(gb, four) {
		t.Fatalf("𫖯 is % X in GB18030, want a four-byte sequence in the file", four)
	}
	for _, f := range []struct{ name, content string }{{"gb18030.csv", gb}, {"utf8.csv", "\xEF\xBB\xBF" + text}} {
		t.Run(f.name, func(t *testing.T) {
			st, id := setup(t)
			ctx := context.Background()
			path := writeTemp(t, f.name, []byte(f.content))
			if _, err := New(st).ImportNominees(ctx, id, path, false); err != nil {
				t.Fatal(err)
			}
			m, err := st.Meeting(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range m.Nominees {
				got = append(got, n.Name)
			}
			if !slices.Equal(got, names) {
				t.Fatalf("stored names %q, want %q", got, names)
			}
			v, err := st.Village(ctx, m.VillageID)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := st.Meeting(ctx, id)
			if minutes.Fingerprint(v, m) != minutes.Fingerprint(v, again) {
				t.Error("the fingerprint differs between two reads of the same meeting")
			}
			if err := minutes.CheckGlyphs(v, m); err != nil {
				t.Errorf("the documents refuse the names: %v", err)
			}
		})
	}
}

// writeTemp writes b to a file named name in a temporary folder.
func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
