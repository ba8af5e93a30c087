#!/usr/bin/env bash
# Glossary overhead on documents without any term: a 500-entry glossary against none, alternating runs in one process.
# Usage: tools/terminology/bench.sh [MODEL] [DOCUMENT] [RUNS] [BEAMS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/tools/terminology/make_glossary.py" 500 > "$work/glossary.tsv"
dotnet build "$root/tools/terminology/GlossaryBench" -c Release -o "$work/bin" --nologo -v quiet >/dev/null
dotnet "$work/bin/GlossaryBench.dll" "${1:-$root/tests/fixtures/models/tiny-ar-en}" "${2:-$root/tests/fixtures/inputs/ntrex-ar-60.txt}" \
  "$work/glossary.tsv" "${3:-7}" "${4:-4}"
