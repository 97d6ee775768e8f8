package main

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Row is one benchmark's result as the table shows it.
type Row struct {
	Pkg, Name   string  // "pingxin/app/minutes", "Render1000"
	NsPerOp     float64 // time per operation
	BytesPerOp  float64 // memory allocated per operation; -1 without -benchmem
	AllocsPerOp float64
}

// described says in words what a benchmark measures and on how much; benchmarks not
// listed here are shown by their name, with the size read from it.
var described = map[string][2]string{
	"amount.Parse":                             {"read an amount as people write it", "1 value"},
	"amount.ParseWan":                          {"read an amount in wan (10,000 yuan)", "1 value"},
	"amount.String":                            {"print an amount as the minutes do", "1 value"},
	"idcard.ParseAt":                           {"check a resident ID (GB 11643)", "1 value"},
	"idcard.ParseAtFullWidth":                  {"check a resident ID typed in full-width digits", "1 value"},
	"idcard.ParseCreditCode":                   {"check a unified credit code (GB 32100)", "1 value"},
	"service.ImportNomineesCSV10k":             {"import a nomination list, GBK CSV (read, check, store)", "10,000 rows × 15 columns"},
	"service.ImportNomineesXLSX10k":            {"import a nomination list, XLSX (read, check, store)", "10,000 rows × 15 columns"},
	"service.ImportNomineesXLSX10kLibreOffice": {"import a nomination list, XLSX saved by LibreOffice", "10,000 rows × 15 columns"},
	"importer.ImportCSV10k":                    {"read and check a nomination list, GBK CSV", "10,000 rows × 15 columns"},
	"importer.ImportXLSX10k":                   {"read and check a nomination list, XLSX", "10,000 rows × 15 columns"},
	"importer.ImportXLSX10kLibreOffice":        {"read and check a nomination list, XLSX saved by LibreOffice", "10,000 rows × 15 columns"},
	"importer.ImportXLSX10kInline":             {"read and check a nomination list, XLSX (inline strings)", "10,000 rows × 15 columns"},
	"data.ImportNominees10k":                   {"store an imported list with its visits (one transaction)", "10,000 households"},
	"minutes.Render1000":                       {"render the minutes (PDF)", "1,000 households"},
	"minutes.Notice1000":                       {"render the public notice (PDF)", "1,000 households"},
	"minutes.BankSheet1000":                    {"write the bank sheet (XLSX)", "1,000 households"},
	"signing.SignPDF":                          {"sign the minutes (PDF signature)", "1 MB PDF"},
	"signing.Verify":                           {"verify a signed PDF", "1 MB PDF"},
	"signing.Open":                             {"unlock the village key (scrypt)", "1 key"},
	"desktop.OpenMeeting1000":                  {"open a meeting on screen", "1,000 households"},
	"desktop.NextHousehold":                    {"move to the next household on screen", "1,000 households"},
	"desktop.StoreEntry":                       {"store one entry from the screen (committed)", "1 entry"},
	"data.AddNominees10k":                      {"store a nomination list (one transaction)", "10,000 households"},
	"data.Meeting10k":                          {"load a meeting from the database", "10,000 households"},
	"data.OpenChecked10k":                      {"open the database at start-up (with quick_check)", "10,000 households"},
	"data.AutoBackup10k":                       {"automatic backup on close or sign (VACUUM INTO)", "10,000 households"},
	"service.Register20k/open":                 {"open the credit register (read, status of each)", "20,000 households, 3 years"},
	"service.Register20k/search":               {"search the open credit register", "20,000 households"},
	"service.Register20k/search+sort":          {"list and sort the whole credit register", "20,000 households"},
	"service.Register20k/history":              {"read one household's credit history", "12 events"},
	"data.Meetings50k":                         {"list the meetings with their sums (home screen, `meetings`)", "50,000 households, 25 meetings"},
	"data.RollCallMark10k":                     {"mark one person on the roll call (the store's transaction)", "10,000 households"},
	"service.RollCallMark10k":                  {"mark one person on the roll call, 迟到/早退 (half voted)", "10,000 households"},
	"desktop.Keystroke":                        {"type one digit of a vote count (projector open)", "1,000 households"},
	"signing.VerifyCrafted/ranges":             {"refuse a crafted PDF: many byte ranges over one string", "2 MB PDF"},
	"signing.VerifyCrafted/under_cap":          {"refuse a crafted PDF: byte ranges up to the cap", "2 MB PDF"},
	"signing.VerifyCrafted/objects":            {"refuse a crafted PDF: an update of 250,000 objects", "2 MB PDF"},
}

// resultLine is "BenchmarkName-2  	  100	  123 ns/op	  45 B/op	  6 allocs/op".
var resultLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// pkgLine reads "pkg: pingxin/app/minutes".
func pkgLine(line string) (string, bool) {
	p, ok := strings.CutPrefix(line, "pkg: ")
	return strings.TrimSpace(p), ok
}

// parseLine reads one result line; ok is false for any other line.
func parseLine(pkg, line string) (Row, bool) {
	m := resultLine.FindStringSubmatch(line)
	if m == nil {
		return Row{}, false
	}
	r := Row{Pkg: pkg, Name: m[1], NsPerOp: -1, BytesPerOp: -1, AllocsPerOp: -1}
	f := strings.Fields(m[2])
	for i := 0; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return Row{}, false
		}
		switch f[i+1] {
		case "ns/op":
			r.NsPerOp = v
		case "B/op":
			r.BytesPerOp = v
		case "allocs/op":
			r.AllocsPerOp = v
		}
	}
	return r, r.NsPerOp >= 0
}

// key is the benchmark as described knows it: the package's last element and the name.
func (r Row) key() string { return r.Pkg[strings.LastIndex(r.Pkg, "/")+1:] + "." + r.Name }

// What and Size describe the benchmark in words.
func (r Row) What() string {
	if d, ok := described[r.key()]; ok {
		return d[0]
	}
	return r.key()
}

// sizeInName is a count at the end of a benchmark's name or sub-benchmark: 1000, 10k.
var sizeInName = regexp.MustCompile(`(\d+)(k?)$`)

// Size is how much the benchmark works on.
func (r Row) Size() string {
	if d, ok := described[r.key()]; ok {
		return d[1]
	}
	m := sizeInName.FindStringSubmatch(r.Name)
	if m == nil {
		return "—"
	}
	n, _ := strconv.Atoi(m[1])
	if m[2] == "k" {
		n *= 1000
	}
	return group(n)
}

// group writes n with thousands separators: 10,000.
func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Time is the time per operation in the unit that reads best.
func (r Row) Time() string {
	ns := r.NsPerOp
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

// Memory is the memory allocated per operation, binary units.
func (r Row) Memory() string {
	b := r.BytesPerOp
	switch {
	case b < 0:
		return "—"
	case b >= 1<<30:
		return fmt.Sprintf("%.2f GiB", b/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}

// write prints the rows as a Markdown table, aligned so it reads in a terminal too.
func write(w io.Writer, rows []Row) {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.Debug)
	fmt.Fprintln(tw, "| what\t size\t time\t memory\t")
	fmt.Fprintln(tw, "| ---\t ---\t ---:\t ---:\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "| %s\t %s\t %s\t %s\t\n", r.What(), r.Size(), r.Time(), r.Memory())
	}
	tw.Flush()
}
