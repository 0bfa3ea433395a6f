#!/usr/bin/env bash
# Regenerates public/samples/: images, video clips and narration used by the sample storyboards.
# Everything is made here from nothing (ffmpeg lavfi generators, an SVG we drew, festival speech),
# so no third-party media is bundled. Needs: ffmpeg (Debian build: lavfi, libx264, libmp3lame),
# chromium (to rasterise the SVG art), festival + festvox-us-slt-hts, node.
# Usage: scripts/make-sample-media.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=public/samples
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
CHROMIUM=${REMOTION_BROWSER_EXECUTABLE:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}
FF=(ffmpeg -v error -y)

# 1. Images, 1280x1280 so that 16:9, 9:16 and 1:1 frames can all crop them.
"${FF[@]}" -f lavfi -i "mandelbrot=size=1280x1280:start_scale=0.08:end_scale=0.08:maxiter=300:start_x=-0.745:start_y=0.115" \
	-frames:v 1 -vf "hue=h=150:s=0.8,gblur=sigma=1.4" -q:v 9 "$OUT/mandelbrot.jpg"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
	--window-size=1280,1280 --screenshot="$TMP/dusk.png" "file://$PWD/scripts/sample-art/dusk.svg" >/dev/null 2>&1
"${FF[@]}" -i "$TMP/dusk.png" -q:v 4 "$OUT/dusk.jpg"
cp scripts/sample-art/icon-spark.svg "$OUT/icon-spark.svg"

# 2. Video clips: 3 s, 640x640, h264, no audio.
"${FF[@]}" -f lavfi -i "life=s=160x160:mold=25:r=12:ratio=0.12:death_color=#0f172a:life_color=#facc15:mold_color=#312e81:seed=42" \
	-t 3 -vf "scale=640:640:flags=neighbor,fps=24,format=yuv420p" -c:v libx264 -preset slow -crf 30 -movflags +faststart -an "$OUT/life.mp4"
"${FF[@]}" -f lavfi -i "mandelbrot=size=320x320:rate=24:start_scale=0.4:end_scale=0.06:end_pts=72:maxiter=250:start_x=-0.745:start_y=0.115" \
	-t 3 -vf "scale=640:640:flags=bicubic,hue=h=150:s=0.8,gblur=sigma=1,format=yuv420p" -c:v libx264 -preset slow -crf 32 -movflags +faststart -an "$OUT/zoom.mp4"

# 3. Narration + sample storyboards (captions timed by festival).
node scripts/make-sample-storyboards.mjs

du -ah "$OUT" | sort -k2
