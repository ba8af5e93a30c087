// The page uses only the public API (LibreTranslate's endpoints, /translate_document and /merge_document), so it shows what any client gets.
const $ = (id) => document.getElementById(id);
const state = {
  settings: null, languages: [], timer: 0, sequence: 0, request: null,
  result: null, // { text, name, blob?, binary?, bilingual? } on screen: what Copy and Download give
  document: null, // the uploaded file while the input box still shows it untouched
};
const rightToLeft = new Set(['ar', 'fa', 'he', 'ur']);
const number = (n) => n.toLocaleString('en');

/** fetch and read the answer; a server that cannot be reached or that refuses becomes an Error with a message for people. */
async function call(path, options, read) {
  let response;
  try {
    response = await fetch(path, options);
    if (response.ok) return await read(response);
  } catch (error) {
    if (error.name === 'AbortError' || !(error instanceof TypeError)) throw error;
    throw new Error(`Cannot reach the Tarjama server at ${location.host}: it may have stopped or restarted. Start it again and retry.`);
  }
  const body = await response.json().catch(() => null);
  throw new Error(body?.error ?? `The server answered ${response.status} ${response.statusText}`);
}

const api = (path, options) => call(path, options, (response) => response.json());

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

/** Left to right for markup, else the direction of most letters (outside links); the language's when there are none. */
function directionOf(text, language, markup) {
  if (markup || /^\s*[<{]/.test(text)) return 'ltr';
  const letters = text.slice(0, 4000).replace(/\w+:\/\/\S+/g, '').match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return rightToLeft.has(language) ? 'rtl' : 'ltr';
  const rtl = letters.filter((c) => /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(c)).length;
  return rtl * 2 > letters.length ? 'rtl' : 'ltr';
}

const isMarkup = (name) => /\.(html?|tmx|jsonl)$/i.test(name ?? '');

function orient(box, text, language, markup) {
  box.dir = directionOf(text, language, markup);
  box.lang = language;
}

function sourceLanguage() {
  const source = $('source').value;
  if (source !== 'auto') return source;
  return directionOf($('input').value, 'ar', false) === 'rtl' ? 'ar' : 'en';
}

function fillTargets() {
  const source = $('source').value;
  const from = state.languages.filter((l) => source === 'auto' ? l.targets.length > 0 : l.code === source);
  const targets = [...new Set(from.flatMap((l) => l.targets))];
  const keep = $('target').value;
  $('target').replaceChildren(...targets.map((code) => new Option(state.languages.find((l) => l.code === code)?.name ?? code, code)));
  if (targets.includes(keep)) $('target').value = keep;
  orient($('input'), $('input').value, sourceLanguage(), isMarkup(state.document?.name));
}

function overLimit(text) { return state.settings?.charLimit > 0 && text.length > state.settings.charLimit; }

function updateCount() {
  const { length } = $('input').value;
  const limit = state.settings?.charLimit ?? -1;
  const over = overLimit($('input').value);
  $('count').textContent = (limit > 0 ? `${number(length)} / ${number(limit)}` : number(length))
    + (over ? ' · over the limit for text, so it goes as a document' : '');
  $('count').classList.toggle('over', over);
}

/** Puts a result on screen (or clears it with null): the text, its direction, its alternatives, Copy and Download. */
function show(result, alternatives = []) {
  state.result = result;
  const text = result?.text ?? '';
  $('output').textContent = text;
  orient($('output'), text, $('target').value, isMarkup(result?.name));
  $('copy').disabled = $('download').disabled = text.length === 0;
  $('copy').disabled ||= result?.binary === true;
  $('download').title = result ? `Download ${result.name}` : '';
  $('alternative-list').replaceChildren(...alternatives.map((alternative, i) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', dir: 'auto', textContent: alternative });
    // The chosen one takes the main place and the main one joins the list.
    button.addEventListener('click', () => show({ ...result, text: alternative, blob: null }, alternatives.with(i, text)));
    return button;
  }));
  $('alternatives').hidden = alternatives.length === 0;
}

function withKey(fields) {
  const key = $('api-key').value.trim();
  return key ? { ...fields, api_key: key } : fields;
}

/** Starts a translation, cancelling the one before: its answer would be for other input. */
function begin(message) {
  clearTimeout(state.timer);
  state.request?.abort();
  state.request = new AbortController();
  setStatus(message);
  return { sequence: ++state.sequence, signal: state.request.signal };
}

function fail(error, sequence) {
  if (error.name === 'AbortError' || sequence !== state.sequence) return;
  show(null);
  setStatus(error.message, true);
}

/** A file upload that the server answers with a file, named by the server; the merge's warnings come along. */
async function uploadFile(path, file, fields, signal) {
  const form = new FormData();
  form.append('file', file);
  for (const [name, value] of Object.entries(withKey(fields))) {
    if (value) form.append(name, value);
  }
  return call(path, { method: 'POST', body: form, signal }, async (response) => {
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const name = encoded ? decodeURIComponent(encoded[1]) : /filename="?([^";]+)/i.exec(disposition)?.[1] ?? file.name;
    // A Word document is no text to show: the box says what it is, and Download saves it.
    const binary = !/^text\/|[+/]xml\b|json/i.test(response.headers.get('Content-Type') ?? '');
    const text = binary ? `${name}: a Word document, translated; Download saves it` : await blob.text();
    return { text, name, blob, binary, warnings: response.headers.get('Tarjama-Merge-Warning') };
  });
}

/** A document upload to /translate_document: the translated file, or its bilingual view. */
const translateDocument = (file, fields, signal) =>
  uploadFile('/translate_document', file, { source: $('source').value, target: $('target').value, ...fields }, signal);

/** With Detect, text already in the target language is meant for the other one (as DeepL's page does): Arabic for
 * English and English for Arabic where a model offers it, else the first the models offer. */
function followDetectedSource() {
  const guess = sourceLanguage();
  const targets = state.languages.find((l) => l.code === guess)?.targets ?? [];
  const other = targets.find((code) => code === 'ar' || code === 'en') ?? targets[0];
  if ($('source').value === 'auto' && guess === $('target').value && other) $('target').value = other;
}

async function translateText() {
  const q = $('input').value;
  updateCount();
  followDetectedSource();
  if (state.document && q === state.document.text) { translateFile(state.document.file); return; }
  if (!q.trim()) { begin(''); show(null); return; }
  const long = overLimit(q);
  const { sequence, signal } = begin(long ? `Translating ${number(q.length)} characters as a document…` : 'Translating…');
  try {
    if (long) {
      // Over the limit for one text: the whole of it goes as a plain-text document, so nothing is cut.
      const result = await translateDocument(new File([q], 'translation.txt', { type: 'text/plain' }), { format: 'text' }, signal);
      if (sequence !== state.sequence) return;
      show(result);
      setStatus(`Done: ${number(q.length)} characters, over the ${number(state.settings.charLimit)} a text may have, went as a document`);
      return;
    }
    const body = await api('/translate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(withKey({ q, source: $('source').value, target: $('target').value, format: 'text', alternatives: 3 })),
      signal,
    });
    if (sequence !== state.sequence) return;
    show({ text: body.translatedText, name: `translation.${$('target').value}.txt` }, body.alternatives ?? []);
    const detected = body.detectedLanguage && state.languages.find((l) => l.code === body.detectedLanguage.language);
    setStatus(detected ? `Detected ${detected.name}` : 'Done');
  } catch (error) {
    fail(error, sequence);
  }
}

/** Reads an upload for the input box: only UTF-8 text is shown there, never a binary file's bytes (nor a huge file). */
async function readableText(file) {
  if (file.size > 16 << 20) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    return /[\0-\x08\x0E-\x1F]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

async function translateFile(file) {
  const { sequence, signal } = begin(`Translating ${file.name}…`);
  show(null);
  const text = await readableText(file);
  if (sequence !== state.sequence) return;
  state.document = { file, name: file.name, text: text ?? '' };
  $('input').value = state.document.text;
  updateCount();
  orient($('input'), state.document.text, sourceLanguage(), isMarkup(file.name));
  try {
    const view = $('bilingual').value;
    if (view === 'merge') {
      // An XLIFF edited in a CAT tool (from the XLIFF view) goes back into its document.
      const result = await uploadFile('/merge_document', file, {}, signal);
      if (sequence !== state.sequence) return;
      show(result);
      setStatus(result.warnings ? `Merged ${file.name}; repaired: ${result.warnings}` : `Merged ${file.name}`);
      return;
    }
    const result = await translateDocument(file, { bilingual: view }, signal);
    if (sequence !== state.sequence) return;
    show({ ...result, bilingual: view !== '' });
    setStatus(`Translated ${file.name}`);
  } catch (error) {
    fail(error, sequence);
  }
}

function downloadResult() {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(state.result.blob ?? new Blob([state.result.text], { type: 'text/plain;charset=utf-8' }));
  link.download = state.result.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function clearAll() {
  begin('');
  state.document = null;
  $('input').value = '';
  $('file').value = '';
  show(null);
  fillTargets();
  updateCount();
  $('input').focus();
}

function swap() {
  const [source, target] = [$('source').value, $('target').value];
  const name = (code) => state.languages.find((l) => l.code === code)?.name ?? code;
  if (source === 'auto' || !state.languages.find((l) => l.code === target)?.targets.includes(source)) {
    setStatus(source === 'auto' ? 'Choose the source language to swap' : `No model translates ${name(target)} to ${name(source)}`, true);
    return;
  }
  // A bilingual view is no text to translate back: the input is cleared instead.
  const back = state.result?.bilingual ? null : state.result;
  state.document = back?.blob ? { file: new File([back.blob], back.name), name: back.name, text: back.text } : null;
  $('source').value = target;
  fillTargets();
  $('target').value = source;
  $('input').value = back?.text ?? '';
  fillTargets();
  translateText();
}

async function start() {
  try {
    [state.settings, state.languages] = await Promise.all([api('/frontend/settings'), api('/languages')]);
  } catch (error) {
    setStatus(error.message, true);
    return;
  }
  const sources = state.languages.filter((l) => l.targets.length > 0);
  $('source').replaceChildren(new Option('Detect', 'auto'), ...sources.map((l) => new Option(l.name, l.code)));
  $('source').value = state.settings.language.source.code;
  fillTargets();
  $('target').value = state.settings.language.target.code;
  fillTargets();
  $('key-field').hidden = !state.settings.apiKeys;
  $('formats').textContent = state.settings.supportedFilesFormat.join(', ');
  $('file').accept = state.settings.supportedFilesFormat.join(',');

  for (const id of ['source', 'target']) $(id).addEventListener('change', () => { fillTargets(); translateText(); });
  // A new choice translates the upload again; merging takes an XLIFF, so another upload waits for one.
  $('bilingual').addEventListener('change', () => {
    if (state.document && ($('bilingual').value !== 'merge' || /\.xliff?$/i.test(state.document.name))) translateFile(state.document.file);
  });
  $('swap').addEventListener('click', swap);
  $('input').addEventListener('input', () => {
    state.document = null;
    updateCount();
    orient($('input'), $('input').value, sourceLanguage(), false);
    clearTimeout(state.timer);
    state.timer = setTimeout(translateText, Math.max(300, state.settings.frontendTimeout));
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); translateText(); }
  });
  $('translate').addEventListener('click', translateText);
  $('clear').addEventListener('click', clearAll);
  $('copy').addEventListener('click', () =>
    navigator.clipboard.writeText(state.result.text).then(() => setStatus('Copied'), () => setStatus('Copy is not allowed here', true)));
  $('download').addEventListener('click', downloadResult);
  $('file').addEventListener('change', () => {
    const [file] = $('file').files;
    $('file').value = ''; // so that choosing the same file again is a change too
    if (file) translateFile(file);
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer.files[0]) translateFile(event.dataTransfer.files[0]);
  });
  updateCount();
  // Text typed or pasted while the settings were loading had no listener yet: translate it now.
  if ($('input').value.trim()) translateText();
  document.body.dataset.ready = 'true';
}

start();
