#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 30) from the seed corpus in the repo.
# Usage: Tests/Fuzz/run.sh [SECONDS] [TARGET…]   (targets: FuzzCSV FuzzXPT FuzzPlan FuzzFrontMatter)
# Exits non-zero when a target crashes, traps or trips AddressSanitizer; the reproducer is left in
# .build-fuzz/findings/<target>/. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzCSV FuzzXPT FuzzPlan FuzzFrontMatter)
declare -A corpus=([FuzzCSV]=csv [FuzzXPT]=xpt [FuzzPlan]=plan [FuzzFrontMatter]=frontmatter)
flags=(-c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
for target in "${targets[@]}"; do
  READOUT_FUZZ=1 swift build "${flags[@]}" --product "$target" 2>&1 | grep -E "error|Compiling|Build" | grep -v "Cannot export" | tail -3
done
status=0
for target in "${targets[@]}"; do
  work=.build-fuzz/corpus/$target
  findings=.build-fuzz/findings/$target
  mkdir -p "$work" "$findings"
  echo "== $target: ${seconds}s"
  # The repo's seeds are read, new units go to the working corpus, crashes to findings/.
  if ! .build-fuzz/release/"$target" "$work" "Tests/Fuzz/Corpus/${corpus[$target]}" \
      -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=65536 -timeout=10 \
      -artifact_prefix="$findings/" -print_final_stats=1 >"$findings/log.txt" 2>&1; then
    echo "$target FAILED — reproducer and log in $findings/"
    grep -E "ERROR|SUMMARY|Fatal|panic|crash" "$findings/log.txt" | head -10
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$findings/log.txt" | tr '\n' ' '
    echo
  fi
done
exit $status
