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
# A failing layer does not stop the later ones (so one run shows every
# failure); the script exits non-zero at the end if any layer failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
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

FAILED=()
fail() { echo "FAILED: $*" >&2; FAILED+=("$*"); }

step "lint (rustfmt, clippy native + wasm32)"
bash scripts/lint.sh || fail "lint"

step "native tests (cargo test)"
cargo test --all-targets --no-fail-fast 2>&1 | tee "$LOGS/native.log" || fail "native"
NATIVE=$(count "$LOGS/native.log" '^test result: ok')
[ "$NATIVE" -gt 0 ] || fail "native layer ran no test"

step "browser tests (wasm-bindgen-test, headless Chromium)"
bash scripts/test-browser.sh chromium 2>&1 | tee "$LOGS/browser.log" || fail "browser (Chromium)"
BROWSER=$(count "$LOGS/browser.log" '^test result: ok')
[ "$BROWSER" -gt 0 ] || fail "browser layer ran no test"

step "browser tests (wasm-bindgen-test, headless Firefox)"
bash scripts/test-browser.sh firefox 2>&1 | tee "$LOGS/browser-firefox.log" || fail "browser (Firefox)"
BROWSER_FF=$(count "$LOGS/browser-firefox.log" '^test result: ok')
[ "$BROWSER_FF" -gt 0 ] || fail "Firefox browser layer ran no test"

step "release build (trunk)"
trunk build --release 2>&1 | tail -n 3
[ "${PIPESTATUS[0]}" -eq 0 ] || { fail "release build"; }

step "end-to-end tests (Chromium: all; Firefox: the core) on dist/"
node --test e2e/ 2>&1 | tee "$LOGS/e2e.log" || true
E2E=$(grep -E '^# pass ' "$LOGS/e2e.log" | awk '{print $3}')
E2E_FAIL=$(grep -E '^# fail ' "$LOGS/e2e.log" | awk '{print $3}')
E2E_SKIP=$(grep -E '^# skipped ' "$LOGS/e2e.log" | awk '{print $3}')
[ "${E2E:-0}" -gt 0 ] && [ "${E2E_FAIL:-1}" -eq 0 ] || fail "end to end: ${E2E_FAIL:-?} failed: $(grep -E '^not ok' "$LOGS/e2e.log" | sed 's/^not ok [0-9]* - //' | paste -sd ';' -)"
[ "${E2E_SKIP:-0}" -eq 0 ] || fail "end-to-end layer skipped $E2E_SKIP tests (is firefox-esr installed?)"
FF_CORE=$(grep -cE '^ok [0-9]+ - firefox:' "$LOGS/e2e.log" || true)
step "done"

echo
cat "$LOGS/times.txt"
printf '%-44s %4ss\n' "total" "$(( $(date +%s) - T0 ))"
echo "layers: native $NATIVE passed, browser $BROWSER (Chromium) + $BROWSER_FF (Firefox) passed, e2e $E2E passed ($FF_CORE of them the Firefox core)"
if [ ${#FAILED[@]} -gt 0 ]; then
  printf 'FAILED layers:\n'; printf '  %s\n' "${FAILED[@]}"
  exit 1
fi
echo "$((NATIVE + BROWSER + BROWSER_FF + E2E)) passed, 0 failed"
