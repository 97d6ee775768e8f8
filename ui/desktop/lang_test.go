package desktop

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/assets"
)

// desktopKeys reads the keys of our own translation file for l.
func desktopKeys(t *testing.T, l i18n.Lang) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/desktop."+string(l)+".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestTranslationFilesHaveTheSameKeys(t *testing.T) {
	zhKeys, enKeys := desktopKeys(t, i18n.Zh), desktopKeys(t, i18n.En)
	for k, v := range zhKeys {
		if _, ok := enKeys[k]; !ok {
			t.Errorf("%s is in desktop.zh_Hans.json, not in desktop.en.json", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("%s is empty in Chinese", k)
		}
	}
	for k := range enKeys {
		if _, ok := zhKeys[k]; !ok {
			t.Errorf("%s is in desktop.en.json, not in desktop.zh_Hans.json", k)
		}
	}
	for _, k := range []string{"desktop.home.title", "desktop.openfail.choose"} {
		if !slices.Contains(i18n.Keys(i18n.En), k) || !slices.Contains(i18n.Keys(i18n.Zh), k) {
			t.Errorf("app/i18n does not read %s", k)
		}
	}
}

// keyLiteral finds the translation keys written in the package's sources.
var keyLiteral = regexp.MustCompile(`"(desktop\.[a-z0-9_.]+)"`)

func TestEveryKeyUsedIsTranslated(t *testing.T) {
	have := desktopKeys(t, i18n.Zh)
	used := keysInSources(t, "*.go", keyLiteral)
	for _, prefix := range []struct {
		prefix string
		codes  []string
	}{
		{"desktop.body.", mapValues(bodyCodes)},
		{"desktop.role.", mapValues(roleCodes)},
		{"desktop.rules.majority.", []string{string(app.MajorityHalf), string(app.MajorityTwoThirds)}},
		{"desktop.prefs.lang.", []string{string(i18n.Zh), string(i18n.En)}},
	} {
		for _, c := range prefix.codes {
			used[prefix.prefix+c] = true
		}
	}
	for k := range used {
		if _, ok := have[k]; !ok {
			t.Errorf("%s is used but not translated", k)
		}
	}
	// a meeting's status reads the same on the desktop and the command line: app's words
	for _, st := range []app.Status{app.StatusDraft, app.StatusInSession, app.StatusClosed, app.StatusSigned} {
		if !slices.Contains(i18n.Keys(i18n.Zh), "status."+string(st)) || !slices.Contains(i18n.Keys(i18n.En), "status."+string(st)) {
			t.Errorf("status.%s is not translated", st)
		}
	}
}

// keysInSources finds the translation keys that re matches in the package's non-test
// sources named by glob; a key ending in "." is a prefix completed at run time.
func keysInSources(t *testing.T, glob string, re *regexp.Regexp) map[string]bool {
	t.Helper()
	used := map[string]bool{}
	files, _ := filepath.Glob(glob)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			if !strings.HasSuffix(m[1], ".") {
				used[m[1]] = true
			}
		}
	}
	return used
}

func mapValues[K comparable](m map[K]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func TestUseLanguageWhateverTheLocale(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
	}{
		{"C locale", map[string]string{"LANG": "C"}},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}},
		{"English locale", map[string]string{"LANG": "en_US.UTF-8"}},
		{"Chinese locale", map[string]string{"LANG": "zh_CN.UTF-8"}},
		{"LC_ALL=C", map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}},
		{"POSIX messages", map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "POSIX"}},
		{"nothing set", map[string]string{}},
		{"German LANGUAGE", map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, k := range []string{"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
				t.Setenv(k, c.env[k])
			}
			for _, l := range []struct {
				lang  i18n.Lang
				title string
				fyne  string
			}{{i18n.En, "Villages and meetings", "Cancel"}, {i18n.Zh, "村与评议会", "取消"}} {
				if err := useLanguage(l.lang); err != nil {
					t.Fatalf("%s: %v", l.lang, err)
				}
				if got := lang.L("desktop.home.title"); got != l.title {
					t.Errorf("%s: title = %q, want %q", l.lang, got, l.title)
				}
				if got := lang.L("Cancel"); got != l.fyne {
					t.Errorf("%s: Fyne's Cancel = %q, want %q", l.lang, got, l.fyne)
				}
			}
		})
	}
}

// TestRegisterUnderSystemLocale is the Windows path: the locale cannot be steered,
// so our Chinese files are registered under the system's own locale name.
func TestRegisterUnderSystemLocale(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANGUAGE", "")
	t.Setenv("LANG", "en_US.UTF-8")
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		t.Fatal(err)
	}
	if activeLanguage() != i18n.En {
		t.Fatalf("an English system speaks %q", activeLanguage())
	}
	loc := lang.SystemLocale()
	t.Cleanup(func() { _ = registerUnder(i18n.En, loc) })
	if err := registerUnder(i18n.Zh, loc); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("desktop.home.title"); got != "村与评议会" {
		t.Errorf("title = %q under %s", got, loc)
	}
}
