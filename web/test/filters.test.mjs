import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFilters, toQuery, apiQuery, withFilter } from '../../http/assets/js/filters.js';
import { SUB_EVENT_TYPES } from '../../http/assets/js/types.js';

test('filters survive a round trip through the URL', () => {
  const f = { from: '2022-01-01', to: '2022-03-31', event_type: 'Explosions/Remote violence', actor: 'Islamic State', q: 'car bomb', notoccurred: '1' };
  assert.deepEqual(parseFilters('?' + toQuery(f)), f);
});

test('bad dates and unknown keys are dropped', () => {
  assert.deepEqual(parseFilters('?from=yesterday&to=2022-02-30x&evil=1&country=Syria'), { country: 'Syria' });
});

test('the API query carries filters and extras but not view settings', () => {
  const q = apiQuery({ country: 'Iraq', notoccurred: '1', sort: '-fatalities' }, { limit: 50, sort: '-fatalities' });
  assert.equal(q, 'country=Iraq&limit=50&sort=-fatalities');
});

test('changing the type clears a sub-type of another type', () => {
  const f = { event_type: 'Battles', sub_event_type: 'Armed clash' };
  assert.deepEqual(withFilter(f, 'event_type', 'Protests', SUB_EVENT_TYPES), { event_type: 'Protests' });
  assert.deepEqual(withFilter(f, 'actor', '', SUB_EVENT_TYPES), f);
});
