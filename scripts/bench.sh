#!/usr/bin/env bash
# `make bench`: builds the release app and the benchmark page (src/bin/bench.rs,
# its own dist, so no benchmark code ships in the app), then measures them in
# headless Chromium against bare JavaScript in the same page and run, and
# prints every figure as `name: value (goal: ...) ok|MISS`, then as a table.
#   bash scripts/bench.sh [--quick]   (--quick: fewer repetitions, no 100k)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
OUT=target/bench
mkdir -p "$OUT"
echo "[bench] building the release app"
trunk build --release --dist "$OUT/app" 2>&1 | tail -n 1
echo "[bench] building the benchmark page"
# The bench page is the app's page with the bench binary instead of the app:
# the same styles, the same real UI, plus measurement entry points.
sed -e 's|data-bin="async-playground"|data-bin="bench"|' -e '/rel="copy-/d' index.html > bench.html
trap 'rm -f bench.html' EXIT
trunk build bench.html --release --dist "$OUT/page" 2>&1 | tail -n 1
echo "[bench] building the interpreter's size pair (scripts/bench_programs/size)"
# The same release cdylib twice, without and with the interpreter linked
# (feature `py`), then wasm-bindgen and wasm-opt -Oz as trunk does for the
# app; bench.mjs compares the two brotli sizes. A crate of its own, made
# here (nothing of it is committed but its source), sharing target/ and
# Cargo.lock with the app so the library is not compiled again.
SIZE="$OUT/size-crate"
mkdir -p "$SIZE" "$OUT/size"
cat > "$SIZE/Cargo.toml" <<TOML
[package]
name = "bench-size"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
crate-type = ["cdylib"]
path = "$PWD/scripts/bench_programs/size/lib.rs"

[features]
py = []

[dependencies]
async-playground = { path = "$PWD" }
wasm-bindgen = "=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"

[workspace]
TOML
cmp -s Cargo.lock "$SIZE/Cargo.lock.app" || { cp Cargo.lock "$SIZE/Cargo.lock"; cp Cargo.lock "$SIZE/Cargo.lock.app"; }
for variant in base py; do
  features=(); [ "$variant" = py ] && features=(--features py)
  CARGO_TARGET_DIR="$PWD/target" cargo build --quiet --release --target wasm32-unknown-unknown \
    --manifest-path "$SIZE/Cargo.toml" "${features[@]}"
  wasm=target/wasm32-unknown-unknown/release/bench_size.wasm
  rm -rf "$OUT/size/$variant" && mkdir -p "$OUT/size/$variant"
  wasm-bindgen --target web --out-dir "$OUT/size/$variant" "$wasm"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    -o "$OUT/size/$variant/size.wasm" "$OUT/size/$variant/bench_size_bg.wasm"
done
echo "[bench] measuring (takes a few minutes)"
node scripts/bench.mjs "$OUT/app" "$OUT/page" "$@"
