# The two commands of the README are `make serve` and `make test`.
# Every target installs what it needs first (scripts/setup.sh, idempotent).
SHELL := /bin/bash
ENV := source scripts/env.sh &&
PORT ?= 8080

.PHONY: setup serve build test test-native test-browser test-e2e lint fmt bench screenshots

setup:
	@bash scripts/setup.sh

## Build the release app and serve it on http://127.0.0.1:$(PORT)/
serve: setup
	$(ENV) trunk serve --release --address 127.0.0.1 --port $(PORT)

## Build the release app into dist/
build: setup
	$(ENV) trunk build --release

## Every test: lint, native, browser (wasm-bindgen-test), end to end.
test: setup
	@bash scripts/test.sh

test-native: setup
	$(ENV) cargo test --all-targets

test-browser: setup
	@bash scripts/test-browser.sh

test-e2e: build
	$(ENV) node --test e2e/

lint: setup
	$(ENV) bash scripts/lint.sh

fmt:
	cargo fmt
	rustfmt --edition 2021 src/lessons/*/*.rs

## Benchmarks against bare JS in headless Chromium (README, "Benchmarks").
bench: setup
	@bash scripts/bench.sh
