#!/usr/bin/env bash
# `readout estimate` against R on the same 1 000 000-subject ADSL/ADTTE, timed alternately in one run.
#
#   Benchmarks/estimate-vs-r.sh [RESULTS_DIR]     (default .build/bench; one command)
#
# Generates (once) the sample trial scaled to SUBJECTS (default 1000000) with `readout synth --subjects`,
# then runs R (Benchmarks/estimate-vs-r.R: data.table::fread + survfit + survdiff + coxph, the same
# analysis) and the release `readout estimate` alternately, RUNS rounds (default 3), each under
# `/usr/bin/time -v` (wall clock, peak RSS). Alternating within rounds spreads the noise of a shared
# machine over both; `hyperfine -r 3 A B` would run all of A's runs before B's. Writes
#   RESULTS_DIR/estimate-vs-r.tsv   round, tool, wall seconds, peak MiB, user + system CPU seconds
#   RESULTS_DIR/estimate-vs-r.md    medians and the ratio R / readout, as Markdown
#   RESULTS_DIR/logs/estimate-*.txt each run's output (both print the medians, log-rank and HR), *.time its time -v
# Install what it needs on Debian/Ubuntu:
#   apt-get install r-base-core r-cran-survival r-cran-data.table time hyperfine
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-.build/bench}
SUBJECTS=${SUBJECTS:-1000000}
RUNS=${RUNS:-3}
PARAM=${PARAM:-RFS}
command -v Rscript > /dev/null || { echo "needs R: apt-get install r-base-core r-cran-survival r-cran-data.table" >&2; exit 1; }
Rscript -e 'suppressPackageStartupMessages({library(data.table); library(survival)})' \
  || { echo "needs R packages: apt-get install r-cran-survival r-cran-data.table" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

# BUILD_FLAGS: extra `swift build` flags, e.g. "--scratch-path .build-release" to keep the debug build apart.
swift build -c release ${BUILD_FLAGS:-} --product readout >&2
swift build -c release ${BUILD_FLAGS:-} --product readout-bench >&2
BIN=$(swift build -c release ${BUILD_FLAGS:-} --show-bin-path)
PROJECT="$OUT/trials/blinatumomab-mrd-$SUBJECTS"
mkdir -p "$OUT/logs"
if [ ! -f "$PROJECT/data/adtte.csv" ]; then
  "$BIN/readout" synth --subjects "$SUBJECTS" --output "$PROJECT" > /dev/null
fi
ADSL="$PROJECT/data/adsl.csv"
ADTTE="$PROJECT/data/adtte.csv"

TSV="$OUT/estimate-vs-r.tsv"
printf 'round\ttool\twall s\tpeak MiB\tCPU s\n' > "$TSV"
record() { # round tool log
  local wall peak cpu
  wall=$(grep 'Elapsed (wall clock)' "$3" | awk '{ n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }')
  peak=$(grep 'Maximum resident set size' "$3" | awk '{ printf "%.1f", $NF / 1024 }')
  cpu=$(awk '/User time \(seconds\)|System time \(seconds\)/ { s += $NF } END { printf "%.2f", s }' "$3")
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$wall" "$peak" "$cpu" >> "$TSV"
}
for ROUND in $(seq 1 "$RUNS"); do
  echo "round $ROUND/$RUNS: R…" >&2
  /usr/bin/time -v Rscript Benchmarks/estimate-vs-r.R "$ADSL" "$ADTTE" "$PARAM" > "$OUT/logs/estimate-r-$ROUND.txt" 2> "$OUT/logs/estimate-r-$ROUND.time"
  record "$ROUND" R "$OUT/logs/estimate-r-$ROUND.time"
  echo "round $ROUND/$RUNS: readout…" >&2
  /usr/bin/time -v "$BIN/readout" estimate --adsl "$ADSL" --adtte "$ADTTE" --param "$PARAM" > "$OUT/logs/estimate-readout-$ROUND.txt" 2> "$OUT/logs/estimate-readout-$ROUND.time"
  record "$ROUND" readout "$OUT/logs/estimate-readout-$ROUND.time"
done
"$BIN/readout-bench" compare "$TSV" > "$OUT/estimate-vs-r.md"
cat "$OUT/estimate-vs-r.md"
echo; echo "Same numbers? R (round 1):"; cat "$OUT/logs/estimate-r-1.txt"
echo "readout (round 1):"; grep -e 'n = ' -e 'median' -e 'log-rank' -e 'Cox' "$OUT/logs/estimate-readout-1.txt" || true
