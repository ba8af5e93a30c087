// The page uses only the public API (LibreTranslate's endpoints), so it shows what any client gets.
const $ = (id) => document.getElementById(id);
const state = { settings: null, languages: [], translation: '', fileName: 'translation.txt', timer: 0, sequence: 0 };
const rightToLeft = new Set(['ar', 'fa', 'he', 'ur']);

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

function direction(code) { return rightToLeft.has(code) ? 'rtl' : 'ltr'; }

function fillTargets() {
  const source = $('source').value;
  const from = state.languages.filter((l) => source === 'auto' ? l.targets.length > 0 : l.code === source);
  const targets = [...new Set(from.flatMap((l) => l.targets))];
  const keep = $('target').value;
  $('target').replaceChildren(...targets.map((code) => new Option(state.languages.find((l) => l.code === code)?.name ?? code, code)));
  if (targets.includes(keep)) $('target').value = keep;
  const shown = source === 'auto' ? 'ar' : source;
  $('input').dir = direction(shown);
  $('input').lang = shown;
  $('output').dir = direction($('target').value);
  $('output').lang = $('target').value;
}

function showTranslation(text) {
  state.translation = text;
  $('output').textContent = text;
  $('copy').disabled = $('download').disabled = text.length === 0;
}

function withKey(fields) {
  const key = $('api-key').value.trim();
  return key ? { ...fields, api_key: key } : fields;
}

async function translateText() {
  clearTimeout(state.timer);
  const q = $('input').value;
  $('count').textContent = state.settings?.charLimit > 0 ? `${q.length} / ${state.settings.charLimit}` : `${q.length}`;
  if (!q.trim()) { showTranslation(''); setStatus(''); return; }
  const sequence = ++state.sequence;
  setStatus('Translating…');
  try {
    const body = await api('/translate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(withKey({ q, source: $('source').value, target: $('target').value, format: 'text' })),
    });
    if (sequence !== state.sequence) return;
    state.fileName = 'translation.txt';
    showTranslation(body.translatedText);
    setStatus(body.detectedLanguage ? `Detected: ${body.detectedLanguage.language}` : 'Done');
  } catch (error) {
    if (sequence === state.sequence) setStatus(error.message, true);
  }
}

async function translateFile(file) {
  const sequence = ++state.sequence;
  setStatus(`Translating ${file.name}…`);
  $('file-link').hidden = true;
  const form = new FormData();
  form.append('file', file);
  for (const [name, value] of Object.entries(withKey({ source: $('source').value, target: $('target').value }))) form.append(name, value);
  try {
    if (file.size < 1 << 20) $('input').value = await file.text();
    const body = await api('/translate_file', { method: 'POST', body: form });
    const url = new URL(body.translatedFileUrl, location.href);
    const download = await fetch(url.pathname);
    if (!download.ok) throw new Error(`download failed: ${download.status}`);
    if (sequence !== state.sequence) return;
    state.fileName = decodeURIComponent(url.pathname.split('/').pop().replace(/^[0-9a-f]{32}\./, ''));
    showTranslation(await download.text());
    Object.assign($('file-link'), { href: url.pathname, download: state.fileName, hidden: false });
    setStatus(`Translated ${file.name}`);
  } catch (error) {
    if (sequence === state.sequence) setStatus(error.message, true);
  }
}

function downloadTranslation() {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([state.translation], { type: 'text/plain;charset=utf-8' }));
  link.download = state.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function start() {
  try {
    [state.settings, state.languages] = await Promise.all([api('/frontend/settings'), api('/languages')]);
  } catch (error) {
    setStatus(`The server did not answer: ${error.message}`, true);
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
  $('input').maxLength = state.settings.charLimit > 0 ? state.settings.charLimit : -1;

  $('source').addEventListener('change', () => { fillTargets(); translateText(); });
  $('target').addEventListener('change', () => { fillTargets(); translateText(); });
  $('swap').addEventListener('click', () => {
    const [source, target] = [$('source').value, $('target').value];
    if (source === 'auto' || !state.languages.find((l) => l.code === target)?.targets.includes(source)) { setStatus(`No model translates ${target} to ${source}`, true); return; }
    $('source').value = target;
    fillTargets();
    $('target').value = source;
    fillTargets();
    $('input').value = state.translation;
    translateText();
  });
  $('input').addEventListener('input', () => {
    clearTimeout(state.timer);
    state.timer = setTimeout(translateText, Math.max(300, state.settings.frontendTimeout));
  });
  $('translate').addEventListener('click', translateText);
  $('copy').addEventListener('click', async () => {
    await navigator.clipboard.writeText(state.translation).then(() => setStatus('Copied'), () => setStatus('Copy is not allowed here', true));
  });
  $('download').addEventListener('click', downloadTranslation);
  $('file').addEventListener('change', () => { if ($('file').files[0]) translateFile($('file').files[0]); });
  const drop = $('drop');
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer.files[0]) translateFile(event.dataTransfer.files[0]);
  });
  // Text typed or pasted while the settings were loading had no listener yet: translate it now.
  if ($('input').value.trim()) translateText();
  document.body.dataset.ready = 'true';
}

start();
