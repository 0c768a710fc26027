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

test('every point lands in exactly one cluster, none lost', () => {
  const pts = [];
  for (let i = 0; i < 500; i++) pts.push({ lat: (i * 7919) % 60, lon: (i * 104729) % 90, type: i % 2 ? 'Battles' : 'Riots', fatalities: i % 5 });
  const got = clusterPoints(pts, project, 40);
  assert.equal(got.reduce((n, c) => n + c.count, 0), pts.length);
  assert.equal(new Set(got.flatMap((c) => c.points)).size, pts.length);
});

test('points just outside the radius stay separate', () => {
  const got = clusterPoints([{ lat: 0, lon: 0, type: 'A' }, { lat: 0, lon: 4.1, type: 'A' }], project, 40);
  assert.equal(got.length, 2);
});
