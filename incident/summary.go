package incident

import (
	"cmp"
	"slices"

	"github.com/sitrep/sitrep"
)

// Incident is an incident with its links, claims and denials.
type Incident = sitrep.Incident

// summarize builds an incident from its member events. It reports false
// for a group made only of denials.
func summarize(members []*node, links []Link) (Incident, bool) {
	slices.SortFunc(members, func(a, b *node) int { return cmp.Compare(a.id, b.id) })
	var reports, denials []*node
	for _, n := range members {
		if n.denial {
			denials = append(denials, n)
		} else {
			reports = append(reports, n)
		}
	}
	if len(reports) == 0 {
		return Incident{}, false
	}
	var inc Incident
	inc.ID = members[0].id
	for _, n := range members {
		inc.EventIDs = append(inc.EventIDs, n.id)
	}
	for _, d := range denials {
		inc.Denials = append(inc.Denials, d.id)
	}

	inc.EventType = mostCommon(reports, func(e *sitrep.Event) string { return e.EventType })
	inc.SubEventType = mostCommon(reports, func(e *sitrep.Event) string {
		if e.EventType != inc.EventType {
			return ""
		}
		return e.SubEventType
	})
	inc.Actor1 = mostCommon(reports, func(e *sitrep.Event) string { return e.Actor1 })
	inc.Actor2 = mostCommon(reports, func(e *sitrep.Event) string { return e.Actor2 })
	dates(&inc, reports)

	// Place: the most precise report with coordinates, then the most precise.
	p := reports[0]
	for _, n := range reports[1:] {
		if placeRank(n) < placeRank(p) {
			p = n
		}
	}
	e := &p.report.Event
	inc.Country, inc.Admin1, inc.Location = e.Country, e.Admin1, e.Location
	inc.Latitude, inc.Longitude = e.Latitude, e.Longitude

	inc.FatalitiesMin, inc.FatalitiesMax, inc.FatalitiesBest = fatalities(reports)
	group, sources := sourceGroups(reports)
	inc.Sources = sources
	inc.Grade = grade(reports, denials, sources, group)
	for _, n := range members {
		inc.Claims = append(inc.Claims, ClaimOf(n.report))
	}
	SortClaims(inc.Claims)

	inc.Links = sortedLinks(links)
	return inc, true
}

// sortedLinks returns links ordered by (From, To), keeping the first of
// links with the same two events. Such duplicates are rare (a vague
// report's best link that is also a strong one), so the links are sorted
// first and deduplicated only if sorting put two of them side by side:
// a set of every pair was a third of summarizing a large incident.
func sortedLinks(links []Link) []Link {
	if len(links) == 0 {
		return nil
	}
	byPair := func(a, b Link) int {
		if c := cmp.Compare(a.From, b.From); c != 0 {
			return c
		}
		return cmp.Compare(a.To, b.To)
	}
	// slices.SortFunc, not sort.Slice: an incident of k reports has up to
	// k²/2 links, and sort.Slice's reflection was a third of summarizing.
	out := slices.Clone(links)
	slices.SortFunc(out, byPair)
	dup := false
	for i := 1; i < len(out); i++ {
		if out[i].From == out[i-1].From && out[i].To == out[i-1].To {
			dup = true
			break
		}
	}
	if !dup {
		return out
	}
	out = out[:0]
	seen := make(map[[2]int64]bool, len(links))
	for _, l := range links {
		k := [2]int64{l.From, l.To}
		if !seen[k] {
			seen[k] = true
			out = append(out, l)
		}
	}
	slices.SortFunc(out, byPair)
	return out
}

// placeRank orders reports by how well they place the event: with
// coordinates before without, then by geo precision (unknown last).
func placeRank(n *node) int {
	p := n.report.Event.GeoPrecision
	if p == 0 {
		p = 4
	}
	if !n.hasXY {
		p += 10
	}
	return p
}

// dates sets the incident's window from its day-precise reports, or from
// all of them when none is precise to the day.
func dates(inc *Incident, reports []*node) {
	from, to, ok := 0, 0, false
	for pass := 0; pass < 2 && !ok; pass++ {
		for _, n := range reports {
			if !n.dated || (pass == 0 && n.to > n.from) {
				continue
			}
			if !ok || n.from < from {
				from = n.from
			}
			if !ok || n.to > to {
				to = n.to
			}
			ok = true
		}
	}
	if ok {
		inc.StartDate = dayString(from)
		inc.EndDate = dayString(to)
	}
}

// mostCommon returns the most frequent non-empty value, ties going to the
// value of the report with the smallest event id (reports are sorted).
func mostCommon(reports []*node, field func(*sitrep.Event) string) string {
	count := make(map[string]int)
	best, bestN := "", 0
	for _, n := range reports {
		v := field(&n.report.Event)
		if v == "" {
			continue
		}
		count[v]++
	}
	for _, n := range reports {
		v := field(&n.report.Event)
		if v != "" && count[v] > bestN {
			best, bestN = v, count[v]
		}
	}
	return best
}
