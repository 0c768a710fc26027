// Pure helpers of the timeline: dates as day numbers, stacking counts by
// type, and turning a pixel range back into dates. Kept apart from the SVG
// code so they can be tested without a browser.

const DAY = 86400000;

// dayNumber is the number of days since 1970-01-01 of a YYYY-MM-DD date.
export function dayNumber(date) {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY);
}

// dateOf is the YYYY-MM-DD date of a day number.
export function dateOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

// stack turns counts per type ({type: [{key, count}]}) into one column per
// date key, each with segments [{type, y0, y1}] in the order of types, and
// the largest column total.
export function stack(seriesByType, types) {
  const cols = new Map();
  for (const t of types) {
    for (const { key, count } of seriesByType[t] || []) {
      if (!key || !count) continue;
      let c = cols.get(key);
      if (!c) cols.set(key, (c = { key, day: dayNumber(key), total: 0, segments: [] }));
      c.segments.push({ type: t, y0: c.total, y1: c.total + count, count });
      c.total += count;
    }
  }
  const columns = [...cols.values()].sort((a, b) => a.day - b.day);
  const max = columns.reduce((m, c) => Math.max(m, c.total), 0);
  return { columns, max };
}

// domain is the [first, last] day shown: every column, widened to include
// the selected range so a brush is never drawn off the chart.
export function domain(columns, binDays, from, to) {
  let lo = Infinity, hi = -Infinity;
  for (const c of columns) { lo = Math.min(lo, c.day); hi = Math.max(hi, c.day + binDays - 1); }
  if (from) { const d = dayNumber(from); lo = Math.min(lo, d); hi = Math.max(hi, d); }
  if (to) { const d = dayNumber(to); lo = Math.min(lo, d); hi = Math.max(hi, d); }
  if (!isFinite(lo)) return null;
  return [lo, hi];
}

// rangeFromPixels converts a brushed pixel span into inclusive dates.
export function rangeFromPixels(x0, x1, left, width, [lo, hi]) {
  const days = hi - lo + 1;
  const toDay = (x) => lo + Math.floor(((Math.max(left, Math.min(left + width, x)) - left) / width) * days);
  let a = toDay(Math.min(x0, x1)), b = toDay(Math.max(x0, x1));
  a = Math.max(lo, Math.min(hi, a));
  b = Math.max(lo, Math.min(hi, b));
  return [dateOf(a), dateOf(b)];
}

// splitDayType turns counts keyed "YYYY-MM-DD|type" into counts per type
// keyed by day, or by the Monday of the ISO week when weekly is set.
export function splitDayType(counts, weekly) {
  const out = {};
  for (const { key, count } of counts) {
    const i = key.indexOf('|');
    if (i < 0) continue;
    let day = key.slice(0, i);
    const type = key.slice(i + 1);
    if (weekly) {
      const d = dayNumber(day);
      day = dateOf(d - ((d + 3) % 7)); // 1970-01-01 was a Thursday: (d+3)%7 is days since Monday
    }
    const m = (out[type] ||= new Map());
    m.set(day, (m.get(day) || 0) + count);
  }
  const series = {};
  for (const [t, m] of Object.entries(out)) series[t] = [...m].map(([key, count]) => ({ key, count }));
  return series;
}
