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
echo "[bench] measuring (takes a few minutes)"
node scripts/bench.mjs "$OUT/app" "$OUT/page" "$@"
