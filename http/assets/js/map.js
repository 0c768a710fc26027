// The map: an offline basemap of country outlines (world-atlas TopoJSON,
// drawn by Leaflet as vector shapes, no tile server) with one circle per
// event, sized by fatalities and coloured by type. Events whose screen
// positions are close are merged into clusters, recomputed on every zoom.
// Exact locations (geo_precision 1) are solid; approximate ones are hollow
// rings; not-occurred events, when shown, have a dashed outline.
/* global L, topojson */
import { clusterPoints, radiusFor, clusterRadius } from './cluster.js';
import { colorOf, occurred } from './types.js';
import { h, fmt } from './dom.js';

// unwrapFeature makes rings that cross the antimeridian (Russia, Fiji)
// continue past ±180° instead of jumping back across the whole map, which
// a flat Web Mercator map would draw as a band around the world.
export function unwrapFeature(f) {
  const unwrap = (ring) => {
    const out = [ring[0]];
    for (let i = 1; i < ring.length; i++) {
      let [lon, lat] = ring[i];
      const prev = out[i - 1][0];
      while (lon - prev > 180) lon -= 360;
      while (prev - lon > 180) lon += 360;
      out.push([lon, lat]);
    }
    return out;
  };
  const g = f.geometry;
  if (!g) return f;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const fixed = polys.map((p) => p.map(unwrap));
  return { ...f, geometry: { type: g.type, coordinates: g.type === 'Polygon' ? fixed[0] : fixed } };
}

export class EventMap {
  constructor(el, { onSelect, onMove } = {}) {
    this.onSelect = onSelect || (() => {});
    this.onMove = onMove || (() => {});
    this.map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5, preferCanvas: false, attributionControl: true });
    this.map.attributionControl.setPrefix('').addAttribution('Boundaries: Natural Earth via world-atlas');
    this.map.setView([30, 30], 3);
    this.renderer = L.svg({ padding: 0.3 });
    this.layer = L.layerGroup().addTo(this.map);
    this.points = [];
    this.fitted = false;
    this.map.on('zoomend', () => this.draw());
    // Only a move by the user asks for the events in view; the first fit to
    // the data does not, as it already shows everything that was fetched.
    this.silent = false;
    this.map.on('moveend', () => {
      if (this.silent) { this.silent = false; return; }
      this.onMove(this.bbox());
    });
    this.basemap = this.loadBasemap();
  }

  // loadBasemap draws the countries under the events; the dashboard works
  // without it if the file is missing.
  async loadBasemap() {
    try {
      const res = await fetch('vendor/world-atlas/countries-50m.json');
      if (!res.ok) throw new Error(res.status + ' ' + res.statusText);
      const topo = await res.json();
      const land = topojson.feature(topo, topo.objects.countries);
      land.features = land.features.filter((f) => f.properties.name !== 'Antarctica').map(unwrapFeature);
      const base = L.geoJSON(land, {
        interactive: false,
        style: { color: '#8e9aa6', weight: 0.7, fillColor: '#f3f1ea', fillOpacity: 1 },
      });
      base.addTo(this.map);
      base.bringToBack();
    } catch (err) {
      console.warn('basemap unavailable:', err.message);
    }
  }

  // bbox is the visible area as the API's minLon,minLat,maxLon,maxLat.
  bbox() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
      .map((v) => v.toFixed(4)).join(',');
  }

  // setEvents replaces the events on the map. Events without coordinates
  // cannot be placed and are counted in the note instead.
  setEvents(events, note, refit = false) {
    this.points = [];
    for (const ev of events) {
      if (ev.latitude == null || ev.longitude == null) continue;
      this.points.push({ ev, lat: ev.latitude, lon: ev.longitude, type: ev.event_type, fatalities: ev.fatalities || 0 });
    }
    document.getElementById('map-note').textContent = note || '';
    if ((!this.fitted || refit) && this.points.length) {
      this.fitted = true;
      const b = L.latLngBounds(this.points.map((p) => [p.lat, p.lon]));
      this.silent = true;
      this.map.fitBounds(b.pad(0.3), { maxZoom: 7, animate: false });
      this.silent = false;
    }
    this.draw();
  }

  draw() {
    this.layer.clearLayers();
    const zoom = this.map.getZoom();
    const clusters = clusterPoints(this.points, (p) => this.map.project([p.lat, p.lon], zoom), 36);
    for (const c of clusters) {
      if (c.count === 1) this.layer.addLayer(this.marker(c.points[0]));
      else this.layer.addLayer(this.cluster(c));
    }
  }

  marker(p) {
    const ev = p.ev;
    const color = colorOf(ev.event_type);
    const exact = ev.geo_precision === 1;
    const m = L.circleMarker([p.lat, p.lon], {
      renderer: this.renderer,
      radius: radiusFor(ev.fatalities),
      color: occurred(ev) ? color : '#555',
      weight: exact ? 1 : 2.5,
      dashArray: occurred(ev) ? null : '3 3',
      fillColor: color,
      fillOpacity: exact ? 0.8 : 0.12,
      className: 'ev-marker' + (exact ? ' exact' : ' approximate') + (occurred(ev) ? '' : ' not-occurred'),
    });
    m.bindTooltip(`${ev.event_date || 'date unknown'} · ${ev.sub_event_type || ev.event_type} · ${ev.location || ev.country || ''}` +
      (ev.fatalities ? ` · ${ev.fatalities} killed` : '') + (exact ? '' : ' (approximate location)'));
    m.on('click', () => this.onSelect(ev.id));
    return m;
  }

  cluster(c) {
    const color = colorOf(c.type);
    const g = L.featureGroup();
    const circle = L.circleMarker([c.lat, c.lon], {
      renderer: this.renderer, radius: clusterRadius(c.count), color: '#fff', weight: 2,
      fillColor: color, fillOpacity: 0.85, className: 'ev-cluster',
    });
    circle.bindTooltip(`${fmt.format(c.count)} events, ${fmt.format(c.fatalities)} fatalities — click to zoom in`);
    const label = L.marker([c.lat, c.lon], {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'cluster-label', html: '', iconSize: [40, 14], iconAnchor: [20, 7] }),
    });
    label.on('add', () => { label.getElement().textContent = fmt.format(c.count); });
    circle.on('click', () => {
      const b = L.latLngBounds(c.points.map((p) => [p.lat, p.lon]));
      if (this.map.getZoom() >= this.map.getMaxZoom() || b.getNorthEast().equals(b.getSouthWest())) {
        this.popupList(c);
      } else {
        this.map.fitBounds(b.pad(0.5), { maxZoom: this.map.getMaxZoom() });
      }
    });
    g.addLayer(circle).addLayer(label);
    return g;
  }

  // popupList lists events that share one spot and cannot be split by zooming.
  popupList(c) {
    const list = h('ul', { class: 'siblings' }, c.points.slice(0, 30).map((p) =>
      h('li', {}, h('a', { onclick: () => this.onSelect(p.ev.id) },
        `${p.ev.event_date || '?'} ${p.ev.sub_event_type || p.ev.event_type}` + (p.ev.fatalities ? ` (${p.ev.fatalities})` : '')))));
    L.popup().setLatLng([c.lat, c.lon]).setContent(h('div', {}, h('b', {}, `${c.count} events here`), list)).openOn(this.map);
  }

  // highlight rings the selected event and brings it into view; null clears.
  highlight(ev) {
    this.selected?.remove();
    this.selected = null;
    if (!ev || ev.latitude == null || ev.longitude == null) return;
    const ll = [ev.latitude, ev.longitude];
    this.selected = L.circleMarker(ll, {
      renderer: this.renderer, radius: radiusFor(ev.fatalities) + 5, color: '#111', weight: 3, fill: false,
      interactive: false, className: 'ev-selected',
    }).addTo(this.map);
    if (!this.map.getBounds().contains(ll)) {
      this.silent = true;
      this.map.panTo(ll, { animate: false });
      this.silent = false;
    }
  }

  invalidate() { this.map.invalidateSize(); }
}
