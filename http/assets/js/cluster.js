// Clustering for the map: points closer than a radius on screen are drawn
// as one cluster. It is recomputed on every zoom. A spatial hash of cells of
// the radius' size makes it linear in practice and needs no library, which
// keeps a thousand points well under a frame.

// clusterPoints groups points greedily: the first unassigned point (the
// caller orders them, e.g. deadliest first) seeds a cluster that takes every
// unassigned point within radius pixels of it. project(point) returns {x, y}
// in pixels at the current zoom. Each cluster has its points, the count, the
// summed fatalities, the mean position and the most frequent event type.
export function clusterPoints(points, project, radius = 40) {
  const xy = points.map(project);
  const cells = new Map();
  const cellOf = (x, y) => Math.floor(x / radius) + ':' + Math.floor(y / radius);
  xy.forEach((p, i) => {
    const k = cellOf(p.x, p.y);
    let c = cells.get(k);
    if (!c) cells.set(k, (c = []));
    c.push(i);
  });
  const taken = new Uint8Array(points.length);
  const r2 = radius * radius;
  const out = [];
  for (let i = 0; i < points.length; i++) {
    if (taken[i]) continue;
    const { x, y } = xy[i];
    const cx = Math.floor(x / radius), cy = Math.floor(y / radius);
    const members = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of cells.get((cx + dx) + ':' + (cy + dy)) || []) {
          if (taken[j]) continue;
          const ex = xy[j].x - x, ey = xy[j].y - y;
          if (ex * ex + ey * ey <= r2) { taken[j] = 1; members.push(j); }
        }
      }
    }
    out.push(summarize(members.map((j) => points[j])));
  }
  return out;
}

function summarize(pts) {
  let fatalities = 0, lat = 0, lon = 0;
  const types = new Map();
  for (const p of pts) {
    fatalities += p.fatalities || 0;
    lat += p.lat;
    lon += p.lon;
    types.set(p.type, (types.get(p.type) || 0) + 1);
  }
  let type = '', n = -1;
  for (const [t, k] of types) if (k > n) { type = t; n = k; }
  return { points: pts, count: pts.length, fatalities, lat: lat / pts.length, lon: lon / pts.length, type };
}

// radiusFor sizes a marker by fatalities: area grows with the count so a
// 100-death event does not cover a whole province.
export function radiusFor(fatalities) {
  const f = Math.max(0, fatalities || 0);
  return Math.min(28, 5 + 2.2 * Math.sqrt(f));
}

// clusterRadius sizes a cluster circle by how many events it holds.
export function clusterRadius(count) {
  return Math.min(32, 10 + 3 * Math.log2(Math.max(1, count)));
}
