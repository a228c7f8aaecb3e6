#!/usr/bin/env bash
# Regenerates Ferry's app icons from the SVG sources in assets/:
#   ferry.svg     the icon (drawn on a 256 grid), used for 48 px and up
#   ferry-16.svg  the same picture drawn on the 16 px grid, used for 16, 24 and 32 px
# into
#   assets/icons/hicolor/<N>x<N>/apps/ferry.png   N = 16 24 32 48 64 128 256 512 (Linux, window icon)
#   assets/ferry.ico                              16–256 px, PNG entries (Windows .exe and installer)
#   assets/ferry.icns                             32–1024 px, macOS grid with its margin (.app bundle)
# The generated files are committed, so building Ferry or its packages needs none of these tools.
# Tools (Debian packages, installed with apt-get when missing; root or sudo): librsvg2-bin
# (rsvg-convert), python3-pil (Pillow writes the .ico and .icns), optipng (shrinks the PNGs).
# Takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")"

python=/usr/bin/python3
need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v optipng >/dev/null || need+=(optipng)
{ [ -x "$python" ] && "$python" -c 'import PIL' 2>/dev/null; } || need+=(python3 python3-pil)
# shellcheck source=../packaging/lib/apt.sh
source ../packaging/lib/apt.sh
[ ${#need[@]} -eq 0 ] || apt_need "${need[@]}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The source drawing for a size: the 16 px grid below 48 px, the full drawing from 48 px up.
source_for() { if [ "$1" -lt 48 ]; then echo ferry-16.svg; else echo ferry.svg; fi; }

for n in 16 24 32 48 64 128 256 512; do
  dir="icons/hicolor/${n}x${n}/apps"
  mkdir -p "$dir"
  rsvg-convert --width "$n" --height "$n" "$(source_for "$n")" --output "$dir/ferry.png"
  optipng -quiet -o5 -strip all "$dir/ferry.png"
  echo "$dir/ferry.png"
done

# macOS draws app icons on a 1024 grid whose rounded tile is 824 px wide: render the tile at that
# share of each size (ferry.svg's tile is 232 of 256) and centre it, so Ferry lines up in the Dock.
for n in 32 64 128 256 512 1024; do
  tile=$(( (n * 824 / 1024) * 256 / 232 ))
  rsvg-convert --width "$tile" --height "$tile" ferry.svg --output "$tmp/mac-$n-raw.png"
done

"$python" - "$tmp" <<'EOF'
import sys
from PIL import Image

tmp = sys.argv[1]
hicolor = "icons/hicolor/{0}x{0}/apps/ferry.png"

# .ico: one PNG-compressed entry per size, each the hand-sized render above.
ico = [Image.open(hicolor.format(n)).convert("RGBA") for n in (256, 16, 24, 32, 48, 64, 128)]
ico[0].save("ferry.ico", format="ICO", sizes=[im.size for im in ico], append_images=ico[1:])

# .icns: the macOS-margin renders centred on transparent squares of each size.
mac = {}
for n in (32, 64, 128, 256, 512, 1024):
    raw = Image.open(f"{tmp}/mac-{n}-raw.png").convert("RGBA")
    # the raw render is the whole 256 canvas scaled; crop to the centred n x n square
    off = (raw.width - n) // 2
    if off >= 0:
        square = raw.crop((off, off, off + n, off + n))
    else:
        square = Image.new("RGBA", (n, n))
        square.paste(raw, (-off, -off))
    mac[n] = square
mac[1024].save("ferry.icns", format="ICNS", append_images=[mac[n] for n in (32, 64, 128, 256, 512)])

# check what was written
with Image.open("ferry.ico") as im:
    print("ferry.ico:", sorted(im.info["sizes"]))
with Image.open("ferry.icns") as im:
    print("ferry.icns:", sorted(im.info["sizes"]))
EOF
