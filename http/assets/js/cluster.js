// Grid clustering for the map: points whose screen positions fall in the
// same square cell are drawn as one cluster. It is recomputed on every zoom,
// runs in linear time and needs no library, which keeps 100k points fast.

// clusterPoints groups points by cell. project(point) must return {x, y} in
// pixels at the current zoom. Each cluster has its points, the count, the
// summed fatalities, the mean position and the dominant event type.
export function clusterPoints(points, project, cellSize = 48) {
  const cells = new Map();
  for (const p of points) {
    const { x, y } = project(p);
    const key = Math.floor(x / cellSize) + ':' + Math.floor(y / cellSize);
    let c = cells.get(key);
    if (!c) {
      c = { points: [], count: 0, fatalities: 0, sumLat: 0, sumLon: 0, types: new Map() };
      cells.set(key, c);
    }
    c.points.push(p);
    c.count++;
    c.fatalities += p.fatalities || 0;
    c.sumLat += p.lat;
    c.sumLon += p.lon;
    c.types.set(p.type, (c.types.get(p.type) || 0) + 1);
  }
  const out = [];
  for (const c of cells.values()) {
    let best = '', n = -1;
    for (const [t, k] of c.types) if (k > n) { best = t; n = k; }
    out.push({ points: c.points, count: c.count, fatalities: c.fatalities, lat: c.sumLat / c.count, lon: c.sumLon / c.count, type: best });
  }
  return out;
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
