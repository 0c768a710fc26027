import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unwrapFeature } from '../../http/assets/js/map.js';

test('a ring crossing the antimeridian continues past 180° instead of jumping back', () => {
  const f = { type: 'Feature', properties: { name: 'Fiji' }, geometry: { type: 'Polygon', coordinates: [[[179, -16], [-179.5, -16.5], [-179, -17], [179.5, -17], [179, -16]]] } };
  const got = unwrapFeature(f).geometry.coordinates[0].map(([lon]) => lon);
  assert.deepEqual(got, [179, 180.5, 181, 179.5, 179]);
});

test('rings that do not cross are left as they are', () => {
  const ring = [[36, 35], [37, 35], [37, 36], [36, 35]];
  const f = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ring]] } };
  assert.deepEqual(unwrapFeature(f).geometry.coordinates, [[ring]]);
});
