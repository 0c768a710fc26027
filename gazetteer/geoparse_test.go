package gazetteer

import (
	"os"
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// mustDefault returns the embedded gazetteer or fails the test.
func mustDefault(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// find returns the mentions whose text is s.
func find(ms []sitrep.PlaceMention, s string) []sitrep.PlaceMention {
	var out []sitrep.PlaceMention
	for _, m := range ms {
		if m.Text == s {
			out = append(out, m)
		}
	}
	return out
}

func TestGeoparseSeedArticle(t *testing.T) {
	g := mustDefault(t)
	b, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	ms := g.Geoparse(text, sitrep.GeoHint{})
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %q has offsets [%d,%d) that cover %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
	tests := []struct {
		text      string
		lat, lon  float64
		country   string
		precision int
	}{
		{"Raqqa", 35.95, 39.01, "Syria", 1},
		{"Tanf", 33.50, 38.64, "Syria", 1},
		{"Bukamal", 34.45, 40.92, "Syria", 1},
		{"Baghdad", 33.34, 44.40, "Iraq", 1},
		{"Iraq", 33.3, 44.4, "Iraq", 3},
		{"Jordan", 31.95, 35.93, "Jordan", 3},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := find(ms, tt.text)
			if len(got) == 0 {
				t.Fatalf("no mention of %q", tt.text)
			}
			m := got[0]
			if d := distanceKm(m.Place.Lat, m.Place.Lon, tt.lat, tt.lon); d > 25 {
				t.Errorf("%q resolved to %s (%s) at %.2f,%.2f, %.0f km from the true place", tt.text, m.Place.Name, m.Place.Country, m.Place.Lat, m.Place.Lon, d)
			}
			if m.Place.Country != tt.country {
				t.Errorf("%q: country %q, want %q", tt.text, m.Place.Country, tt.country)
			}
			if m.Precision != tt.precision {
				t.Errorf("%q: precision %d, want %d", tt.text, m.Precision, tt.precision)
			}
		})
	}
	t.Run("near Raqqa is precision 2", func(t *testing.T) {
		i := strings.Index(text, "near Raqqa") + len("near ")
		for _, m := range ms {
			if m.Start == i {
				if m.Precision != 2 || m.Modifier != "near" {
					t.Errorf("near Raqqa: precision %d modifier %q, want 2 \"near\"", m.Precision, m.Modifier)
				}
				return
			}
		}
		t.Errorf("no mention at \"near Raqqa\"")
	})
	t.Run("people and peoples are not places", func(t *testing.T) {
		for _, s := range []string{"Dillon", "Talal", "Silo", "Leroy", "Wright", "Assad", "Syrian", "Iranian", "Kurdish", "Iraqi", "Pentagon", "Examiner"} {
			if got := find(ms, s); len(got) > 0 {
				t.Errorf("%q became a place: %s, %s", s, got[0].Place.Name, got[0].Place.Country)
			}
		}
	})
}

func TestGeoparseContext(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name      string
		text      string
		mention   string
		code      string // feature code wanted, "" for any
		precision int
		modifier  string
	}{
		{"a town alone is the town", "Shelling hit Raqqa on Monday.", "Raqqa", "PPLA", 1, ""},
		{"province means the region", "Fighting spread across Raqqa province last week.", "Raqqa", "ADM1", 3, "province"},
		{"governorate means the region", "Gunmen attacked a checkpoint in Nineveh governorate.", "Nineveh", "ADM1", 3, "province"},
		{"north of", "An IED exploded 20 km north of Mosul on Tuesday.", "Mosul", "", 2, "north of"},
		{"outskirts of", "Clashes erupted on the outskirts of Kandahar.", "Kandahar", "", 2, "outskirts of"},
		{"near", "A drone strike near Marib killed three fighters.", "Marib", "", 2, "near"},
		{"area after", "Militants raided homes in the Gao area overnight.", "Gao", "", 2, "area"},
		{"district", "Police were deployed to Hit district after the attack.", "Hit", "", 2, "district"},
		{"common word with context", "Security forces regained control of the town of Hit.", "Hit", "", 1, ""},
		{"region adjective", "Airstrikes pounded northern Syria overnight.", "Syria", "PCLI", 3, "northern"},
		{"hyphenated article kept in mention", "US forces withdrew from al-Tanf and headed east.", "al-Tanf", "", 1, ""},
		{"multi-word name", "A car bomb went off in Deir ez-Zor city.", "Deir ez-Zor", "PPLA", 1, ""},
		{"border crossing", "Aid trucks entered through the Bab al-Hawa border crossing.", "Bab al-Hawa border crossing", "PSTB", 1, ""},
		{"a title word inside a hyphenated name", "Barricades of burning tyres went up across Port-au-Prince on Monday.", "Port-au-Prince", "PPLC", 1, ""},
		{"spaced dash between city and quarter", "Teachers marched in Santiago - Providencia on Friday.", "Santiago", "PPLC", 1, ""},
		{"en dash between city and quarter", "Nurses rallied in Bangkok – Phra Nakhon over pay.", "Bangkok", "PPLC", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(g.Geoparse(tt.text, sitrep.GeoHint{}), tt.mention)
			if len(got) == 0 {
				t.Fatalf("no mention %q in %q; got %+v", tt.mention, tt.text, g.Geoparse(tt.text, sitrep.GeoHint{}))
			}
			m := got[0]
			if tt.code != "" && m.Place.Code != tt.code {
				t.Errorf("feature code %s (%s), want %s", m.Place.Code, m.Place.Name, tt.code)
			}
			if m.Precision != tt.precision || m.Modifier != tt.modifier {
				t.Errorf("precision %d modifier %q, want %d %q", m.Precision, m.Modifier, tt.precision, tt.modifier)
			}
			if m.Score <= 0 || m.Score > 1 {
				t.Errorf("score %v outside (0,1]", m.Score)
			}
		})
	}
}

// TestRegionChainKeepsKnownTowns: in "village (town, province)" a province
// the gazetteer knows only as a transliteration variant of some other
// region is no evidence against the town before it.
func TestRegionChainKeepsKnownTowns(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ text, mention, country string }{
		{"Gunmen attacked a school in the village of Tanwalbougou (Fada Ngourma, Gourma) on Monday.", "Fada Ngourma", "BF"},
		{"Soldiers repelled an attack on a post near Djibasso (Nouna, Kossi) at dawn.", "Nouna", "BF"},
	}
	for _, tt := range tests {
		t.Run(tt.mention, func(t *testing.T) {
			ms := g.Geoparse(tt.text, sitrep.GeoHint{})
			got := find(ms, tt.mention)
			if len(got) == 0 {
				t.Fatalf("no mention %q in %q; got %+v", tt.mention, tt.text, ms)
			}
			if got[0].Place.CountryCode != tt.country {
				t.Errorf("%q resolved to %s (%s), want a place in %s", tt.mention, got[0].Place.Name, got[0].Place.CountryCode, tt.country)
			}
		})
	}
}
