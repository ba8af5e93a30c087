#!/usr/bin/env bash
# Prints the first COUNT non-empty Arabic lines of NTREX-128, from shared/data above the repository (or $TARJAMA_DATA),
# the lines `tarjama bench` reads by default.
# usage: ntrex_lines.sh COUNT
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
data=${TARJAMA_DATA:-}
for dir in "$root" "$root/.." "$root/../.." "$root/../../.."; do
  [ -z "$data" ] && [ -d "$dir/shared/data" ] && data="$dir/shared/data"
done
[ -n "$data" ] || { echo "no shared/data above $root; set TARJAMA_DATA" >&2; exit 2; }
awk -v n="$1" 'NF && c++ < n' "$data/ntrex128/ntrex128.arb.txt"
