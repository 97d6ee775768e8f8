// Command benchtable turns the output of `go test -bench . -benchmem` over Pingxin's
// packages into the one table BENCHMARKS.md records: what was measured, on how much,
// how long one operation took and how much memory it allocated. `make bench` pipes the
// benchmarks through it.
//
//	go test -run '^$' -bench . -benchmem ./... | go run ./internal/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	rows, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(rows) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results in the input")
		os.Exit(1)
	}
	write(os.Stdout, rows)
}

// parse reads benchmark result lines, remembering the package each follows.
func parse(r io.Reader) ([]Row, error) {
	var rows []Row
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := pkgLine(line); ok {
			pkg = p
			continue
		}
		if row, ok := parseLine(pkg, line); ok {
			rows = append(rows, row)
		}
	}
	return rows, sc.Err()
}
