#!/usr/bin/env bash
# The endpoint under load with runaway queries: a store of N generated documents
# (scripts/gen-corpus.py, default 10,000) served with `--timeout T` (default 5 s);
# 8 clients for D seconds (default 120), 2 of them sending a runaway query (a
# cartesian product under COUNT, OFFSET, DISTINCT or ORDER BY) as every 5th query,
# the others the example queries of ontology/queries/ (scripts/bench-serve.py) that
# answer within T/10 when sent alone (the others, reports over the whole corpus, are
# named with their time alone and left out);
# the memory of the server and its workers sampled. Beside it, a `plankg build` of
# 2,000 other generated documents into a second store, timed alone before the
# load and again under it, its stats compared.
# The server may evaluate MAX_CONCURRENT queries at once (default 4: the two
# runaway clients can hold two workers and leave two for the others).
# Usage: [MAX_CONCURRENT=M] scripts/bench-serve-load.sh [N] [D] [T] [WORK_DIR]
# (WORK_DIR keeps the generated corpora and the served store between runs.)
set -euo pipefail
cd "$(dirname "$0")/.."
documents="${1:-10000}"
duration="${2:-120}"
timeout="${3:-5}"
work="${4:-$(mktemp -d)}"
# A sourced script sees the caller's arguments: clear them so setup.sh installs no
# package named after them.
set --
source scripts/setup.sh
cargo build --quiet --bin plankg
plankg="$CARGO_TARGET_DIR/debug/plankg"
export PLANKG="$plankg"
mkdir -p "$work"
if [ ! -d "$work/store-$documents" ]; then
    [ -d "$work/plans-$documents" ] || python3 scripts/gen-corpus.py "$documents" "$work/plans-$documents"
    "$plankg" build "$work/plans-$documents" --store "$work/store-$documents" --quiet
fi
[ -d "$work/side-plans" ] || python3 scripts/gen-corpus.py 2000 "$work/side-plans" --seed 7

side_build() { # $1: the store to build into; prints the wall time in seconds
    rm -rf "$1"
    local started
    started=$EPOCHREALTIME
    "$plankg" build "$work/side-plans" --store "$1" --quiet
    awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $started }"
}
alone=$(side_build "$work/side-alone")
"$plankg" stats --store "$work/side-alone" --format json >"$work/side-alone.json"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$plankg" serve --quiet --store "$work/store-$documents" --bind "127.0.0.1:$port" \
    --timeout "$timeout" --max-concurrent "${MAX_CONCURRENT:-4}" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until python3 -c "import socket; socket.create_connection(('127.0.0.1',$port))" 2>/dev/null; do
    sleep 0.2
done

rm -f "$work/load-started"
( until [ -e "$work/load-started" ]; do sleep 0.2; done
  sleep 5; side_build "$work/side-loaded" >"$work/side-loaded.seconds" ) &
side=$!
status=0
python3 scripts/bench-serve.py "http://127.0.0.1:$port/query" --clients 8 \
    --duration "$duration" --runaway-clients 2 --runaway-every 5 --timeout "$timeout" \
    --server-pid "$server" --alone-within "$(awk "BEGIN { print $timeout / 10 }")" \
    --ready-file "$work/load-started" || status=$?
touch "$work/load-started" # the side build starts even when the load did not
wait $side
"$plankg" stats --store "$work/side-loaded" --format json >"$work/side-loaded.json"
same=$(cmp -s "$work/side-alone.json" "$work/side-loaded.json" && echo same || echo DIFFERENT)
echo "side build of 2,000 documents: alone $alone s, under the load $(cat "$work/side-loaded.seconds") s, stats $same"
[ "$same" = same ] || status=1
exit $status
