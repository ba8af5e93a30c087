#!/usr/bin/env bash
# A 60-line document through /translate_document and through /jobs (submit, poll, download), alternating, three
# times each, on one `serve`: wall time and the engine's time (from /metrics) of each. Usage: job-overhead.sh MODEL
set -euo pipefail
MODEL=$(realpath "${1:?usage: job-overhead.sh MODEL}")
tarjama="$(dirname "$(realpath "$0")")/../../tarjama"
work=$(mktemp -d)
cd "$work"
mkdir jobs
"$tarjama" serve --port 0 -m "$MODEL" --beams 1 --max-new-tokens 32 --threads 1 --jobs-dir jobs 2> serve.log &
PID=$!
trap 'kill $PID; rm -rf "$work"' EXIT
until grep -q "serving" serve.log; do sleep 0.5; done
URL=$(grep -o 'http://[^ ]*' serve.log | head -1)
words=(خبر عاجل اليوم مدينة رئيس حكومة سوق نفط وزير دمشق موسكو زيارة)
eng() { curl -s ${URL}metrics | grep "^tarjama_engine_batch_seconds_sum" | cut -d" " -f2 || echo 0; }
for run in 1 2 3 4 5 6; do
  doc=d$run.txt; : > $doc
  for i in $(seq 0 59); do echo "${words[$((i % 12))]} ${words[$((i / 12 + 1))]} ${words[$(((i * 7 + run) % 12))]} الجديد رقم $run." >> $doc; done
  e0=$(eng); s=$(date +%s.%N)
  if (( run % 2 )); then
    curl -s -F file=@$doc -F source=ar -F target=en ${URL}translate_document -o out$run.txt; kind=direct
  else
    id=$(curl -s -F file=@$doc -F source=ar -F target=en ${URL}jobs | python3 -c "import json,sys; print(json.load(sys.stdin)['id'])")
    until curl -s ${URL}jobs/$id | grep -q '"status":"done"'; do sleep 0.2; done
    curl -s ${URL}jobs/$id/result -o out$run.txt; kind=job
  fi
  e=$(date +%s.%N); e1=$(eng)
  echo "$kind: wall $(echo "$e - $s" | bc) s, engine $(echo "$e1 - $e0" | bc) s, load $(cut -d' ' -f1 /proc/loadavg)"
done
