#!/usr/bin/env bash
# `make bench`: runs every benchmark of every package once (go test -bench, with memory)
# and prints one table — what, size, time, memory — headed by the machine it ran on, as
# BENCHMARKS.md records it. The raw output stays in bench.out. A package whose
# benchmarks fail still leaves the others' table, and then `make bench` fails.
set -uo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench . -benchmem -timeout 30m ./... >bench.out 2>&1
status=$?
model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
mem=$(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}')
echo "Machine: ${model:-unknown CPU}, $(nproc) cores, ${mem:-? GiB} memory; $(go env GOVERSION) $(go env GOOS)/$(go env GOARCH); $(date -u +%Y-%m-%d)"
echo
go run ./internal/benchtable <bench.out || status=1
if [ "$status" -ne 0 ]; then
  echo >&2
  grep -E '^(FAIL|---|panic|#)|cannot|undefined' bench.out >&2
  echo "bench: some benchmarks failed; see bench.out" >&2
fi
exit "$status"
