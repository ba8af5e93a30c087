// A real LibreTranslate client (the npm libretranslate package) and curl, talking to `tarjama serve` on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { translate } from 'libretranslate';
import { startServer, tinyModel } from './server.mjs';

const run = promisify(execFile);
let server;

before(async () => { server = await startServer(['--model', process.env.TARJAMA_MODEL ?? tinyModel, '--max-new-tokens', '16']); });
after(async () => { assert.equal(await server.stop(), 0); });

async function curl(...args) {
  const { stdout } = await run('curl', ['--silent', '--show-error', '--max-time', '60', ...args]);
  return stdout;
}

test('the libretranslate npm client translates through our server', async () => {
  const text = await translate({ query: 'مرحبا بالعالم', source: 'ar', target: 'en', apiurl: server.url });
  assert.equal(typeof text, 'string');
  assert.ok(text.length > 0);
});

test('the libretranslate npm client detects the source when none is given', async () => {
  const text = await translate({ query: 'الأخبار اليوم', target: 'en', apiurl: server.url });
  assert.ok(text.length > 0);
});

test('curl: JSON body, form body and language list', async () => {
  const json = JSON.parse(await curl('-H', 'Content-Type: application/json', '-d', '{"q":["مرحبا","شكرا"],"source":"ar","target":"en"}', `${server.url}/translate`));
  assert.equal(json.translatedText.length, 2);
  const form = JSON.parse(await curl('--data-urlencode', 'q=مرحبا', '-d', 'source=auto', '-d', 'target=en', `${server.url}/translate`));
  assert.equal(form.detectedLanguage.language, 'ar');
  const languages = JSON.parse(await curl(`${server.url}/languages`));
  assert.deepEqual(languages.map((l) => l.code), ['ar', 'en']);
});

test('curl: errors are LibreTranslate-shaped', async () => {
  const out = await curl('--write-out', ' %{http_code}', '-d', 'source=ar&target=en', `${server.url}/translate`);
  assert.equal(out, '{"error":"Invalid request: missing q parameter"} 400');
});

test('curl: a file goes up multipart and its translation comes down', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'tarjama-client-'));
  const file = path.join(folder, 'news.txt');
  await writeFile(file, 'مرحبا\n\nالأخبار اليوم\n');
  const { translatedFileUrl } = JSON.parse(await curl('-F', `file=@${file}`, '-F', 'source=ar', '-F', 'target=en', `${server.url}/translate_file`));
  assert.match(translatedFileUrl, /\/download_file\/[0-9a-f]{32}\.news\.txt$/);
  const saved = path.join(folder, 'out.txt');
  const headers = await curl('--dump-header', '-', '--output', saved, translatedFileUrl);
  assert.match(headers, /content-disposition: attachment; filename=news\.txt/i);
  const lines = (await readFile(saved, 'utf8')).split('\n');
  assert.equal(lines.length, 4);
  assert.equal(lines[1], '');
});

test('curl: health, metrics and the OpenAPI document', async () => {
  assert.equal(JSON.parse(await curl(`${server.url}/health`)).status, 'ok');
  assert.match(await curl(`${server.url}/metrics`), /tarjama_http_requests_total\{endpoint="\/translate",code="200"\} \d+/);
  assert.ok(JSON.parse(await curl(`${server.url}/openapi.json`)).paths['/translate']);
});
