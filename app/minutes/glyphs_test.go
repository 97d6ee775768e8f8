package minutes

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"pingxin/app"
	"pingxin/app/i18n"
)

// TestFaceCoverage pins what the embedded font can draw through gofpdf (the fork in
// third_party/gofpdf reads the format 12 cmap): CJK including Extension A and the
// 通用规范汉字表's characters beyond the BMP, but not private-use characters, emoji, or
// ideographs the font does not have.
func TestFaceCoverage(t *testing.T) {
	reg, bold, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		r    rune
		want bool
	}{
		{"common hanzi", '中', true},
		{"Extension A", '㮾', true},
		{"full-width comma", '，', true},
		{"middle dot", '·', true},
		{"ideographic space", '\u3000', true},
		{"digit", '7', true},
		{"private use", '\uE000', false},
		{"control character", '\x01', false},
		{"emoji beyond the BMP", '😀', false},
		{"GB 18030-2022 level 2, Extension A", '䶮', true},
		{"通用规范汉字 U+2B5AF beyond the BMP", '\U0002B5AF', true},
		{"通用规范汉字 U+2C317 beyond the BMP", '\U0002C317', true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := reg.has(c.r); got != c.want {
				t.Errorf("regular.has(%U) = %v, want %v", c.r, got, c.want)
			}
			if got := bold.has(c.r); got != c.want {
				t.Errorf("bold.has(%U) = %v, want %v", c.r, got, c.want)
			}
		})
	}
	// the body face is Noto Serif SC, the heading face Noto Sans SC Bold, as gofpdf measures them
	if reg.width('中') != 1000 || reg.width('0') != 557 || reg.width(0x2B5AF) != 1000 {
		t.Errorf("widths 中=%d 0=%d 𫖯=%d, want 1000, 557 and 1000", reg.width('中'), reg.width('0'), reg.width(0x2B5AF))
	}
}

// glyphCases put a character the font cannot draw into each kind of field.
var glyphCases = []struct {
	name    string
	edit    func(m *app.Meeting)
	key     string
	seq     int
	char    string
	context string
}{
	{"private-use character in a name", func(m *app.Meeting) { m.Nominees[2].Name = "李\uE000兰" },
		"minutes.glyph.name", 3, "\uE000", "李〔U+E000〕兰"},
	{"emoji in the notes", func(m *app.Meeting) { m.Nominees[5].Verification.Notes = "一、养殖规模属实😀。" },
		"minutes.glyph.notes", 6, "😀", "…养殖规模属实〔U+1F600〕。"},
	{"Extension B character in a group", func(m *app.Meeting) { m.Nominees[0].Group = "𠮷安组" },
		"minutes.glyph.group", 1, "𠮷", "〔U+20BB7〕安组"},
	{"control character in a reason", func(m *app.Meeting) { m.Nominees[2].Reason = "多数\x01成员" },
		"minutes.glyph.reason", 3, "\x01", "多数〔U+0001〕成员"},
	{"private-use character in the place", func(m *app.Meeting) { m.Place = "村委会\uE001" },
		"minutes.glyph.place", 0, "\uE001", "村委会〔U+E001〕"},
	{"private-use character in an attendee", func(m *app.Meeting) { m.Attendance[3].Name = "徐\uE002芳" },
		"minutes.glyph.attendee", 0, "\uE002", "徐〔U+E002〕芳"},
}

// TestCheckGlyphs: a character the font cannot draw is an *app.Error naming the
// household, the field and the character; the test meeting itself (with 㮾, ·, Latin
// and digits) passes.
func TestCheckGlyphs(t *testing.T) {
	v := testVillage()
	if err := CheckGlyphs(v, testMeeting(v)); err != nil {
		t.Fatalf("test meeting refused: %v", err)
	}
	for _, c := range glyphCases {
		t.Run(c.name, func(t *testing.T) {
			m := testMeeting(v)
			c.edit(m)
			err := CheckGlyphs(v, m)
			var e *app.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want *app.Error", err)
			}
			d := e.Message.Data
			if e.Code != app.EINVALID || e.Message.Key != c.key || d["Seq"] != c.seq || d["Char"] != c.char || d["Context"] != c.context {
				t.Errorf("got %s %s %v", e.Code, e.Message.Key, d)
			}
			for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
				if msg := e.Localize(l); strings.Contains(msg, "minutes.glyph") || !strings.Contains(msg, "U+") {
					t.Errorf("%s message not translated: %q", l, msg)
				}
			}
		})
	}
}

// TestRenderStopsOnMissingGlyph: the minutes and the notice refuse to print a box and
// write nothing at all.
func TestRenderStopsOnMissingGlyph(t *testing.T) {
	v := testVillage()
	for _, c := range glyphCases {
		for name, render := range map[string]func(*bytes.Buffer, *app.Meeting) error{
			"minutes": func(b *bytes.Buffer, m *app.Meeting) error { return Render(b, v, m, Options{Now: fixedNow}) },
			"notice":  func(b *bytes.Buffer, m *app.Meeting) error { return RenderNotice(b, v, m, Options{Now: fixedNow}) },
		} {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				m := testMeeting(v)
				c.edit(m)
				var b bytes.Buffer
				err := render(&b, m)
				if err == nil || b.Len() != 0 {
					t.Fatalf("err %v, %d bytes written", err, b.Len())
				}
				want := "第 3 户“李\uE000兰”的户主姓名中有字体无法打印的字符 U+E000（“李〔U+E000〕兰”）。请改用常用字、同音字或拼音后再打印。"
				if c.key == "minutes.glyph.name" && err.Error() != want {
					t.Errorf("message %q, want %q", err.Error(), want)
				}
			})
		}
	}
}

// TestNoticeChecksOptions: the objection office and phone go through the same check.
func TestNoticeChecksOptions(t *testing.T) {
	v := testVillage()
	err := RenderNotice(&bytes.Buffer{}, v, testMeeting(v), Options{Now: fixedNow, Publicity: &app.Publicity{Start: fixedNow, Days: 7, Notice: app.NoticeSettings{ObjectPlace: "村务监督委员会\uE000"}}})
	var e *app.Error
	if !errors.As(err, &e) || e.Message.Key != "minutes.glyph.object_to" {
		t.Fatalf("err = %v", err)
	}
}

// TestTranslations: every key this package uses exists in both languages.
func TestTranslations(t *testing.T) {
	keys := []string{"minutes.font_broken", "minutes.glyph.text"}
	for _, f := range meetingFields(testVillage(), testMeeting(testVillage())) {
		keys = append(keys, "minutes.glyph."+f.key)
	}
	for _, f := range householdFields(&app.Nominee{Verification: &app.Verification{}}) {
		keys = append(keys, "minutes.glyph."+f.key)
	}
	keys = append(keys, "minutes.glyph.object_to", "minutes.glyph.object_phone")
	for _, k := range keys {
		for _, l := range []i18n.Lang{i18n.Zh, i18n.En} {
			if !i18n.Has(l, k) {
				t.Errorf("%s missing in %s", k, l)
			}
		}
	}
}

// TestDrawRefusesUncheckedGlyph: the safety net behind CheckGlyphs — any string drawn,
// checked or not, with a character the face lacks fails the document.
func TestDrawRefusesUncheckedGlyph(t *testing.T) {
	d, err := newDoc(fixedNow, "t", "t", footer{docNumber: "t"})
	if err != nil {
		t.Fatal(err)
	}
	d.font(false, 10)
	d.text(d.left, d.y, d.width(), "正常\uE000文字", "L")
	var e *app.Error
	if err := d.output(&bytes.Buffer{}); !errors.As(err, &e) || e.Message.Key != "minutes.glyph.text" || e.Message.Data["Code"] != "U+E000" {
		t.Fatalf("err = %v", err)
	}
}
