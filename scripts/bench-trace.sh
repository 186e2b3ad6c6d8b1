#!/usr/bin/env bash
# Trace speed: `plankg trace TERM --format json` and the default table on an existing
# store, hyperfine, median of 5 runs after a warm-up, per term; then the median over
# the terms. Usage: scripts/bench-trace.sh STORE [TERM...]
# (a large store: scripts/gen-corpus.py 50000 DIR, then plankg build DIR --store STORE)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh hyperfine
cargo build --quiet --bin plankg
plankg="$CARGO_TARGET_DIR/debug/plankg"
store="${1:?usage: scripts/bench-trace.sh STORE [TERM...]}"
shift
terms=("$@")
[ ${#terms[@]} -gt 0 ] || terms=(县管校聘 名师工作室 集团化办学 智慧教育 课后服务 校园足球 师德师风)
json=$(mktemp)
trap 'rm -f "$json"' EXIT
declare -A rows
for term in "${terms[@]}"; do
  rows[$term]=$("$plankg" trace "$term" --store "$store" --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)['occurrences']))")
done
for format in json table; do
  medians=()
  for term in "${terms[@]}"; do
    hyperfine --runs 5 --warmup 1 -N --export-json "$json" \
      "$plankg trace $term --store $store --format $format" >/dev/null
    median=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$json")
    printf '%-8s %-12s %6d occurrences  median %.3f s\n' "$format" "$term" "${rows[$term]}" "$median"
    medians+=("$median")
  done
  python3 -c "import statistics,sys; print(f'{sys.argv[1]}: median over the terms {statistics.median(map(float, sys.argv[2:])):.3f} s')" "$format" "${medians[@]}"
done
