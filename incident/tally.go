package incident

import (
	"sort"

	"github.com/sitrep/sitrep"
)

// Tally is one cumulative figure as a source gave it on a date: "at least
// 484 civilians killed in coalition strikes since 2014". Tallies span many
// events, so they are kept apart and never added to incident counts.
type Tally struct {
	EventID            int64           `json:"event_id"`
	DocID              string          `json:"doc_id"`
	Source             string          `json:"source"`
	AsOf               string          `json:"as_of"`           // publication date, else the end of the event window
	Since              string          `json:"since,omitempty"` // start of the period the tally covers, when known
	Fatalities         *int            `json:"fatalities"`
	CivilianFatalities *int            `json:"civilian_fatalities"`
	Qualifier          string          `json:"qualifier,omitempty"`
	Evidence           sitrep.Evidence `json:"evidence"`
}

// TallySeries is the tallies about one actor in one area, oldest first.
type TallySeries struct {
	Actor   string  `json:"actor"`
	Country string  `json:"country"`
	Admin1  string  `json:"admin1,omitempty"`
	Points  []Tally `json:"points"`
}

// Tallies groups cumulative reports into series per actor and area
// (country and admin1), each ordered by date then event id. Reports of any
// other modality are skipped.
func Tallies(reports []Report) []TallySeries {
	type key struct{ actor, country, admin1 string }
	series := make(map[key]*TallySeries)
	for _, r := range reports {
		e := &r.Event
		if e.Modality != sitrep.ModalityCumulative {
			continue
		}
		k := key{canonicalActor(e.Actor1), fold(e.Country), fold(e.Admin1)}
		s := series[k]
		if s == nil {
			s = &TallySeries{Actor: e.Actor1, Country: e.Country, Admin1: e.Admin1}
			series[k] = s
		}
		asOf := r.Published
		if t, ok, err := sitrep.ParseDate(asOf); ok && err == nil {
			asOf = t.Format("2006-01-02")
		} else if e.EventDateEnd != "" {
			asOf = e.EventDateEnd
		} else {
			asOf = e.EventDate
		}
		fat := e.Fatalities
		if fat == nil {
			fat = e.FatalitiesMin
		}
		s.Points = append(s.Points, Tally{
			EventID: e.ID, DocID: e.DocID, Source: r.Source, AsOf: asOf, Since: e.EventDate,
			Fatalities: fat, CivilianFatalities: e.CivilianFatalities,
			Qualifier: e.FatalitiesQualifier, Evidence: e.Evidence,
		})
	}
	out := make([]TallySeries, 0, len(series))
	for _, s := range series {
		sort.Slice(s.Points, func(i, j int) bool {
			if s.Points[i].AsOf != s.Points[j].AsOf {
				return s.Points[i].AsOf < s.Points[j].AsOf
			}
			return s.Points[i].EventID < s.Points[j].EventID
		})
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		if a.Admin1 != b.Admin1 {
			return a.Admin1 < b.Admin1
		}
		if a.Actor != b.Actor {
			return a.Actor < b.Actor
		}
		return a.Points[0].EventID < b.Points[0].EventID
	})
	return out
}
