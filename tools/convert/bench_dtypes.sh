#!/usr/bin/env bash
# Speed of one converted model's dtypes side by side, with transformers.js as the peer: each round runs our engine
# (`tarjama bench --reference none`) on every dtype and transformers.js (tools/transformersjs/bench.mjs) on each peer
# dtype, one after the other, so a busy machine slows all of them alike; the table gives each one's median over the
# rounds, and every figure's ratio to our fp32 taken from the same rounds.
#
# usage: bench_dtypes.sh MODEL_DIR [ROUNDS] [COUNT] [OURS_DTYPES] [PEER_DTYPES]
#   MODEL_DIR holds every dtype's files (onnx/encoder_model{,_int8,_q4,_quantized}.onnx and the decoders);
#   defaults: 3 rounds, 32 NTREX-128 Arabic lines (shared/data above the repository, or $TARJAMA_DATA), ours "fp32 int8 q4 q8", peer "q8 int8";
#   greedy, 32 new tokens, 2 threads, batch 1 and 16. Raw trials go to MODEL_DIR/bench-trials.jsonl.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
model=$(cd "$1" && pwd)
rounds=${2:-3}
count=${3:-32}
ours=${4:-fp32 int8 q4 q8}
peer=${5:-q8 int8}
cd "$root"
tools/transformersjs/install.sh
inputs=$(mktemp)
trap 'rm -f "$inputs"' EXIT
tools/convert/ntrex_lines.sh "$count" > "$inputs"
trials="$model/bench-trials.jsonl"
: > "$trials"
for bs in 1 16; do
  for round in $(seq "$rounds"); do
    for d in $ours; do
      ./tarjama bench -m "$model" --dtype "$d" --inputs "$inputs" --count "$count" --beams 1 --batch-size $bs \
        --threads 2 --max-new-tokens 32 --reference none --json |
        /usr/bin/python3 -c 'import json,sys; r=json.loads(sys.stdin.read().strip().splitlines()[-1]); print(json.dumps({"engine":"tarjama","dtype":sys.argv[1],"batch":int(sys.argv[2]),"tokens_per_s":r["Ours"]["TokensPerSecond"],"tokens":r["Ours"]["Tokens"],"peak_mib":r["PeakMemoryBytes"]/2**20,"load":open("/proc/loadavg").read().split()[0]}))' "$d" $bs >> "$trials"
    done
    for d in $peer; do
      node tools/transformersjs/bench.mjs --model "$model" --dtype "$d" --inputs "$inputs" --batch-size $bs \
        --max-new-tokens 32 --threads 2 |
        /usr/bin/python3 -c 'import json,sys; r=json.loads(sys.stdin.read().strip().splitlines()[-1]); print(json.dumps({"engine":"transformers.js","dtype":sys.argv[1],"batch":int(sys.argv[2]),"tokens_per_s":r["tokens_per_s"],"tokens":r["generated_tokens"],"load":open("/proc/loadavg").read().split()[0]}))' "$d" $bs >> "$trials"
    done
  done
done
/usr/bin/python3 - "$trials" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| batch | engine | dtype | tokens/s (median) | x our fp32 | tokens | peak MiB | load avg during |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for bs in sorted({r["batch"] for r in rows}):
    fp32 = statistics.median(r["tokens_per_s"] for r in rows if r["batch"] == bs and r["engine"] == "tarjama" and r["dtype"] == "fp32")
    for engine, dtype in dict.fromkeys((r["engine"], r["dtype"]) for r in rows if r["batch"] == bs):
        mine = [r for r in rows if r["batch"] == bs and r["engine"] == engine and r["dtype"] == dtype]
        speed = statistics.median(r["tokens_per_s"] for r in mine)
        peak = f'{statistics.median(r["peak_mib"] for r in mine):.0f}' if "peak_mib" in mine[0] else "-"
        loads = sorted(float(r["load"]) for r in mine)
        print(f'| {bs} | {engine} | {dtype} | {speed:.1f} | {speed / fp32:.2f}x | {mine[0]["tokens"]} | {peak} | {loads[0]:.0f}-{loads[-1]:.0f} |')
PY
