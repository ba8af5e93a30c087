// Load on loopback, bounded in time: one client at a time and 16 concurrent clients (autocannon, closed loop), then a
// sustainable arrival rate and 4x that rate (open loop, so the offered rate is exact). Checks every admitted answer, counts refusals (503/429) and their latency, samples the server's memory.
// Usage: node load-test.mjs [--model PATH] [--seconds N] [--quick] [--json FILE]   (TARJAMA_MODEL also names the model)
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer, tinyModel } from './server.mjs';

const { values: options } = parseArgs({
  options: {
    model: { type: 'string', default: process.env.TARJAMA_MODEL ?? tinyModel },
    seconds: { type: 'string', default: '10' },
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    'max-new-tokens': { type: 'string', default: '32' },
    'queue-size': { type: 'string', default: '32' },
    'batch-wait-ms': { type: 'string', default: '50' },
    phases: { type: 'string', default: '4' },
  },
});
const seconds = options.quick ? 2 : Number(options.seconds);

// One news sentence per request, as a headline-translation client sends them.
const sentences = [
  'قال رئيس الوزراء إن الحكومة ستعلن عن خطة اقتصادية جديدة الأسبوع المقبل.',
  'ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج.',
  'أعلنت وزارة الصحة عن تسجيل حالات جديدة في عدة محافظات.',
  'التقى وزير الخارجية نظيره الفرنسي لبحث العلاقات الثنائية.',
  'فاز المنتخب الوطني في مباراته الأولى ضمن تصفيات كأس العالم.',
  'حذرت الأرصاد الجوية من موجة حر تضرب المنطقة خلال الأيام القادمة.',
  'افتتح المعرض الدولي للكتاب أبوابه أمام الزوار صباح اليوم.',
  'وقعت الشركتان اتفاقية تعاون لتطوير مشاريع الطاقة المتجددة.',
];

const server = await startServer([
  '--model', options.model, '--threads', '2', '--max-new-tokens', options['max-new-tokens'], '--queue-size', options['queue-size'], '--batch-wait-ms', options['batch-wait-ms'],
]);
console.error(`server ${server.url} (pid ${server.pid}), model ${options.model}, ${seconds}s a phase`);

async function residentMegabytes() {
  const status = await readFile(`/proc/${server.pid}/status`, 'utf8').catch(() => '');
  // ./tarjama execs dotnet, so the pid is the server's own process.
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

/** Segments and engine batches so far, from the server's own metrics. */
async function batchTotals() {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const metric = (name) => Number(new RegExp(`^${name}\\{pair="[^"]+"\\} (\\S+)$`, 'm').exec(metrics)?.[1] ?? 0);
  return { segments: metric('tarjama_batch_segments_sum'), batches: metric('tarjama_batch_segments_count') };
}

async function phase(name, { connections, overallRate }) {
  const before = await batchTotals();
  const latencies = new Map();
  let wrong = 0;
  let peak = 0;
  const sampler = setInterval(async () => { peak = Math.max(peak, await residentMegabytes()); }, 200);
  const instance = autocannon({
    url: `${server.url}/translate`,
    connections,
    overallRate,
    duration: seconds,
    timeout: 30,
    requests: sentences.map((q) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q, source: 'ar', target: 'en' }),
      onResponse: (status, body) => {
        const answer = JSON.parse(body);
        const ok = status === 200 ? typeof answer.translatedText === 'string' && answer.translatedText.length > 0
          : [429, 503].includes(status) && typeof answer.error === 'string';
        if (!ok) wrong++;
      },
    })),
  });
  instance.on('response', (client, status, bytes, ms) => {
    if (!latencies.has(status)) latencies.set(status, []);
    latencies.get(status).push(ms);
  });
  const result = await instance;
  clearInterval(sampler);
  const after = await batchTotals();
  const quantile = (list, q) => (list.length ? list.sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] : NaN);
  const ok = latencies.get(200) ?? [];
  const refused = [...latencies].filter(([status]) => status === 503 || status === 429).flatMap(([, list]) => list);
  const row = {
    phase: name,
    connections,
    offered: overallRate ?? 'closed loop',
    answered: [...latencies.values()].reduce((n, list) => n + list.length, 0),
    translatedPerSecond: ok.length / seconds,
    p50: quantile(ok, 0.5),
    p99: quantile(ok, 0.99),
    refused: refused.length,
    refusedP99: quantile(refused, 0.99),
    otherStatus: [...latencies].filter(([status]) => ![200, 429, 503].includes(status)).reduce((n, [, list]) => n + list.length, 0),
    errors: result.errors + result.timeouts,
    wrong,
    peakMegabytes: peak,
    meanBatch: (after.segments - before.segments) / (after.batches - before.batches),
  };
  console.error(JSON.stringify(row));
  return row;
}

/** Open loop: a request every 1/rate seconds whatever the answers, so the offered rate is exact; waits for every answer. */
async function openLoop(name, rate) {
  const before = await batchTotals();
  const answers = [];
  let peak = 0;
  const sampler = setInterval(async () => { peak = Math.max(peak, await residentMegabytes()); }, 200);
  const started = performance.now();
  const pending = [];
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    const due = started + (i * 1000) / rate;
    if (due > performance.now()) await new Promise((done) => setTimeout(done, due - performance.now()));
    const sent = performance.now();
    pending.push(fetch(`${server.url}/translate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: sentences[i % sentences.length], source: 'ar', target: 'en' }),
      signal: AbortSignal.timeout(60_000),
    }).then(async (response) => {
      const body = await response.json();
      const ok = response.status === 200 ? typeof body.translatedText === 'string' && body.translatedText.length > 0
        : [429, 503].includes(response.status) && typeof body.error === 'string';
      answers.push({ status: response.status, ms: performance.now() - sent, ok });
    }, () => answers.push({ status: 0, ms: performance.now() - sent, ok: false })));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = await batchTotals();
  const quantile = (list, q) => (list.length ? list.sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] : NaN);
  const ok = answers.filter((a) => a.status === 200).map((a) => a.ms);
  const refused = answers.filter((a) => a.status === 503 || a.status === 429).map((a) => a.ms);
  const row = {
    phase: name,
    connections: 'open loop',
    offered: rate,
    answered: answers.length,
    translatedPerSecond: ok.length / elapsed,
    p50: quantile(ok, 0.5),
    p99: quantile(ok, 0.99),
    refused: refused.length,
    refusedP99: quantile(refused, 0.99),
    otherStatus: answers.filter((a) => ![0, 200, 429, 503].includes(a.status)).length,
    errors: answers.filter((a) => a.status === 0).length,
    wrong: answers.filter((a) => a.status !== 0 && !a.ok).length,
    peakMegabytes: peak,
    meanBatch: (after.segments - before.segments) / (after.batches - before.batches),
  };
  console.error(JSON.stringify(row));
  return row;
}

// One request first, so the engine's first-run set-up is not timed.
await fetch(`${server.url}/translate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: sentences[0], source: 'ar', target: 'en' }) });
const rows = [];
rows.push(await phase('one client at a time', { connections: 1 }));
rows.push(await phase('16 concurrent clients', { connections: 16 }));
const sustainable = Math.max(1, Math.round(rows[1].translatedPerSecond * 0.7));
if (Number(options.phases) > 2) {
  rows.push(await openLoop('sustainable rate (70% of 16-client throughput)', sustainable));
  rows.push(await openLoop('4x the sustainable rate', sustainable * 4));
}
const health = await (await fetch(`${server.url}/health`)).json();
const exitCode = await server.stop();

const fixed = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
console.log('| phase | clients | offered req/s | answered | translated req/s | p50 ms | p99 ms | refused (503/429) | refused p99 ms | other status | errors | wrong answers | mean engine batch | peak RSS MB |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.phase} | ${r.connections} | ${r.offered} | ${r.answered} | ${fixed(r.translatedPerSecond)} | ${fixed(r.p50, 0)} | ${fixed(r.p99, 0)} | ${r.refused} | ${fixed(r.refusedP99, 0)} | ${r.otherStatus} | ${r.errors} | ${r.wrong} | ${fixed(r.meanBatch)} | ${fixed(r.peakMegabytes, 0)} |`);
}
const speedup = rows[1].translatedPerSecond / rows[0].translatedPerSecond;
console.log(`\n16 clients vs one at a time: ${fixed(speedup, 2)}x; server healthy after: ${health.status === 'ok'}; exit code after SIGTERM: ${exitCode}`);
if (options.json) await writeFile(options.json, JSON.stringify({ model: options.model, seconds, rows, speedup, exitCode }, null, 2));

const failures = [
  rows.some((r) => r.wrong > 0 || r.otherStatus > 0 || r.errors > 0) && 'some answers were wrong, failed or had an unexpected status',
  rows[2]?.refused > 0 && 'requests were refused at the sustainable rate',
  rows[3]?.translatedPerSecond === 0 && 'nothing was translated under overload',
  health.status !== 'ok' && 'the server was not healthy after the overload',
  exitCode !== 0 && `the server exited with ${exitCode}`,
].filter(Boolean);
if (failures.length) {
  console.error(`FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
