package signing

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var objectCases = []struct {
	name, in, want string // want is fmt.Sprintf("%#v") of the value, or "error"
}{
	{"integer", "42", "42"},
	{"negative real", "-3.5", "-3.5"},
	{"reference", "12 0 R", "signing.pdfRef{N:12, G:0}"},
	{"two integers are not a reference", "[12 0]", "signing.pdfArray{12, 0}"},
	{"name with escape", "/A#20B", `"A B"`},
	{"keyword", "true", `"true"`},
	{"literal with nesting", `(a (b) c)`, `signing.pdfString{0x61, 0x20, 0x28, 0x62, 0x29, 0x20, 0x63}`},
	{"literal escapes", `(\(\)\\\n\101\7)`, `signing.pdfString{0x28, 0x29, 0x5c, 0xa, 0x41, 0x7}`},
	{"literal line continuation", "(a\\\r\nb)", `signing.pdfString{0x61, 0x62}`},
	{"literal CR LF is LF", "(a\r\nb)", `signing.pdfString{0x61, 0xa, 0x62}`},
	{"hex with space and odd digit", "<4 14>", `signing.pdfString{0x41, 0x40}`},
	{"dictionary", "<< /ByteRange [0 10 20 5] /M (D:2026) >>", `signing.pdfDict{"ByteRange":signing.pdfArray{0, 10, 20, 5}, "M":signing.pdfString{0x44, 0x3a, 0x32, 0x30, 0x32, 0x36}}`},
	{"comment skipped", "% note\n7", "7"},
	{"first duplicate key wins", "<</A 1/A 2>>", `signing.pdfDict{"A":1}`},
	{"unterminated literal", "(abc", "error"},
	{"unterminated dictionary", "<< /A 1", "error"},
	{"bad hex", "<4G>", "error"},
	{"dictionary key not a name", "<< 1 2 >>", "error"},
	{"too deep", strings.Repeat("[", 40) + strings.Repeat("]", 40), "error"},
	{"empty", "", "error"},
}

func TestParseObject(t *testing.T) {
	for _, tc := range objectCases {
		t.Run(tc.name, func(t *testing.T) {
			v, _, err := parseObject([]byte(tc.in), 0)
			got := fmt.Sprintf("%#v", v)
			if err != nil {
				got = "error"
			}
			if got != tc.want {
				t.Errorf("parseObject(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzParseObject(f *testing.F) {
	for _, tc := range objectCases {
		f.Add([]byte(tc.in))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, next, err := parseObject(b, 0)
		if err == nil && (next < 0 || next > len(b)) {
			t.Fatalf("next = %d outside 0..%d", next, len(b))
		}
	})
}

var textCases = []struct{ name, text string }{
	{"ascii", "Chair"},
	{"chinese with paren bytes", "山天小"},
	{"full-width punctuation", "张三（记录人）"},
	{"outside the BMP", "𠀀𡈽"},
	{"empty", ""},
}

func TestHexTextRoundTrip(t *testing.T) {
	for _, tc := range textCases {
		t.Run(tc.name, func(t *testing.T) {
			h := hexText(tc.text)
			v, _, err := parseObject([]byte(h), 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := decodeText(v.(pdfString)); got != tc.text {
				t.Errorf("%q → %s → %q", tc.text, h, got)
			}
		})
	}
	if got := hexText("山"); got != "<FEFF5C71>" {
		t.Errorf("hexText(山) = %s", got)
	}
}

func FuzzHexText(f *testing.F) {
	for _, tc := range textCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, err := parseObject([]byte(hexText(s)), 0)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.ToValidUTF8(s, "\uFFFD"); decodeText(v.(pdfString)) != want {
			t.Fatalf("%q does not round-trip", s)
		}
	})
}

func TestDecodeText(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"pdfdoc", []byte("Town"), "Town"},
		{"latin-1", []byte{0x63, 0x61, 0x66, 0xe9}, "café"},
		{"utf-8 with mark", []byte("\xef\xbb\xbf越丰村"), "越丰村"},
		{"utf-16 odd length", []byte{0xfe, 0xff, 0x5c, 0x71, 0x59}, "山"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := decodeText(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParsePDFDate(t *testing.T) {
	cst := time.FixedZone("", 8*3600)
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"D:20260305210000+08'00'", time.Date(2026, 3, 5, 21, 0, 0, 0, cst), true},
		{"D:20260305210000Z", time.Date(2026, 3, 5, 21, 0, 0, 0, time.UTC), true},
		{"D:20260305133000-05'30", time.Date(2026, 3, 5, 13, 30, 0, 0, time.FixedZone("", -(5*3600+30*60))), true},
		{"D:2026", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"D:26", time.Time{}, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := parsePDFDate(tc.in)
			if ok != tc.ok || !got.Equal(tc.want) {
				t.Errorf("got %v %v, want %v %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
