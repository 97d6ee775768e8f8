package minutes

import (
	"fmt"
	"strings"

	"pingxin/app"
	"pingxin/app/idcard"
)

// field is one text the documents print, with where it comes from, so that an error
// about it can send the clerk to the right entry.
type field struct {
	seq  int    // household № on the list; 0 for the meeting's own facts
	name string // household name
	key  string // what the text is: "name", "notes", "place", …
	text string
}

// meetingFields lists every text of the village and the meeting that the minutes or
// the notice print, apart from the households.
func meetingFields(v *app.Village, m *app.Meeting) []field {
	fs := []field{
		{key: "village", text: v.Name},
		{key: "doc_number", text: m.DocNumber},
		{key: "type", text: m.Type},
		{key: "place", text: m.Place},
		{key: "time", text: m.Time},
		{key: "chair", text: m.Chair},
		{key: "clerk", text: m.Clerk},
		{key: "amends_why", text: m.AmendsWhy},
	}
	for _, a := range m.Attendance {
		fs = append(fs, field{key: "attendee", text: a.Name}, field{key: "late_at", name: a.Name, text: a.At})
		for _, b := range a.Bodies {
			fs = append(fs, field{key: "attendee", text: string(b)})
		}
		fs = append(fs, field{key: "attendee", name: a.Name, text: string(a.Role)})
	}
	return fs
}

// householdFields lists every text of one household that the documents print.
func householdFields(n *app.Nominee) []field {
	f := func(key, text string) field { return field{seq: n.Seq, name: n.Name, key: key, text: text} }
	fs := []field{
		f("name", n.Name), f("id", idcard.Mask(n.IDNumber)), f("group", n.Group), f("purpose", n.Purpose),
		f("proposed_reason", n.ProposedReason), f("reason", n.Reason), f("blocked", n.Blocked),
	}
	if v := n.Verification; v != nil {
		fs = append(fs, f("visitors", strings.Join(v.Visitors, "、")), f("notes", v.Notes))
	}
	return fs
}

// CheckGlyphs reports the first character of the meeting that the embedded font cannot
// draw, naming the household (or the meeting entry) and the character, so that the
// clerk can fix it before printing. The minutes and the notice call it first and stop
// on its error: a character is never printed as an empty box. nil means every
// character can be printed. The error is an *app.Error (code invalid) with a key
// minutes.glyph.<field>.
func CheckGlyphs(v *app.Village, m *app.Meeting) error {
	reg, bold, err := faces()
	if err != nil {
		return app.Errorf(app.EINTERNAL, "minutes.font_broken", "Err", err.Error())
	}
	fs := meetingFields(v, m)
	for i := range m.Nominees {
		fs = append(fs, householdFields(&m.Nominees[i])...)
	}
	return checkFields(fs, reg, bold)
}

// checkFields checks each field against both faces: names and numbers may be printed
// in bold (titles, headers) as well as in regular text.
func checkFields(fs []field, faces ...*face) error {
	for _, f := range fs {
		for _, r := range normalize(f.text) {
			if r == '\n' || r == ' ' {
				continue
			}
			for _, fc := range faces {
				if !fc.has(r) {
					return f.err(r)
				}
			}
		}
	}
	return nil
}

// err is the error for the undrawable rune r in the field.
func (f field) err(r rune) error {
	code := fmt.Sprintf("U+%04X", r)
	return app.Errorf(app.EINVALID, "minutes.glyph."+f.key,
		"Seq", f.seq, "Name", f.name, "Char", string(r), "Code", code, "Context", context(f.text, r))
}

// context shows up to six characters either side of r's first occurrence in s, with r
// itself written as its code point, so that the clerk can find it even though no font
// shows it.
func context(s string, r rune) string {
	rs := []rune(s)
	for i, x := range rs {
		if x != r {
			continue
		}
		from, to := max(0, i-6), min(len(rs), i+7)
		var b strings.Builder
		if from > 0 {
			b.WriteString("…")
		}
		for _, y := range rs[from:to] {
			switch {
			case y == r:
				fmt.Fprintf(&b, "〔U+%04X〕", y)
			case y == '\n':
				b.WriteRune(' ')
			default:
				b.WriteRune(y)
			}
		}
		if to < len(rs) {
			b.WriteString("…")
		}
		return b.String()
	}
	return ""
}
