// The events table: one page of the API at a time, sorted by date or
// fatalities, paged with the API's opaque cursor (a stack of the cursors
// seen gives "previous"). Not-occurred events are muted and badged.
import { h, fmt } from './dom.js';
import { colorOf, occurred } from './types.js';

export function placeOf(ev) {
  return [ev.location, ev.admin1, ev.country].filter((v, i, a) => v && a.indexOf(v) === i).join(', ');
}

export function fatalitiesText(ev) {
  if (ev.fatalities == null) return '';
  const range = ev.fatalities_max != null && ev.fatalities_max !== ev.fatalities ? `–${ev.fatalities_max}` : '';
  return (ev.fatalities_qualifier ? ev.fatalities_qualifier + ' ' : '') + ev.fatalities + range;
}

export function modalityBadge(ev) {
  const m = ev.modality || 'occurred';
  return h('span', { class: 'badge' + (occurred(ev) ? '' : ' not-occurred'), title: occurred(ev) ? 'reported as having happened' : 'not counted as having happened' }, m);
}

export class EventTable {
  constructor(table, { onSelect, onSort, onPage } = {}) {
    this.table = table;
    this.tbody = table.querySelector('tbody');
    this.onSelect = onSelect || (() => {});
    this.selected = null;
    for (const th of table.querySelectorAll('th[data-sort]')) {
      th.addEventListener('click', () => onSort && onSort(th.dataset.sort));
    }
    document.getElementById('page-next').addEventListener('click', () => onPage && onPage('next'));
    document.getElementById('page-prev').addEventListener('click', () => onPage && onPage('prev'));
    document.getElementById('page-first').addEventListener('click', () => onPage && onPage('first'));
  }

  // showSort marks the sorted column: sort is "field" or "-field".
  showSort(sort) {
    const desc = sort.startsWith('-');
    const field = sort.replace(/^-/, '');
    for (const th of this.table.querySelectorAll('th[data-sort]')) {
      th.setAttribute('aria-sort', th.dataset.sort === field ? (desc ? 'descending' : 'ascending') : 'none');
    }
  }

  // set shows one page; pageNo counts from 1, pageSize is the limit asked.
  set(page, pageNo, pageSize, hasPrev) {
    this.tbody.replaceChildren();
    const evs = page.events || [];
    if (!evs.length) {
      this.tbody.append(h('tr', {}, h('td', { class: 'empty', colspan: 8 }, 'No events match these filters.')));
    }
    for (const ev of evs) {
      const tr = h('tr', { 'data-id': ev.id, class: occurred(ev) ? '' : 'not-occurred', tabindex: 0 },
        h('td', {}, ev.event_date || h('span', { class: 'badge', title: ev.date_text || '' }, 'undated')),
        h('td', {}, h('span', { class: 'dot', style: `background:${colorOf(ev.event_type)}` }), ev.event_type),
        h('td', {}, ev.sub_event_type),
        h('td', {}, ev.actor1),
        h('td', {}, ev.actor2),
        h('td', {}, placeOf(ev)),
        h('td', { class: 'num' }, fatalitiesText(ev)),
        h('td', {}, modalityBadge(ev)));
      tr.addEventListener('click', () => this.onSelect(ev.id));
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') this.onSelect(ev.id); });
      if (ev.id === this.selected) tr.classList.add('selected');
      this.tbody.append(tr);
    }
    const total = page.total ?? evs.length;
    const first = (pageNo - 1) * pageSize + 1;
    document.getElementById('page-info').textContent = evs.length
      ? `${fmt.format(first)}–${fmt.format(first + evs.length - 1)} of ${fmt.format(total)}` : `0 of ${fmt.format(total)}`;
    document.getElementById('page-next').disabled = !page.next_cursor;
    document.getElementById('page-prev').disabled = !hasPrev;
    document.getElementById('page-first').disabled = !hasPrev;
  }

  select(id) {
    this.selected = id;
    for (const tr of this.tbody.querySelectorAll('tr')) tr.classList.toggle('selected', tr.dataset.id === String(id));
  }
}
