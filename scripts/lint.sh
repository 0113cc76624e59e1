#!/usr/bin/env bash
# rustfmt and clippy (-D warnings) for the native and the wasm32 targets.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo fmt --check
# The lessons' modules are declared by build.rs (an include! in
# src/lessons/mod.rs), which cargo fmt does not follow: check them here.
rustfmt --check --edition 2021 src/lessons/*/*.rs
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
