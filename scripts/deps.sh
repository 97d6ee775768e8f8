#!/usr/bin/env bash
# Installs the Debian packages a target needs, only those missing, so `make run` and
# `make test` work on a fresh Debian/Ubuntu machine (as root, or with sudo).
#   scripts/deps.sh run    — cgo and the X11/GL headers Fyne builds against
#   scripts/deps.sh test   — plus Xvfb, poppler, qpdf, imagemagick and certutil (NSS) for the tests
#   scripts/deps.sh win    — plus the MinGW-w64 cross compiler, the zip tools, NSIS (the
#                            installer), imagemagick (its icon), osslsigncode and openssl
#                            (signing) for the Windows package (scripts/package.sh windows)
#   scripts/deps.sh wine   — plus Wine (64-bit), Xvfb and the X tools to run the Windows
#                            build headless (scripts/wine-check.sh)
#   scripts/deps.sh linux  — plus xz and file for the Linux package
set -euo pipefail
pkgs=(gcc libgl1-mesa-dev xorg-dev pkg-config)
case "${1:-run}" in
  run) ;;
  test) pkgs+=(xvfb x11-utils poppler-utils qpdf imagemagick libnss3-tools) ;;
  win) pkgs+=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 zip unzip file git nsis imagemagick
    osslsigncode openssl) ;;
  wine) pkgs+=(wine wine64 xvfb xauth x11-utils imagemagick diffutils) ;;
  linux) pkgs+=(xz-utils file git) ;;
  *) echo "usage: $0 run|test|win|wine|linux" >&2; exit 2 ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
