package incident

import (
	"sort"

	"github.com/sitrep/sitrep"
)

// Grades of an incident's casualty sourcing; the rule is in the package doc.
const (
	GradeSingle     = "single source"
	GradeMultiple   = "multiple independent sources"
	GradeContested  = "contested"
	GradeDiscounted = "discounted"
)

// syndicated is the evidence similarity at which two outlets are taken to
// print the same wire copy, and so count as one source.
const syndicated = 0.9

// ClaimOf keeps one report's casualty figures as its source gave them.
func ClaimOf(r Report) sitrep.Claim {
	e := &r.Event
	return sitrep.Claim{
		EventID:            e.ID,
		DocID:              e.DocID,
		Source:             r.Source,
		Published:          r.Published,
		Fatalities:         e.Fatalities,
		FatalitiesMin:      e.FatalitiesMin,
		FatalitiesMax:      e.FatalitiesMax,
		Qualifier:          e.FatalitiesQualifier,
		CivilianFatalities: e.CivilianFatalities,
		Injured:            e.Injured,
		Evidence:           e.Evidence,
	}
}

// figure is the number a claim stands for: its best figure, else its
// lower bound.
func figure(e *sitrep.Event) (int, bool) {
	switch {
	case e.Fatalities != nil:
		return *e.Fatalities, true
	case e.FatalitiesMin != nil:
		return *e.FatalitiesMin, true
	}
	return 0, false
}

// fatalities computes an incident's minimum, maximum and best figure from
// the reports (denials excluded) sorted by event id.
func fatalities(reports []*node) (lo, hi, best *int) {
	bestDay, bestSet := -2, false
	var b int
	for _, n := range reports {
		e := &n.report.Event
		if v, ok := figure(e); ok {
			// A claim with no publication date (-1) ranks below any dated one.
			if !bestSet || n.pub > bestDay || (n.pub == bestDay && v < b) {
				bestDay, b, bestSet = n.pub, v, true
			}
		}
		low := e.FatalitiesMin
		if low == nil {
			low = e.Fatalities
		}
		if low != nil && (lo == nil || *low < *lo) {
			lo = intp(*low)
		}
		high := e.FatalitiesMax
		if high == nil {
			high = e.Fatalities
		}
		if high != nil && (hi == nil || *high > *hi) {
			hi = intp(*high)
		}
	}
	if bestSet {
		best = intp(b)
	}
	return lo, hi, best
}

func intp(v int) *int { return &v }

// sourceGroups assigns each report a source group: reports from one outlet
// share one, and so do outlets printing near-identical evidence. It
// returns the group of each report and the number of groups.
func sourceGroups(reports []*node) ([]int, int) {
	parent := make([]int, len(reports))
	for i := range parent {
		parent[i] = i
	}
	bySource := make(map[string]int)
	for i, n := range reports {
		key := fold(n.report.Source)
		if key == "" {
			key = "doc:" + n.report.Event.DocID
		}
		if j, ok := bySource[key]; ok {
			parent[find(parent, i)] = find(parent, j)
		} else {
			bySource[key] = i
		}
	}
	for i := range reports {
		for j := i + 1; j < len(reports); j++ {
			if len(reports[i].terms) > 3 && similarity(reports[i].terms, reports[j].terms) >= syndicated {
				ri, rj := find(parent, i), find(parent, j)
				parent[max(ri, rj)] = min(ri, rj)
			}
		}
	}
	group := make([]int, len(reports))
	ids := make(map[int]int)
	for i := range reports {
		r := find(parent, i)
		if _, ok := ids[r]; !ok {
			ids[r] = len(ids)
		}
		group[i] = ids[r]
	}
	return group, len(ids)
}

// contested reports whether a source gave a much lower figure than
// another source's earlier or same-day claim. A toll rising over time is
// not a disagreement; a later or simultaneous lower count is.
func contested(reports []*node, group []int) bool {
	for i, x := range reports {
		fx, ok := figure(&x.report.Event)
		if !ok {
			continue
		}
		for j, y := range reports {
			fy, ok := figure(&y.report.Event)
			if !ok || group[i] == group[j] || fx <= fy {
				continue
			}
			// x claims more than y; y is later or the dates are unknown.
			if x.pub < 0 || y.pub < 0 || y.pub >= x.pub {
				if d := fx - fy; d > 2 && float64(d) > float64(fy)/2 {
					return true
				}
			}
		}
	}
	return false
}

// grade applies the grading rule of the package doc.
func grade(reports, denials []*node, sources int, group []int) string {
	first := -1
	for _, n := range reports {
		if n.pub >= 0 && (first < 0 || n.pub < first) {
			first = n.pub
		}
	}
	for _, d := range denials {
		if d.pub < 0 || first < 0 || d.pub >= first {
			return GradeDiscounted
		}
	}
	if contested(reports, group) {
		return GradeContested
	}
	if sources >= 2 {
		return GradeMultiple
	}
	return GradeSingle
}

// SortClaims orders claims by publication date, then event id.
func SortClaims(c []sitrep.Claim) {
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].Published != c[j].Published {
			return c[i].Published < c[j].Published
		}
		return c[i].EventID < c[j].EventID
	})
}
