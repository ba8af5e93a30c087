#!/usr/bin/env bash
# Records the transformers.js goldens for the committed fixture models, into tests/fixtures/golden/:
#   transformersjs.<model>.greedy.bs{1,8}.jsonl             transformers.js end to end (its own tokenizer)
#   transformersjs.<model>.marian-ids.greedy.bs{1,8}.jsonl  generate fed MarianTokenizer's ids
#   transformersjs.<model>.marian-ids.tricky.greedy.bs1.jsonl   the same for the tricky inputs
#   transformersjs.<model>.tokenizer.jsonl                  transformers.js's ids for every tokenizer input
#   transformersjs.tiny-ar-en.{fp16,q8}.marian-ids.greedy.bs{1,8}.jsonl   the same with dtype fp16 / q8
#       (onnx/*_fp16.onnx, onnx/*_quantized.onnx from tools/fixtures/make_variants.py); q8 is named q8-saturating
#       when recorded on an x86 CPU without VNNI, whose uint8 × int8 kernel saturates pairs of products (other tokens)
# tiny-ar-en runs ntrex-ar-60.txt; tiny-en-ar runs ntrex-en-60.txt with ">>ara<< " before every line.
# MarianTokenizer's ids come from marian-tokenizer.<model>.jsonl (tools/fixtures/make_tokenizer_golden.py).
# Installs the pinned @huggingface/transformers first if needed (install.sh).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"
"$here/install.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/^/>>ara<< /' "$root/tests/fixtures/inputs/ntrex-en-60.txt" > "$tmp/ntrex-en-60.ara.txt"
golden="$root/tests/fixtures/golden"
models="$root/tests/fixtures/models"
mkdir -p "$golden"
record() { node record.mjs --max-new-tokens 64 "$@"; }
for m in tiny-ar-en tiny-en-ar; do
    if [ "$m" = tiny-ar-en ]; then
        inputs="$root/tests/fixtures/inputs/ntrex-ar-60.txt" news=ntrex-ar-60 tricky=tricky-ar
    else
        inputs="$tmp/ntrex-en-60.ara.txt" news=ntrex-en-60 tricky=tricky-en
    fi
    ids="$golden/marian-tokenizer.$m.jsonl"
    for bs in 1 8; do
        record --model "$models/$m" --inputs "$inputs" --batch-size $bs --out "$golden/transformersjs.$m.greedy.bs$bs.jsonl"
        record --model "$models/$m" --ids "$ids" --set $news --batch-size $bs \
            --out "$golden/transformersjs.$m.marian-ids.greedy.bs$bs.jsonl"
    done
    record --model "$models/$m" --ids "$ids" --set $tricky --batch-size 1 \
        --out "$golden/transformersjs.$m.marian-ids.tricky.greedy.bs1.jsonl"
    node tokenize.mjs --model "$models/$m" --ids "$ids" --out "$golden/transformersjs.$m.tokenizer.jsonl"
done
q8=q8
if [ "$(uname -m)" = x86_64 ] && ! grep -qwE 'avx512_vnni|avx_vnni' /proc/cpuinfo; then
    q8=q8-saturating
fi
for dtype in fp16 q8; do
    name=$dtype
    [ $dtype = q8 ] && name=$q8
    for bs in 1 8; do
        record --model "$models/tiny-ar-en" --dtype $dtype --ids "$golden/marian-tokenizer.tiny-ar-en.jsonl" \
            --set ntrex-ar-60 --batch-size $bs --out "$golden/transformersjs.tiny-ar-en.$name.marian-ids.greedy.bs$bs.jsonl"
    done
done
for m in tiny-nllb tiny-m2m100; do
    for bs in 1 8; do
        node record-multilingual.mjs --model "$models/$m" --rows "$golden/hf.$m.beam2.bs1.jsonl" \
            --batch-size $bs --max-new-tokens 32 --out "$golden/transformersjs.$m.greedy.bs$bs.jsonl"
    done
done
node summarize.mjs "$golden"/transformersjs.tiny-*.greedy.bs*.jsonl
