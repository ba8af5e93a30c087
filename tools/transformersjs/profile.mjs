#!/usr/bin/env node
// Where ONNX Runtime spends a model's time: greedy generation on --count lines with ONNX Runtime's profiler on (through
// the session options transformers.js hands to onnxruntime-node), then the kernel time per operator type and the
// slowest nodes (with their weight bytes and output shape), for the encoder and the decoder; the merged decoder's `If`
// is left out of the totals, since its time is that of the nodes in its branches. The profiles stay in --out.
//
// usage: node profile.mjs --model DIR --dtype D --inputs FILE --count N --batch-size N --max-new-tokens N --out DIR
import './no-telemetry.mjs'; // before ONNX Runtime loads
import fs from 'node:fs';
import path from 'node:path';
import { AutoModelForSeq2SeqLM, AutoTokenizer, env, LogLevel } from '@huggingface/transformers';
import { generateBatch, parseArgs, readLines } from './common.mjs';

const args = parseArgs(process.argv.slice(2), {
    model: undefined, dtype: 'fp32', inputs: undefined, count: '8', batch_size: '1', max_new_tokens: '32',
    threads: '2', out: undefined,
});
const abs = path.resolve(args.model);
env.allowRemoteModels = false;
env.localModelPath = path.dirname(abs) + path.sep;
env.logLevel = LogLevel.ERROR;
fs.mkdirSync(args.out, { recursive: true });
const session_options = {
    intraOpNumThreads: Number(args.threads), interOpNumThreads: 1, enableProfiling: true,
    profileFilePrefix: path.join(path.resolve(args.out), `${args.dtype}`),
};
const tokenizer = await AutoTokenizer.from_pretrained(path.basename(abs));
const model = await AutoModelForSeq2SeqLM.from_pretrained(path.basename(abs), { dtype: args.dtype, device: 'cpu', session_options });
const lines = readLines(args.inputs).slice(0, Number(args.count));
const batch = Number(args.batch_size);
for (let i = 0; i < lines.length; i += batch) {
    await generateBatch(tokenizer, model, lines.slice(i, i + batch), Number(args.max_new_tokens));
}
for (const session of Object.values(model.sessions)) await session.endProfiling();
await model.dispose();

for (const file of fs.readdirSync(args.out).filter((f) => f.startsWith(args.dtype) && f.endsWith('.json'))) {
    const events = JSON.parse(fs.readFileSync(path.join(args.out, file), 'utf8'))
        .filter((e) => e.cat === 'Node' && e.name.endsWith('_kernel_time') && e.args.op_name !== 'If');
    const total = events.reduce((s, e) => s + e.dur, 0);
    const byOp = new Map();
    const byNode = new Map();
    const about = new Map();
    for (const e of events) {
        byOp.set(e.args.op_name, (byOp.get(e.args.op_name) ?? 0) + e.dur);
        const node = e.name.replace(/_kernel_time$/, '');
        byNode.set(node, (byNode.get(node) ?? 0) + e.dur);
        about.set(node, `${e.args.op_name}, ${(Number(e.args.parameter_size) / 2 ** 20).toFixed(1)} MiB of weights, out ${JSON.stringify(e.args.output_type_shape?.[0] ?? {})}`);
    }
    const share = (us) => `${(100 * us / total).toFixed(1)}%`;
    console.log(`${file}: ${(total / 1e6).toFixed(2)} s of kernel time`);
    for (const [op, us] of [...byOp].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${op.padEnd(24)} ${share(us)}`);
    console.log('  slowest nodes:');
    for (const [node, us] of [...byNode].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`    ${node.padEnd(36)} ${share(us).padStart(6)}  ${about.get(node)}`);
}
