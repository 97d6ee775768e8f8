#!/usr/bin/env bash
# scripts/fuzz.sh — run every Go fuzz target in the repository for a bounded time each
# (`make fuzz`; not part of `make test`). FUZZTIME is each target's budget (default
# 30s); FUZZMINTIME bounds the minimisation of a new interesting input (default 5s),
# which otherwise takes the whole budget (FuzzReadCSV once managed 10 executions in a
# minute). A failing input is written under the package's testdata/fuzz/ by go test;
# the script prints one line per target (executions, new corpus entries, result) and
# exits 1 when any target failed. FUZZ=regexp limits the targets by name.
set -u
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-30s}
FUZZMINTIME=${FUZZMINTIME:-5s}
FUZZ=${FUZZ:-.}
GO=${GO:-go}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
printf '%-28s %-26s %12s %8s  %s\n' TARGET PACKAGE EXECS NEW RESULT
while IFS=: read -r file name; do
	pkg=./$(dirname "$file")
	echo "$name" | grep -Eq -- "$FUZZ" || continue
	"$GO" test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINTIME" "$pkg" >"$log" 2>&1
	rc=$?
	last=$(grep -E 'fuzz: elapsed' "$log" | tail -1)
	execs=$(echo "$last" | sed -nE 's/.*execs: ([0-9]+).*/\1/p')
	new=$(echo "$last" | sed -nE 's/.*new interesting: ([0-9]+).*/\1/p')
	result=ok
	if [ $rc -ne 0 ]; then
		result="FAILED: $(grep -E -- '--- FAIL|Failing input|panic' "$log" | head -3 | tr '\n' ' ')"
		failed=1
	fi
	printf '%-28s %-26s %12s %8s  %s\n' "$name" "$pkg" "${execs:-?}" "${new:-?}" "$result"
done < <(grep -rHoE '^func (Fuzz[A-Za-z0-9_]+)' --include='*_test.go' . | sed -E 's#^\./##; s#:func #:#' | sort)
exit $failed
