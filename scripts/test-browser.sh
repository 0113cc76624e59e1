#!/usr/bin/env bash
# Browser tests (wasm-bindgen-test in headless Chromium): every tests/browser*.rs.
# Starts the mock API server on a free loopback port first; the tests get its
# URL at compile time (MOCK_API_BASE) and it is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
URL_FILE=$(mktemp)
node e2e/mock-server.mjs > "$URL_FILE" &
MOCK_PID=$!
trap 'kill $MOCK_PID 2>/dev/null || true; rm -f "$URL_FILE"' EXIT
for _ in $(seq 50); do [ -s "$URL_FILE" ] && break; sleep 0.1; done
export MOCK_API_BASE=$(head -n1 "$URL_FILE")
[ -n "$MOCK_API_BASE" ] || { echo "mock API server did not start" >&2; exit 1; }
TESTS=()
for f in tests/browser*.rs; do TESTS+=(--test "$(basename "$f" .rs)"); done
WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180} cargo test --target wasm32-unknown-unknown "${TESTS[@]}"
