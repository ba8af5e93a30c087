// The web page in headless Chromium (Debian's, driven by playwright-core) against `tarjama serve` with the fixture
// models in both directions: typing, long text, uploads and their bilingual views, downloads, errors, direction,
// clearing, alternatives and the keyboard shortcut. Screenshots go to $SCREENSHOTS (default: .cache/ here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, tinyModel, repoRoot } from './server.mjs';

const shots = process.env.SCREENSHOTS ?? path.join(repoRoot, 'tools', 'server', '.cache');
const englishToArabic = path.join(repoRoot, 'tests', 'fixtures', 'models', 'tiny-en-ar');
const models = ['--model', process.env.TARJAMA_MODEL ?? tinyModel, '--model', englishToArabic, '--max-new-tokens', '12'];
const origins = new Set();
let server;
let context;
let page;
let folder;

before(async () => {
  server = await startServer(models);
  origins.add(server.url);
  // An empty profile each run; Chromium's own flags keep it from calling out to the network.
  context = await chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'tarjama-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    acceptDownloads: true,
    viewport: { width: 1200, height: 720 },
  });
  // The page must work with no outside network: any request off our servers fails the test.
  await context.route('**/*', (route) => ([...origins].some((origin) => route.request().url().startsWith(origin)) ? route.continue() : route.abort()));
  page = await context.newPage();
  // A request the page itself cancelled (newer input superseded it) is fine; any other failure is not.
  page.on('requestfailed', (request) => { if (request.failure()?.errorText !== 'net::ERR_ABORTED') assert.fail(`request failed: ${request.url()}`); });
  await mkdir(shots, { recursive: true });
  folder = await mkdtemp(path.join(tmpdir(), 'tarjama-browser-'));
});

after(async () => {
  await context?.close();
  assert.equal(await server.stop(), 0);
});

async function open(target = page, url = server.url) {
  await target.goto(url);
  await target.waitForSelector('body[data-ready]');
}

async function shot(name) { await page.screenshot({ path: path.join(shots, `${name}.png`) }); }

const translated = () => page.waitForFunction(() => document.querySelector('#output').textContent.trim().length > 0, null, { timeout: 30_000 });
const statusIs = (pattern) => page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#status').textContent), pattern.source, { timeout: 30_000 });

/** The page, fresh, with this text typed and its translation on screen. */
async function openTranslating(text) {
  await open();
  await page.fill('#input', text);
  await translated();
}

async function direct(endpoint, body) {
  const response = await fetch(`${server.url}${endpoint}`, body instanceof FormData
    ? { method: 'POST', body }
    : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(response.status, 200);
  return response;
}

async function download() {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const saved = path.join(await mkdtemp(path.join(folder, 'download-')), file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), text: await readFile(saved, 'utf8'), path: saved };
}

async function upload(name, content) {
  const file = path.join(folder, name);
  await writeFile(file, content);
  await page.setInputFiles('#file', file);
}

const buttonsEnabled = () => page.evaluate(() => ['#copy', '#download'].map((s) => !document.querySelector(s).disabled));

/** The colour an element is drawn in, as [r, g, b]. */
const colour = (selector) => page.$eval(selector, (e) => getComputedStyle(e).color.match(/\d+/g).slice(0, 3).map(Number));

test('typing Arabic shows the translation in the left-to-right column beside it, with a favicon and no failed loads', async () => {
  const loaded = [];
  const record = (response) => loaded.push([response.url(), response.status()]);
  page.on('response', record);
  await open();
  assert.equal(await page.getAttribute('#input', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('#output', 'dir'), 'ltr');
  await page.fill('#input', 'مرحبا بالعالم\nالأخبار اليوم');
  await translated();
  const { translatedText } = await (await direct('/translate', { q: 'مرحبا بالعالم\nالأخبار اليوم', source: 'ar', target: 'en' })).json();
  assert.equal(await page.textContent('#output'), translatedText);
  const [left, right] = await Promise.all(['#input', '#output'].map((s) => page.locator(s).boundingBox()));
  assert.ok(right.x > left.x + left.width - 1, 'the translation is in the right-hand column');
  const icon = await page.evaluate(async () => {
    const image = new Image();
    image.src = document.querySelector('link[rel="icon"]').href;
    await image.decode();
    return image.naturalWidth;
  });
  assert.ok(icon > 0, 'the favicon is an image');
  assert.deepEqual(loaded.filter(([, status]) => status >= 400), [], 'nothing the page loads fails (no /favicon.ico 404)');
  page.off('response', record);
  const { alternatives } = await (await direct('/translate', { q: 'مرحبا بالعالم\nالأخبار اليوم', source: 'ar', target: 'en', alternatives: 3 })).json();
  assert.deepEqual(await page.$$eval('#alternative-list button', (b) => b.map((e) => e.textContent)), alternatives, 'the beam\'s other hypotheses, as the server gives them');
  await shot('page-text');
});

test('the character counter follows typing at once, before any translation', async () => {
  await open();
  await page.fill('#input', 'مرحبا');
  assert.equal(await page.textContent('#count'), '5 / 5,000');
  await page.type('#input', ' بكم');
  assert.equal(await page.textContent('#count'), '9 / 5,000');
});

test('the translation downloads as a text file named for the target language', async () => {
  await openTranslating('مرحبا بالعالم');
  const saved = await download();
  assert.equal(saved.name, 'translation.en.txt');
  assert.equal(saved.text, await page.textContent('#output'));
});

test('text over the character limit goes whole as a document, and the page says so', async () => {
  const article = await readFile(path.join(repoRoot, 'tests', 'fixtures', 'inputs', 'ntrex-ar-60.txt'), 'utf8');
  assert.ok(article.length > 5000);
  await open();
  await page.fill('#input', article);
  assert.match(await page.textContent('#count'), /^7,318 \/ 5,000 · over the limit for text, so it goes as a document$/);
  await statusIs(/^Done: 7,318 characters, over the 5,000 a text may have, went as a document$/);
  const form = new FormData();
  form.append('file', new Blob([article]), 'translation.txt');
  for (const [name, value] of Object.entries({ source: 'ar', target: 'en', format: 'text' })) form.append(name, value);
  const whole = await (await direct('/translate_document', form)).text();
  const shown = await page.textContent('#output');
  assert.equal(shown, whole);
  assert.equal(shown.split('\n').length, article.split('\n').length, 'every line came back: nothing was cut');
  assert.equal((await download()).name, 'translation.en.txt');
  await shot('page-long-text');
});

test('a rejected upload clears the previous translation, disables Copy and Download, and shows no binary bytes', async () => {
  await openTranslating('مرحبا بالعالم');
  assert.deepEqual(await buttonsEnabled(), [true, true]);
  await upload('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]));
  await statusIs(/photo\.txt/);
  await page.waitForSelector('#status.error');
  assert.equal(await page.textContent('#output'), '');
  assert.deepEqual(await buttonsEnabled(), [false, false]);
  assert.equal(await page.inputValue('#input'), '', 'the binary upload is not dumped into the input box');
  const [r, g, b] = await colour('#status');
  assert.ok(r > 150 && g < 100 && b < 100, `the error is drawn red, not grey (rgb ${r}, ${g}, ${b})`);
  await shot('page-rejected-upload');
});

test('an uploaded file is translated, shown and downloads named for the target language', async () => {
  await open();
  await upload('khabar.ar.txt', 'عاجل\n\nمرحبا بالعالم\n');
  await statusIs(/^Translated khabar\.ar\.txt$/);
  assert.equal(await page.inputValue('#input'), 'عاجل\n\nمرحبا بالعالم\n');
  const saved = await download();
  assert.equal(saved.name, 'khabar.en.txt');
  assert.equal(saved.text.split('\n').length, 4);
  assert.equal(saved.text, await page.textContent('#output'));
  await shot('page-file');
});

test('a document upload can give back a bilingual TMX instead', async () => {
  await open();
  await page.selectOption('#bilingual', 'tmx');
  await upload('khabar.ar.txt', 'مرحبا بالعالم. الأخبار اليوم.\n');
  await statusIs(/^Translated khabar\.ar\.txt$/);
  const saved = await download();
  assert.equal(saved.name, 'khabar.ar-en.tmx');
  assert.match(saved.text, /<tmx version="1\.4">/);
  assert.match(saved.text, /<seg>مرحبا بالعالم\.<\/seg>/);
  assert.equal(await page.getAttribute('#output', 'dir'), 'ltr');
  await page.selectOption('#bilingual', 'html');
  await page.waitForFunction(() => document.querySelector('#output').textContent.includes('<html'), null, { timeout: 30_000 });
  assert.equal((await download()).name, 'khabar.ar-en.html', 'changing the choice translates the upload again');
});

test('a document comes back as XLIFF for a CAT tool, and the edited XLIFF merges back into it', async () => {
  await open();
  await page.selectOption('#bilingual', 'xliff');
  await upload('khabar.ar.txt', 'مرحبا بالعالم.\n');
  await statusIs(/^Translated khabar\.ar\.txt$/);
  const xliff = await download();
  assert.equal(xliff.name, 'khabar.ar-en.xlf');
  const edited = xliff.text.replace(/<target xml:space="preserve">[^<]*<\/target>/, '<target xml:space="preserve">Hello, world of the desk.</target>');
  assert.notEqual(edited, xliff.text);
  await page.selectOption('#bilingual', 'merge');
  await upload('khabar.ar-en.xlf', edited);
  await statusIs(/^Merged khabar\.ar-en\.xlf$/);
  const merged = await download();
  assert.equal(merged.name, 'khabar.en.txt');
  assert.equal(merged.text, 'Hello, world of the desk.\n');
  await shot('page-merged');
});

test('a Word document is translated and downloads whole, its bytes never shown as text', async () => {
  await open();
  await page.setInputFiles('#file', path.join(repoRoot, 'tests', 'fixtures', 'documents', 'libreoffice-story.ar.docx'));
  await statusIs(/^Translated libreoffice-story\.ar\.docx$/);
  assert.equal(await page.textContent('#output'), 'libreoffice-story.en.docx: a Word document, translated; Download saves it');
  assert.deepEqual(await buttonsEnabled(), [false, true]);
  const saved = await download();
  assert.equal(saved.name, 'libreoffice-story.en.docx');
  assert.equal((await readFile(saved.path)).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
});

test('swapping the languages translates the translation back, a document as a document', async () => {
  await open();
  await upload('khabar.ar.txt', 'عاجل\n\nمرحبا بالعالم\n');
  await statusIs(/^Translated khabar\.ar\.txt$/);
  const english = await page.textContent('#output');
  await page.click('#swap');
  assert.deepEqual([await page.inputValue('#source'), await page.inputValue('#target')], ['en', 'ar']);
  assert.equal(await page.inputValue('#input'), english);
  assert.equal(await page.getAttribute('#input', 'dir'), 'ltr');
  await statusIs(/^Translated khabar\.en\.txt$/);
  assert.equal((await download()).name, 'khabar.ar.txt');
});

test('English typed with Detect is laid out left to right and translated to Arabic', async () => {
  await open();
  await page.selectOption('#source', 'auto');
  await page.fill('#input', 'The news today');
  assert.equal(await page.getAttribute('#input', 'dir'), 'ltr');
  assert.equal(await page.$eval('#input', (e) => getComputedStyle(e).direction), 'ltr');
  await statusIs(/^Detected English$/);
  assert.equal(await page.inputValue('#target'), 'ar', 'English is meant for Arabic, not for English');
  await shot('page-detect-english');
  await page.fill('#input', 'مرحبا بالعالم');
  assert.equal(await page.getAttribute('#input', 'dir'), 'rtl');
});

test('an uploaded HTML file reads left to right in both boxes, not mirrored', async () => {
  await open();
  await upload('page.ar.html', '<!doctype html>\n<html lang="ar">\n<body>\n<h1>عاجل</h1>\n<p>مرحبا بالعالم</p>\n</body>\n</html>\n');
  await statusIs(/^Translated page\.ar\.html$/);
  assert.equal(await page.getAttribute('#input', 'dir'), 'ltr');
  assert.equal(await page.getAttribute('#output', 'dir'), 'ltr');
  assert.match(await page.textContent('#output'), /^<!DOCTYPE html><html lang="en"/);
  assert.equal((await download()).name, 'page.en.html');
  await shot('page-html');
});

test('Clear empties the text, the translation and the counter', async () => {
  await openTranslating('مرحبا بالعالم');
  await page.click('#clear');
  assert.equal(await page.inputValue('#input'), '');
  assert.equal(await page.textContent('#output'), '');
  assert.equal(await page.textContent('#count'), '0 / 5,000');
  assert.deepEqual(await buttonsEnabled(), [false, false]);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
});

test('Ctrl+Enter and Cmd+Enter translate at once', async () => {
  for (const keys of ['Control+Enter', 'Meta+Enter']) {
    await open();
    // Set without an input event, so only the shortcut can start the translation.
    await page.$eval('#input', (e) => { e.value = 'مرحبا بالعالم'; });
    await page.focus('#input');
    await page.keyboard.press(keys);
    await translated();
    assert.equal(await page.inputValue('#input'), 'مرحبا بالعالم', `${keys} adds no line break`);
  }
});

test('alternatives the server returns are listed, and choosing one puts it in place', async () => {
  await open();
  // The server's real answer gets two known alternatives in place of the beam's, so the test knows what to click.
  let asked;
  await page.route('**/translate', async (route) => {
    asked = route.request().postDataJSON();
    const answer = await (await route.fetch()).json();
    await route.fulfill({ json: { ...answer, alternatives: ['Hello, world', 'Hi world'] } });
  });
  await page.fill('#input', 'مرحبا بالعالم');
  await page.waitForSelector('#alternatives:not([hidden])', { timeout: 30_000 });
  assert.equal(asked.alternatives, 3, 'the page asks for alternatives');
  const main = await page.textContent('#output');
  assert.deepEqual(await page.$$eval('#alternative-list button', (b) => b.map((e) => e.textContent)), ['Hello, world', 'Hi world']);
  await page.click('#alternative-list button >> nth=1');
  assert.equal(await page.textContent('#output'), 'Hi world');
  assert.deepEqual(await page.$$eval('#alternative-list button', (b) => b.map((e) => e.textContent)), ['Hello, world', main]);
  await shot('page-alternatives');
  await page.unroute('**/translate');
});

test('a server that has stopped gets a plain message, drawn as an error, instead of "Failed to fetch"', async () => {
  const gone = await startServer(models);
  origins.add(gone.url);
  const other = await context.newPage();
  await open(other, gone.url);
  assert.equal(await gone.stop(), 0);
  await other.fill('#input', 'مرحبا بالعالم');
  await other.waitForSelector('#status.error', { timeout: 30_000 });
  const message = await other.textContent('#status');
  assert.match(message, /^Cannot reach the Tarjama server at 127\.0\.0\.1:\d+: it may have stopped/);
  assert.doesNotMatch(message, /Failed to fetch/);
  assert.equal(await other.textContent('#output'), '');
  await other.screenshot({ path: path.join(shots, 'page-server-down.png') });
  await other.close();
});
