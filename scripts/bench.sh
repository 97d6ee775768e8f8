#!/usr/bin/env bash
# `make bench`: runs every benchmark of every package once (go test -bench, with memory)
# and prints one table — what, size, time, memory — headed by the machine it ran on, as
# BENCHMARKS.md records it; then times the real program importing realistic lists
# (internal/benchdata: 15 columns with free-text 核实意见, a GBK CSV and the same list
# saved by LibreOffice Calc) as whole processes, beside LibreOffice's own conversion of
# that workbook to CSV. The raw output stays in bench.out. A package whose benchmarks
# fail still leaves the others' table, and then `make bench` fails.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The lists: GBK CSV as WPS and Excel save it; the XLSX saved by LibreOffice from the
# same rows, the ID and phone columns as text (CSV filter: comma, quote, UTF-8, line 1,
# columns 2 and 4 text).
go run ./internal/benchdata/gen -n 10000 -enc gbk -o "$work/list-10k.csv"
go run ./internal/benchdata/gen -n 10000 -enc utf8 -o "$work/list-10k-utf8.csv"
go run ./internal/benchdata/gen -n 50000 -enc utf8 -o "$work/list-50k-utf8.csv"
lo=""
if command -v soffice >/dev/null; then
  lo=soffice
  for n in 10k 50k; do
    HOME="$work/lohome" soffice --headless --convert-to xlsx --infilter="CSV:44,34,76,1,2/2/4/2" \
      --outdir "$work" "$work/list-$n-utf8.csv" >/dev/null 2>&1
    mv "$work/list-$n-utf8.xlsx" "$work/list-$n.xlsx" 2>/dev/null || lo=""
  done
fi
[ -n "$lo" ] && export PINGXIN_LO_XLSX="$work/list-10k.xlsx"

go test -run '^$' -bench . -benchmem -timeout 30m ./... >bench.out 2>&1
status=$?
model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
mem=$(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}')
echo "Machine: ${model:-unknown CPU}, $(nproc) cores, ${mem:-? GiB} memory; $(go env GOVERSION) $(go env GOOS)/$(go env GOARCH); $(date -u +%Y-%m-%d); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo
go run ./internal/benchtable <bench.out || status=1

# best runs "$@" five times and prints the shortest wall-clock time (s) and the largest
# peak resident set (MB) of the whole process, as /usr/bin/time -v reports them.
best() {
  local wall=999 rss=0 out w r
  for _ in 1 2 3 4 5; do
    [ -n "${fresh:-}" ] && cp "$work/base.db" "$work/x.db" && rm -f "$work"/x.db-*
    /usr/bin/time -o "$work/time.out" -f '%e %M' "$@" >/dev/null 2>&1
    out=$(tail -n 1 "$work/time.out")
    w=${out% *} r=${out#* }
    wall=$(awk -v a="$wall" -v b="$w" 'BEGIN {print (b < a) ? b : a}')
    rss=$(( r > rss ? r : rss ))
  done
  echo "$wall $((rss / 1024))"
}

echo
echo "Whole process: \`pingxin --db x.db import --meeting 1 FILE\` into the demo meeting (fresh copy each run; best of 5 wall clock, peak RSS from /usr/bin/time):"
echo
if ! [ -x /usr/bin/time ]; then
  echo "(/usr/bin/time is not installed: apt-get install time)"
  exit "$status"
fi
go build -o "$work/pingxin" . || exit 1
"$work/pingxin" --db "$work/base.db" demo >/dev/null 2>&1
echo "| what | size | wall clock | peak RSS |"
echo "| --- | --- | ---: | ---: |"
row() { # what size file
  local r
  r=$(fresh=1 best "$work/pingxin" --db "$work/x.db" import --meeting 1 "$3")
  echo "| $1 | $2 | ${r% *} s | ${r#* } MB |"
}
row "import a GBK CSV" "10,000 rows × 15 columns" "$work/list-10k.csv"
if [ -n "$lo" ]; then
  row "import an XLSX saved by LibreOffice" "10,000 rows × 15 columns" "$work/list-10k.xlsx"
  row "import an XLSX saved by LibreOffice" "50,000 rows × 15 columns" "$work/list-50k.xlsx"
  HOME="$work/lohome" soffice --headless --convert-to csv --outdir "$work/conv" "$work/list-10k.xlsx" >/dev/null 2>&1
  r=$(HOME="$work/lohome" best soffice --headless --convert-to csv --outdir "$work/conv" "$work/list-10k.xlsx")
  echo "| LibreOffice converting that XLSX to CSV (\`soffice --headless --convert-to csv\`) | 10,000 rows × 15 columns | ${r% *} s | ${r#* } MB |"
else
  echo
  echo "(LibreOffice is not installed: no XLSX rows. apt-get install libreoffice-calc-nogui)"
fi
exit "$status"
