// Run with: node --test web/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteToUTF16, evidenceSpan, splitHighlight } from '../../http/assets/js/offsets.js';

// byteSpan finds the byte offsets of needle in text the way the Go server does.
function byteSpan(text, needle) {
  const enc = new TextEncoder();
  const i = text.indexOf(needle);
  const start = enc.encode(text.slice(0, i)).length;
  return { text: needle, start, end: start + enc.encode(needle).length };
}

const cases = [
  ['ascii', 'Troops entered Raqqa. Five strikes hit the town.', 'Five strikes hit the town.'],
  ['accents before the sentence', 'À Alep, l’armée a avancé. Five strikes hit Saraqeb on Monday.', 'Five strikes hit Saraqeb on Monday.'],
  ['arabic before the sentence', 'قال المرصد السوري إن الغارات استمرت. Shelling killed four people in Idlib.', 'Shelling killed four people in Idlib.'],
  ['emoji (surrogate pairs) before and inside', '🚨 Breaking 🚨 Militants seized the 🏭 factory at dawn. More later.', 'Militants seized the 🏭 factory at dawn.'],
];

for (const [name, text, sentence] of cases) {
  test(`evidence span with ${name}`, () => {
    const ev = byteSpan(text, sentence);
    const span = evidenceSpan(text, ev);
    assert.ok(span, 'span found');
    assert.equal(span.how, 'offsets');
    const [, got] = splitHighlight(text, span);
    assert.equal(got, sentence);
  });
}

test('byte offsets differ from UTF-16 indexes on multibyte text', () => {
  const text = 'é🚨x';
  // é = 2 bytes / 1 unit; 🚨 = 4 bytes / 2 units.
  assert.deepEqual(byteToUTF16(text, [0, 2, 6, 7]), [0, 1, 3, 4]);
});

test('an offset inside a multibyte character moves to its start', () => {
  assert.deepEqual(byteToUTF16('a🚨b', [3]), [1]);
});

test('offsets past the end are clamped', () => {
  assert.deepEqual(byteToUTF16('abc', [99]), [3]);
});

test('drifted offsets fall back to finding the sentence', () => {
  const text = 'One. Two strikes hit Raqqa. Three.';
  const span = evidenceSpan(text, { text: 'Two strikes hit Raqqa.', start: 0, end: 3 });
  assert.deepEqual([...span], [5, 27]);
  assert.equal(span.how, 'search');
});

test('missing evidence gives no highlight', () => {
  assert.equal(evidenceSpan('Some text.', { text: 'absent', start: 0, end: 0 }), null);
  assert.deepEqual(splitHighlight('Some text.', null), ['Some text.', '', '']);
});
