package gazetteer

import (
	"encoding/csv"
	"os"
	"strconv"
	"testing"

	"github.com/sitrep/sitrep"
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
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	for _, c := range []string{"notes", "latitude", "longitude", "country"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("%s: no %q column", path, c)
		}
	}
	g := mustDefault(t)
	var n, within, withinHint int
	for _, row := range rows[1:] {
		lat, err1 := strconv.ParseFloat(row[col["latitude"]], 64)
		lon, err2 := strconv.ParseFloat(row[col["longitude"]], 64)
		if err1 != nil || err2 != nil {
			continue
		}
		n++
		if best, ok := mostPrecise(g.Geoparse(row[col["notes"]], sitrep.GeoHint{})); ok && distanceKm(best.Place.Lat, best.Place.Lon, lat, lon) <= 25 {
			within++
		}
		var hint sitrep.GeoHint
		if cc, ok := CountryCode(row[col["country"]]); ok {
			hint.CountryCodes = []string{cc}
		}
		if best, ok := mostPrecise(g.Geoparse(row[col["notes"]], hint)); ok && distanceKm(best.Place.Lat, best.Place.Lon, lat, lon) <= 25 {
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
