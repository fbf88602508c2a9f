#!/usr/bin/env bash
# Regenerates the extraction goldens of fixtures/models with the real SQLAlchemy oracle.
# Usage: scripts/regen-golden.sh [case...]   (default: every case). Review the diff before committing.
# expected.json is always rebuilt (postgresql); expected.<dialect>.json only where it already exists.
# A case with an `oracle-shims` file imports a library outside the repository: the oracle reads it from the shims that
# file names (scripts/shim-packages.mjs, over the build), written beside a copy of the case; one with an
# `oracle-libraries` file, from the directories of fixtures/oracle-libraries it names, installed in the oracle's own
# site-packages for that case only (outside the project, as a library is: its functions print as `module.name`).
set -euo pipefail
cd "$(dirname "$0")/.."
ORACLE="${SG_ORACLE_DIR:-../shared/oracle}/oracle.py"
[ -f "$ORACLE" ] || { echo "regen-golden: no oracle at $ORACLE" >&2; exit 2; }
SITE="${SG_ORACLE_HOME:-/tmp/schemaguard-oracle}/rootfs/usr/lib/python3/dist-packages"
installed=()
uninstall() { for p in "${installed[@]}"; do rm -rf "$p"; done; installed=(); }
trap uninstall EXIT
if [ "$#" -eq 0 ]; then
  set -- $(cd fixtures/models && for d in */; do echo "${d%/}"; done)
fi
for c in "$@"; do
  dir="fixtures/models/$c"
  [ -d "$dir" ] || { echo "regen-golden: no case $dir" >&2; exit 2; }
  src="$dir"
  if [ -f "$dir/oracle-shims" ]; then
    src="$(mktemp -d)"
    cp -r "$dir"/. "$src"/
    node scripts/shim-packages.mjs "$src" $(cat "$dir/oracle-shims")
  fi
  if [ -f "$dir/oracle-libraries" ]; then
    for lib in $(cat "$dir/oracle-libraries"); do
      [ -e "$SITE/$lib" ] && { echo "regen-golden: $SITE/$lib exists already; remove it first" >&2; exit 2; }
      cp -r "fixtures/oracle-libraries/$lib" "$SITE/"
      installed+=("$SITE/$lib")
    done
  fi
  python3 "$ORACLE" "$src" -o "$dir/expected.json" --strict
  for d in mysql sqlite; do
    if [ -f "$dir/expected.$d.json" ]; then
      python3 "$ORACLE" "$src" --dialect "$d" -o "$dir/expected.$d.json" --strict
    fi
  done
  [ "$src" = "$dir" ] || rm -rf "$src"
  uninstall
  echo "regen-golden: $c"
done
