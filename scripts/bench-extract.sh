#!/usr/bin/env bash
# Extraction speed: data/plans replicated to at least 50 MB, `plankg extract` with
# 1 and 2 threads, with and without the recognisers, timed by hyperfine (median of
# several runs). Prints MB/s per configuration. Usage: scripts/bench-extract.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh hyperfine
cargo build --quiet --bin plankg
plankg="$CARGO_TARGET_DIR/debug/plankg"
want_mb="${1:-50}"
corpus=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$corpus" "$out"' EXIT
copy=0
while [ "$(du -sb "$corpus" | cut -f1)" -lt "$((want_mb * 1000000))" ]; do
  for f in data/plans/*; do
    cp "$f" "$corpus/$(printf '%05d' "$copy")_$(basename "$f")"
  done
  copy=$((copy + 1))
done
bytes=$(du -sb "$corpus" | cut -f1)
echo "corpus: $(find "$corpus" -type f | wc -l) files, $bytes bytes"
for jobs in 1 2; do
  for mode in "" "--structure-only"; do
    json=$(mktemp)
    hyperfine --runs 3 --warmup 1 --export-json "$json" \
      "$plankg extract --quiet $mode --jobs $jobs --out-dir $out $corpus" >/dev/null
    median=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$json")
    python3 -c "import sys; b,m=float(sys.argv[1]),float(sys.argv[2]); print(f'jobs={sys.argv[3]} {sys.argv[4] or \"full\":>16}: median {m:.2f} s, {b/m/1e6:.1f} MB/s')" \
      "$bytes" "$median" "$jobs" "$mode"
    rm -f "$json"
  done
done
