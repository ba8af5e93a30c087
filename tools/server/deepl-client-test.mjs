// DeepL's official Node.js client (deepl-node) with serverUrl pointed at `tarjama serve` on loopback: the calls a
// DeepL integration makes, and each error status mapped to the client's own error types.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as deepl from 'deepl-node';
import { startServer, tinyModel } from './server.mjs';

const key = 'tarjama-test-key:fx';
const quota = 400;
let server;

before(async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'tarjama-deepl-'));
  const keys = path.join(folder, 'keys.txt');
  await writeFile(keys, createHash('sha256').update(key).digest('hex') + '\n');
  server = await startServer(['--model', process.env.TARJAMA_MODEL ?? tinyModel, '--max-new-tokens', '16',
    '--api-keys', keys, '--require-api-key', '--character-quota', String(quota)]);
});
after(async () => { assert.equal(await server.stop(), 0); });

const client = (authKey = key) => new deepl.Translator(authKey, { serverUrl: server.url, maxRetries: 0, minTimeout: 60_000 });

test('translateText: one text, then a batch with the source detected', async () => {
  const one = await client().translateText('مرحبا بالعالم', 'ar', 'en-US');
  assert.ok(one.text.length > 0);
  assert.equal(one.detectedSourceLang, 'ar');
  const batch = await client().translateText(['الأخبار اليوم', 'مرحبا بالعالم'], null, 'en-GB');
  assert.equal(batch.length, 2);
  assert.equal(batch[1].text, one.text);
  assert.ok(batch.every((result) => result.detectedSourceLang === 'ar'));
});

test('translateText with html tag handling keeps the markup', async () => {
  const result = await client().translateText('<p>مرحبا <b>بالعالم</b></p>', 'ar', 'en-US', { tagHandling: 'html' });
  assert.match(result.text, /^<p>[^<]*<b>[^<]*<\/b>[^<]*<\/p>$/);
});

test('translateText with ignoreTags keeps those elements as they are', async () => {
  const result = await client().translateText('<p>مرحبا <keep>بالعالم</keep></p>', 'ar', 'en-US', { tagHandling: 'html', ignoreTags: ['keep'] });
  assert.match(result.text, /<keep>بالعالم<\/keep>/);
});

test('translateText with xml tag handling keeps the document\'s own elements, split and ignored as asked', async () => {
  const result = await client().translateText('<story><hl>مرحبا</hl><p>الأخبار <n:name xmlns:n="urn:n">بالعالم</n:name><br/> <s>اليوم</s> <keep>غدا</keep></p></story>', 'ar', 'en-US',
    { tagHandling: 'xml', ignoreTags: ['keep'], splittingTags: ['s'], nonSplittingTags: ['n:name'], outlineDetection: true });
  assert.match(result.text, /^<story><hl>[^<]+<\/hl><p>[^<]*<n:name xmlns:n="urn:n">[^<]*<\/n:name>[^<]*<br \/>[^<]*<s>[^<]+<\/s>[^<]*<keep>غدا<\/keep>[^<]*<\/p><\/story>$/);
});

test('languages and usage', async () => {
  const sources = await client().getSourceLanguages();
  assert.deepEqual(sources.map((l) => l.code), ['ar']);
  const targets = await client().getTargetLanguages();
  assert.deepEqual(targets.map((l) => l.code), ['en-GB', 'en-US']);
  const usage = await client().getUsage();
  assert.ok(usage.character.count > 0);
  assert.equal(usage.character.limit, quota);
});

test('translateDocument: upload, wait, download', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'tarjama-deepl-doc-'));
  const input = path.join(folder, 'news.md');
  const output = path.join(folder, 'news.en.md');
  await writeFile(input, '# الأخبار\n\nمرحبا بالعالم\n');
  const status = await client().translateDocument(input, output, 'ar', 'en-US');
  assert.ok(status.ok());
  const lines = (await readFile(output, 'utf8')).split('\n');
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^# \S/);
  assert.equal(lines[1], '');
});

test('glossaries: create from entries, list, read back, translate with, delete', async () => {
  const translator = client();
  const entries = new deepl.GlossaryEntries({ entries: { 'الشرع': 'al-Shara', 'حميميم': 'Hmeimim' } });
  const glossary = await translator.createGlossary('names', 'ar', 'en', entries);
  assert.equal(glossary.entryCount, 2);
  assert.ok((await translator.listGlossaries()).some((g) => g.glossaryId === glossary.glossaryId));
  assert.deepEqual((await translator.getGlossaryEntries(glossary)).entries(), entries.entries());
  assert.ok((await translator.getGlossaryLanguagePairs()).some((p) => p.sourceLang === 'ar' && p.targetLang === 'en'));
  const result = await translator.translateText('وصل الشرع', 'ar', 'en-US', { glossary });
  assert.ok(result.text.length > 0);
  await translator.deleteGlossary(glossary);
  await assert.rejects(translator.getGlossary(glossary.glossaryId), deepl.GlossaryNotFoundError);
});

test('errors arrive as the client\'s own error types', async () => {
  await assert.rejects(client('wrong-key').translateText('مرحبا', 'ar', 'en-US'), deepl.AuthorizationError);
  await assert.rejects(client().translateText('مرحبا', 'ar', 'de'), (e) => e instanceof deepl.DeepLError && /target_lang/.test(e.message));
  await assert.rejects(client().translateText('م'.repeat(quota), 'ar', 'en-US'), deepl.QuotaExceededError);
});
