import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, dateOf, stack, domain, rangeFromPixels } from '../../http/assets/js/timebins.js';

test('day numbers round-trip through dates, across a leap day', () => {
  for (const d of ['1970-01-01', '2022-02-28', '2024-02-29', '2024-03-01']) assert.equal(dateOf(dayNumber(d)), d);
  assert.equal(dayNumber('2024-03-01') - dayNumber('2024-02-28'), 2);
});

test('counts of several types stack per day in type order', () => {
  const { columns, max } = stack({
    Battles: [{ key: '2022-03-02', count: 2 }, { key: '2022-03-01', count: 1 }],
    Protests: [{ key: '2022-03-02', count: 3 }],
  }, ['Battles', 'Protests']);
  assert.equal(max, 5);
  assert.deepEqual(columns.map((c) => c.key), ['2022-03-01', '2022-03-02']);
  assert.deepEqual(columns[1].segments.map((s) => [s.type, s.y0, s.y1]), [['Battles', 0, 2], ['Protests', 2, 5]]);
});

test('the domain widens to the selected range', () => {
  const { columns } = stack({ Riots: [{ key: '2022-03-10', count: 1 }] }, ['Riots']);
  assert.deepEqual(domain(columns, 1, '2022-03-01', ''), [dayNumber('2022-03-01'), dayNumber('2022-03-10')]);
  assert.equal(domain([], 1, '', ''), null);
});

test('a brushed pixel span becomes inclusive dates, dragged either way', () => {
  const dom = [dayNumber('2022-01-01'), dayNumber('2022-01-10')]; // 10 days over 100 px from x=40
  assert.deepEqual(rangeFromPixels(40, 69, 40, 100, dom), ['2022-01-01', '2022-01-03']);
  assert.deepEqual(rangeFromPixels(69, 40, 40, 100, dom), ['2022-01-01', '2022-01-03']);
  assert.deepEqual(rangeFromPixels(0, 500, 40, 100, dom), ['2022-01-01', '2022-01-10']);
});

test('day×type counts split into series, by day or by ISO week', async () => {
  const { splitDayType } = await import('../../http/assets/js/timebins.js');
  const counts = [
    { key: '2022-03-07|Battles', count: 2 }, // Monday
    { key: '2022-03-13|Battles', count: 1 }, // Sunday of the same week
    { key: '2022-03-14|Riots', count: 4 }, // next Monday
  ];
  assert.deepEqual(splitDayType(counts, false), {
    Battles: [{ key: '2022-03-07', count: 2 }, { key: '2022-03-13', count: 1 }],
    Riots: [{ key: '2022-03-14', count: 4 }],
  });
  assert.deepEqual(splitDayType(counts, true), {
    Battles: [{ key: '2022-03-07', count: 3 }],
    Riots: [{ key: '2022-03-14', count: 4 }],
  });
});
