#!/usr/bin/env bash
# Installs what the tests need (Debian packages, Python packages for the test
# clients) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh graphviz fonts-noto-cjk virtuoso-opensource chromium
python3 -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
cargo test --workspace
