#!/usr/bin/env bash
# Adds the libraries some golden fixtures import (sqlalchemy-utils 0.41 and what its types need, GeoAlchemy2 0.15
# and packaging, Flask-Login, SQLAlchemy-Utc, Authlib, Advanced Alchemy, oslo.db and what its models import) to the
# oracle's Debian trixie root, from Debian's own packages, unpacked as they are (pure Python, but for wrapt's amd64 build,
# which the root's Python 3.13 loads). Run once after ../shared/oracle/setup-oracle.sh, before scripts/regen-golden.sh of
# the fixtures that import them (sqlalchemy-utils-types, geoalchemy2-spatial-types, outside-plain-mixins,
# library-shim-mixins, library-type-subclasses, authlib-oauth2-mixins, advanced-alchemy-bases, oslo-db-mixins).
set -euo pipefail
ROOTFS="${SG_ORACLE_HOME:-/tmp/schemaguard-oracle}/rootfs"
[ -d "$ROOTFS/usr/lib/python3/dist-packages" ] || { echo "oracle-extras: no oracle root at $ROOTFS (run setup-oracle.sh first)" >&2; exit 2; }
MIRROR="${SG_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PACKAGES="python3-sqlalchemy-utils python3-passlib python3-phonenumbers python3-arrow python3-dateutil python3-colour python3-babel python3-geoalchemy2 python3-packaging python3-flask-login python3-sqlalchemy-utc python3-authlib python3-advanced-alchemy python3-oslo.db python3-oslo.utils python3-debtcollector python3-iso8601"
ARCH_PACKAGES="python3-wrapt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "oracle-extras: reading the trixie package indexes" >&2
for arch in all amd64; do
  curl -fsS --max-time 300 "$MIRROR/dists/trixie/main/binary-$arch/Packages.xz" | xz -dc > "$work/Packages.$arch"
done
for p in $PACKAGES $ARCH_PACKAGES; do
  case " $ARCH_PACKAGES " in *" $p "*) index="$work/Packages.amd64" ;; *) index="$work/Packages.all" ;; esac
  file="$(awk -v p="$p" '$0 == "Package: " p { found = 1 } found && /^Filename:/ { print $2; exit }' "$index")"
  [ -n "$file" ] || { echo "oracle-extras: $p is not in trixie" >&2; exit 1; }
  echo "oracle-extras: $p ($(basename "$file"))" >&2
  curl -fsS --max-time 300 -o "$work/pkg.deb" "$MIRROR/$file"
  dpkg-deb -x "$work/pkg.deb" "$work/x"
done
cp -r "$work/x/usr/lib/python3/dist-packages/." "$ROOTFS/usr/lib/python3/dist-packages/"
echo "oracle-extras: done" >&2
