#!/usr/bin/env bash
# OmegaT (Debian's omegat package) uses Tarjama's exports: a project whose tm/auto/ holds the memory exported by
# `tarjama tm export` and whose glossary/ holds `tarjama glossary export` is translated in console mode; its target
# file must hold the memory's targets, and OmegaT's own glossary reader must read our glossary entry for entry. A
# Word document's XLIFF passes through OmegaT and merges back into the Word document translate writes.
# Usage: tools/omegat-check/run.sh [work-folder]   (needs: apt-get install omegat; node; unzip)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
check="$root/tools/omegat-check"
work="${1:-$(mktemp -d)}"
project="$work/project"
rm -rf "$project" "$work/memory.db" && mkdir -p "$project"/{source,target,tm/auto,glossary,dictionary,omegat}
"$root/tarjama" tm add "$work/memory.db" "$check/pairs.jsonl"
"$root/tarjama" tm export "$work/memory.db" -o "$project/tm/auto/tarjama.tmx"
"$root/tarjama" glossary export "$check/glossary.ar-en.tsv" -o "$project/glossary/tarjama.txt"
# The source: paragraphs separated by blank lines (OmegaT's text filter makes one entry of each paragraph), the last
# two sentences in one paragraph, so OmegaT's sentence segmentation must cut it where our memory's entries end.
node -e '
const fs = require("fs");
const sources = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(line => JSON.parse(line).source);
fs.writeFileSync(process.argv[2], sources[0] + "\n\n" + sources.slice(1).join(" ") + "\n");
' "$check/pairs.jsonl" "$project/source/story.txt"
# A Word document's XLIFF (1.2, which OmegaT 3.6 reads) goes through OmegaT with the package inside it.
"$root/tarjama" translate -m "$root/tests/fixtures/models/tiny-ar-en" -i "$root/tests/fixtures/documents/libreoffice-story.ar.docx" \
  --bilingual xliff --xliff-version 1.2 -o "$project/source/story.xlf"
"$root/tarjama" translate -m "$root/tests/fixtures/models/tiny-ar-en" -i "$root/tests/fixtures/documents/libreoffice-story.ar.docx" -o "$work/direct.en.docx"
cp "$check/omegat.project" "$project/omegat.project"
start=$(date +%s)
timeout 300 omegat "$project" --mode=console-translate >"$work/omegat.log" 2>&1 || { tail -20 "$work/omegat.log"; exit 1; }
echo "OmegaT console-translate: $(( $(date +%s) - start )) s; $(grep -m1 '^Total:' "$project/omegat/project_stats.txt" | awk '{print $2}') segments"
echo "OmegaT target ($project/target/story.txt):"
cat "$project/target/story.txt"
node -e '
const fs = require("fs");
const expected = fs.readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean).map(line => JSON.parse(line).target);
const got = fs.readFileSync(process.argv[2], "utf8");
const missing = expected.filter(target => !got.includes(target));
console.log(`${expected.length - missing.length} of ${expected.length} memory targets in OmegaT output`);
process.exit(missing.length > 0 ? 1 : 0);
' "$check/pairs.jsonl" "$project/target/story.txt"
# OmegaT's target XLIFF merges back into the Word document that translate writes directly.
"$root/tarjama" merge "$project/target/story.xlf" -o "$work/merged.en.docx"
if cmp -s <(unzip -p "$work/merged.en.docx" word/document.xml) <(unzip -p "$work/direct.en.docx" word/document.xml); then
  echo "OmegaT's XLIFF of the Word document merged back: word/document.xml as translate writes it"
else
  echo "the Word document merged from OmegaT's XLIFF differs from the direct translation"; exit 1
fi
echo "OmegaT's glossary reader on glossary/tarjama.txt:"
java -cp /usr/share/omegat/OmegaT.jar "$check/ReadGlossary.java" "$project/glossary/tarjama.txt" | tee "$work/glossary-read.tsv"
if cmp -s "$work/glossary-read.tsv" "$check/glossary.ar-en.tsv"; then
  echo "$(wc -l <"$check/glossary.ar-en.tsv") of $(wc -l <"$check/glossary.ar-en.tsv") glossary entries read back as written"
else
  echo "OmegaT read the glossary differently:"; diff "$check/glossary.ar-en.tsv" "$work/glossary-read.tsv" || true
  exit 1
fi
