#!/usr/bin/env bash
# OmegaT (Debian's omegat package) reads Tarjama's TMX export: a project whose tm/auto/ holds the memory exported by
# `tarjama tm export` is translated in console mode, and its target file must hold the memory's targets.
# Usage: tools/omegat-check/run.sh [work-folder]   (needs: apt-get install omegat)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-$(mktemp -d)}"
project="$work/project"
rm -rf "$project" && mkdir -p "$project"/{source,target,tm/auto,glossary,dictionary,omegat}
cp "$root/tools/omegat-check/pairs.jsonl" "$work/pairs.jsonl"
"$root/tarjama" tm add "$work/memory.db" "$work/pairs.jsonl"
"$root/tarjama" tm export "$work/memory.db" -o "$project/tm/auto/tarjama.tmx"
# the source: the memory's sources, one a line, as a plain-text file OmegaT segments line by line
python3 -c 'import json,sys; [print(json.loads(l)["source"]) for l in open(sys.argv[1], encoding="utf-8")]' "$work/pairs.jsonl" > "$project/source/story.txt"
cp "$root/tools/omegat-check/omegat.project" "$project/omegat.project"
timeout 300 omegat "$project" --mode=console-translate >"$work/omegat.log" 2>&1 || { tail -20 "$work/omegat.log"; exit 1; }
echo "OmegaT target ($project/target/story.txt):"
cat "$project/target/story.txt"
python3 - "$work/pairs.jsonl" "$project/target/story.txt" <<'PY'
import json, sys
expected = [json.loads(line)["target"] for line in open(sys.argv[1], encoding="utf-8")]
got = open(sys.argv[2], encoding="utf-8").read().splitlines()
missing = [t for t in expected if t not in got]
print(f"{len(expected) - len(missing)} of {len(expected)} memory targets in OmegaT's output")
sys.exit(1 if missing else 0)
PY
