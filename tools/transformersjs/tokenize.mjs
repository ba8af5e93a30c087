#!/usr/bin/env node
// Records how transformers.js's own tokenizer encodes every input of a marian-tokenizer.<model>.jsonl
// golden ({idx, set, input, input_ids} per line, same order) and prints, per set, on how many lines it
// disagrees with MarianTokenizer's ids.
// usage: node tokenize.mjs --model DIR --ids marian-tokenizer.<model>.jsonl --out FILE
import './no-telemetry.mjs'; // before ONNX Runtime loads
import fs from 'node:fs';
import path from 'node:path';
import { AutoTokenizer, env, LogLevel } from '@huggingface/transformers';
import { parseArgs } from './common.mjs';

const args = parseArgs(process.argv.slice(2), { model: undefined, ids: undefined, out: undefined });
const abs = path.resolve(args.model);
env.allowRemoteModels = false;
env.localModelPath = path.dirname(abs) + path.sep;
env.logLevel = LogLevel.ERROR;
const tokenizer = await AutoTokenizer.from_pretrained(path.basename(abs));
const gold = fs.readFileSync(args.ids, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const rows = gold.map((g) => ({ idx: g.idx, set: g.set, input: g.input, input_ids: tokenizer.encode(g.input) }));
fs.writeFileSync(args.out, rows.map((r) => JSON.stringify(r) + '\n').join(''));
const diff = {};
rows.forEach((r, i) => {
    diff[r.set] ??= { lines: 0, differ: [] };
    diff[r.set].lines++;
    if (JSON.stringify(r.input_ids) !== JSON.stringify(gold[i].input_ids)) diff[r.set].differ.push(r.idx);
});
for (const [set, d] of Object.entries(diff)) {
    console.log(`${path.basename(args.out)}: ${set}: transformers.js differs from MarianTokenizer on ${d.differ.length}/${d.lines} lines [${d.differ.join(', ')}]`);
}
