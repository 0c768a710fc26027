// Evidence offsets from the API are byte offsets into the UTF-8 document
// text, but JavaScript strings index UTF-16 code units. On text with
// accents, Arabic or emoji the two differ, so every offset is converted
// before slicing.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// byteToUTF16 converts byte offsets into text's UTF-8 encoding to UTF-16
// indexes into text. Offsets past the end are clamped; an offset that falls
// inside a multibyte character moves to the start of that character.
export function byteToUTF16(text, byteOffsets) {
  const bytes = encoder.encode(text);
  return byteOffsets.map((b) => {
    let o = Math.max(0, Math.min(b | 0, bytes.length));
    while (o > 0 && o < bytes.length && (bytes[o] & 0xc0) === 0x80) o--; // continuation byte
    return decoder.decode(bytes.subarray(0, o)).length;
  });
}

// evidenceSpan returns the UTF-16 [start, end) of the evidence in text. It
// trusts the byte offsets when they reproduce evidence.text; otherwise it
// looks the sentence up, so a highlight is still shown if offsets drifted.
// It returns null when the evidence cannot be found; span.how says which
// way it was found ("offsets" or "search").
export function evidenceSpan(text, evidence) {
  if (!text || !evidence) return null;
  const { start = 0, end = 0, text: want = '' } = evidence;
  if (end > start) {
    const [s, e] = byteToUTF16(text, [start, end]);
    if (e > s && (!want || text.slice(s, e) === want)) return Object.assign([s, e], { how: 'offsets' });
  }
  if (want) {
    const i = text.indexOf(want);
    if (i >= 0) return Object.assign([i, i + want.length], { how: 'search' });
  }
  return null;
}

// splitHighlight cuts text into [before, evidence, after] for rendering, or
// returns [text, '', ''] when there is no span.
export function splitHighlight(text, span) {
  if (!span) return [text || '', '', ''];
  const [s, e] = span;
  return [text.slice(0, s), text.slice(s, e), text.slice(e)];
}
