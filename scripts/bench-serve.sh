#!/usr/bin/env bash
# Load figures of `plankg serve` on the store of the sample plans: 8 clients x 200
# queries of ontology/queries/ (scripts/bench-serve.py). Usage: scripts/bench-serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cargo build --quiet --bin plankg
plankg="$CARGO_TARGET_DIR/debug/plankg"
dir=$(mktemp -d)
"$plankg" build data/plans --store "$dir/store" --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$plankg" serve --quiet --store "$dir/store" --bind "127.0.0.1:$port" &
server=$!
trap 'kill $server; rm -rf "$dir"' EXIT
until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$port))" 2>/dev/null; do sleep 0.2; done
python3 scripts/bench-serve.py "http://127.0.0.1:$port/query" --clients 8 --queries 200
