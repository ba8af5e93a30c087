#!/usr/bin/env bash
# How far a converted model's quantized dtypes stray from its fp32 output: translates the first COUNT NTREX-128 Arabic
# lines with each dtype (greedy, batch 16, 64 new tokens, `translate --sentences --output jsonl`), then reports the
# share of outputs whose token ids equal fp32's and chrF of each dtype's text against the fp32 text (`tarjama eval`).
#
# usage: quant_agreement.sh MODEL_DIR [COUNT] [DTYPES]
#   MODEL_DIR holds every dtype's files; defaults: 200 lines, "int8 q4 fp16 q8" (each compared with fp32).
#   The outputs stay in MODEL_DIR/agreement/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
model=$(cd "$1" && pwd)
count=${2:-200}
dtypes=${3:-int8 q4 fp16 q8}
cd "$root"
out="$model/agreement"
mkdir -p "$out"
tools/convert/ntrex_lines.sh "$count" > "$out/source.ar.txt"
for d in fp32 $dtypes; do
  ./tarjama translate -m "$model" --dtype "$d" --sentences --output jsonl --beams 1 --batch-size 16 --max-new-tokens 64 \
    --threads 2 -i "$out/source.ar.txt" -o "$out/$d.jsonl" 2>/dev/null
  /usr/bin/python3 -c 'import json,sys; [print(json.loads(l)["translation"]) for l in open(sys.argv[1])]' "$out/$d.jsonl" > "$out/$d.txt"
done
echo "| dtype | outputs identical to fp32 | chrF against fp32 output | distinct outputs (fp32: $(sort -u "$out/fp32.txt" | wc -l)) |"
echo "| --- | --- | --- | --- |"
for d in $dtypes; do
  same=$(/usr/bin/python3 -c 'import json,sys; a,b=([json.loads(l)["token_ids"] for l in open(f)] for f in sys.argv[1:]); print(f"{sum(x == y for x, y in zip(a, b))} / {len(a)}")' "$out/fp32.jsonl" "$out/$d.jsonl")
  chrf=$(./tarjama eval --hyp "$out/$d.txt" --ref "$out/fp32.txt" --metrics chrf 2>/dev/null | sed -n 's/^chrF.* = //p')
  echo "| $d | $same | $chrf | $(sort -u "$out/$d.txt" | wc -l) |"
done
