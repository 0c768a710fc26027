// Filters shared by every view. They live in the URL query string so that a
// view can be shared by copying the address; this module converts between
// the query string and a plain object and builds API query strings from it.

// FILTER_KEYS are the filter parameters the API understands, in the order
// they appear in URLs.
export const FILTER_KEYS = ['from', 'to', 'event_type', 'sub_event_type', 'actor', 'country', 'admin1', 'modality', 'q', 'doc_id'];

// VIEW_KEYS are dashboard-only settings kept in the URL but not sent as
// filters: the table sort and whether not-occurred events go on the map.
export const VIEW_KEYS = ['sort', 'notoccurred'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// parseFilters reads filters from a query string ("?a=b&…" or "a=b&…").
// Unknown keys are dropped and dates that are not YYYY-MM-DD are ignored, so
// a hand-edited URL cannot send the API something it will reject.
export function parseFilters(search) {
  const p = new URLSearchParams(search);
  const f = {};
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const v = (p.get(k) || '').trim();
    if (!v) continue;
    if ((k === 'from' || k === 'to') && !DATE.test(v)) continue;
    f[k] = v;
  }
  return f;
}

// toQuery writes the given keys of f as a query string without the leading
// "?", skipping empty values, in a stable order.
export function toQuery(f, keys = [...FILTER_KEYS, ...VIEW_KEYS]) {
  const p = new URLSearchParams();
  for (const k of keys) {
    const v = f[k];
    if (v !== undefined && v !== null && String(v).trim() !== '') p.set(k, String(v).trim());
  }
  return p.toString();
}

// apiQuery is the query string of filters sent to the API: the filter keys
// plus any extra parameters (limit, cursor, sort, bbox…).
export function apiQuery(f, extra = {}) {
  const q = toQuery(f, FILTER_KEYS);
  const e = toQuery(extra, Object.keys(extra));
  return [q, e].filter(Boolean).join('&');
}

// withFilter returns a copy of f with key set to value, or removed when the
// value is empty. Changing the event type clears a sub-type that belongs to
// another type.
export function withFilter(f, key, value, subTypesOf) {
  const g = { ...f };
  if (value === undefined || value === null || String(value).trim() === '') delete g[key];
  else g[key] = String(value).trim();
  if (key === 'event_type' && g.sub_event_type && subTypesOf) {
    const subs = subTypesOf[g.event_type] || [];
    if (g.event_type && !subs.includes(g.sub_event_type)) delete g.sub_event_type;
  }
  return g;
}
