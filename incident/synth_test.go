package incident

import (
	"fmt"
	"math/rand/v2"

	"github.com/sitrep/sitrep"
)

// synthetic returns n reports of about n/2.5 occurrences, each told by one
// to four outlets with jittered coordinates, tolls and wording. Density is
// held at about five reports per country and day — ACLED's Syria in a busy
// month — so the date span grows with n, as a real archive does.
func synthetic(n int, seed uint64) []Report {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	const countries = 30
	days := max(1, n/(countries*5))
	subs := []string{"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack",
		"Remote explosive/landmine/IED", "Peaceful protest", "Abduction/forced disappearance"}
	actors := []string{"", "Military Forces of Syria", "Islamic State", "Al Shabaab", "JNIM", "Wagner Group"}
	words := []string{"village", "market", "convoy", "checkpoint", "school", "mosque", "camp", "bridge", "farm", "hospital"}
	var out []Report
	var id int64
	for len(out) < n {
		c := rng.IntN(countries)
		day := rng.IntN(days)
		lat := 10 + float64(c)*1.5 + rng.Float64()
		lon := 20 + rng.Float64()*3
		sub := subs[rng.IntN(len(subs))]
		act := actors[rng.IntN(len(actors))]
		place := fmt.Sprintf("Town-%d-%d", c, rng.IntN(500))
		toll := rng.IntN(20)
		what := words[rng.IntN(len(words))]
		for k := 1 + rng.IntN(4); k > 0 && len(out) < n; k-- {
			id++
			e := sitrep.Event{
				ID: id, DocID: fmt.Sprintf("d%d", id), EventType: sitrep.EventTypeOf(sub), SubEventType: sub,
				Modality: sitrep.ModalityOccurred, TimePrecision: 1, GeoPrecision: 1,
				Country: fmt.Sprintf("Country %d", c), Location: place, Actor1: act,
			}
			d := day
			switch r := rng.Float64(); {
			case r < 0.05:
				e.TimePrecision = 2
				e.EventDate, e.EventDateEnd = date(d-3), date(d+3)
			case r < 0.07:
				e.Modality = sitrep.ModalityDenied
				e.EventDate, e.EventDateEnd = date(d), date(d)
			default:
				e.EventDate, e.EventDateEnd = date(d), date(d)
			}
			if rng.Float64() < 0.9 {
				la, lo := lat+rng.NormFloat64()*0.01, lon+rng.NormFloat64()*0.01
				e.Latitude, e.Longitude = &la, &lo
			}
			if rng.Float64() < 0.2 {
				e.GeoPrecision = 2
			}
			f := max(0, toll+rng.IntN(5)-2)
			e.Fatalities = &f
			e.Evidence.Text = fmt.Sprintf("%d people were killed when the %s in %s was hit, witnesses told outlet %d", f, what, place, rng.IntN(50))
			out = append(out, Report{Event: e, Source: fmt.Sprintf("Outlet %d", rng.IntN(40)), Published: date(d + rng.IntN(3))})
		}
	}
	return out
}

func date(d int) string { return dayString(19000 + d) }
