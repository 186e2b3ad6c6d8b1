#!/usr/bin/env bash
# Fuzzes the readers: each target of fuzz/ (text, html, docx) in turn for SECONDS
# (default 300, so a session's 15 minutes go round the three), going on from the
# committed corpus in fuzz/corpus/. Needs cargo-fuzz (`cargo install cargo-fuzz`);
# RUSTC_BOOTSTRAP lets it use the stable toolchain's unstable flags. Executions
# are added to fuzz/executions.tsv (BENCHMARKS.md sums them); an input that
# crashed, hung or ran out of memory is moved to fuzz/regressions/TARGET/, where
# the test every_corpus_input_and_regression_is_read_or_refused replays it.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html docx)
export RUSTC_BOOTSTRAP=1
[ -s executions.tsv ] || printf 'date\ttarget\tseconds\texecutions\tfindings\n' >executions.tsv
cargo fuzz build --sanitizer none --debug-assertions
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target" "regressions/$target"
    log="$(mktemp)"
    # libFuzzer exits non-zero on a finding; the finding is kept either way.
    cargo fuzz run --sanitizer none --debug-assertions "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=8192 \
        -print_final_stats=1 >"$log" 2>&1 || true
    executions="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    findings=0
    for artifact in "artifacts/$target"/*; do
        [ -e "$artifact" ] || continue
        mv "$artifact" "regressions/$target/"
        findings=$((findings + 1))
    done
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$target" "$seconds" \
        "${executions:-0}" "$findings" >>executions.tsv
    echo "$target: ${executions:-0} executions, $findings findings"
    [ "$findings" -eq 0 ] || tail -40 "$log"
    rm -f "$log"
    # Keep the committed corpus small: only inputs that add coverage stay.
    cargo fuzz cmin --sanitizer none --debug-assertions "$target" "corpus/$target" -- \
        -max_len=8192 -timeout=10 -rss_limit_mb=4096 >/dev/null 2>&1
done
