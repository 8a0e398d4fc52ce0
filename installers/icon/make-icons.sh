#!/usr/bin/env bash
# Makes the icon files the packages need from hpsearch.svg: hpsearch.png (Linux, 256 px), hpsearch.ico (Windows)
# and hpsearch.icns (macOS), the last two holding PNG images as both formats allow. They are committed, so that a
# build needs none of this; run it again after changing the SVG. Needs rsvg-convert (Debian: librsvg2-bin) and
# python3.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 128 256 512; do rsvg-convert -w $s -h $s hpsearch.svg -o "$tmp/$s.png"; done
cp "$tmp/256.png" hpsearch.png
python3 - "$tmp" <<'PY'
import struct, sys
d = sys.argv[1]
png = lambda s: open(f"{d}/{s}.png", "rb").read()
# ICO: a header, one directory entry per image (width/height 0 means 256), then the PNG data
sizes = [16, 32, 48, 256]
data = [png(s) for s in sizes]
out = struct.pack("<HHH", 0, 1, len(sizes))
offset = 6 + 16 * len(sizes)
for s, b in zip(sizes, data):
    out += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(b), offset)
    offset += len(b)
open("hpsearch.ico", "wb").write(out + b"".join(data))
# ICNS: "icns" + total length, then typed chunks; ic07/ic08/ic09 hold 128/256/512 px PNGs
chunks = b"".join(t + struct.pack(">I", 8 + len(png(s))) + png(s) for t, s in ((b"ic07", 128), (b"ic08", 256), (b"ic09", 512)))
open("hpsearch.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
PY
ls -l hpsearch.png hpsearch.ico hpsearch.icns
