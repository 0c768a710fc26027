package gazetteer

import (
	"fmt"
	"testing"

	"github.com/sitrep/sitrep"
)

// TestHintDoesNotDropPlacesAbroad: a caller's hint lists the countries a
// text names, and a named country is often the topic or a party rather than
// the place ("against the war in Ukraine"). The hint may favour places in
// those countries but must not remove a town the text clearly puts
// elsewhere.
func TestHintDoesNotDropPlacesAbroad(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text, mention, country string
		hint                         []string
	}{
		{"protest abroad about a war", "About 300 people rallied in Tartu on Saturday against the war in Ukraine.", "Tartu", "EE", []string{"UA"}},
		{"small town abroad", "Ukrainian refugees and residents marched through Maardu in support of Ukraine.", "Maardu", "EE", []string{"UA"}},
		{"rally in a German town", "Hundreds gathered in Gifhorn to collect aid for Ukraine.", "Gifhorn", "DE", []string{"UA"}},
		{"embassy protest", "Dozens of Yemenis protested outside the Saudi consulate in Dearborn, Michigan, over the blockade of Yemen.", "Dearborn", "US", []string{"YE", "SA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := g.Geoparse(tt.text, sitrep.GeoHint{CountryCodes: tt.hint})
			got := find(ms, tt.mention)
			if len(got) == 0 {
				t.Fatalf("no mention %q with hint %v; got %+v", tt.mention, tt.hint, ms)
			}
			if got[0].Place.CountryCode != tt.country {
				t.Errorf("%q resolved to %s (%s), want a place in %s", tt.mention, got[0].Place.Name, got[0].Place.CountryCode, tt.country)
			}
		})
	}
}

// TestRegionOfficialNames: regions written by their official or French
// names resolve to the region in the right country.
func TestRegionOfficialNames(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ text, mention, country string }{
		{"Separatists attacked a checkpoint in Kumba (Meme, Sud-Ouest) overnight.", "Sud-Ouest", "CM"},
		{"Soldiers clashed with fighters near Mora, Extreme-Nord, on Friday.", "Extreme-Nord", "CM"},
		{"On Sunday, in Uruapan, Michoacan de Ocampo, gunmen burned two trucks.", "Michoacan de Ocampo", "MX"},
		{"Farmers blocked a highway in Xalapa, Veracruz de Ignacio de la Llave.", "Veracruz de Ignacio de la Llave", "MX"},
	}
	for _, tt := range tests {
		t.Run(tt.mention, func(t *testing.T) {
			got := find(g.Geoparse(tt.text, sitrep.GeoHint{}), tt.mention)
			if len(got) == 0 {
				t.Fatalf("no mention %q in %q", tt.mention, tt.text)
			}
			if p := got[0].Place; p.Code != "ADM1" || p.CountryCode != tt.country {
				t.Errorf("%q resolved to %s (%s %s), want the %s region", tt.mention, p.Name, p.CountryCode, p.Code, tt.country)
			}
		})
	}
}

// TestGeoparseConcurrentMatchesSequential: Geoparse reuses pooled working
// memory (tokens, keys, resolver tables); goroutines sharing the pool must
// get the results a lone caller gets.
func TestGeoparseConcurrentMatchesSequential(t *testing.T) {
	g := mustDefault(t)
	texts := []string{
		"Shelling hit Raqqa on Monday while protesters marched in Santiago - Providencia.",
		"Gunmen attacked a school in the village of Tanwalbougou (Fada Ngourma, Gourma) on Monday.",
		"Barricades of burning tyres went up across Port-au-Prince, Ouest, on Monday.",
		"Separatists attacked a checkpoint in Kumba (Meme, Sud-Ouest) overnight.",
	}
	want := make([][]sitrep.PlaceMention, len(texts))
	for i, s := range texts {
		want[i] = g.Geoparse(s, sitrep.GeoHint{})
	}
	errs := make(chan string, 64)
	done := make(chan struct{})
	for w := 0; w < 8; w++ {
		go func(w int) {
			defer func() { done <- struct{}{} }()
			for n := 0; n < 50; n++ {
				i := (w + n) % len(texts)
				got := g.Geoparse(texts[i], sitrep.GeoHint{})
				if fmt.Sprint(got) != fmt.Sprint(want[i]) {
					errs <- fmt.Sprintf("text %d: got %v, want %v", i, got, want[i])
					return
				}
			}
		}(w)
	}
	for w := 0; w < 8; w++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
