#!/usr/bin/env bash
# Renders packaging/icons/pullfix.svg (the one source) into every size the installers want, and commits nothing:
# run it after editing the SVG, then commit the results.
#   png/pullfix-N.png (Linux hicolor sizes and the jpackage Linux icon), pullfix.ico (Windows), pullfix.icns (macOS)
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" pullfix.svg -o "png/pullfix-$s.png"
done
# Windows: one .ico holding 16..256
convert png/pullfix-16.png png/pullfix-24.png png/pullfix-32.png png/pullfix-48.png png/pullfix-64.png \
        png/pullfix-128.png png/pullfix-256.png pullfix.ico
# macOS: .icns from the sizes Apple's icon families take
png2icns pullfix.icns png/pullfix-16.png png/pullfix-32.png png/pullfix-48.png png/pullfix-128.png \
         png/pullfix-256.png png/pullfix-512.png png/pullfix-1024.png >/dev/null
rm -f png/pullfix-1024.png   # only the .icns needs it
ls -l png pullfix.ico pullfix.icns
