#!/usr/bin/env bash
# Browser tests (wasm-bindgen-test): every tests/browser*.rs, in headless
# Chromium (default) or Firefox (`scripts/test-browser.sh firefox`, through
# geckodriver and Debian's firefox-esr).
# Starts the mock API server on a free loopback port first; the tests get its
# URL at compile time (MOCK_API_BASE) and it is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
BROWSER=${1:-chromium}
case "$BROWSER" in
  chromium) ;;
  firefox)
    GECKODRIVER=$(command -v geckodriver) || { echo "geckodriver is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
    export GECKODRIVER
    export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver-firefox.json"
    ;;
  *) echo "usage: $0 [chromium|firefox]" >&2; exit 2 ;;
esac
URL_FILE=$(mktemp)
node e2e/mock-server.mjs > "$URL_FILE" &
MOCK_PID=$!
trap 'kill $MOCK_PID 2>/dev/null || true; rm -f "$URL_FILE"' EXIT
for _ in $(seq 50); do [ -s "$URL_FILE" ] && break; sleep 0.1; done
export MOCK_API_BASE=$(head -n1 "$URL_FILE")
[ -n "$MOCK_API_BASE" ] || { echo "mock API server did not start" >&2; exit 1; }
TESTS=()
for f in tests/browser*.rs; do TESTS+=(--test "$(basename "$f" .rs)"); done
WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180} cargo test --no-fail-fast --target wasm32-unknown-unknown "${TESTS[@]}"
