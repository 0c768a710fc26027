package extract

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep"
)

// tableGeo is a Geoparser that resolves the names it is given, so that the
// engine's choice among mentions can be tested apart from the gazetteer's
// resolution of each.
type tableGeo map[string]sitrep.PlaceMention

func (g tableGeo) Geoparse(text string, _ sitrep.GeoHint) []sitrep.PlaceMention {
	var out []sitrep.PlaceMention
	for name, m := range g {
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			m.Text, m.Start, m.End = name, off+i, off+i+len(name)
			out = append(out, m)
			off += i + len(name)
		}
	}
	// Text order, as the gazetteer returns them.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func town(name, country string, score float64) sitrep.PlaceMention {
	return sitrep.PlaceMention{Place: sitrep.Place{Name: name, Country: country, Class: "P", Code: "PPL"}, Precision: 1, Score: score}
}

// townAt is a town with coordinates and its first-level region.
func townAt(name, country, admin1 string, lat, lon, score float64) sitrep.PlaceMention {
	m := town(name, country, score)
	m.Place.Admin1, m.Place.Lat, m.Place.Lon = admin1, lat, lon
	return m
}

func region(name, country, code string, score float64) sitrep.PlaceMention {
	return sitrep.PlaceMention{Place: sitrep.Place{Name: name, Country: country, Class: "A", Code: code}, Precision: 3, Score: score}
}

func TestEventPlaceChoice(t *testing.T) {
	tests := []struct {
		name string
		text string
		geo  tableGeo
		want string
	}{
		{
			name: "a town governed by in beats an earlier region",
			text: "Gunmen from Kano state killed four farmers in Dawakin on Sunday.",
			geo:  tableGeo{"Kano": region("Kano", "Nigeria", "ADM1", 0.9), "Dawakin": town("Dawakin", "Nigeria", 0.8)},
			want: "Dawakin",
		},
		{
			name: "a barely resolved name is not preferred to a sure region",
			text: "Protesters blocked the road at Khaldun junction in Aley on Monday.",
			geo:  tableGeo{"Khaldun": town("Khaldun", "United States", 0.15), "Aley": region("Aley", "Lebanon", "ADM2", 0.8)},
			want: "Aley",
		},
		{
			name: "a village known only far from the town named after it",
			text: "Artillery shelled Krasnopillia, Sloviansk on Monday, wounding two men.",
			geo: tableGeo{"Krasnopillia": townAt("Krasnopillia", "Ukraine", "Sumy", 50.77, 35.27, 0.6),
				"Sloviansk": townAt("Sloviansk", "Ukraine", "Donetsk", 48.85, 37.60, 0.9)},
			want: "Sloviansk",
		},
		{
			name: "a square known only abroad, in a city",
			text: "Hundreds rallied in Freedom Square in Kharkiv (Kharkiv) on Sunday.",
			geo: tableGeo{"Freedom Square": townAt("Freedom Square", "United States", "Ohio", 40.1, -82.9, 0.4),
				"Kharkiv": townAt("Kharkiv", "Ukraine", "Kharkiv", 50.0, 36.23, 0.9)},
			want: "Kharkiv",
		},
		{
			name: "a village inside the town's region stays",
			text: "Troops shelled Bohorodychne, Sloviansk on Monday.",
			geo: tableGeo{"Bohorodychne": townAt("Bohorodychne", "Ukraine", "Donetsk", 48.98, 37.70, 0.6),
				"Sloviansk": townAt("Sloviansk", "Ukraine", "Donetsk", 48.85, 37.60, 0.9)},
			want: "Bohorodychne",
		},
		{
			name: "a region misread as a far village does not move the town",
			text: "On Monday, in Uruapan, Michoacan de Ocampo, gunmen killed two police officers.",
			geo: tableGeo{"Uruapan": townAt("Uruapan", "Mexico", "Michoacan", 19.42, -102.06, 0.64),
				"Michoacan de Ocampo": townAt("Ejido Michoacan de Ocampo", "Mexico", "Baja California", 32.45, -115.1, 0.27)},
			want: "Uruapan",
		},
		{
			name: "a list is not a hierarchy",
			text: "Protesters marched in Lviv, Kyiv and Odesa on Saturday.",
			geo: tableGeo{"Lviv": townAt("Lviv", "Ukraine", "Lviv", 49.84, 24.03, 0.9),
				"Kyiv": townAt("Kyiv", "Ukraine", "Kyiv City", 50.45, 30.52, 0.9), "Odesa": townAt("Odesa", "Ukraine", "Odesa", 46.48, 30.72, 0.9)},
			want: "Lviv",
		},
		{
			name: "a march ends where it is going",
			text: "Hundreds of farmers drove their tractors from Ternopil until Lviv on Friday to protest fuel prices.",
			geo: tableGeo{"Ternopil": townAt("Ternopil", "Ukraine", "Ternopil", 49.55, 25.59, 0.9),
				"Lviv": townAt("Lviv", "Ukraine", "Lviv", 49.84, 24.03, 0.9)},
			want: "Lviv",
		},
		{
			name: "a group named after a place is not where it acted",
			text: "Makurdi militiamen killed six farmers near a market (Agatu, Benue) on Monday.",
			geo: tableGeo{"Makurdi": townAt("Makurdi", "Nigeria", "Benue", 7.73, 8.52, 0.9),
				"Agatu": townAt("Agatu", "Nigeria", "Benue", 7.87, 7.88, 0.8), "Benue": region("Benue", "Nigeria", "ADM1", 0.9)},
			want: "Agatu",
		},
		{
			name: "a facility named after a place is not that place",
			text: "Nurses rallied outside Carlisle hospital in Penrith on Monday over pay.",
			geo: tableGeo{"Carlisle": townAt("Carlisle", "United Kingdom", "England", 54.89, -2.93, 0.8),
				"Penrith": townAt("Penrith", "United Kingdom", "England", 54.66, -2.75, 0.7)},
			want: "Penrith",
		},
		{
			name: "a stretch of road is placed at its first end",
			text: "A roadside bomb killed three soldiers on Tuesday on the road between Tal Abyad and the town of Ain Issa.",
			geo: tableGeo{"Tal Abyad": townAt("Tal Abyad", "Syria", "Raqqa", 36.70, 38.95, 0.9),
				"Ain Issa": townAt("Ain Issa", "Syria", "Raqqa", 36.39, 38.86, 0.9)},
			want: "Tal Abyad",
		},
		{
			name: "the streets of a town are in it, the road to the capital is not",
			text: "Dozens of shopkeepers took to the streets of Baidoa on Monday to protest against taxes levied on the road to Mogadishu.",
			geo: tableGeo{"Baidoa": townAt("Baidoa", "Somalia", "Bay", 3.11, 43.65, 0.5),
				"Mogadishu": townAt("Mogadishu", "Somalia", "Banaadir", 2.04, 45.34, 0.7)},
			want: "Baidoa",
		},
		{
			name: "an ambush on the road to a city happened where the road passes",
			text: "Militants ambushed a lorry on the road to Kismayo at Jamaame on Friday, killing the driver.",
			geo: tableGeo{"Kismayo": townAt("Kismayo", "Somalia", "Lower Juba", -0.36, 42.55, 0.9),
				"Jamaame": townAt("Jamaame", "Somalia", "Lower Juba", 0.07, 42.75, 0.8)},
			want: "Jamaame",
		},
		{
			name: "a country in initials is who acted, not where",
			text: "The U.S. military said on Tuesday that its jets had bombed a weapons depot overnight, killing four militants. U.S. officials said the depot belonged to a militia. The strike came two days after a rocket attack on a base near al-Qaim.",
			geo: tableGeo{"U.S": region("United States", "United States", "PCLI", 0.98),
				"al-Qaim": townAt("Al Qa'im", "Iraq", "Anbar", 34.39, 40.99, 0.15)},
			want: "Al Qa'im",
		},
		{
			name: "where displaced people come from is not where they were hit",
			text: "Regime artillery shelled a camp sheltering families from Saraqib in Atarib on Tuesday, killing a child.",
			geo: tableGeo{"Saraqib": townAt("Saraqib", "Syria", "Idlib", 35.86, 36.80, 0.9),
				"Atarib": townAt("Atarib", "Syria", "Aleppo", 36.14, 36.83, 0.9)},
			want: "Atarib",
		},
		{
			name: "drones downed over a region were there, not in the capital that said so",
			text: "Moscow said its air defences shot down nine drones over the Kursk region on Tuesday night.",
			geo: tableGeo{"Moscow": sitrep.PlaceMention{Place: sitrep.Place{Name: "Moscow", Country: "Russia", Class: "P", Code: "PPLC"}, Precision: 1, Score: 0.9},
				"Kursk": region("Kursk", "Russia", "ADM1", 1)},
			want: "Kursk",
		},
		{
			name: "a port named after 'the port of'",
			text: "A drone hit a fuel tank at the port of Mukalla on Sunday, in a campaign its backers in Aden condemned.",
			geo: tableGeo{"Mukalla": townAt("Mukalla", "Yemen", "Hadramawt", 14.54, 49.12, 0.8),
				"Aden": townAt("Aden", "Yemen", "Aden", 12.78, 45.04, 0.9)},
			want: "Mukalla",
		},
		{
			name: "officials in a city who spoke are not where the attack was",
			text: "Police officials in Peshawar said on Monday that gunmen had killed two polio workers near Bannu.",
			geo: tableGeo{"Peshawar": townAt("Peshawar", "Pakistan", "Khyber Pakhtunkhwa", 34.01, 71.58, 0.9),
				"Bannu": townAt("Bannu", "Pakistan", "Khyber Pakhtunkhwa", 32.99, 70.60, 0.8)},
			want: "Bannu",
		},
		{
			name: "a source speaking from the capital is not where the attack was",
			text: "Jihadists raided the Tillaberi region on Friday, killing 11 villagers, a local official told reporters from Niamey.",
			geo: tableGeo{"Tillaberi": region("Tillaberi", "Niger", "ADM1", 1),
				"Niamey": sitrep.PlaceMention{Place: sitrep.Place{Name: "Niamey", Country: "Niger", Class: "P", Code: "PPLC"}, Precision: 1, Score: 0.9}},
			want: "Tillaberi",
		},
		{
			name: "a place in a later clause about something else",
			text: "Shells hit a school in Khan Younis on Monday, killing four children, as Qatar hosted truce talks in Doha.",
			geo: tableGeo{"Khan Younis": townAt("Khan Younis", "Palestine", "Gaza Strip", 31.34, 34.31, 0.4),
				"Doha": townAt("Doha", "Qatar", "Doha", 25.29, 51.53, 0.9), "Qatar": region("Qatar", "Qatar", "PCLI", 1)},
			want: "Khan Younis",
		},
		{
			name: "a capital the lexicon also knows as its country votes once",
			text: "Hundreds of Haitians marched in Port-au-Prince on Thursday against the prime minister, who was in Nairobi to sign a security pact.",
			geo: tableGeo{"Port-au-Prince": sitrep.PlaceMention{Place: sitrep.Place{Name: "Port-au-Prince", Country: "Haiti", Class: "P", Code: "PPLC"}, Precision: 1, Score: 0.5},
				"Nairobi": sitrep.PlaceMention{Place: sitrep.Place{Name: "Nairobi", Country: "Kenya", Class: "P", Code: "PPLC"}, Precision: 1, Score: 0.78}},
			want: "Port-au-Prince",
		},
		{
			name: "a region is more precise than its country",
			text: "Residents protested power cuts in Kenya's Kisii county on Tuesday.",
			geo:  tableGeo{"Kenya": region("Kenya", "Kenya", "PCLI", 0.9), "Kisii": region("Kisii", "Kenya", "ADM1", 0.7)},
			want: "Kisii",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(Options{Geoparser: tt.geo})
			if err != nil {
				t.Fatal(err)
			}
			evs := extractText(t, e, tt.text, "2022-03-01")
			if len(evs) == 0 {
				t.Fatalf("no event in %q", tt.text)
			}
			if got := evs[0].Location; got != tt.want {
				t.Errorf("location %q (from %q), want %q", got, evs[0].PlaceText, tt.want)
			}
		})
	}
}

func TestPlaceCountryTrustsRegions(t *testing.T) {
	pm := func(m sitrep.PlaceMention) placeMention { return placeMention{PlaceMention: m} }
	a := &analysis{places: []placeMention{
		pm(townAt("Faizabad", "Afghanistan", "Badakhshan", 37.1, 70.6, 0.57)), // a village the gazetteer knows only abroad
		pm(region("Tashkent", "Uzbekistan", "ADM1", 0.67)),
	}}
	if got, want := placeCountry(a), "Uzbekistan"; got != want {
		t.Errorf("placeCountry = %q, want %q: a named region outweighs a town of the same count", got, want)
	}
	a.places = append(a.places, pm(townAt("Jurm", "Afghanistan", "Badakhshan", 36.86, 70.83, 0.8)))
	if got, want := placeCountry(a), "Afghanistan"; got != want {
		t.Errorf("placeCountry = %q, want %q: two towns outweigh one region", got, want)
	}
}

// TestCountryFromSentenceDemonym covers a sentence that names no place
// but says whose country it happened in ("in support of Somali army
// units"): the event is coded at country level there, not at a town of
// another country the document names first.
func TestCountryFromSentenceDemonym(t *testing.T) {
	somalia := region("Somalia", "Somalia", "PCLI", 0.9)
	somalia.Place.Lat, somalia.Place.Lon = 2.04, 45.34
	geo := tableGeo{"Mandera": townAt("Mandera", "Kenya", "Mandera", 3.94, 41.86, 0.9), "Somalia": somalia,
		"Jowhar": townAt("Jowhar", "Somalia", "Middle Shabele", 2.78, 45.50, 0.9)}
	tests := []struct {
		name, text              string
		location, country, tail string
		precision               int
	}{
		{
			name:     "a demonym places a placeless sentence in its country",
			text:     "Kenyan police reinforced posts around Mandera on Monday. Drones carried out six strikes in the past week in support of Somali army units, the command said. Somalia's cabinet welcomed the help.",
			location: "Somalia", country: "Somalia", tail: "Somali", precision: 3,
		},
		{
			name:     "a town of the same country stays the place",
			text:     "Clan militias fought near Jowhar on Monday. Drones carried out six strikes in the past week in support of Somali army units, the command said. Somalia's cabinet welcomed the help.",
			location: "Jowhar", country: "Somalia", tail: "Jowhar", precision: 2,
		},
	}
	e, err := New(Options{Geoparser: geo})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ev *sitrep.Event
			evs := extractText(t, e, tt.text, "2024-03-01")
			for i := range evs {
				if strings.Contains(evs[i].Evidence.Text, "six strikes") {
					ev = &evs[i]
				}
			}
			if ev == nil {
				t.Fatalf("no event for the strikes in %q", tt.text)
			}
			if ev.Location != tt.location || ev.Country != tt.country || ev.PlaceText != tt.tail || ev.GeoPrecision != tt.precision {
				t.Errorf("got %q (%s) from %q, precision %d; want %q (%s) from %q, precision %d",
					ev.Location, ev.Country, ev.PlaceText, ev.GeoPrecision, tt.location, tt.country, tt.tail, tt.precision)
			}
		})
	}
}

func TestAcronym(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"US", true}, {"U.S", true}, {"UK", true}, {"DRC", true}, {"USA", true},
		{"Iraq", false}, {"Mali", false}, {"USAID", false}, {"U", false}, {"Sudan", false},
	}
	for _, tt := range tests {
		if got := acronym(tt.in); got != tt.want {
			t.Errorf("acronym(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
