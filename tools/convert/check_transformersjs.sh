#!/usr/bin/env bash
# transformers.js runs folders our converter wrote: converts the marian-base fixture checkpoint (with tiny-ar-en's
# tokenizer files beside it, as a Hub repository has them), runs transformers.js 4.3.2 greedy on the fixture's input
# ids at batch 1 and 8 (tools/transformersjs/record.mjs), and compares its ids with transformers' generate (golden.json);
# then converts the tiny-nllb checkpoint (tiny-nllb's tokenizer files beside it) and runs transformers.js end to end
# through its own NLLB tokenizer (record-multilingual.mjs: three directions, forced target token), compared with
# generate's greedy ids (hf.tiny-nllb.greedy.bs{1,8}.jsonl). Exits non-zero on any difference. Needs node and
# tools/transformersjs/install.sh (npm registry).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tools/transformersjs/install.sh
checkpoint=tests/fixtures/checkpoints/marian-base
mkdir "$tmp/checkpoint"
cp "$checkpoint"/config.json "$checkpoint"/generation_config.json "$checkpoint"/model.safetensors "$tmp/checkpoint/"
for f in source.spm target.spm vocab.json tokenizer.json tokenizer_config.json special_tokens_map.json; do
    cp "tests/fixtures/models/tiny-ar-en/$f" "$tmp/checkpoint/"
done
./tarjama models convert "$tmp/checkpoint" -o "$tmp/model" >/dev/null
/usr/bin/python3 - "$checkpoint/golden.json" "$tmp/ids.jsonl" <<'PY'
import json, sys
golden = json.load(open(sys.argv[1]))
with open(sys.argv[2], "w") as f:
    for i, ids in enumerate(golden["generate"]["inputs"]):
        f.write(json.dumps({"idx": i, "set": "golden", "input": f"line {i}", "input_ids": ids}) + "\n")
PY
status=0
for bs in 1 8; do
    node tools/transformersjs/record.mjs --model "$tmp/model" --ids "$tmp/ids.jsonl" --set golden --batch-size $bs \
        --max-new-tokens 24 --out "$tmp/tjs.bs$bs.jsonl"
    /usr/bin/python3 - "$checkpoint/golden.json" "$tmp/tjs.bs$bs.jsonl" $bs <<'PY' || status=1
import json, sys
expected = json.load(open(sys.argv[1]))["generate"][f"beams1.bs{sys.argv[3]}"]
rows = [json.loads(l) for l in open(sys.argv[2])]
got = [r["output_ids_to_eos"][1:] for r in rows]
same = sum(a == b for a, b in zip(expected, got))
print(f"transformers.js greedy batch {sys.argv[3]}: {same}/{len(expected)} outputs identical to transformers' generate")
sys.exit(0 if same == len(expected) else 1)
PY
done
mkdir "$tmp/nllb"
cp tests/fixtures/checkpoints/tiny-nllb/* "$tmp/nllb/"
for f in sentencepiece.bpe.model tokenizer.json tokenizer_config.json special_tokens_map.json; do
    cp "tests/fixtures/models/tiny-nllb/$f" "$tmp/nllb/"
done
./tarjama models convert "$tmp/nllb" -o "$tmp/nllb-model" >/dev/null
for bs in 1 8; do
    golden=tests/fixtures/golden/hf.tiny-nllb.greedy.bs$bs.jsonl
    node tools/transformersjs/record-multilingual.mjs --model "$tmp/nllb-model" --rows "$golden" --batch-size $bs \
        --max-new-tokens 32 --out "$tmp/nllb.bs$bs.jsonl"
    /usr/bin/python3 - "$golden" "$tmp/nllb.bs$bs.jsonl" $bs <<'PY' || status=1
import json, sys
expected = [json.loads(l)["hypotheses"][0]["output_ids"] for l in open(sys.argv[1])]
got = [json.loads(l)["output_ids_to_eos"][1:] for l in open(sys.argv[2])]
same = sum(a == b for a, b in zip(expected, got))
print(f"transformers.js greedy on converted tiny-nllb, batch {sys.argv[3]}: {same}/{len(expected)} outputs identical to transformers' generate")
sys.exit(0 if same == len(expected) and len(got) == len(expected) else 1)
PY
done
exit $status
