#!/usr/bin/env node
// Records transformers.js greedy outputs for every line of an input file, one JSON object per line:
//   {idx, input, input_ids, output_ids, output_ids_to_eos, output}
// output_ids start with the decoder start token, as transformers.js returns them; at batch sizes above
// one, finished rows keep generating until every row has stopped, so compare output_ids_to_eos (cut
// after the first end-of-sentence). output is output_ids_to_eos decoded with special tokens skipped.
//
// With --ids FILE (a marian-tokenizer.<model>.jsonl golden) and --set NAME, the source ids come from
// that file's rows of that set instead of transformers.js's tokenizer (generate is fed input_ids).
//
// --dtype fp16 / q8 / ... loads onnx/<name>_fp16.onnx / <name>_quantized.onnx / ... instead of the fp32 files.
//
// usage: node record.mjs --model DIR --inputs FILE --batch-size N --max-new-tokens 64 --out FILE [--threads N] [--dtype D]
//        node record.mjs --model DIR --ids FILE --set NAME --batch-size N --max-new-tokens 64 --out FILE
import fs from 'node:fs';
import { cutAtEos, eosId, generateBatch, loadLocal, parseArgs, readLines } from './common.mjs';

const args = parseArgs(process.argv.slice(2), {
    model: undefined,
    inputs: '',
    ids: '',
    set: '',
    batch_size: '1',
    max_new_tokens: '64',
    out: undefined,
    threads: '1',
    dtype: 'fp32',
});
const batchSize = Number(args.batch_size);
const maxNew = Number(args.max_new_tokens);
let lines;
let idRows = null;
if (args.ids) {
    const rows = fs.readFileSync(args.ids, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
        .filter((r) => r.set === args.set);
    if (rows.length === 0) throw new Error(`no rows of set "${args.set}" in ${args.ids}`);
    lines = rows.map((r) => r.input);
    idRows = rows.map((r) => r.input_ids);
} else if (args.inputs) {
    lines = readLines(args.inputs);
} else {
    throw new Error('need --inputs FILE or --ids FILE --set NAME');
}
const { tokenizer, model } = await loadLocal(args.model, args.threads, args.dtype);
const eos = eosId(model);

const rows = [];
for (let start = 0; start < lines.length; start += batchSize) {
    const batch = lines.slice(start, start + batchSize);
    const res = await generateBatch(tokenizer, model, batch, maxNew, idRows && idRows.slice(start, start + batchSize));
    res.forEach((r, k) => {
        const toEos = cutAtEos(r.output_ids, eos);
        rows.push({
            idx: start + k,
            input: batch[k],
            input_ids: r.input_ids,
            output_ids: r.output_ids,
            output_ids_to_eos: toEos,
            output: tokenizer.decode(toEos, { skip_special_tokens: true }),
        });
    });
}
fs.writeFileSync(args.out, rows.map((r) => JSON.stringify(r) + '\n').join(''));
await model.dispose();
