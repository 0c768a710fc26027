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
