#!/usr/bin/env bash
# Regenerates tests/python_corpus/expected.json: CPython 3.11's results for
# every program of the corpus, from scripts/oracle.py (virtual time).
# Runs the corpus twice and refuses to write if the two runs differ (a
# program whose output is not deterministic does not belong in the corpus).
#   bash scripts/corpus.sh          # regenerate
#   bash scripts/corpus.sh --check  # only check that the committed file is current
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "python3 (CPython 3.11) is needed" >&2; exit 1; }
python3 -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' \
  || { echo "the oracle must be CPython 3.11" >&2; exit 1; }
cd tests/python_corpus
export PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
mapfile -t files < <(ls -1 -- *.py | LC_ALL=C sort)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 ../../scripts/oracle.py "${files[@]}" > "$tmp/a.json"
python3 ../../scripts/oracle.py "${files[@]}" > "$tmp/b.json"
if ! cmp -s "$tmp/a.json" "$tmp/b.json"; then
  python3 - "$tmp/a.json" "$tmp/b.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for k in a:
    if a[k] != b.get(k):
        print("not deterministic:", k, file=sys.stderr)
PY
  exit 1
fi
if [ "${1:-}" = "--check" ]; then
  cmp -s "$tmp/a.json" expected.json && echo "expected.json is current (${#files[@]} programs)" \
    || { echo "expected.json is stale: run bash scripts/corpus.sh" >&2; exit 1; }
else
  cp "$tmp/a.json" expected.json
  echo "wrote tests/python_corpus/expected.json (${#files[@]} programs)"
fi
