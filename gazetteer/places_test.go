package gazetteer

import (
	"fmt"
	"testing"

	"github.com/sitrep/sitrep"
)

// conflictPlaces are spellings of places as conflict reporting writes them,
// with the true coordinates of the place (from the author's knowledge of
// the places, rounded to 0.01°, checked for plausibility against GeoNames).
var conflictPlaces = []struct {
	cc       string
	name     string
	lat, lon float64
}{
	// Iraq
	{"IQ", "Mosul", 36.34, 43.13},
	{"IQ", "Falluja", 33.35, 43.78},
	{"IQ", "Fallujah", 33.35, 43.78},
	{"IQ", "Ramadi", 33.42, 43.30},
	{"IQ", "Tikrit", 34.60, 43.68},
	{"IQ", "Kirkuk", 35.47, 44.39},
	{"IQ", "Samarra", 34.20, 43.87},
	{"IQ", "Baquba", 33.75, 44.64},
	{"IQ", "Hawija", 35.33, 43.77},
	{"IQ", "Sinjar", 36.32, 41.87},
	{"IQ", "Tal Afar", 36.38, 42.45},
	{"IQ", "Haditha", 34.14, 42.38},
	{"IQ", "Basra", 30.51, 47.81},
	{"IQ", "Nasiriyah", 31.05, 46.26},
	{"IQ", "Najaf", 32.00, 44.33},
	{"IQ", "Karbala", 32.61, 44.02},
	{"IQ", "Arbil", 36.19, 44.01},
	{"IQ", "Sulaimaniya", 35.56, 45.43},
	{"IQ", "Ain al-Asad", 33.79, 42.44},
	// Syria
	{"SY", "Aleppo", 36.20, 37.16},
	{"SY", "Idleb", 35.93, 36.63},
	{"SY", "Homs", 34.73, 36.72},
	{"SY", "Hama", 35.13, 36.75},
	{"SY", "Deir ez-Zor", 35.34, 40.14},
	{"SY", "Deir al-Zour", 35.34, 40.14},
	{"SY", "Dayr az Zawr", 35.34, 40.14},
	{"SY", "Ar-Raqqah", 35.95, 39.01},
	{"SY", "Palmyra", 34.56, 38.28},
	{"SY", "Manbij", 36.53, 37.95},
	{"SY", "Kobani", 36.89, 38.35},
	{"SY", "Afrin", 36.51, 36.87},
	{"SY", "Qamishli", 37.05, 41.23},
	{"SY", "Al-Hasakah", 36.50, 40.75},
	{"SY", "Deraa", 32.62, 36.10},
	{"SY", "Douma", 33.57, 36.40},
	{"SY", "At Tanf", 33.50, 38.64},
	{"SY", "Abu Kamal", 34.45, 40.92},
	{"SY", "Al Bukamal", 34.45, 40.92},
	{"SY", "al-Mayadin", 35.02, 40.45},
	{"SY", "Tabqa", 35.84, 38.55},
	{"SY", "Jarablus", 36.82, 38.01},
	{"SY", "Azaz", 36.59, 37.05},
	{"SY", "Saraqib", 35.86, 36.80},
	{"SY", "Bab al-Hawa", 36.23, 36.67},
	{"SY", "al-Hol camp", 36.38, 41.15},
	// Yemen
	{"YE", "Sanaa", 15.35, 44.21},
	{"YE", "Sana'a", 15.35, 44.21},
	{"YE", "Aden", 12.78, 45.04},
	{"YE", "Hodeidah", 14.80, 42.95},
	{"YE", "Al Hudaydah", 14.80, 42.95},
	{"YE", "Taiz", 13.58, 44.02},
	{"YE", "Ma'rib", 15.46, 45.33},
	{"YE", "Saada", 16.94, 43.76},
	{"YE", "Mukalla", 14.54, 49.12},
	{"YE", "Zinjibar", 13.13, 45.38},
	// Afghanistan
	{"AF", "Kabul", 34.53, 69.17},
	{"AF", "Kandahar", 31.61, 65.71},
	{"AF", "Herat", 34.35, 62.20},
	{"AF", "Mazar-i-Sharif", 36.71, 67.11},
	{"AF", "Jalalabad", 34.43, 70.45},
	{"AF", "Kunduz", 36.73, 68.86},
	{"AF", "Lashkar Gah", 31.59, 64.37},
	{"AF", "Ghazni", 33.55, 68.42},
	{"AF", "Khost", 33.34, 69.92},
	{"AF", "Bagram airbase", 34.95, 69.27},
	// Somalia
	{"SO", "Mogadishu", 2.04, 45.34},
	{"SO", "Kismayo", -0.36, 42.55},
	{"SO", "Baidoa", 3.11, 43.65},
	{"SO", "Beledweyne", 4.74, 45.20},
	{"SO", "Galkayo", 6.77, 47.43},
	{"SO", "Bosaso", 11.28, 49.18},
	{"SO", "Afgooye", 2.14, 45.12},
	{"SO", "Jowhar", 2.78, 45.50},
	// Mali
	{"ML", "Bamako", 12.65, -8.00},
	{"ML", "Timbuktu", 16.77, -3.01},
	{"ML", "Gao", 16.27, -0.04},
	{"ML", "Kidal", 18.44, 1.41},
	{"ML", "Mopti", 14.49, -4.20},
	{"ML", "Menaka", 15.92, 2.40},
	{"ML", "Sévaré", 14.53, -4.09},
	// Nigeria
	{"NG", "Maiduguri", 11.85, 13.16},
	{"NG", "Abuja", 9.06, 7.49},
	{"NG", "Kaduna", 10.52, 7.44},
	{"NG", "Damaturu", 11.75, 11.96},
	{"NG", "Bama", 11.52, 13.69},
	{"NG", "Gwoza", 11.08, 13.69},
	{"NG", "Jos", 9.93, 8.89},
	{"NG", "Sokoto", 13.06, 5.24},
	// Ukraine
	{"UA", "Kyiv", 50.45, 30.52},
	{"UA", "Kiev", 50.45, 30.52},
	{"UA", "Kharkiv", 49.99, 36.23},
	{"UA", "Mariupol", 47.10, 37.55},
	{"UA", "Donetsk", 48.02, 37.80},
	{"UA", "Luhansk", 48.57, 39.32},
	{"UA", "Lugansk", 48.57, 39.32},
	{"UA", "Bakhmut", 48.59, 38.00},
	{"UA", "Avdiivka", 48.14, 37.75},
	{"UA", "Kherson", 46.64, 32.61},
	{"UA", "Odessa", 46.48, 30.73},
	{"UA", "Zaporizhzhia", 47.84, 35.14},
	{"UA", "Mykolaiv", 46.97, 31.99},
	{"UA", "Severodonetsk", 48.95, 38.49},
	{"UA", "Kramatorsk", 48.72, 37.56},
	{"UA", "Izium", 49.21, 37.26},
	// Myanmar, DRC, Ethiopia, Sudan
	{"MM", "Yangon", 16.80, 96.16},
	{"MM", "Mandalay", 21.97, 96.08},
	{"MM", "Myitkyina", 25.38, 97.40},
	{"MM", "Sittwe", 20.15, 92.90},
	{"CD", "Goma", -1.68, 29.23},
	{"CD", "Bukavu", -2.51, 28.86},
	{"CD", "Beni", 0.49, 29.47},
	{"CD", "Bunia", 1.56, 30.25},
	{"ET", "Mekelle", 13.50, 39.47},
	{"ET", "Gondar", 12.60, 37.47},
	{"ET", "Dessie", 11.13, 39.64},
	{"SD", "Khartoum", 15.50, 32.56},
	{"SD", "El Fasher", 13.63, 25.35},
	{"SD", "Nyala", 12.05, 24.88},
	{"SD", "El Geneina", 13.45, 22.45},
	{"SD", "Omdurman", 15.64, 32.48},
}

// TestGeoparseConflictPlaces puts each spelling in a news sentence and
// checks that the mention resolves within 25 km of the true place, given the
// country the story is about.
func TestGeoparseConflictPlaces(t *testing.T) {
	g := mustDefault(t)
	for _, tt := range conflictPlaces {
		t.Run(tt.cc+"/"+tt.name, func(t *testing.T) {
			text := fmt.Sprintf("Residents said gunfire was heard in %s late on Tuesday, and several people were wounded.", tt.name)
			ms := find(g.Geoparse(text, sitrep.GeoHint{CountryCodes: []string{tt.cc}}), tt.name)
			if len(ms) == 0 {
				t.Fatalf("%q not found in %q", tt.name, text)
			}
			p := ms[0].Place
			if d := distanceKm(p.Lat, p.Lon, tt.lat, tt.lon); d > 25 {
				t.Errorf("%q → %s (%s, %s) at %.2f,%.2f: %.0f km from %.2f,%.2f", tt.name, p.Name, p.Admin1, p.Country, p.Lat, p.Lon, d, tt.lat, tt.lon)
			}
			if p.CountryCode != tt.cc {
				t.Errorf("%q → country %s, want %s", tt.name, p.CountryCode, tt.cc)
			}
		})
	}
}

// TestLookupConflictPlacesWithoutHint checks that the best candidate of a
// well-known spelling is right even when nothing says which country.
func TestLookupConflictPlacesWithoutHint(t *testing.T) {
	g := mustDefault(t)
	miss := 0
	for _, tt := range conflictPlaces {
		c := g.Lookup(tt.name, sitrep.GeoHint{})
		if len(c) == 0 || distanceKm(c[0].Place.Lat, c[0].Place.Lon, tt.lat, tt.lon) > 25 {
			miss++
			if len(c) > 0 {
				t.Logf("without hint %q → %s (%s)", tt.name, c[0].Place.Name, c[0].Place.Country)
			}
		}
	}
	// Names shared by towns abroad ("Bama", "Beni", "Gao") need the hint;
	// the large majority must not.
	if got, limit := miss, len(conflictPlaces)/10; got > limit {
		t.Errorf("%d of %d spellings resolve wrongly without a hint, want ≤ %d", got, len(conflictPlaces), limit)
	}
}
