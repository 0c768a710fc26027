package gazetteer

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// TestAuthorCoordinatesCalibration checks the method behind the hand-written
// supplement: the author's coordinates for towns GeoNames does have must
// agree with GeoNames within 10 km.
func TestAuthorCoordinatesCalibration(t *testing.T) {
	g := mustDefault(t)
	b, err := os.ReadFile("testdata/calibration.txt")
	if err != nil {
		t.Fatal(err)
	}
	n, within3 := 0, 0
	for i, l := range strings.Split(string(b), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "|")
		if len(f) != 4 {
			t.Fatalf("calibration.txt:%d: want ISO2|name|lat|lon", i+1)
		}
		lat, err1 := strconv.ParseFloat(f[2], 64)
		lon, err2 := strconv.ParseFloat(f[3], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("calibration.txt:%d: bad coordinates", i+1)
		}
		var p *sitrep.Place
		for _, c := range g.Lookup(f[1], sitrep.GeoHint{CountryCodes: []string{f[0]}}) {
			if c.Place.CountryCode == f[0] && c.Place.Class != "A" && c.Place.ID < 900_000_000 {
				p = &c.Place
				break
			}
		}
		if p == nil {
			t.Errorf("calibration.txt:%d: %s not in GeoNames", i+1, f[1])
			continue
		}
		n++
		d := distanceKm(lat, lon, p.Lat, p.Lon)
		if d <= 3 {
			within3++
		}
		if d > 10 {
			t.Errorf("calibration.txt:%d: %s at %.2f,%.2f is %.0f km from GeoNames' %.2f,%.2f", i+1, f[1], lat, lon, d, p.Lat, p.Lon)
		}
	}
	t.Logf("%d of %d towns within 3 km of GeoNames", within3, n)
}

// TestSupplementNearTowns is a plausibility check of every curated place: a
// GeoNames town of the same country lies within 250 km (it catches swapped
// or mistyped coordinates), and it got an admin1 region.
func TestSupplementNearTowns(t *testing.T) {
	g := mustDefault(t)
	n := 0
	for i := range g.places {
		p := &g.places[i]
		if p.ID < 900_000_000 {
			continue
		}
		n++
		best := 1e9
		for j := range g.places {
			q := &g.places[j]
			if q.Class == "P" && q.ID < 900_000_000 && q.CountryCode == p.CountryCode {
				if d := distanceKm(p.Lat, p.Lon, q.Lat, q.Lon); d < best {
					best = d
				}
			}
		}
		if best > 250 {
			t.Errorf("%s (%s) at %.2f,%.2f: nearest GeoNames town of %s is %.0f km away", p.Name, p.CountryCode, p.Lat, p.Lon, p.CountryCode, best)
		}
		if p.Admin1 == "" {
			t.Errorf("%s (%s): no admin1", p.Name, p.CountryCode)
		}
	}
	if n < 100 {
		t.Errorf("%d supplement places, want ≥ 100", n)
	}
}
