#!/usr/bin/env bash
# Regenerates the extraction goldens of fixtures/models with the real SQLAlchemy oracle.
# Usage: scripts/regen-golden.sh [case...]   (default: every case). Review the diff before committing.
# expected.json is always rebuilt (postgresql); expected.<dialect>.json only where it already exists.
set -euo pipefail
cd "$(dirname "$0")/.."
ORACLE="${SG_ORACLE_DIR:-../shared/oracle}/oracle.py"
[ -f "$ORACLE" ] || { echo "regen-golden: no oracle at $ORACLE" >&2; exit 2; }
if [ "$#" -eq 0 ]; then
  set -- $(cd fixtures/models && for d in */; do echo "${d%/}"; done)
fi
for c in "$@"; do
  dir="fixtures/models/$c"
  [ -d "$dir" ] || { echo "regen-golden: no case $dir" >&2; exit 2; }
  python3 "$ORACLE" "$dir" -o "$dir/expected.json" --strict
  for d in mysql sqlite; do
    if [ -f "$dir/expected.$d.json" ]; then
      python3 "$ORACLE" "$dir" --dialect "$d" -o "$dir/expected.$d.json" --strict
    fi
  done
  echo "regen-golden: $c"
done
