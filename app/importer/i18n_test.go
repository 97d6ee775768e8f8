package importer

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"pingxin/app/i18n"
)

// TestTranslations: every importer key the code uses has a Chinese and an English text.
func TestTranslations(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	files = append(files, "../service/import.go", "../../ui/cli/importcmd.go")
	used := map[string]bool{}
	re := regexp.MustCompile(`"((?:importer|cli\.usage)\.[a-z_]+)"`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 30 {
		t.Fatalf("only %d keys found: the pattern is wrong", len(used))
	}
	for k := range used {
		if k == "importer.row" && !i18n.Has(i18n.Zh, k) {
			t.Fatal("translations not loaded")
		}
		for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
			if !i18n.Has(l, k) {
				t.Errorf("%s has no %s text", k, l)
			}
		}
	}
}
