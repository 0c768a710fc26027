// The dashboard's wiring: one filter state, read from and written to the
// URL, drives the counts, the map, the timeline and the table. Each view
// loads independently and cancels its stale request when filters change.
import * as api from './api.js';
import { parseFilters, toQuery, withFilter } from './filters.js';
import { EVENT_TYPES, SUB_EVENT_TYPES, MODALITIES, colorOf } from './types.js';
import { splitDayType } from './timebins.js';
import { h, fmt, toast } from './dom.js';
import { EventMap } from './map.js';
import { Timeline } from './timeline.js';
import { EventTable } from './table.js';
import { renderDetail, renderIncident } from './detail.js';
import { setupUpload } from './upload.js';

const PAGE_SIZE = 50;
const MAP_LIMIT = 1000; // the API's page maximum: the map shows the deadliest events in view
const DEFAULT_SORT = '-event_date';
const FIRST_VIEWS = ['basemap', 'stats', 'timeline', 'table', 'map'];

const form = document.getElementById('filters');
let filters = parseFilters(location.search);
let page = { cursors: [''], no: 1 };
let mapTruncated = true;
const inflight = {};
let pending = 0;

// load runs one view's request, cancelling the previous one of that view,
// and keeps body[data-state] at "loading" until every view has answered:
// the browser test and the load-time measurement wait on it.
async function load(name, fn) {
  inflight[name]?.abort();
  const ctl = new AbortController();
  inflight[name] = ctl;
  pending++;
  document.body.dataset.state = 'loading';
  try {
    await fn(ctl.signal);
    // When each view first drew, in ms since navigation started; firstView
    // is when all of them had (the load-time measurement), settled when no
    // request was left.
    const tm = (window.sitrepTimings ||= { views: {} });
    tm.views[name] ??= Math.round(performance.now());
    if (tm.firstView === undefined && FIRST_VIEWS.every((v) => v in tm.views)) tm.firstView = Math.round(performance.now());
  } catch (err) {
    if (err.name !== 'AbortError') {
      console.warn(`${name}:`, err.message);
      toast(`Could not load ${name}: ${err.message}`);
    }
  } finally {
    if (inflight[name] === ctl) delete inflight[name];
    if (--pending === 0) {
      document.body.dataset.state = 'ready';
      const tm = (window.sitrepTimings ||= { views: {} });
      tm.settled ??= Math.round(performance.now());
    }
  }
}

function sortOf() { return filters.sort || DEFAULT_SORT; }

// mapFilters keeps not-occurred events off the map unless the toggle is on
// or the user asked for a modality explicitly.
function mapFilters() {
  const f = { ...filters };
  if (!f.modality && !f.notoccurred) f.modality = 'occurred';
  return f;
}

// ---- filters form ----------------------------------------------------------

function fillSelect(sel, values, current) {
  const keep = sel.options[0];
  sel.replaceChildren(keep, ...values.map((v) => h('option', { value: v }, v)));
  sel.value = values.includes(current) ? current : '';
}

function syncForm() {
  fillSelect(form.event_type, EVENT_TYPES, filters.event_type);
  const subs = filters.event_type ? SUB_EVENT_TYPES[filters.event_type] : EVENT_TYPES.flatMap((t) => SUB_EVENT_TYPES[t]);
  fillSelect(form.sub_event_type, subs, filters.sub_event_type);
  fillSelect(form.modality, MODALITIES, filters.modality);
  for (const k of ['from', 'to', 'actor', 'country', 'admin1', 'q']) {
    if (document.activeElement !== form[k]) form[k].value = filters[k] || '';
  }
  form.notoccurred.checked = !!filters.notoccurred;
  document.getElementById('timeline-clear').hidden = !(filters.from || filters.to);
  const chip = document.getElementById('doc-chip');
  if (chip) chip.remove();
  if (filters.doc_id) {
    form.querySelector('h2').after(h('div', { id: 'doc-chip', class: 'badge' }, `article ${filters.doc_id.slice(0, 12)} `,
      h('a', { href: '#', onclick: (e) => { e.preventDefault(); setFilter('doc_id', ''); } }, '×')));
  }
}

function setFilters(next) {
  filters = next;
  page = { cursors: [''], no: 1 };
  mapTruncated = true;
  refresh();
}

function setFilter(key, value) {
  setFilters(withFilter(filters, key, value, SUB_EVENT_TYPES));
}

let typing;
form.addEventListener('input', (e) => {
  const el = e.target;
  if (!el.name || el.name === 'notoccurred') return;
  clearTimeout(typing);
  const delay = el.tagName === 'SELECT' || el.type === 'date' ? 0 : 350;
  typing = setTimeout(() => setFilter(el.name, el.value), delay);
});
form.notoccurred.addEventListener('change', () => setFilter('notoccurred', form.notoccurred.checked ? '1' : ''));
form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('reset', (e) => { e.preventDefault(); setFilters(filters.sort ? { sort: filters.sort } : {}); });
document.getElementById('timeline-clear').addEventListener('click', () => setFilters(withFilter(withFilter(filters, 'from', ''), 'to', '')));
window.addEventListener('popstate', () => setFilters(parseFilters(location.search)));

// ---- views -----------------------------------------------------------------

const map = new EventMap(document.getElementById('map'), {
  onSelect: (id) => select(id),
  onMove: () => { if (mapTruncated) load('map', (signal) => loadMap(signal, true)); },
});

const timeline = new Timeline(document.getElementById('timeline'), {
  onBrush: (from, to) => setFilters({ ...filters, from, to }),
});

const table = new EventTable(document.getElementById('events'), {
  onSelect: (id) => select(id),
  onSort: (field) => {
    const cur = sortOf();
    const next = cur === '-' + field ? field : '-' + field;
    setFilters(next === DEFAULT_SORT ? withFilter(filters, 'sort', '') : { ...filters, sort: next });
  },
  onPage: (dir) => {
    if (dir === 'first') page = { cursors: [''], no: 1 };
    else if (dir === 'prev' && page.no > 1) { page.cursors.pop(); page.no--; }
    else if (dir === 'next' && page.next) { page.cursors.push(page.next); page.no++; }
    load('table', loadTable);
  },
});

// statsOnce shares one /api/stats answer between the views of a refresh
// that ask for the same filters (the counts and the timeline, when no dates
// are selected).
let statsCache = new Map();
function statsOnce(f, signal) {
  const key = toQuery(f);
  if (!statsCache.has(key)) {
    const p = api.stats(f, {});
    statsCache.set(key, p);
    p.catch(() => statsCache.delete(key));
  }
  const p = statsCache.get(key);
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    p.then(resolve, reject);
  });
}

async function loadStats(signal) {
  const st = await statsOnce(filters, signal);
  const occ = (st.by_modality || []).find((m) => m.key === 'occurred');
  document.getElementById('counts').replaceChildren(
    h('b', { id: 'count-total' }, fmt.format(st.total || 0)), ' events · ',
    h('b', { id: 'count-fatalities' }, fmt.format(st.fatalities || 0)), ' fatalities',
    occ && occ.count !== st.total ? ` · ${fmt.format(st.total - occ.count)} not occurred` : '',
    ` · ${fmt.format((st.by_country || []).length)} countries`);
  const byType = new Map((st.by_event_type || []).map((c) => [c.key, c.count]));
  const legend = document.getElementById('legend');
  legend.replaceChildren(h('h2', {}, 'Event types'),
    ...EVENT_TYPES.map((t) => h('a', { href: '?' + toQuery(withFilter(filters, 'event_type', t, SUB_EVENT_TYPES)), 'data-type': t,
      onclick: (e) => { e.preventDefault(); setFilter('event_type', filters.event_type === t ? '' : t); } },
    h('span', { class: 'sw', style: `background:${colorOf(t)}` }), `${t} (${fmt.format(byType.get(t) || 0)})`)),
    h('div', { style: 'margin-top:6px' }, h('span', { class: 'sw', style: 'background:#777' }), 'exact location'),
    h('div', {}, h('span', { class: 'sw hollow' }), 'approximate location'),
    h('div', {}, 'circle area ∝ fatalities; numbers are clusters'));
  const dl = document.getElementById('country-list');
  dl.replaceChildren(...(st.by_country || []).map((c) => h('option', { value: c.key })));
}

// loadTimeline asks for counts per type without the date filters, so the
// whole period stays visible with the selection drawn over it. A server
// whose stats carry by_day_type ("YYYY-MM-DD|type" keys) answers in one
// request; otherwise the dashboard asks once per event type present.
async function loadTimeline(signal) {
  const base = withFilter(withFilter(filters, 'from', ''), 'to', '');
  const types = base.event_type ? [base.event_type] : EVENT_TYPES;
  const all = await statsOnce(base, signal);
  const days = all.by_day || [];
  const span = days.length ? (Date.parse(days[days.length - 1].key) - Date.parse(days[0].key)) / 864e5 : 0;
  const weekly = span > 180;
  const bin = weekly ? 'by_week' : 'by_day';
  let series = {};
  if (types.length === 1) series[types[0]] = all[bin] || [];
  else if (Array.isArray(all.by_day_type)) series = splitDayType(all.by_day_type, weekly);
  else {
    // Without by_day_type: draw the totals at once, then split them by type
    // with one request per type present, as a refinement of its own.
    timeline.set({ '': all[bin] || [] }, [''], weekly ? 7 : 1, filters.from, filters.to);
    const present = types.filter((t) => (all.by_event_type || []).some((c) => c.key === t && c.count > 0));
    load('timeline-types', async (sig) => {
      const res = await Promise.all(present.map((t) => api.stats({ ...base, event_type: t }, { signal: sig })));
      present.forEach((t, i) => { series[t] = res[i][bin] || []; });
      timeline.set(series, types, weekly ? 7 : 1, filters.from, filters.to);
    });
    return;
  }
  timeline.set(series, types, weekly ? 7 : 1, filters.from, filters.to);
}

async function loadTable(signal) {
  table.showSort(sortOf());
  const cursor = page.cursors[page.cursors.length - 1];
  const res = await api.events(filters, { sort: sortOf(), limit: PAGE_SIZE, cursor: cursor || undefined, signal });
  page.next = res.next_cursor || '';
  table.set(res, page.no, PAGE_SIZE, page.no > 1);
}

// loadMap fetches the deadliest events matching the filters. After a
// filter change it asks for all of them (up to the API's page limit); only
// when that was not everything does a move of the map ask for the events
// in view.
let mapPlace = null; // the geographic filters the map was last fitted to
async function loadMap(signal, inView = false) {
  const f = mapFilters();
  const place = [filters.country, filters.admin1, filters.doc_id].join('|');
  const bbox = inView ? map.bbox() : undefined;
  const res = await api.events(f, { sort: '-fatalities', limit: MAP_LIMIT, bbox, signal });
  const evs = res.events || [];
  const placed = evs.filter((e) => e.latitude != null).length;
  mapTruncated = (res.total || 0) > evs.length;
  const hidden = !f.notoccurred && !filters.modality ? ' · not-occurred hidden' : '';
  const note = mapTruncated
    ? `deadliest ${fmt.format(placed)} of ${fmt.format(res.total)} events${bbox ? ' in view' : ''} — zoom in for more${hidden}`
    : `${fmt.format(placed)} events on the map${evs.length > placed ? `, ${evs.length - placed} without coordinates` : ''}${hidden}`;
  // Fit the map to the events when a shared URL opens or the place filters
  // change; other filters keep the view the analyst chose.
  const refit = !inView && mapPlace !== null && place !== mapPlace;
  if (!inView) mapPlace = place;
  map.setEvents(evs, note, refit);
}

function refresh() {
  statsCache = new Map();
  const q = toQuery(filters);
  const url = location.pathname + (q ? '?' + q : '');
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  syncForm();
  document.getElementById('export-csv').href = api.exportURL(filters, 'csv');
  document.getElementById('export-geojson').href = api.exportURL(filters, 'geojson');
  load('stats', loadStats);
  load('timeline', loadTimeline);
  load('table', loadTable);
  load('map', loadMap);
}

// ---- detail ------------------------------------------------------------------

const detail = document.getElementById('detail');
async function select(id) {
  table.select(id);
  detail.hidden = false;
  const body = document.getElementById('detail-body');
  body.replaceChildren(h('p', {}, 'loading…'));
  await load('detail', async (signal) => {
    const d = await api.eventDetail(id, { signal });
    renderDetail(body, d, select);
    map.highlight(d.event);
    if (d.event && d.event.incident_id) {
      try {
        const inc = await api.incident(d.event.incident_id, { signal });
        renderIncident(document.getElementById('incident'), inc, select);
      } catch (err) {
        // A server without incident linking answers 501; the event stands alone.
        if (err.name === 'AbortError' || ![404, 501].includes(err.status)) throw err;
      }
    }
  });
}
function closeDetail() {
  detail.hidden = true;
  table.select(null);
  map.highlight(null);
}
document.getElementById('detail-close').addEventListener('click', closeDetail);
document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !detail.hidden) closeDetail(); });

setupUpload((res) => setFilters({ doc_id: res.document_id }));
load('basemap', () => map.basemap);
refresh();
