// Command locdiag explains, row by row, where the location of an ACLED
// gold event was lost: no candidate near the gold coordinates in the
// gazetteer, a candidate the geoparser did not choose, or a resolved
// mention the extraction engine did not pick. It prints a tally and, with
// -v, one JSON line per wrong row.
//
//	go run ./gazetteer/internal/locdiag -gold ../shared/eval/acled-2022q1.csv
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/gazetteer"
)

type mentionOut struct {
	Text      string  `json:"text"`
	Place     string  `json:"place"`
	CC        string  `json:"cc"`
	Code      string  `json:"code"`
	Prec      int     `json:"prec"`
	Score     float64 `json:"score"`
	Km        int     `json:"km"`
	NearAlt   string  `json:"near_alt,omitempty"` // a candidate within 25 km the geoparser did not choose
	NearAltCC string  `json:"near_alt_cc,omitempty"`
}

func main() {
	gold := flag.String("gold", "", "ACLED CSV")
	verbose := flag.Bool("v", false, "print wrong rows")
	textArg := flag.String("text", "", "geoparse this text and print the mentions instead")
	flag.Parse()
	if *textArg != "" {
		g, err := gazetteer.Default()
		if err != nil {
			log.Fatal(err)
		}
		for _, m := range g.Geoparse(*textArg, sitrep.GeoHint{}) {
			fmt.Printf("%q %s (%s, %s %s) prec %d %q score %.3f\n", m.Text, m.Place.Name, m.Place.Admin1, m.Place.CountryCode, m.Place.Code, m.Precision, m.Modifier, m.Score)
		}
		return
	}
	rows, err := eval.ReadFile(*gold)
	if err != nil {
		log.Fatal(err)
	}
	g, err := gazetteer.Default()
	if err != nil {
		log.Fatal(err)
	}
	ex, err := extract.New(extract.Options{Geoparser: g})
	if err != nil {
		log.Fatal(err)
	}
	tally := map[string]int{}
	enc := json.NewEncoder(os.Stdout)
	for _, r := range rows {
		if !r.HasCoords {
			continue
		}
		evs, _ := ex.Extract(r.Document())
		var ev *sitrep.Event
		if len(evs) > 0 {
			ev = &evs[0]
		}
		gotKm := -1
		if ev != nil && ev.Latitude != nil {
			gotKm = int(eval.Haversine(r.Lat, r.Lon, *ev.Latitude, *ev.Longitude))
		}
		if gotKm >= 0 && gotKm <= 25 {
			tally["ok"]++
			continue
		}
		var hint sitrep.GeoHint
		if cc, ok := gazetteer.CountryCode(r.Country); ok {
			hint.CountryCodes = []string{cc}
		}
		cat := "no-candidate"
		var ms []mentionOut
		for _, m := range g.Geoparse(r.Notes, sitrep.GeoHint{}) {
			km := int(eval.Haversine(r.Lat, r.Lon, m.Place.Lat, m.Place.Lon))
			mo := mentionOut{Text: m.Text, Place: m.Place.Name + ", " + m.Place.Admin1, CC: m.Place.CountryCode, Code: m.Place.Code, Prec: m.Precision, Score: m.Score, Km: km}
			if km <= 25 {
				cat = "engine-choice"
			} else {
				for _, c := range g.Lookup(m.Text, hint) {
					if eval.Haversine(r.Lat, r.Lon, c.Place.Lat, c.Place.Lon) <= 25 {
						mo.NearAlt, mo.NearAltCC = c.Place.Name+" "+c.Place.Code, c.Place.CountryCode
						if cat == "no-candidate" {
							cat = "geoparser-choice"
						}
						break
					}
				}
			}
			ms = append(ms, mo)
		}
		tally[cat]++
		if *verbose {
			got := ""
			if ev != nil {
				got = ev.PlaceText + " → " + ev.Location
			}
			enc.Encode(map[string]any{"id": r.ID, "cat": cat, "notes": r.Notes, "gold_cc": r.Country, "gold_prec": r.GeoPrecision, "got": got, "got_km": gotKm, "mentions": ms})
		}
	}
	fmt.Fprintln(os.Stderr, tally)
}
