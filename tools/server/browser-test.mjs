// The web page in headless Chromium (Debian's, driven by playwright-core): type Arabic and get the translation in the
// right-hand column, upload a file, download the result. Screenshots go to $SCREENSHOTS (default: .cache/ here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, tinyModel, repoRoot } from './server.mjs';

const shots = process.env.SCREENSHOTS ?? path.join(repoRoot, 'tools', 'server', '.cache');
let server;
let context;
let page;

before(async () => {
  server = await startServer(['--model', process.env.TARJAMA_MODEL ?? tinyModel, '--max-new-tokens', '12']);
  // An empty profile each run; Chromium's own flags keep it from calling out to the network.
  context = await chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'tarjama-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    acceptDownloads: true,
    viewport: { width: 1200, height: 720 },
  });
  // The page must work with no outside network: any request off this server fails the test.
  await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
  page = await context.newPage();
  page.on('requestfailed', (request) => assert.fail(`request failed: ${request.url()}`));
  await mkdir(shots, { recursive: true });
});

after(async () => {
  await context?.close();
  assert.equal(await server.stop(), 0);
});

test('typing Arabic shows the translation in the left-to-right column beside it', async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready]');
  assert.equal(await page.getAttribute('#input', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('#output', 'dir'), 'ltr');
  await page.fill('#input', 'مرحبا بالعالم\nالأخبار اليوم');
  await page.waitForFunction(() => document.querySelector('#output').textContent.trim().length > 0, null, { timeout: 30_000 });
  const shown = await page.textContent('#output');
  const direct = await (await fetch(`${server.url}/translate`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ q: 'مرحبا بالعالم\nالأخبار اليوم', source: 'ar', target: 'en' }),
  })).json();
  assert.equal(shown, direct.translatedText);
  const [left, right] = await Promise.all(['#input', '#output'].map((s) => page.locator(s).boundingBox()));
  assert.ok(right.x > left.x + left.width - 1, 'the translation is in the right-hand column');
  await page.screenshot({ path: path.join(shots, 'page-text.png') });
});

test('the translation downloads as a text file', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const saved = path.join(await mkdtemp(path.join(tmpdir(), 'tarjama-download-')), download.suggestedFilename());
  await download.saveAs(saved);
  assert.equal(await readFile(saved, 'utf8'), await page.textContent('#output'));
});

test('an uploaded file is translated, shown and offered for download under its name', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'tarjama-upload-'));
  const file = path.join(folder, 'khabar.txt');
  await writeFile(file, 'عاجل\n\nمرحبا بالعالم\n');
  await page.setInputFiles('#file', file);
  await page.waitForSelector('#file-link:not([hidden])', { timeout: 30_000 });
  assert.equal(await page.inputValue('#input'), 'عاجل\n\nمرحبا بالعالم\n');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#file-link')]);
  assert.equal(download.suggestedFilename(), 'khabar.txt');
  const saved = path.join(folder, 'translated.txt');
  await download.saveAs(saved);
  const text = await readFile(saved, 'utf8');
  assert.equal(text.split('\n').length, 4);
  assert.equal(text, await page.textContent('#output'));
  await page.screenshot({ path: path.join(shots, 'page-file.png') });
});
