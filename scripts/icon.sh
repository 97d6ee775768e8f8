#!/usr/bin/env bash
# Draws assets/icon.png, Pingxin's icon: a red seal (印章) bearing 信 in the embedded
# Noto Sans SC Bold, 512×512 with transparent corners, and its 256×256 copy for Windows,
# assets/icon_windows.png. The PNGs are committed; run this only to change them (needs
# imagemagick: scripts/deps.sh test).
set -euo pipefail
cd "$(dirname "$0")/.."
convert -size 512x512 xc:none \
  -fill '#B22222' -draw "roundrectangle 24,24 488,488 56,56" \
  -fill none -stroke '#FFF5E6' -strokewidth 14 -draw "roundrectangle 58,58 454,454 36,36" \
  -stroke none -fill '#FFF5E6' -font assets/fonts/NotoSansSC_700Bold.ttf -pointsize 320 \
  -gravity center -annotate +0+0 '信' -strip PNG32:assets/icon.png
# Windows icons hold at most 256×256, and `fyne package` puts the PNG it is given into
# the .ico as it is: the Windows package gets this copy.
convert assets/icon.png -resize 256x256 -strip PNG32:assets/icon_windows.png
