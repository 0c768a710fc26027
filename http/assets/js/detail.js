// The detail panel: every field of one event, the source document with the
// evidence sentence highlighted, a link to the original article and the
// other events extracted from the same document.
import { h, fmt } from './dom.js';
import { evidenceSpan, splitHighlight } from './offsets.js';
import { colorOf, occurred, GEO_PRECISION } from './types.js';
import { placeOf, fatalitiesText, modalityBadge } from './table.js';

const TIME_PRECISION = { 0: 'unknown', 1: 'day', 2: 'week', 3: 'month or coarser' };

function row(label, value) {
  if (value === undefined || value === null || value === '') return [];
  return [h('dt', {}, label), h('dd', {}, value)];
}

function num(v) { return v == null ? '' : fmt.format(v); }

// safeURL returns the URL if it is http(s), so a stored "javascript:" link
// can never run.
export function safeURL(u) {
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch { return ''; }
}

// renderIncident shows what the other reports of the same real-world
// incident claim, each figure kept with its source, so an analyst sees a
// disputed toll as disputed.
export function renderIncident(container, inc, onSelect) {
  const range = inc.fatalities_min != null && inc.fatalities_max != null && inc.fatalities_min !== inc.fatalities_max
    ? ` (${num(inc.fatalities_min)}–${num(inc.fatalities_max)})` : '';
  const docs = new Map((inc.documents || []).map((d) => [d.id, d]));
  const claims = inc.claims || [];
  container.replaceChildren(
    h('h2', { style: 'margin-top:12px' }, `Incident ${inc.id}: ${inc.sources} source${inc.sources === 1 ? '' : 's'}`),
    h('p', {}, `Fatalities: ${inc.fatalities_best != null ? num(inc.fatalities_best) : 'unknown'}${range}`, inc.grade ? h('span', { class: 'badge', style: 'margin-left:6px' }, inc.grade) : ''),
    claims.length ? h('ul', { class: 'siblings claims' }, claims.map((c) => {
      const d = docs.get(c.doc_id) || {};
      const who = c.source || d.source || d.title || c.doc_id;
      const toll = c.fatalities != null ? `${c.qualifier ? c.qualifier + ' ' : ''}${num(c.fatalities)} killed` : 'no toll';
      return h('li', {}, h('a', { onclick: () => onSelect(c.event_id), 'data-id': c.event_id }, who), ` (${c.published || d.published || 'undated'}): ${toll}`,
        c.evidence && c.evidence.text ? h('div', { class: 'hint' }, `“${c.evidence.text}”`) : '');
    })) : '',
  );
}

export function renderDetail(container, detail, onSelect) {
  const ev = detail.event || {};
  const doc = detail.document || {};
  const related = (detail.related || []).filter((r) => r.id !== ev.id);
  const url = safeURL(doc.url || '');
  const span = evidenceSpan(doc.text || '', ev.evidence);
  const [before, mark, after] = splitHighlight(doc.text || '', span);
  const dates = ev.event_date ? (ev.event_date_end && ev.event_date_end !== ev.event_date ? `${ev.event_date} – ${ev.event_date_end}` : ev.event_date) : 'unresolved';
  const coords = ev.latitude != null ? `${ev.latitude.toFixed(4)}, ${ev.longitude.toFixed(4)}` : '';
  container.replaceChildren(
    h('h3', {}, h('span', { class: 'dot', style: `background:${colorOf(ev.event_type)}` }), `${ev.sub_event_type || ev.event_type || 'Event'}`, ev.location ? ` — ${ev.location}` : ''),
    h('div', {}, modalityBadge(ev), occurred(ev) ? '' : h('span', { class: 'hint' }, ' not counted as having happened')),
    h('dl', {},
      row('Event id', ev.id), row('Event type', ev.event_type), row('Sub-event type', ev.sub_event_type),
      row('PLOVER / CAMEO', [ev.plover, ev.cameo].filter(Boolean).join(' / ')),
      row('Modality', ev.modality || 'occurred'), row('Reported by', ev.reported_by),
      row('Date', dates), row('Date as written', ev.date_text), row('Time precision', TIME_PRECISION[ev.time_precision] ?? ev.time_precision),
      row('Actor 1', ev.actor1), row('Assoc. actor 1', ev.assoc_actor_1), row('Inter 1', ev.inter1 || ''),
      row('Actor 2', ev.actor2), row('Assoc. actor 2', ev.assoc_actor_2), row('Inter 2', ev.inter2 || ''),
      row('Place', placeOf(ev)), row('Place as written', ev.place_text), row('Coordinates', coords),
      row('Geo precision', GEO_PRECISION[ev.geo_precision] ?? ev.geo_precision), row('GeoNames id', ev.geonameid || ''),
      row('Fatalities', fatalitiesText(ev)), row('Fatalities range', ev.fatalities_min != null || ev.fatalities_max != null ? `${num(ev.fatalities_min)} – ${num(ev.fatalities_max)}` : ''),
      row('Civilian fatalities', num(ev.civilian_fatalities)), row('Injured', num(ev.injured)),
      row('Count', ev.count != null ? `${num(ev.count)} ${ev.count_noun || ''}`.trim() : ''),
      row('Incident', ev.incident_id || ''),
      row('Document', doc.title || ev.doc_id), row('Source', doc.source), row('Published', doc.published),
      row('Original', url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url) : ''),
    ),
    h('h2', {}, 'Evidence in the source document'),
    mark ? '' : h('p', { class: 'hint' }, 'The evidence sentence could not be located in the document text.'),
    h('div', { class: 'doc', id: 'doc-text' }, before, mark ? h('mark', { class: 'evidence', 'data-found-by': span.how }, mark) : '', after),
    h('div', { id: 'incident' }),
    related.length ? h('h2', { style: 'margin-top:12px' }, `Other events from this document (${related.length})`) : '',
    related.length ? h('ul', { class: 'siblings related' }, related.map((r) =>
      h('li', {}, h('a', { onclick: () => onSelect(r.id), 'data-id': r.id }, `${r.sub_event_type || r.event_type}`, r.location ? ` — ${r.location}` : ''), ' ', modalityBadge(r)))) : '',
  );
  // Scroll the document box, not the page, to the evidence.
  const m = container.querySelector('mark.evidence');
  const box = container.querySelector('#doc-text');
  if (m) box.scrollTop = Math.max(0, m.offsetTop - box.clientHeight / 3);
  container.parentElement.scrollTop = 0;
}
