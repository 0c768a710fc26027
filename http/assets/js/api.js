// The JSON API the dashboard reads (http/openapi.json). Paths are relative
// so the dashboard also works when served under a prefix.
import { apiQuery } from './filters.js';

// ApiError carries the HTTP status and the server's message.
export class ApiError extends Error {
  constructor(status, message, url) {
    super(message);
    this.status = status;
    this.url = url;
  }
}

async function getJSON(url, opts = {}) {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, ...opts });
  let body = null;
  const text = await res.text();
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!res.ok) {
    const msg = (body && body.error) || text || res.statusText;
    throw new ApiError(res.status, `${res.status} ${msg}`.trim(), url);
  }
  return body;
}

// events returns one page {events, next_cursor, total}.
export function events(filters, { sort, limit = 50, cursor, bbox, signal } = {}) {
  return getJSON('api/events?' + apiQuery(filters, { sort, limit, cursor, bbox }), { signal });
}

// stats returns counts of the events matching filters.
export function stats(filters, { signal } = {}) {
  return getJSON('api/stats?' + apiQuery(filters), { signal });
}

// eventDetail returns {event, document, related}.
export function eventDetail(id, { signal } = {}) {
  return getJSON('api/events/' + encodeURIComponent(id), { signal });
}

// incident returns an incident with every casualty claim and its sources.
export function incident(id, { signal } = {}) {
  return getJSON('api/incidents/' + encodeURIComponent(id), { signal });
}

// exportURL is the download link of the current filters in a format.
export function exportURL(filters, format) {
  const q = apiQuery(filters);
  return `api/export.${format}` + (q ? '?' + q : '');
}

// postDocument sends one article; the token goes in the Authorization header.
export function postDocument(doc, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  return getJSON('api/documents', { method: 'POST', headers, body: JSON.stringify(doc) });
}
