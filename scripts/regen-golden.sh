#!/usr/bin/env bash
# Regenerates the extraction goldens of fixtures/models with the real SQLAlchemy oracle.
# Usage: scripts/regen-golden.sh [case...]   (default: every case). Review the diff before committing.
# expected.json is always rebuilt (postgresql); expected.<dialect>.json only where it already exists.
# A case with an `oracle-shims` file imports a library outside the repository: the oracle reads it from the shims that
# file names (scripts/shim-packages.mjs, over the build), written beside a copy of the case; one with an
# `oracle-libraries` file, from the directories of fixtures/oracle-libraries it names, copied there.
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
  src="$dir"
  if [ -f "$dir/oracle-shims" ] || [ -f "$dir/oracle-libraries" ]; then
    src="$(mktemp -d)"
    cp -r "$dir"/. "$src"/
    [ -f "$dir/oracle-shims" ] && node scripts/shim-packages.mjs "$src" $(cat "$dir/oracle-shims")
    [ -f "$dir/oracle-libraries" ] && for lib in $(cat "$dir/oracle-libraries"); do cp -r "fixtures/oracle-libraries/$lib" "$src"/; done
  fi
  python3 "$ORACLE" "$src" -o "$dir/expected.json" --strict
  for d in mysql sqlite; do
    if [ -f "$dir/expected.$d.json" ]; then
      python3 "$ORACLE" "$src" --dialect "$d" -o "$dir/expected.$d.json" --strict
    fi
  done
  [ "$src" = "$dir" ] || rm -rf "$src"
  echo "regen-golden: $c"
done
