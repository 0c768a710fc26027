package gazetteer

import (
	"errors"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

const smallGazetteer = `# a user-supplied gazetteer
C	SY	Syria	Syrian Arab Republic
A1	SY.04	Raqqa Governorate	Ar-Raqqa
P	1	Ar Raqqah	35.95	39.01	P.PPLA	SY	04		177636	Raqqa|Rakka
P	2	Tell Abyad	36.70	38.95	P.PPLA2	SY	04		14825	Tal Abyad|Tell Abiad
P	3	Ain Issa	36.39	38.86	P.PPL	SY	04		7000
N	3	Ein Issa|Ayn Issa
`

func TestLoadBuildsRegionsAndIndex(t *testing.T) {
	g, err := Load(strings.NewReader(smallGazetteer))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := g.Len(), 5; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
	tests := []struct {
		query    string
		wantName string
		wantCode string
		admin1   string
	}{
		{"Rakka", "Ar Raqqah", "PPLA", "Raqqa"},
		{"Tal Abyad", "Tell Abyad", "PPLA2", "Raqqa"},
		{"Ein Issa", "Ain Issa", "PPL", "Raqqa"},
		{"Syrian Arab Republic", "Syria", "PCLI", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			c := g.Lookup(tt.query, sitrep.GeoHint{})
			if len(c) == 0 {
				t.Fatalf("no candidate")
			}
			p := c[0].Place
			if p.Name != tt.wantName || p.Code != tt.wantCode || p.Admin1 != tt.admin1 || p.Country != "Syria" {
				t.Errorf("got %s %s admin1=%q country=%q, want %s %s admin1=%q Syria", p.Name, p.Code, p.Admin1, p.Country, tt.wantName, tt.wantCode, tt.admin1)
			}
		})
	}
	t.Run("region takes its seat's coordinates", func(t *testing.T) {
		for _, c := range g.Lookup("Raqqa", sitrep.GeoHint{}) {
			if c.Place.Code == "ADM1" {
				if c.Place.Lat != 35.95 || c.Place.Lon != 39.01 {
					t.Errorf("Raqqa governorate at %v,%v, want the seat's 35.95,39.01", c.Place.Lat, c.Place.Lon)
				}
				if got, want := c.Place.Population, 177636+14825+7000; got != want {
					t.Errorf("population %d, want the sum of its places %d", got, want)
				}
				return
			}
		}
		t.Error("no ADM1 candidate for Raqqa")
	})
}

func TestLoadReportsBadLinesAndKeepsTheRest(t *testing.T) {
	in := smallGazetteer + "P\tx\tNowhere\t1\t2\tP.PPL\tSY\t04\t\t0\n" +
		"P\t9\tFar\t95\t2\tP.PPL\tSY\t04\t\t0\n" +
		"Q\tunknown record\n"
	g, err := Load(strings.NewReader(in))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want *LoadError", err)
	}
	if got, want := len(le.Lines), 3; got != want {
		t.Fatalf("%d bad lines reported, want %d: %v", got, want, err)
	}
	if got, want := le.Lines[0].Line, 8; got != want {
		t.Errorf("first bad line %d, want %d", got, want)
	}
	for _, s := range []string{"line 8: bad id", "line 9: bad coordinates", "line 10: unknown record type"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not say %q", err, s)
		}
	}
	if g == nil || len(g.Lookup("Tell Abiad", sitrep.GeoHint{})) == 0 {
		t.Error("good lines were lost")
	}
}

func TestDefaultHasCountriesRegionsAndSupplement(t *testing.T) {
	g := mustDefault(t)
	if g.Len() < 240_000 {
		t.Errorf("Len() = %d, want ≥ 240,000 places, regions and countries", g.Len())
	}
	tests := []struct{ name, code, country string }{
		{"Democratic Republic of the Congo", "PCLI", "Democratic Republic of Congo"},
		{"Côte d'Ivoire", "PCLI", "Ivory Coast"},
		{"Burma", "PCLI", "Myanmar"},
		{"Anbar", "ADM1", "Iraq"},
		{"Al-Tanf garrison", "MILB", "Syria"},
		{"Mosul Dam", "DAM", "Iraq"},
		{"Hong Kong", "PCLI", "China"},
	}
	for _, tt := range tests {
		c := g.Lookup(tt.name, sitrep.GeoHint{})
		if len(c) == 0 || c[0].Place.Code != tt.code || c[0].Place.Country != tt.country {
			t.Errorf("Lookup(%q) = %+v, want %s in %s", tt.name, c, tt.code, tt.country)
		}
	}
}

func TestCountryCode(t *testing.T) {
	tests := []struct {
		name string
		want string
		ok   bool
	}{
		{"Syria", "SY", true},
		{"syrian arab republic", "SY", true},
		{"DRC", "CD", true},
		{"U.S.", "US", true},
		{"Ivory Coast", "CI", true},
		{"Palestine", "PS", true},
		{"Iraqi", "", false},
		{"Raqqa", "", false},
	}
	for _, tt := range tests {
		got, ok := CountryCode(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CountryCode(%q) = %q, %v, want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(smallGazetteer)
	f.Add("P\t1\tX\t1\t2\tP.PPL\tSY\t\t\t\n")
	f.Add("A2\tSY.04.01\tX\nN\tSY.04.01\tY|Z\n")
	f.Fuzz(func(t *testing.T, s string) {
		g, err := Load(strings.NewReader(s))
		var le *LoadError
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("Load: %v", err)
		}
		if g == nil {
			t.Fatal("nil gazetteer")
		}
		g.Geoparse(s, sitrep.GeoHint{})
		g.Lookup(s, sitrep.GeoHint{})
	})
}

func FuzzGeoparse(f *testing.F) {
	g := mustDefault(f)
	for _, s := range []string{"Clashes near Raqqa's outskirts.", "U.S. strikes in al-Tanf", "Sana’a", "AT TANF", "—", "Deir ez-\u00adZor", "\xff\xfeRaqqa"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range g.Geoparse(s, sitrep.GeoHint{}) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad offsets %d..%d for %q in %q", m.Start, m.End, m.Text, s)
			}
			if m.Score < 0 || m.Score > 1 || m.Precision < 1 || m.Precision > 3 {
				t.Fatalf("bad score %v or precision %d", m.Score, m.Precision)
			}
		}
	})
}

// TestDistrictCoordinates: ACLED codes "X district" to a town, so an admin2
// region sits on the town named like it, else its seat, else its largest
// place — never on a mean that may fall between towns.
func TestDistrictCoordinates(t *testing.T) {
	const data = `C	NG	Nigeria
A1	NG.26	Niger
A2	NG.26.10	Rafi
A2	NG.26.11	Kontagora
A2	NG.26.12	Mashegu
A2	NG.26.13	Wushishi
P	1	Kagara	10.19	6.25	P.PPLA2	NG	26	10	20000
P	2	Rafi	10.40	6.10	P.PPL	NG	26	10	3000
P	3	Kontagora	10.40	5.47	P.PPLA2	NG	26	11	98000
P	4	Tegina	10.07	6.19	P.PPL	NG	26	11	10000
P	5	Mashegu	9.97	5.78	P.PPL	NG	26	12	4000
P	6	Kasanga	10.60	5.20	P.PPL	NG	26	12	9000
P	7	Zungeru	9.80	6.15	P.PPL	NG	26	13	15000
P	8	Gwarjiko	9.50	6.50	P.PPL	NG	26	13	3000
`
	g, err := Load(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		district string
		lat, lon float64
		why      string
	}{
		{"Rafi", 10.40, 6.10, "the town named like the district, not its seat Kagara"},
		{"Kontagora", 10.40, 5.47, "its seat, named like it"},
		{"Mashegu", 9.97, 5.78, "the town named like it although Kasanga is larger"},
		{"Wushishi", 9.80, 6.15, "no seat and no town of its name: its largest place"},
	}
	for _, tt := range tests {
		t.Run(tt.district, func(t *testing.T) {
			for _, c := range g.Lookup(tt.district, sitrep.GeoHint{}) {
				if c.Place.Code == "ADM2" {
					if c.Place.Lat != tt.lat || c.Place.Lon != tt.lon {
						t.Errorf("%s district at %v,%v, want %v,%v: %s", tt.district, c.Place.Lat, c.Place.Lon, tt.lat, tt.lon, tt.why)
					}
					return
				}
			}
			t.Errorf("no ADM2 candidate for %s", tt.district)
		})
	}
}
