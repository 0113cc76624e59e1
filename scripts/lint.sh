#!/usr/bin/env bash
# rustfmt and clippy (-D warnings) for the native and the wasm32 targets.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
