#!/usr/bin/env bash
# Prints the app's version, as FyneApp.toml's [Details] Version says it: the one place
# it is written, read by `fyne package`, the package names and `make release`.
set -euo pipefail
cd "$(dirname "$0")/.."
v=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"[[:space:]]*$/\1/p' FyneApp.toml | head -n 1)
[ -n "$v" ] || { echo "version.sh: no Version in FyneApp.toml" >&2; exit 1; }
echo "$v"
