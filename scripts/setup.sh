#!/usr/bin/env bash
# Installs what building plankg needs on a fresh Debian machine: libclang for
# oxigraph's RocksDB bindings (bindgen). Safe to run again.
set -euo pipefail
need=()
for pkg in libclang-dev clang "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi
# One persistent target directory: RocksDB's C++ is compiled once, not per clone.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/plankg/target}"
mkdir -p "$CARGO_TARGET_DIR"
