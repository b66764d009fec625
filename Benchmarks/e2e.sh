#!/usr/bin/env bash
# End-to-end benchmark of `readout build` on synthetic trials of growing size.
#
#   Benchmarks/e2e.sh [RESULTS_DIR]        (default .build/bench; one command, rerun after any change)
#
# Builds readout and readout-bench in release, generates the sample trial scaled to each size with
# `readout synth --subjects N` (seeded: identical files on every run), builds each trial RUNS times
# into a fresh output folder under `/usr/bin/time -v` (wall clock, peak RSS) with `--timings` (wall
# seconds per phase; user + system CPU seconds too, which a busy machine inflates less), and writes
#   RESULTS_DIR/raw.tsv        subjects, run, measure, value — every measurement
#   RESULTS_DIR/results.tsv    subjects, measure, median — medians over the runs
#   RESULTS_DIR/results.md     the medians as a Markdown table
#   RESULTS_DIR/growth.svg     wall time against subjects, log–log, drawn by ReadoutFigures
# Environment: SIZES (default "1000 10000 100000 1000000"), RUNS (default 3), SEED (default 20261126).
# Needs /usr/bin/time (Debian: apt-get install time). Timings are never asserted anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-.build/bench}
SIZES=${SIZES:-"1000 10000 100000 1000000"}
RUNS=${RUNS:-3}
SEED=${SEED:-20261126}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

echo "building release binaries…" >&2
# BUILD_FLAGS: extra `swift build` flags, e.g. "--scratch-path .build-release" to keep the debug build apart.
swift build -c release ${BUILD_FLAGS:-} --product readout >&2
swift build -c release ${BUILD_FLAGS:-} --product readout-bench >&2
BIN=$(swift build -c release ${BUILD_FLAGS:-} --show-bin-path)
mkdir -p "$OUT/trials" "$OUT/logs"
RAW="$OUT/raw.tsv"
printf 'subjects\trun\tmeasure\tvalue\n' > "$RAW"

# Seconds from /usr/bin/time -v's "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34".
wall_seconds() { grep 'Elapsed (wall clock)' "$1" | awk '{ n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }'; }
peak_mib() { grep 'Maximum resident set size' "$1" | awk '{ printf "%.1f\n", $NF / 1024 }'; }
# User + system CPU seconds: on a shared machine wall time includes waiting for a core, CPU time does not.
cpu_seconds() { awk '/User time \(seconds\)|System time \(seconds\)/ { s += $NF } END { printf "%.2f\n", s }' "$1"; }
# The measurements of one build from its log (time -v and the --timings table) as raw.tsv rows.
build_rows() { # N RUN LOG
  printf '%s\t%s\tbuild wall s\t%s\n' "$1" "$2" "$(wall_seconds "$3")"
  printf '%s\t%s\tbuild CPU s\t%s\n' "$1" "$2" "$(cpu_seconds "$3")"
  printf '%s\t%s\tbuild peak MiB\t%s\n' "$1" "$2" "$(peak_mib "$3")"
  # Phase rows of the --timings table: two-space indent, name, seconds.
  awk -v n="$1" -v r="$2" '/^  [a-z]/ && $NF ~ /^[0-9]+\.[0-9]+$/ { v = $NF; $NF = ""; sub(/^ +/, ""); sub(/ +$/, ""); printf "%s\t%s\t%s s\t%s\n", n, r, $0, v }' "$3"
}

for N in $SIZES; do
  PROJECT="$OUT/trials/blinatumomab-mrd-$N"
  LOG="$OUT/logs/synth-$N.txt"
  rm -rf "$PROJECT"
  echo "synth $N subjects…" >&2
  /usr/bin/time -v "$BIN/readout" synth --subjects "$N" --seed "$SEED" --output "$PROJECT" > /dev/null 2> "$LOG"
  printf '%s\t1\tsynth wall s\t%s\n' "$N" "$(wall_seconds "$LOG")" >> "$RAW"
  printf '%s\t1\tsynth CPU s\t%s\n' "$N" "$(cpu_seconds "$LOG")" >> "$RAW"
  printf '%s\t1\tsynth peak MiB\t%s\n' "$N" "$(peak_mib "$LOG")" >> "$RAW"
  printf '%s\t1\tdata MiB\t%s\n' "$N" "$(du -sk "$PROJECT/data" | awk '{ printf "%.1f\n", $1 / 1024 }')" >> "$RAW"
  for RUN in $(seq 1 "$RUNS"); do
    SITE="$OUT/site-$N"
    LOG="$OUT/logs/build-$N-$RUN.txt"
    rm -rf "$SITE"
    echo "build $N subjects, run $RUN/$RUNS…" >&2
    /usr/bin/time -v "$BIN/readout" build "$PROJECT" --output "$SITE" --quiet --timings > /dev/null 2> "$LOG"
    build_rows "$N" "$RUN" "$LOG" >> "$RAW"
  done
  rm -rf "$OUT/site-$N"
done

"$BIN/readout-bench" summarize "$RAW" "$OUT/results.tsv" > "$OUT/results.md"
"$BIN/readout-bench" plot "$OUT/results.tsv" "$OUT/growth.svg"
cat "$OUT/results.md"
echo "wrote $OUT/raw.tsv, $OUT/results.tsv, $OUT/results.md, $OUT/growth.svg" >&2
