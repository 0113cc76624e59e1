#!/usr/bin/env bash
# Runs every test layer; fails if any layer fails or runs nothing.
#   1. lint: rustfmt + clippy -D warnings, native and wasm32
#   2. native: cargo test (pure core and lessons on virtual time)
#   3. browser: wasm-bindgen-test in headless Chromium and Firefox (real
#      timers, real DOM)
#   4. end to end: the release dist/ served on loopback, driven by Playwright
#      in Chromium (everything) and by Puppeteer in Firefox (the core,
#      e2e/firefox.test.mjs)
# Each layer's wall time is printed at the end (target/test-logs/times.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
LOGS=target/test-logs
mkdir -p "$LOGS"
T0=$(date +%s); LAST=$T0; : > "$LOGS/times.txt"
step() {
  local now; now=$(date +%s)
  [ -n "${STEP:-}" ] && printf '%-44s %4ss\n' "$STEP" "$((now - LAST))" >> "$LOGS/times.txt"
  LAST=$now; STEP="$*"
  printf '\n\033[1m=== %s\033[0m\n' "$*"
}
count() { # count LOG REGEX -> sum of the first number on matching lines
  grep -E "$2" "$1" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}'
}

step "lint (rustfmt, clippy native + wasm32)"
bash scripts/lint.sh

step "native tests (cargo test)"
cargo test --all-targets 2>&1 | tee "$LOGS/native.log"
NATIVE=$(count "$LOGS/native.log" '^test result: ok')
[ "$NATIVE" -gt 0 ] || { echo "native layer ran no test" >&2; exit 1; }

step "browser tests (wasm-bindgen-test, headless Chromium)"
bash scripts/test-browser.sh chromium 2>&1 | tee "$LOGS/browser.log"
BROWSER=$(count "$LOGS/browser.log" '^test result: ok')
[ "$BROWSER" -gt 0 ] || { echo "browser layer ran no test" >&2; exit 1; }

step "browser tests (wasm-bindgen-test, headless Firefox)"
bash scripts/test-browser.sh firefox 2>&1 | tee "$LOGS/browser-firefox.log"
BROWSER_FF=$(count "$LOGS/browser-firefox.log" '^test result: ok')
[ "$BROWSER_FF" -gt 0 ] || { echo "Firefox browser layer ran no test" >&2; exit 1; }

step "release build (trunk)"
trunk build --release 2>&1 | tail -n 3

step "end-to-end tests (Chromium: all; Firefox: the core) on dist/"
node --test e2e/ 2>&1 | tee "$LOGS/e2e.log"
E2E=$(grep -E '^# pass ' "$LOGS/e2e.log" | awk '{print $3}')
E2E_FAIL=$(grep -E '^# fail ' "$LOGS/e2e.log" | awk '{print $3}')
E2E_SKIP=$(grep -E '^# skipped ' "$LOGS/e2e.log" | awk '{print $3}')
[ "${E2E:-0}" -gt 0 ] && [ "${E2E_FAIL:-1}" -eq 0 ] || { echo "end-to-end layer failed or ran nothing" >&2; exit 1; }
[ "${E2E_SKIP:-0}" -eq 0 ] || { echo "end-to-end layer skipped $E2E_SKIP tests (is firefox-esr installed?)" >&2; exit 1; }
FF_CORE=$(grep -cE '^ok [0-9]+ - firefox:' "$LOGS/e2e.log" || true)
step "done"

echo
cat "$LOGS/times.txt"
printf '%-44s %4ss\n' "total" "$(( $(date +%s) - T0 ))"
echo "layers: native $NATIVE passed, browser $BROWSER (Chromium) + $BROWSER_FF (Firefox) passed, e2e $E2E passed ($FF_CORE of them the Firefox core)"
echo "$((NATIVE + BROWSER + BROWSER_FF + E2E)) passed, 0 failed"
