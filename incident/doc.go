// Package incident groups events that different reports give of one
// real-world occurrence into incidents, keeping every casualty claim.
//
// Ten outlets reporting one air strike produce ten events; an analyst needs
// one incident. The package is pure: it works on sitrep.Event values and
// plain structs, and never touches a store.
//
// # Which events are linked
//
// Only events reported as having happened (modality occurred, reported or
// unset) form incidents. Denials attach to the incident they deny and
// discount it; planned and threatened events are left out; cumulative
// tallies ("at least 484 civilians killed since 2014") are kept apart as a
// time series per actor and area (see Tallies) and never added to incident
// counts.
//
// Two events are linked when every gate below passes (see Compare):
//
//   - Type: same sub-event type, or a compatible one. Air/drone strike,
//     shelling/missile attack and chemical weapon are compatible (outlets
//     often cannot tell a missile from an air strike); IED, suicide bomb and
//     grenade are compatible; within Battles, Protests and Riots all
//     sub-types are; Attack and Abduction are; Protests and Riots are across
//     types, as are Battles and Violence against civilians (one outlet's
//     "clashes" is another's "attack on a village") and Explosions/Remote
//     violence and Violence against civilians (a strike that killed
//     civilians is "an attack" to some). Anything else, e.g. an air strike
//     and an IED, or an IED and a protest, in one town on one day, is not.
//   - Place: the same country, named on both sides (an event without a
//     country is never linked); with coordinates on both sides, the distance must
//     be within the larger of the two precision radii: 10 km for geo
//     precision 1 (the town itself), 40 km for precision 2 (near / part of),
//     150 km and the same admin1 for precision 3 (only a region). Two
//     differently named places both given at precision 1 must lie within
//     2 km (one place spelled two ways, "Deir ez-Zor" / "Deir al-Zour"):
//     neighbouring villages and city districts are different places.
//     Without coordinates, the folded location names must match, or, when
//     one side is only a region, the admin1 names.
//   - Date: the date windows [event_date, event_date_end] must overlap. A
//     gap of one day is allowed only when the evidence texts are very
//     similar (an overnight strike reported under two dates). Undated events
//     are never linked.
//   - Actors: the same perpetrator (a state's military, police and
//     government count as one; rioters and protesters of a country too), the
//     same two sides in either order, a known non-civilian party in common,
//     or one perpetrator unknown. Two unrelated known actors are allowed
//     only with very similar evidence (a strike attributed to Russia by one
//     outlet and to Syria by another).
//
// Each link records why it was made: distance in km, date gap in days, the
// actor match, the evidence similarity (cosine over folded words, numbers
// and stop words dropped) and a score in 0..1 weighting these.
//
// # Precise and vague events
//
// An event is vague when its date covers more than a day (time precision
// 2 or 3), its place is only a region (geo precision 3), or it is a
// denial. Links between precise events are unions: connected components
// form incidents. A vague event keeps only its single best link (highest
// score, ties to the smaller event id), so a "strikes this week in Idlib"
// report joins one incident but can never bridge two. Because every link is
// a pure function of the two events and the best link is a maximum over all
// of them, the grouping does not depend on the order events arrive in:
// adding events one by one gives the same incidents as linking them in one
// batch. An incident's ID is the smallest event ID in it.
//
// # Claims, best figure and grade
//
// Every event's casualty figures are kept as a Claim of its source. An
// incident's minimum is the lowest figure any source gives, its maximum
// the highest. Its best figure follows ACLED's most conservative credible
// estimate while letting tolls rise as bodies are found: among the claims
// published on the most recent date that carries a figure, the lowest
// (claims without a publication date count only when no claim has one).
//
// The grade, in the spirit of Airwars and other civilian-harm monitors, is
// the first that applies of:
//
//   - "discounted": a source denies the event (a denied event linked to
//     the incident) in a report published no earlier than the first report
//     of it.
//   - "contested": at least two sources give figures, and the highest and
//     lowest differ by more than half the lowest and by more than 2.
//   - "multiple independent sources": at least two independent sources
//     report it. Sources are independent when their names differ and their
//     evidence is not near-identical (syndicated wire copy counts once).
//   - "single source".
package incident
