// The timeline: events per day (per week over long spans) stacked by event
// type, drawn as SVG. Dragging across it selects a date range, which the
// dashboard turns into the from/to filters; the selection stays drawn.
import { stack, domain, rangeFromPixels, dayNumber, dateOf } from './timebins.js';
import { colorOf } from './types.js';
import { fmt } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';
const M = { left: 40, right: 10, top: 6, bottom: 18 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

export class Timeline {
  constructor(svg, { onBrush } = {}) {
    this.svg = svg;
    this.onBrush = onBrush || (() => {});
    this.data = null;
    this.drag = null;
    svg.addEventListener('pointerdown', (e) => this.down(e));
    svg.addEventListener('pointermove', (e) => this.move(e));
    svg.addEventListener('pointerup', (e) => this.up(e));
    new ResizeObserver(() => this.render()).observe(svg);
  }

  // set draws counts per type ({type: [{key, count}]}) in bins of binDays,
  // with the selected from/to range.
  set(seriesByType, types, binDays, from, to) {
    this.data = { ...stack(seriesByType, types), types, binDays, from, to };
    this.render();
  }

  geometry() {
    const w = this.svg.clientWidth, hgt = this.svg.clientHeight;
    return { w, hgt, left: M.left, width: Math.max(1, w - M.left - M.right), top: M.top, height: Math.max(1, hgt - M.top - M.bottom) };
  }

  render() {
    const svg = this.svg;
    while (svg.firstChild) svg.firstChild.remove();
    if (!this.data) return;
    const { columns, max, binDays, from, to } = this.data;
    const g = this.geometry();
    const dom = domain(columns, binDays, from, to);
    if (!dom || g.w === 0) {
      svg.append(s('text', { x: g.w / 2, y: g.hgt / 2, 'text-anchor': 'middle', class: 'empty' }, 'no dated events'));
      return;
    }
    this.dom = dom;
    const days = dom[1] - dom[0] + 1;
    const px = g.width / days;
    const x = (day) => g.left + (day - dom[0]) * px;
    const y = (v) => g.top + g.height - (v / (max || 1)) * g.height;
    const bars = s('g', { class: 'bars' });
    for (const c of columns) {
      const bw = Math.max(1, px * binDays - (px * binDays > 3 ? 1 : 0));
      for (const seg of c.segments) {
        const r = s('rect', { x: x(c.day), y: y(seg.y1), width: bw, height: Math.max(0.5, y(seg.y0) - y(seg.y1)), fill: colorOf(seg.type), 'data-day': c.key });
        r.append(s('title', {}, `${binDays > 1 ? 'week of ' : ''}${c.key}: ${fmt.format(seg.count)} ${seg.type || "events"}`));
        bars.append(r);
      }
    }
    svg.append(bars);
    this.axis(g, dom, x, y, max);
    if (from || to) {
      const a = from ? dayNumber(from) : dom[0], b = to ? dayNumber(to) : dom[1];
      svg.append(s('rect', { class: 'brush selected', x: x(a), y: g.top, width: Math.max(2, x(b + 1) - x(a)), height: g.height }));
    }
  }

  axis(g, dom, x, y, max) {
    const ax = s('g', { class: 'axis' });
    ax.append(s('line', { x1: g.left, x2: g.left + g.width, y1: g.top + g.height, y2: g.top + g.height }));
    ax.append(s('text', { x: g.left - 4, y: g.top + 8, 'text-anchor': 'end' }, fmt.format(max)));
    ax.append(s('text', { x: g.left - 4, y: g.top + g.height, 'text-anchor': 'end' }, '0'));
    const days = dom[1] - dom[0] + 1;
    const every = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730].find((d) => (g.width / days) * d >= 70) || 1461;
    let last = -Infinity;
    for (let d = dom[0]; d <= dom[1]; d++) {
      const date = dateOf(d);
      const isTick = every >= 30 ? date.endsWith('-01') && (Number(date.slice(5, 7)) - 1) % Math.round(every / 30.4) === 0 : (d - dom[0]) % every === 0;
      if (!isTick || x(d) - last < 60) continue;
      last = x(d);
      const label = every >= 30 ? `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}` : `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8))}`;
      ax.append(s('line', { x1: x(d), x2: x(d), y1: g.top + g.height, y2: g.top + g.height + 3 }));
      ax.append(s('text', { x: x(d), y: g.top + g.height + 13, 'text-anchor': 'middle' }, label));
    }
    this.svg.append(ax);
  }

  localX(e) {
    return e.clientX - this.svg.getBoundingClientRect().left;
  }

  down(e) {
    if (!this.dom) return;
    this.svg.setPointerCapture(e.pointerId);
    const x0 = this.localX(e);
    const g = this.geometry();
    const rect = s('rect', { class: 'brush', x: x0, y: g.top, width: 1, height: g.height });
    this.svg.querySelectorAll('.brush').forEach((r) => r.remove());
    this.svg.append(rect);
    this.drag = { x0, rect };
  }

  move(e) {
    if (!this.drag) return;
    const x1 = this.localX(e);
    this.drag.rect.setAttribute('x', Math.min(this.drag.x0, x1));
    this.drag.rect.setAttribute('width', Math.max(1, Math.abs(x1 - this.drag.x0)));
  }

  up(e) {
    if (!this.drag) return;
    const { x0 } = this.drag;
    this.drag = null;
    const g = this.geometry();
    let x1 = this.localX(e);
    // A click selects the bin under the pointer.
    if (Math.abs(x1 - x0) < 3) x1 = x0 + (g.width / (this.dom[1] - this.dom[0] + 1)) * (this.data.binDays - 1);
    const [from, to] = rangeFromPixels(x0, x1, g.left, g.width, this.dom);
    this.onBrush(from, to);
  }
}
