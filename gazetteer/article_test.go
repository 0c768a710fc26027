package gazetteer

import (
	"testing"

	"github.com/sitrep/sitrep"
)

// TestGeoparseFullArticlePlaces checks places that full news articles name
// in ways short notes rarely do: a military post named after its town, a
// township seat missing from cities500, and a homonym settled by another
// place of the same text. The sentences are original, written in news
// style.
func TestGeoparseFullArticlePlaces(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text, mention string
		lat, lon            float64
		country             string
	}{
		{"a post named after its town is the town", "Gunmen stormed the Djibo detachment at dawn, and soldiers fought them off for two hours.",
			"Djibo", 14.10, -1.63, "Burkina Faso"},
		{"a garrison named after its town is the town", "Insurgents shelled the Menaka garrison overnight, residents said.",
			"Menaka", 15.92, 2.40, "Mali"},
		{"a township seat the supplement adds", "Shelling hit two wards of Kyauktaw on Sunday as fighting spread along the Kaladan river.",
			"Kyauktaw", 20.84, 92.98, "Myanmar"},
		{"a township seat before 'Township'", "Troops torched houses in a village of Kyauktaw Township, a local administrator said.",
			"Kyauktaw", 20.84, 92.98, "Myanmar"},
		{"a town of the former tribal areas the supplement adds", "A bomb hidden in a motorcycle went off in a market in Jamrud, in Pakistan's Khyber district.",
			"Jamrud", 34.00, 71.38, "Pakistan"},
		{"a nearby highland settles the homonym", "Rockets fell on Ariha and on two villages of Jabal al-Zawiya, rescuers said.",
			"Ariha", 35.81, 36.61, "Syria"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(g.Geoparse(tt.text, sitrep.GeoHint{}), tt.mention)
			if len(got) == 0 {
				t.Fatalf("no mention of %q in %q", tt.mention, tt.text)
			}
			p := got[0].Place
			if d := distanceKm(p.Lat, p.Lon, tt.lat, tt.lon); d > 25 || p.Country != tt.country {
				t.Errorf("%q resolved to %s (%s) at %.2f,%.2f, %.0f km away; want %s", tt.mention, p.Name, p.Country, p.Lat, p.Lon, d, tt.country)
			}
		})
	}
}

// TestSmallPlaceAfterTheStaysDropped keeps the gate the post nouns relax:
// a small place written with "the" and no post or area word after it is
// still no place ("the Dam in Amsterdam").
func TestSmallPlaceAfterTheStaysDropped(t *testing.T) {
	g := mustDefault(t)
	text := "Protesters gathered on the Djibo before dawn."
	if got := find(g.Geoparse(text, sitrep.GeoHint{}), "Djibo"); len(got) != 0 {
		t.Errorf("%q: got %s, want no place", text, got[0].Place.Name)
	}
}

// TestActingCountryIsWeakEvidence checks that a country named as the actor
// ("U.S. jets", "US-led") or a sponsor ("Iran-backed") does not pull a
// homonym into that country, while a country a locative governs still
// counts.
func TestActingCountryIsWeakEvidence(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text, mention, country string
	}{
		{"initials before the force that acted", "U.S. officials said U.S. jets struck an arms depot near Damascus overnight.", "Damascus", "Syria"},
		{"a sponsor before the group", "A US-led coalition said Iran-backed militias fired drones at a base near Damascus.", "Damascus", "Syria"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(g.Geoparse(tt.text, sitrep.GeoHint{}), tt.mention)
			if len(got) == 0 {
				t.Fatalf("no mention of %q", tt.mention)
			}
			if p := got[0].Place; p.Country != tt.country {
				t.Errorf("%q resolved to %s (%s, %s), want a place in %s", tt.mention, p.Name, p.Admin1, p.Country, tt.country)
			}
		})
	}
}

func TestActor(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		text, name string
		want       bool
	}{
		{"The U.S. military said it struck the depot.", "U.S", true},
		{"UK officials condemned the attack.", "UK", true},
		{"Iran-backed militias claimed the attack.", "Iran", true},
		{"The US-led coalition denied it.", "US", true},
		{"He was flown to the US for treatment.", "US", false},
		{"US citizens were told to leave.", "US", false},
		{"Iraq government forces retook the village.", "Iraq", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks, buf := tokenize(tt.text, nil, nil)
			var d doc
			d.reset(g, tt.text, toks, buf)
			ms, _ := g.findMentions(&d, nil, nil)
			for _, m := range ms {
				if tt.text[toks[m.t0].start:toks[m.t1-1].end] == tt.name {
					readContext(&d, &m)
					if got := actor(&d, &m); got != tt.want {
						t.Errorf("actor(%q) = %v, want %v", tt.name, got, tt.want)
					}
					return
				}
			}
			t.Fatalf("no mention %q", tt.name)
		})
	}
}

// TestNamedPartOfPlace checks "the <name> district of X": X holds the
// named district, so it keeps its own precision, while "the district of
// X" still makes X the district.
func TestNamedPartOfPlace(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text, mention string
		precision           int
		code                string
	}{
		{"a named district of a capital is in the capital", "A drone struck a flat in the Mezzeh district of Damascus before dawn.", "Damascus", 1, "PPLC"},
		{"a named quarter of a city is in the city", "Snipers fired on the Salaheddine area of Aleppo on Friday.", "Aleppo", 1, "PPLA"},
		{"the district of a town is the district", "Elders in the district of Afgooye called for calm.", "Afgooye", 2, "PPLA2"},
		{"the province of a region is the region", "Troops pushed deeper into the province of Idlib.", "Idlib", 3, "ADM1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(g.Geoparse(tt.text, sitrep.GeoHint{}), tt.mention)
			if len(got) == 0 {
				t.Fatalf("no mention of %q", tt.mention)
			}
			if m := got[0]; m.Precision != tt.precision || m.Place.Code != tt.code {
				t.Errorf("%q: %s %s precision %d (%q), want %s precision %d", tt.mention, m.Place.Name, m.Place.Code, m.Precision, m.Modifier, tt.code, tt.precision)
			}
		})
	}
}

// TestTwinTownsAcrossABorder checks that countries named as mediators do
// not move a town split by a border to the side where few people live.
func TestTwinTownsAcrossABorder(t *testing.T) {
	g := mustDefault(t)
	text := "Air strikes on Rafah killed at least 20 people overnight, as Egypt and Qatar pushed for a ceasefire at talks in Cairo."
	got := find(g.Geoparse(text, sitrep.GeoHint{}), "Rafah")
	if len(got) == 0 {
		t.Fatal("no mention of Rafah")
	}
	if p := got[0].Place; p.Country != "Palestine" {
		t.Errorf("Rafah resolved to %s (%s, %s), want the Gaza Strip's Rafah", p.Name, p.Admin1, p.Country)
	}
}

// TestNumberedPostIsNoPlace checks that a small place's name before a
// number names a post ("Tower 22") while a city keeps its place.
func TestNumberedPostIsNoPlace(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text, mention string
		want                bool
	}{
		{"a numbered post", "A drone struck the logistics base known as Tower 22 near the border on Sunday.", "Tower", false},
		{"a city before a count", "In Aleppo 14 people were wounded by shelling.", "Aleppo", true},
		{"a town governed by 'in' before a count", "Clashes in Djibo 3 days ago left dozens dead.", "Djibo", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := len(find(g.Geoparse(tt.text, sitrep.GeoHint{}), tt.mention)) > 0
			if got != tt.want {
				t.Errorf("%q found as a place: %v, want %v", tt.mention, got, tt.want)
			}
		})
	}
}

// TestRegionOfStrayHomonym checks that "the X region", when X is known
// only as a hamlet abroad, does not become the hamlet's province with a
// confident score in a text about another country.
func TestRegionOfStrayHomonym(t *testing.T) {
	g := mustDefault(t)
	text := "The junta lost contact with its garrison in the Kokang region of northern Shan State after a week of fighting in Myanmar's north."
	for _, m := range find(g.Geoparse(text, sitrep.GeoHint{}), "Kokang") {
		if m.Place.Country != "Myanmar" && m.Score >= 0.2 {
			t.Errorf("Kokang resolved to %s %s (%s) with score %.2f", m.Place.Name, m.Place.Code, m.Place.Country, m.Score)
		}
	}
	// A province named only through its capital's spelling still expands.
	if got := find(g.Geoparse("Clashes were reported in Idleb governorate.", sitrep.GeoHint{}), "Idleb"); len(got) == 0 || got[0].Place.Code != "ADM1" {
		t.Errorf("Idleb governorate: got %v, want the Idlib province", got)
	}
}

// TestDemonymCapital checks "the Haitian capital" as the capital city,
// with the context words around it read as for a name.
func TestDemonymCapital(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text, mention, place string
		precision                  int
	}{
		{"a slum of the capital", "Gangs torched homes in the Cite Soleil slum of the Haitian capital on Friday.", "Haitian capital", "Port-au-Prince", 1},
		{"the outskirts of the capital", "Drones struck the outskirts of the Ukrainian capital before dawn.", "Ukrainian capital", "Kyiv", 2},
		{"a sentence-initial capital", "The Somali capital was locked down after the blast.", "Somali capital", "Mogadishu", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(g.Geoparse(tt.text, sitrep.GeoHint{}), tt.mention)
			if len(got) == 0 {
				t.Fatalf("no mention %q in %q", tt.mention, tt.text)
			}
			if m := got[0]; m.Place.Name != tt.place || m.Precision != tt.precision {
				t.Errorf("%q: %s precision %d, want %s precision %d", tt.mention, m.Place.Name, m.Precision, tt.place, tt.precision)
			}
		})
	}
	if got := find(g.Geoparse("Syrian troops left the capital.", sitrep.GeoHint{}), "Syrian"); len(got) != 0 {
		t.Errorf("a demonym alone became a place: %v", got)
	}
}
