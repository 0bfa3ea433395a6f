#!/usr/bin/env bash
# Regenerates public/music/*.mp3: soft ambient loops synthesised with sox (our own work, MIT like the code).
# Each loop is a chord progression of layered sine pads with slow tremolo, cross-faded chords and a
# little reverb. Needs: sox, ffmpeg (libmp3lame). Usage: scripts/make-music.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=public/music
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
RATE=44100
CHORD_SEC=6   # one chord every 6 s
HOLD_SEC=8    # each chord rings 8 s, so neighbours cross-fade for 2 s

# note <freq> <seconds> <gain> <tremolo-hz> <file>
note() {
	sox -n -r $RATE -c 1 "$5" synth "$2" sine "$1" tremolo "$4" 35 gain "$3"
}

# chord <file> <freq>... : a pad of sine notes plus a quiet octave shimmer, faded in and out
chord() {
	local file=$1; shift
	local parts=() i=0
	for f in "$@"; do
		i=$((i + 1))
		note "$f" $HOLD_SEC -16 "0.$((i + 1))" "$TMP/n$i.wav"
		parts+=("$TMP/n$i.wav")
	done
	note "$(echo "$1 * 4" | bc -l)" $HOLD_SEC -30 0.7 "$TMP/shimmer.wav"
	parts+=("$TMP/shimmer.wav")
	sox -m "${parts[@]}" "$file" fade q 2.5 $HOLD_SEC 3
}

# loop <id> <chord spec>... where a chord spec is "f1 f2 f3 f4"
loop() {
	local id=$1; shift
	local mix=() n=0
	for spec in "$@"; do
		# shellcheck disable=SC2086
		chord "$TMP/c$n.wav" $spec
		sox "$TMP/c$n.wav" "$TMP/p$n.wav" pad "$((n * CHORD_SEC))"
		mix+=("$TMP/p$n.wav")
		n=$((n + 1))
	done
	local total=$((n * CHORD_SEC))
	# The tail of the last chord is folded onto the start so the loop point is seamless.
	sox -m "${mix[@]}" "$TMP/long.wav" norm -3
	sox "$TMP/long.wav" "$TMP/body.wav" trim 0 "$total"
	sox "$TMP/long.wav" "$TMP/tail.wav" trim "$total"
	sox -m "$TMP/body.wav" "$TMP/tail.wav" "$TMP/folded.wav"
	sox "$TMP/folded.wav" -c 2 "$TMP/stereo.wav" lowpass 2400 reverb 60 50 80 trim 0 "$total" norm -4
	ffmpeg -v error -y -i "$TMP/stereo.wav" -c:a libmp3lame -b:a 96k -ar 44100 "$OUT/$id.mp3"
	echo "$OUT/$id.mp3 $(soxi -D "$TMP/stereo.wav") s"
}

# calm-pad: C major 7 -> A minor 7 -> F major 7 -> G 6 (C4 = 261.63 Hz)
loop calm-pad "130.81 261.63 329.63 493.88" "110.00 220.00 261.63 392.00" "87.31 220.00 261.63 329.63" "98.00 246.94 293.66 329.63"
# night-drift: D minor 9 -> B flat major 7 -> G minor 7 -> A sus4, lower and darker
loop night-drift "73.42 220.00 293.66 329.63" "58.27 233.08 293.66 440.00" "98.00 233.08 293.66 349.23" "110.00 220.00 293.66 329.63"
# bright-steps: F major -> C/E -> D minor 7 -> B flat add 9, a little brighter
loop bright-steps "87.31 349.23 440.00 523.25" "82.41 329.63 392.00 523.25" "73.42 293.66 349.23 440.00" "116.54 293.66 349.23 523.25"
