// ACLED's event types with the sub-types under each (the same table as
// sitrep.SubEventTypes in event.go) and the colour each type has in every
// view, so the map, the timeline and the table agree.

export const SUB_EVENT_TYPES = {
  'Battles': ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Protests': ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  'Riots': ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};

export const EVENT_TYPES = Object.keys(SUB_EVENT_TYPES);

// Colour-blind-safe palette (Okabe–Ito), one colour per event type.
export const TYPE_COLORS = {
  'Battles': '#D55E00',
  'Explosions/Remote violence': '#CC79A7',
  'Violence against civilians': '#0072B2',
  'Protests': '#009E73',
  'Riots': '#E69F00',
  'Strategic developments': '#56B4E9',
};

export const OTHER_COLOR = '#888888';

export function colorOf(type) {
  return TYPE_COLORS[type] || OTHER_COLOR;
}

export const MODALITIES = ['occurred', 'reported', 'planned', 'threatened', 'denied', 'cumulative'];

// occurred mirrors sitrep.Event.Occurred: an empty modality counts as occurred.
export function occurred(ev) {
  return !ev.modality || ev.modality === 'occurred';
}

// GEO_PRECISION explains ACLED's geo_precision codes to a reader.
export const GEO_PRECISION = { 0: 'unknown', 1: 'exact (town)', 2: 'approximate (near / part of region)', 3: 'region only' };
