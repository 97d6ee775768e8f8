// Command gen writes a realistic nomination list (internal/benchdata) for the
// whole-process benchmarks of scripts/bench.sh:
//
//	go run ./internal/benchdata/gen -n 10000 -enc gbk -o big.csv
//
// The XLSX the benchmarks import is this CSV saved by LibreOffice (the ID and phone
// columns as text), as a village office makes it.
package main

import (
	"flag"
	"log"
	"os"

	"golang.org/x/text/encoding/simplifiedchinese"

	"pingxin/internal/benchdata"
)

func main() {
	n := flag.Int("n", 10000, "rows")
	enc := flag.String("enc", "utf8", "utf8 (with BOM) or gbk")
	out := flag.String("o", "list.csv", "output file")
	flag.Parse()
	text := benchdata.CSV(benchdata.List(*n))
	var b []byte
	switch *enc {
	case "gbk":
		s, err := simplifiedchinese.GBK.NewEncoder().String(text)
		if err != nil {
			log.Fatal(err)
		}
		b = []byte(s)
	case "utf8":
		b = []byte("\xEF\xBB\xBF" + text)
	default:
		log.Fatalf("unknown encoding %q", *enc)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}
