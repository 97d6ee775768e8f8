package i18n

import (
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"pingxin/assets"
)

// TestKeysLiveInTheirAreasFile protects the one rule that says where a translation lives:
// the key "area.rest" is in "area.<lang>.json", so whoever reads a key in the code knows
// which file to open, and a key added to the wrong file fails here. It also checks that
// each area has both languages with the same keys.
func TestKeysLiveInTheirAreasFile(t *testing.T) {
	entries, err := fs.ReadDir(assets.Translations, assets.TranslationsDir)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]map[Lang][]string{} // area → language → keys
	for _, e := range entries {
		area, l, ok := areaOfFile(e.Name())
		if !ok {
			t.Errorf("%s is not named <area>.zh_Hans.json or <area>.en.json", e.Name())
			continue
		}
		b, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if len(m) == 0 {
			t.Errorf("%s holds no key", e.Name())
		}
		for k := range m {
			if first, _, _ := strings.Cut(k, "."); first != area {
				t.Errorf("%s is in %s; it belongs in %s.%s.json", k, e.Name(), first, l)
			}
		}
		if keys[area] == nil {
			keys[area] = map[Lang][]string{}
		}
		keys[area][l] = sortedKeys(m)
	}
	if len(keys) < 10 {
		t.Fatalf("only %d areas found: the scan is broken", len(keys))
	}
	for area, byLang := range keys {
		if !slices.Equal(byLang[Zh], byLang[En]) {
			t.Errorf("%s: zh_Hans and en do not hold the same keys:\nzh %v\nen %v", area, byLang[Zh], byLang[En])
		}
	}
}

// areaOfFile splits "meeting.zh_Hans.json" into its area and language.
func areaOfFile(name string) (area string, l Lang, ok bool) {
	base, ok := strings.CutSuffix(name, ".json")
	if !ok {
		return "", "", false
	}
	area, code, ok := strings.Cut(base, ".")
	if !ok || strings.Contains(code, ".") || (code != string(Zh) && code != string(En)) {
		return "", "", false
	}
	return area, Lang(code), true
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
