package eval

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep"
)

// Fields scored, most telling first: the constant-guess baseline already
// reaches 0.86 on fatalities and 0.95 on time_precision, so macro-F1,
// sub_event_type, fatalities_nonzero, event_date, location and all_four
// are what show real extraction.
var Fields = []string{"macro_f1", "sub_event_type", "fatalities_nonzero", "event_date", "location", "all_four",
	"event_type", "country", "fatalities", "time_precision", "geo_precision", "inter1", "inter2", "actor1", "answered"}

// Report is the result of scoring a run.
type Report struct {
	Rows      int                       `json:"rows"`
	Scores    map[string]float64        `json:"scores"`
	F1        map[string]float64        `json:"f1_by_event_type"`
	Confusion map[string]map[string]int `json:"confusion"` // gold event type → predicted → rows
}

// Miss is a row where the answer got a headline field wrong.
type Miss struct {
	Row    Row
	Event  *sitrep.Event
	Fields []string
}

// maxKm is how far a predicted location may lie from the gold one.
const maxKm = 25

// Score compares the main event predicted for each row (nil when there is
// none) with the gold rows. preds[i] answers rows[i].
func Score(rows []Row, preds []*sitrep.Event) (Report, []Miss) {
	r := Report{Rows: len(rows), Scores: map[string]float64{}, F1: map[string]float64{}, Confusion: map[string]map[string]int{}}
	hits := map[string]int{}
	nonzero, nonzeroHits := 0, 0
	var misses []Miss
	for i, g := range rows {
		p := preds[i]
		pt := "(none)"
		if p != nil {
			pt = p.EventType
		}
		if r.Confusion[g.EventType] == nil {
			r.Confusion[g.EventType] = map[string]int{}
		}
		r.Confusion[g.EventType][pt]++
		if g.Fatalities > 0 {
			nonzero++
		}
		if p == nil {
			misses = append(misses, Miss{Row: g, Fields: []string{"answered"}})
			continue
		}
		hits["answered"]++
		fat := 0
		if p.Fatalities != nil {
			fat = *p.Fatalities
		}
		ok := map[string]bool{
			"event_type":     p.EventType == g.EventType,
			"sub_event_type": p.SubEventType == g.SubEventType,
			"country":        p.Country == g.Country,
			"event_date":     p.EventDate == g.EventDate,
			"time_precision": p.TimePrecision == g.TimePrecision,
			"geo_precision":  p.GeoPrecision == g.GeoPrecision,
			"inter1":         p.Inter1 == g.Inter1,
			"inter2":         p.Inter2 == g.Inter2,
			"location":       g.HasCoords && p.Latitude != nil && p.Longitude != nil && Haversine(g.Lat, g.Lon, *p.Latitude, *p.Longitude) <= maxKm,
			"fatalities":     fat == g.Fatalities,
			"actor1":         ActorMatch(p.Actor1, g.Actor1),
		}
		var wrong []string
		for f, v := range ok {
			if v {
				hits[f]++
			} else if f != "geo_precision" && f != "time_precision" {
				wrong = append(wrong, f)
			}
		}
		if ok["event_type"] && ok["event_date"] && ok["location"] && ok["fatalities"] {
			hits["all_four"]++
		}
		if g.Fatalities > 0 && ok["fatalities"] {
			nonzeroHits++
		}
		if len(wrong) > 0 {
			sort.Strings(wrong)
			misses = append(misses, Miss{Row: g, Event: p, Fields: wrong})
		}
	}
	n := float64(len(rows))
	if n == 0 {
		n = 1
	}
	for _, f := range Fields {
		r.Scores[f] = float64(hits[f]) / n
	}
	r.Scores["fatalities_nonzero"] = 0
	if nonzero > 0 {
		r.Scores["fatalities_nonzero"] = float64(nonzeroHits) / float64(nonzero)
	}
	r.F1, r.Scores["macro_f1"] = macroF1(r.Confusion)
	return r, misses
}

// macroF1 averages the F1 of each gold event type (rows predicted as no
// event count as misses of their gold type).
func macroF1(conf map[string]map[string]int) (map[string]float64, float64) {
	per := map[string]float64{}
	predicted := map[string]int{}
	for _, row := range conf {
		for p, c := range row {
			predicted[p] += c
		}
	}
	// Sum in a fixed order: float addition in map order would make the
	// last digits of the score differ from run to run.
	golds := make([]string, 0, len(conf))
	for g := range conf {
		golds = append(golds, g)
	}
	sort.Strings(golds)
	sum := 0.0
	for _, g := range golds {
		row := conf[g]
		tp, gold := row[g], 0
		for _, c := range row {
			gold += c
		}
		f := 0.0
		if tp > 0 {
			prec := float64(tp) / float64(predicted[g])
			rec := float64(tp) / float64(gold)
			f = 2 * prec * rec / (prec + rec)
		}
		per[g] = f
		sum += f
	}
	if len(conf) == 0 {
		return per, 0
	}
	return per, sum / float64(len(conf))
}

// Haversine is the great-circle distance in km.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// ActorMatch is a loose actor comparison: both names are reduced to lower
// case letters and digits with parentheses dropped ("Military Forces of
// Iraq (2014-)" → "military forces of iraq"), then one must contain the
// other. ACLED's names carry periods and factions sitrep cannot know.
func ActorMatch(got, want string) bool {
	g, w := normActor(got), normActor(want)
	if g == "" || w == "" {
		return g == w
	}
	return strings.Contains(g, w) || strings.Contains(w, g)
}

func normActor(s string) string {
	var b strings.Builder
	depth := 0
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}
