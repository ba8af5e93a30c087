#!/usr/bin/env node
// Times transformers.js greedy generation over every line of an input file and prints one JSON object:
//   {sentences, seconds, generated_tokens, sentences_per_s, tokens_per_s}
// generated_tokens counts, per row, the tokens after the decoder start up to and including the first
// end-of-sentence (all of them when a row has none). Loading is not timed; the first --warmup batches
// (default 1) are run once, untimed, before the timed pass. ONNX Runtime's intra-op thread count is set
// with --threads through the session options that transformers.js hands to onnxruntime-node. --dtype picks the
// ONNX files as transformers.js names them (q8: onnx/*_quantized.onnx, int8: *_int8.onnx, q4: *_q4.onnx).
//
// usage: node bench.mjs --model DIR --inputs FILE --batch-size N --max-new-tokens N --threads N [--warmup K] [--dtype D]
import { cutAtEos, eosId, generateBatch, loadLocal, parseArgs, readLines } from './common.mjs';

const args = parseArgs(process.argv.slice(2), {
    model: undefined,
    inputs: undefined,
    batch_size: '1',
    max_new_tokens: '64',
    threads: '1',
    warmup: '1',
    dtype: 'fp32',
});
const batchSize = Number(args.batch_size);
const maxNew = Number(args.max_new_tokens);
const lines = readLines(args.inputs);
const { tokenizer, model } = await loadLocal(args.model, args.threads, args.dtype);
const eos = eosId(model);

const batches = [];
for (let i = 0; i < lines.length; i += batchSize) batches.push(lines.slice(i, i + batchSize));
for (let w = 0; w < Number(args.warmup) && w < batches.length; w++) {
    await generateBatch(tokenizer, model, batches[w], maxNew);
}

let tokens = 0;
const t0 = process.hrtime.bigint();
for (const b of batches) {
    const res = await generateBatch(tokenizer, model, b, maxNew);
    for (const r of res) tokens += cutAtEos(r.output_ids, eos).length - 1;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
await model.dispose();
process.stdout.write(
    JSON.stringify({
        sentences: lines.length,
        seconds: Number(seconds.toFixed(4)),
        generated_tokens: tokens,
        sentences_per_s: Number((lines.length / seconds).toFixed(3)),
        tokens_per_s: Number((tokens / seconds).toFixed(2)),
    }) + '\n',
);
