// Times make_graphs.py's graphs in ONNX Runtime (the peer's onnxruntime-node), the fastest of --runs runs each: the
// decoder step's graphs over --rows rows, the encoder's over each count of --positions (a batch's real source tokens,
// then its padded length).
// Usage: node time.mjs DIR [--rows 16] [--positions 626,1120] [--threads 2] [--runs 15]
import '../transformersjs/no-telemetry.mjs'; // before ONNX Runtime loads
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const ort = require("../transformersjs/node_modules/onnxruntime-node");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: "string", default: "16" },
    positions: { type: "string", default: "626,1120" },
    threads: { type: "string", default: "2" },
    runs: { type: "string", default: "15" },
  },
});
const inRange = (n, max) => Number.isInteger(n) && n >= 1 && n <= max;
const rows = Number(values.rows), threads = Number(values.threads), runs = Number(values.runs);
const positions = values.positions.split(",").map(Number);
if (positionals.length !== 1 || !inRange(rows, 4096) || !inRange(threads, 256) || !inRange(runs, 1000)
    || !positions.every((n) => inRange(n, 65536))) {
  console.error("usage: node time.mjs DIR [--rows 1..4096] [--positions N,N..] [--threads 1..256] [--runs 1..1000]");
  process.exit(2);
}

const work = [
  ["decoder_layers", [rows]],
  ["projection", [rows]],
  ["screen", [rows]],
  ["encoder_layers", positions],
];
for (const [name, counts] of work) {
  const session = await ort.InferenceSession.create(path.join(positionals[0], `${name}.onnx`), {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: "sequential",
  });
  for (const count of counts) {
    const input = session.inputNames[0];
    const feed = { [input]: tensorFor(input, count) };
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await session.run(feed);
      best = Math.min(best, performance.now() - start);
    }
    console.log(`${name.padEnd(15)} rows ${String(count).padStart(5)}  ${best.toFixed(1).padStart(8)} ms`);
  }
  await session.release();
}
console.log(`(fastest of ${runs} runs each, ${threads} threads)`);

function tensorFor(name, count) {
  const size = count * 1024;
  return name === "a"
    ? new ort.Tensor("uint8", Uint8Array.from({ length: size }, () => Math.floor(Math.random() * 256)), [count, 1024])
    : new ort.Tensor("float32", Float32Array.from({ length: size }, () => Math.random() - 0.5), [count, 1024]);
}
