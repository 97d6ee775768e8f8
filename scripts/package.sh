#!/usr/bin/env bash
# Builds the release package for one system into dist/, named with the version from
# FyneApp.toml:
#   scripts/package.sh windows — dist/pingxin-VERSION-windows-amd64.zip: pingxin.exe
#       (PE32+, GUI subsystem, icon and version resources), README.txt, the licences;
#       and dist/pingxin-VERSION-setup.exe, the installer of the same files
#       (scripts/installer.sh). Cross-compiled here with MinGW-w64 (scripts/deps.sh win).
#       With SIGN_PFX (and SIGN_PASS) set, pingxin.exe, the uninstaller and the setup
#       are signed with that certificate (scripts/sign.sh) and the signatures checked.
#   scripts/package.sh linux   — dist/pingxin-VERSION-linux-amd64.tar.xz: the program,
#       a desktop entry and the icon, and a Makefile whose `make install` puts them in
#       place (`fyne package`'s layout).
# `fyne package` writes files into the source folder while it builds, so it runs on a
# copy of the tree (the files git tracks or would track) in dist/, never on the tree
# other work is going on in.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/package.sh windows|linux}
version=$(scripts/version.sh)
name="pingxin-$version-$target-amd64"
stage="dist/stage-$target"
rm -rf "$stage" "dist/$name" && mkdir -p "$stage" "dist/$name"
git ls-files -z -c -o --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$stage"

case "$target" in
windows)
  (cd "$stage" && CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ GOARCH=amd64 \
    ../../scripts/fyne.sh package -os windows -release -icon assets/icon_windows.png)
  cp "$stage/Pingxin.exe" "dist/$name/pingxin.exe"
  [ -z "${SIGN_PFX:-}" ] || scripts/sign.sh "dist/$name/pingxin.exe"
  # The program as shipped, for a quick `file dist/pingxin.exe` and for
  # scripts/wine-check.sh, which checks the installed copy is these bytes.
  cp "dist/$name/pingxin.exe" dist/pingxin.exe
  sed 's/$/\r/' README.md >"dist/$name/README.txt"
  scripts/licenses.sh windows | sed 's/$/\r/' >"dist/$name/THIRD_PARTY_LICENSES.txt"
  out="dist/$name.zip"
  rm -f "$out"
  (cd dist && zip -q -r -9 "$name.zip" "$name")
  scripts/installer.sh "dist/$name"
  scripts/check-package.sh "dist/pingxin-$version-setup.exe"
  ;;
linux)
  (cd "$stage" && ../../scripts/fyne.sh package -os linux -release)
  tar -xJf "$stage/Pingxin.tar.xz" -C "dist/$name" --strip-components=1
  cp README.md "dist/$name/README.md"
  scripts/licenses.sh linux >"dist/$name/THIRD_PARTY_LICENSES.txt"
  out="dist/$name.tar.xz"
  tar -C dist -cJf "$out" "$name"
  ;;
*) echo "usage: scripts/package.sh windows|linux" >&2; exit 2 ;;
esac
rm -rf "$stage" "dist/$name"
scripts/check-package.sh "$out"
echo "$out"
