#!/usr/bin/env bash
# Writes the licence of every module linked into the binary for GOOS (linux or windows),
# and of the embedded font, to stdout: what a zip handed to a village office must carry.
#   scripts/licenses.sh windows > THIRD_PARTY_LICENSES.txt
set -euo pipefail
cd "$(dirname "$0")/.."
goos=${1:-linux}
echo "Pingxin (评信) includes the following third-party software and fonts."
echo "Pingxin 使用了以下第三方软件和字体，其许可证如下。"
echo
echo "==== Noto Sans SC (assets/fonts) — SIL Open Font License 1.1 ===="
cat assets/fonts/OFL.txt
echo
echo "==== The Go programming language $(go env GOVERSION) — LICENSE ===="
cat "$(go env GOROOT)/LICENSE"
echo
GOOS=$goos GOARCH=amd64 CGO_ENABLED=1 go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' . |
  sort -u |
  while read -r path version dir; do
    files=$(find "$dir" -maxdepth 1 -type f \( -iname 'LICENSE*' -o -iname 'LICENCE*' -o -iname 'COPYING*' -o -iname 'NOTICE*' \) | sort)
    if [ -z "$files" ] && [[ "$dir" == "$(pwd)/"* ]]; then
      continue # a module of our own kept in the tree (third_party/bootlocale): not third-party
    fi
    if [ -z "$files" ]; then
      echo "licenses.sh: no licence file in $path $version" >&2
      exit 1
    fi
    for f in $files; do
      echo "==== $path $version — $(basename "$f") ===="
      cat "$f"
      echo
    done
  done
