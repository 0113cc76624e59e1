#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently, from the
# package registries only (crates, Debian packages, npm). Safe to run again:
# each step checks what is there first and skips it.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# 1. The wasm target of the machine's Rust toolchain.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$c"; then
    log "adding rustup component $c"
    rustup component add "$c" || log "could not add $c (lint step will say so)"
  fi
done

# 2. Debian's Chromium and its driver, and Firefox ESR (headless browser
#    tests in both browsers).
PKGS=()
command -v chromium >/dev/null || PKGS+=(chromium)
command -v chromedriver >/dev/null || PKGS+=(chromium-driver)
command -v firefox-esr >/dev/null || PKGS+=(firefox-esr)
if [ ${#PKGS[@]} -gt 0 ]; then
  log "installing ${PKGS[*]} (Debian packages)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${PKGS[@]}" >/dev/null
fi

# Fast, good-enough release builds of the tools themselves.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1

# 3. trunk, pinned (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (takes several minutes the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi

# 4. wasm-bindgen-cli at exactly the version in Cargo.lock.
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WB_VERSION"; then
  log "installing wasm-bindgen-cli $WB_VERSION (matches Cargo.lock)"
  # --locked fails here (a locked dependency is missing from the registry).
  cargo install wasm-bindgen-cli --version "=$WB_VERSION" --quiet --force
fi

# 5. geckodriver, for wasm-bindgen-test in Firefox (a crate; about 2.5 min
#    of CPU to build with the profile above).
if ! geckodriver --version >/dev/null 2>&1; then
  log "installing geckodriver (wasm-bindgen-test in Firefox)"
  cargo install geckodriver --locked --quiet
fi

# 6. npm tools: binaryen 132 (wasm-opt), playwright-core (drives Debian's
#    Chromium), puppeteer-core (drives Debian's Firefox over WebDriver BiDi),
#    axe-core (accessibility checks). Neither driver downloads a browser.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/puppeteer-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

# 7. The docs tools the course-authors page is tried with (MkDocs, Sphinx:
#    a venv under target/, pinned; scripts/setup-docs.sh).
bash scripts/setup-docs.sh

log "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1), $(firefox-esr --version 2>/dev/null | head -1), $(geckodriver --version 2>/dev/null | head -1)"
