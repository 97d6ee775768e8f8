// Package i18n renders the messages a person reads — errors, summaries, statements in
// the minutes — in Chinese or English without depending on Fyne. It reads the same
// translation files that the desktop registers with Fyne's lang package, and uses the
// same template syntax ({{.Row}}), so a key means the same text on screen and in the
// terminal.
package i18n

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"sync"
	"text/template"

	"pingxin/assets"
)

// Lang is a language the app speaks: Chinese (the default) or English.
type Lang string

// The languages Pingxin ships.
const (
	Zh Lang = "zh_Hans"
	En Lang = "en"
)

// Parse maps a user's choice ("zh", "zh_Hans", "zh-CN", "en", …) to a Lang;
// anything unknown is Chinese, the language of every village office.
func Parse(s string) Lang {
	if strings.HasPrefix(strings.ToLower(s), "en") {
		return En
	}
	return Zh
}

// Data is the template data of a message: {"Row": 12, "Value": "…"}.
type Data = map[string]any

// Message is a translatable text: a key in the translation files and its data.
// Domain errors carry one so that each UI can show them in its own language.
type Message struct {
	Key  string
	Data Data
}

// M builds a Message from a key and alternating name/value pairs:
// M("import.row", "Row", 3, "Column", "姓名").
func M(key string, kv ...any) Message {
	var d Data
	if len(kv) > 0 {
		d = make(Data, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			name, _ := kv[i].(string)
			d[name] = kv[i+1]
		}
	}
	return Message{Key: key, Data: d}
}

// In renders the message in the given language.
func (m Message) In(l Lang) string { return T(l, m.Key, m.Data) }

// String renders the message in Chinese.
func (m Message) String() string { return m.In(Zh) }

// Localizer is implemented by errors (and other values) that can say themselves in a
// language. Every error a person may read implements it.
type Localizer interface {
	Localize(l Lang) string
}

// ErrorText renders err for a person: localized where the error (or one it wraps)
// knows how, otherwise its plain Error() text.
func ErrorText(err error, l Lang) string {
	if err == nil {
		return ""
	}
	var loc Localizer
	if errors.As(err, &loc) {
		return loc.Localize(l)
	}
	return err.Error()
}

type catalogue struct {
	text map[Lang]map[string]string
	tmpl sync.Map // Lang+"\x00"+key → *template.Template
}

var (
	loadOnce sync.Once
	cat      *catalogue
)

func load() *catalogue {
	loadOnce.Do(func() {
		cat = &catalogue{text: map[Lang]map[string]string{Zh: {}, En: {}}}
		entries, err := fs.ReadDir(assets.Translations, assets.TranslationsDir)
		if err != nil {
			panic("i18n: embedded translations missing: " + err.Error())
		}
		for _, e := range entries {
			name := e.Name()
			l := langOfFile(name)
			if l == "" {
				continue
			}
			b, err := fs.ReadFile(assets.Translations, assets.TranslationsDir+"/"+name)
			if err != nil {
				panic("i18n: " + err.Error())
			}
			var m map[string]string
			if err := json.Unmarshal(b, &m); err != nil {
				panic("i18n: " + name + ": " + err.Error())
			}
			for k, v := range m {
				cat.text[l][k] = v
			}
		}
	})
	return cat
}

// langOfFile reads the language from "<area>.<lang>.json" or "<lang>.json".
func langOfFile(name string) Lang {
	base, ok := strings.CutSuffix(name, ".json")
	if !ok {
		return ""
	}
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		base = base[i+1:]
	}
	switch base {
	case string(Zh):
		return Zh
	case string(En):
		return En
	}
	return ""
}

// Has reports whether key has a text in language l.
func Has(l Lang, key string) bool {
	_, ok := load().text[l][key]
	return ok
}

// Keys returns every key of language l, for tests that check both files are complete.
func Keys(l Lang) []string {
	m := load().text[l]
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// T renders key in language l with data. A key missing in l falls back to Chinese,
// then to the key itself, so a missing translation shows something readable.
func T(l Lang, key string, data Data) string {
	c := load()
	src, ok := c.text[l][key]
	if !ok {
		if src, ok = c.text[Zh][key]; !ok {
			return key
		}
	}
	if !strings.Contains(src, "{{") {
		return src
	}
	id := string(l) + "\x00" + key
	t, ok := c.tmpl.Load(id)
	if !ok {
		parsed, err := template.New(key).Option("missingkey=zero").Parse(src)
		if err != nil {
			return src
		}
		t, _ = c.tmpl.LoadOrStore(id, parsed)
	}
	var b strings.Builder
	if err := t.(*template.Template).Execute(&b, localized(data, l)); err != nil {
		return src
	}
	return b.String()
}

// localized is data with each value that can say itself in a language (a Localizer,
// such as a stored Chinese reason that has an English name) rendered in l, so that a
// message names it in the message's own language.
func localized(data Data, l Lang) Data {
	var out Data
	for k, v := range data {
		if loc, ok := v.(Localizer); ok {
			if out == nil {
				out = make(Data, len(data))
				for k2, v2 := range data {
					out[k2] = v2
				}
			}
			out[k] = loc.Localize(l)
		}
	}
	if out == nil {
		return data
	}
	return out
}
