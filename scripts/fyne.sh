#!/usr/bin/env bash
# Runs the fyne command (fyne.io/tools) at the version this project packages with,
# installing it into dist/tools from the Go module proxy the first time. go.mod is not
# touched: the tool is a program we run, not a library we link.
#   scripts/fyne.sh package -os windows …
set -euo pipefail
version=v1.7.4
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/dist/tools"
if [ ! -x "$tools/fyne" ] || [ "$(cat "$tools/fyne.version" 2>/dev/null)" != "$version" ]; then
  mkdir -p "$tools"
  GOOS= GOARCH= CGO_ENABLED=0 GOBIN="$tools" go install "fyne.io/tools/cmd/fyne@$version"
  echo "$version" >"$tools/fyne.version"
fi
exec "$tools/fyne" "$@"
