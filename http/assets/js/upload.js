// Adding an article from the dashboard: a dialog posts title, URL, date and
// text to /api/documents with the API token, which is remembered in this
// browser's localStorage (never sent anywhere but this server).
import { postDocument } from './api.js';
import { toast } from './dom.js';

const TOKEN_KEY = 'sitrep.token';

export function setupUpload(onIngested) {
  const dialog = document.getElementById('upload');
  const form = document.getElementById('upload-form');
  const status = document.getElementById('upload-status');
  const submit = document.getElementById('upload-submit');
  document.getElementById('open-upload').addEventListener('click', () => {
    form.token.value = localStorage.getItem(TOKEN_KEY) || '';
    status.textContent = '';
    status.className = 'status';
    dialog.showModal();
  });
  document.getElementById('upload-cancel').addEventListener('click', () => dialog.close());
  // A text file fills the text, and the title from its first line when the
  // title is still empty.
  form.file.addEventListener('change', async () => {
    const file = form.file.files[0];
    if (!file) return;
    const text = await file.text();
    form.text.value = text;
    if (!form.title.value.trim()) form.title.value = (text.split('\n').find((l) => l.trim()) || file.name).trim().slice(0, 200);
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = form.token.value.trim();
    if (token) localStorage.setItem(TOKEN_KEY, token); else localStorage.removeItem(TOKEN_KEY);
    const doc = { title: form.title.value.trim(), url: form.url.value.trim(), published: form.published.value, text: form.text.value };
    if (!doc.title) doc.title = (doc.text.split('\n').find((l) => l.trim()) || '').trim().slice(0, 200);
    if (!doc.text.trim()) {
      status.className = 'status error';
      status.textContent = 'Paste the article text or choose a file first.';
      return;
    }
    for (const k of ['url', 'published']) if (!doc[k]) delete doc[k];
    submit.disabled = true;
    status.className = 'status';
    status.textContent = 'Extracting…';
    try {
      const res = await postDocument(doc, token);
      const msg = res.duplicate ? 'Already stored: this article was added before.' : `Stored: ${res.events} event${res.events === 1 ? '' : 's'} extracted.`;
      dialog.close();
      form.reset();
      toast(msg, true);
      onIngested(res);
    } catch (err) {
      status.className = 'status error';
      status.textContent = err.status === 401 ? 'The server refused the token (401). Check the API token.' : `Could not add the article: ${err.message}`;
    } finally {
      submit.disabled = false;
    }
  });
}
