package minutes

import (
	"bytes"
	"io"
	"testing"

	"pingxin/app"
)

// bigMeeting is the benchmark's meeting: n households, every one visited, with notes of
// 300 to 600 characters.
func bigMeeting(n int) (*app.Village, *app.Meeting) {
	v := testVillage()
	m := testMeeting(v)
	m.Nominees = m.Nominees[:0]
	for i := 0; i < n; i++ {
		h := household(i)
		h.Verification = &app.Verification{VisitDate: meetingDay.AddDate(0, 0, -3), Visitors: []string{"屠文华", "陆秀兰"},
			Conclusion: app.Confirmed, Recommendation: app.Keep, Notes: longNote(300+i%301, i)}
		m.Nominees = append(m.Nominees, h)
	}
	return v, m
}

func BenchmarkRender1000(b *testing.B) {
	v, m := bigMeeting(1000)
	var buf bytes.Buffer
	if err := Render(&buf, v, m, Options{Now: fixedNow}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Render(io.Discard, v, m, Options{Now: fixedNow}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

func BenchmarkNotice1000(b *testing.B) {
	v, m := bigMeeting(1000)
	for b.Loop() {
		if err := RenderNotice(io.Discard, v, m, Options{Now: fixedNow}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBankSheet1000(b *testing.B) {
	v, m := bigMeeting(1000)
	for b.Loop() {
		if err := BankSheet(io.Discard, v, m, Options{Now: fixedNow}); err != nil {
			b.Fatal(err)
		}
	}
}
