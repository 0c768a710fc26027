package gazetteer

import (
	"os"
	"testing"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/eval"
)

// TestACLEDLocations measures, on an ACLED export named by SITREP_EVAL_CSV
// (e.g. ../../shared/eval/acled-2022q1.csv), how often the geoparser's most
// precise mention in an event's notes (the first, among equals) lies within
// 25 km of ACLED's coordinates. The extraction engine makes the final
// choice; this is the geoparser's share of it. Skipped without the file.
func TestACLEDLocations(t *testing.T) {
	path := os.Getenv("SITREP_EVAL_CSV")
	if path == "" {
		t.Skip("SITREP_EVAL_CSV not set")
	}
	rows, err := eval.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g := mustDefault(t)
	var n, within, withinHint int
	for _, row := range rows {
		if !row.HasCoords {
			continue
		}
		n++
		if best, ok := mostPrecise(g.Geoparse(row.Notes, sitrep.GeoHint{})); ok && distanceKm(best.Place.Lat, best.Place.Lon, row.Lat, row.Lon) <= 25 {
			within++
		}
		var hint sitrep.GeoHint
		if cc, ok := CountryCode(row.Country); ok {
			hint.CountryCodes = []string{cc}
		}
		if best, ok := mostPrecise(g.Geoparse(row.Notes, hint)); ok && distanceKm(best.Place.Lat, best.Place.Lon, row.Lat, row.Lon) <= 25 {
			withinHint++
		}
	}
	share, shareHint := float64(within)/float64(n), float64(withinHint)/float64(n)
	t.Logf("%d events: within 25 km %.3f without hint, %.3f with the country as hint", n, share, shareHint)
	if share < 0.70 {
		t.Errorf("within-25-km share %.3f fell below 0.70", share)
	}
}

// mostPrecise returns the first mention of the lowest precision number.
func mostPrecise(ms []sitrep.PlaceMention) (sitrep.PlaceMention, bool) {
	if len(ms) == 0 {
		return sitrep.PlaceMention{}, false
	}
	best := ms[0]
	for _, m := range ms[1:] {
		if m.Precision < best.Precision {
			best = m
		}
	}
	return best, true
}
