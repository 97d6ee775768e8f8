package main

import (
	"strings"
	"testing"
)

var lineCases = []struct {
	name, pkg, line string
	ok              bool
	want            Row
}{
	{"with -benchmem", "pingxin/app/minutes",
		"BenchmarkRender1000-2   \t       3\t 412345678 ns/op\t12582912 B/op\t  123456 allocs/op", true,
		Row{"pingxin/app/minutes", "Render1000", 412345678, 12582912, 123456}},
	{"without -benchmem", "pingxin/data", "BenchmarkMeeting10k 	 10	 1500000 ns/op", true,
		Row{"pingxin/data", "Meeting10k", 1500000, -1, -1}},
	{"a sub-benchmark", "pingxin/x", "BenchmarkParse/rows=1000-8  	 100	 12.5 ns/op	 0 B/op	 0 allocs/op", true,
		Row{"pingxin/x", "Parse/rows=1000", 12.5, 0, 0}},
	{"the package line is not a result", "", "pkg: pingxin/data", false, Row{}},
	{"ok line", "", "ok  \tpingxin/data\t3.2s", false, Row{}},
	{"a failed benchmark's name alone", "", "BenchmarkBroken-2", false, Row{}},
	{"a garbled number", "", "BenchmarkX-2 10 abc ns/op", false, Row{}},
}

func TestParseLine(t *testing.T) {
	for _, c := range lineCases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := parseLine(c.pkg, c.line)
			if ok != c.ok || (ok && got != c.want) {
				t.Fatalf("parseLine = %+v, %v; want %+v, %v", got, ok, c.want, c.ok)
			}
		})
	}
}

func FuzzParseLine(f *testing.F) {
	for _, c := range lineCases {
		f.Add(c.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		r, ok := parseLine("p", line)
		if ok && (r.NsPerOp < 0 || !strings.HasPrefix(line, "Benchmark")) {
			t.Fatalf("accepted %q as %+v", line, r)
		}
		if ok {
			_, _, _, _ = r.What(), r.Size(), r.Time(), r.Memory()
		}
	})
}

func TestCells(t *testing.T) {
	for _, c := range []struct {
		name                     string
		row                      Row
		what, size, time, memory string
	}{
		{"a described benchmark", Row{"pingxin/app/service", "ImportNomineesCSV10k", 812_345_678, 99 << 20, 1},
			"import a nomination list, GBK CSV (read, check, store)", "10,000 rows × 15 columns", "812.3 ms", "99.0 MiB"},
		{"an unknown one, size from its name", Row{"pingxin/app/foo", "Thing10k", 2.5e9, 1536, 1},
			"foo.Thing10k", "10,000", "2.50 s", "1.5 KiB"},
		{"no size, no memory", Row{"pingxin/app/foo", "Tiny", 42, -1, -1},
			"foo.Tiny", "—", "42 ns", "—"},
		{"microseconds and bytes", Row{"pingxin/app/foo", "Sub/n=1234567", 1500, 100, 1},
			"foo.Sub/n=1234567", "1,234,567", "1.5 µs", "100 B"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := [4]string{c.row.What(), c.row.Size(), c.row.Time(), c.row.Memory()}
			want := [4]string{c.what, c.size, c.time, c.memory}
			if got != want {
				t.Fatalf("cells = %q, want %q", got, want)
			}
		})
	}
}

func TestTable(t *testing.T) {
	in := `goos: linux
pkg: pingxin/app/signing
BenchmarkSignPDF-2   	      20	  55000000 ns/op	 2097152 B/op	    9000 allocs/op
PASS
pkg: pingxin/data
BenchmarkMeeting10k-2	      10	 150000000 ns/op	52428800 B/op	  400000 allocs/op
`
	rows, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	write(&b, rows)
	want := `| what                             | size              | time     | memory   |
| ---                              | ---               | ---:     | ---:     |
| sign the minutes (PDF signature) | 1 MB PDF          | 55.0 ms  | 2.0 MiB  |
| load a meeting from the database | 10,000 households | 150.0 ms | 50.0 MiB |
`
	if b.String() != want {
		t.Fatalf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}
