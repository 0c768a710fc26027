package incident

import (
	"math"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep"
)

// FuzzCompare feeds Compare events built from arbitrary text, dates and
// coordinates, as extraction of hostile input could produce them: it must
// never panic, must be symmetric, and must score links within 0..1.
func FuzzCompare(f *testing.F) {
	f.Add("Air/drone strike", "Shelling/artillery/missile attack", "2024-03-04", "2024-03-05", "Deir ez-Zor", "Deir al-Zour",
		35.33, 40.14, 35.34, 40.15, 1, 2, "Military Forces of Russia (2000-)", "", "Jets struck the market", "Warplanes hit the market")
	f.Add("Attack", "Armed clash", "2024-01-27", "", "Barsalogho", "", 13.4, -1.06, math.NaN(), 0.0, 3, 0, "JNIM", "Rioters (Kenya)", "", "ÉÉ ﬁ ...")
	f.Add("Attack", "Armed clash", "2024-01-27", "2024-01-27", "Barsalogho", "Barsalogho", math.NaN(), 1.0, 13.4, -1.06, 1, 1, "", "", "a", "b")
	f.Add("Attack", "Attack", "2024-01-27", "2024-01-27", "X", "X", 95.0, 500.0, 13.4, -1.06, 1, 1, "", "", "a", "b")
	f.Fuzz(func(t *testing.T, subA, subB, dateA, dateB, locA, locB string, latA, lonA, latB, lonB float64, gpA, gpB int,
		actorA, actorB, textA, textB string) {
		if !utf8.ValidString(textA + textB + locA + locB + actorA + actorB) {
			return
		}
		mk := func(id int64, sub, date, loc string, lat, lon float64, gp int, actor, text string) Report {
			e := sitrep.Event{ID: id, EventType: sitrep.EventTypeOf(sub), SubEventType: sub, EventDate: date,
				Country: "Syria", Location: loc, GeoPrecision: gp, Actor1: actor, Evidence: sitrep.Evidence{Text: text}}
			if lat != 0 {
				e.Latitude, e.Longitude = &lat, &lon
			}
			return Report{Event: e}
		}
		a := mk(1, subA, dateA, locA, latA, lonA, gpA, actorA, textA)
		b := mk(2, subB, dateB, locB, latB, lonB, gpB, actorB, textB)
		ab, okAB := Compare(a, b)
		ba, okBA := Compare(b, a)
		if okAB != okBA || (okAB && ab != ba) {
			t.Fatalf("not symmetric: %+v %v / %+v %v", ab, okAB, ba, okBA)
		}
		if okAB && !(ab.Score > 0 && ab.Score <= 1) {
			t.Fatalf("score %v out of (0,1]", ab.Score)
		}
	})
}
