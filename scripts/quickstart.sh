#!/usr/bin/env bash
# Quick start: installs what is missing, builds plankg, builds the knowledge graph
# from the bundled sample plans (data/plans) into ./plankg-store and shows results.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
cargo build --quiet --bin plankg
plankg="$CARGO_TARGET_DIR/debug/plankg"
"$plankg" build data/plans --store ./plankg-store
echo
echo "Policies cited per year (ontology/queries/policies_per_year.rq):"
"$plankg" query --store ./plankg-store --file ontology/queries/policies_per_year.rq
