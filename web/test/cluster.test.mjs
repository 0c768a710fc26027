import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterPoints, radiusFor } from '../../http/assets/js/cluster.js';

const project = (p) => ({ x: p.lon * 10, y: -p.lat * 10 });

test('nearby points merge and far points stay apart', () => {
  const pts = [
    { lat: 36.0, lon: 38.0, type: 'Battles', fatalities: 3 },
    { lat: 36.1, lon: 38.1, type: 'Battles', fatalities: 2 },
    { lat: 36.05, lon: 38.2, type: 'Protests', fatalities: 0 },
    { lat: 33.3, lon: 44.4, type: 'Riots', fatalities: 1 },
  ];
  const got = clusterPoints(pts, project, 48).sort((a, b) => b.count - a.count);
  assert.equal(got.length, 2);
  assert.equal(got[0].count, 3);
  assert.equal(got[0].fatalities, 5);
  assert.equal(got[0].type, 'Battles');
  assert.equal(got[1].type, 'Riots');
});

test('markers grow with fatalities but stay bounded', () => {
  assert.ok(radiusFor(0) < radiusFor(10));
  assert.ok(radiusFor(10) < radiusFor(100));
  assert.equal(radiusFor(1e6), 28);
});
