#!/usr/bin/env bash
# The docs tools the course-authors page is tried with (docs/authors.md,
# e2e/authors.test.mjs): MkDocs and Sphinx in a virtual environment under
# target/docs-venv, from scripts/requirements-docs.txt (every package pinned),
# with aiohttp for the downloaded network lessons (tests/download_py.rs).
# Idempotent: skipped while the venv has the requirements it was made from.
# About 30 s and 130 MB the first time on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/docs-venv
REQ=scripts/requirements-docs.txt
STAMP="$VENV/.requirements"
if [ -x "$VENV/bin/mkdocs" ] && [ -x "$VENV/bin/sphinx-build" ] && cmp -s "$REQ" "$STAMP"; then
  exit 0
fi
echo "setup: installing the docs tools (MkDocs, Sphinx) and aiohttp into $VENV" >&2
if ! python3 -c 'import ensurepip' 2>/dev/null; then
  apt-get install -y -q python3-venv >/dev/null   # Debian keeps venv's pip apart
fi
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input -r "$REQ"
cp "$REQ" "$STAMP"
