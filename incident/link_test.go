package incident

import (
	"testing"

	"github.com/sitrep/sitrep"
)

func TestCompare(t *testing.T) {
	const (
		air     = "Air/drone strike"
		shell   = "Shelling/artillery/missile attack"
		ied     = "Remote explosive/landmine/IED"
		protest = "Protest with intervention"
		riot    = "Violent demonstration"
	)
	tests := []struct {
		name string
		a, b sitrep.Event
		want bool
	}{
		{"same strike, same town, two spellings",
			ev(1, air, "2024-03-04", "Deir ez-Zor", 35.336, 40.140),
			ev(2, air, "2024-03-04", "Deir al-Zour", 35.333, 40.150), true},
		{"air strike and missile strike are compatible",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633),
			ev(2, shell, "2024-03-04", "Idlib", 35.931, 36.634), true},
		{"same town, next day, different wording",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, text("Warplanes struck a market in Idlib city.")),
			ev(2, air, "2024-03-05", "Idlib", 35.930, 36.633, text("A fresh raid hit the eastern outskirts of Idlib at dawn.")), false},
		{"same town, next day, near-identical wording (overnight strike)",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, text("Warplanes struck the central vegetable market in Idlib city overnight")),
			ev(2, air, "2024-03-05", "Idlib", 35.930, 36.633, text("warplanes struck the central vegetable market of Idlib city overnight")), true},
		{"same day, towns 30 km apart",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633),
			ev(2, air, "2024-03-04", "Maarat al-Numan", 35.643, 36.674), false},
		{"same day, two districts of one city 3 km apart",
			ev(1, "Peaceful protest", "2024-03-04", "Berlin - Mitte", 52.520, 13.405, country("Germany", "Berlin")),
			ev(2, "Peaceful protest", "2024-03-04", "Berlin - Kreuzberg", 52.497, 13.403, country("Germany", "Berlin")), false},
		{"same day, 30 km apart but one only 'near' a town",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, geoPrecision(2)),
			ev(2, air, "2024-03-04", "Maarat al-Numan", 35.643, 36.674), true},
		{"air strike and IED in one town on one day",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633),
			ev(2, ied, "2024-03-04", "Idlib", 35.930, 36.633), false},
		{"a dispersed protest is a riot to another outlet",
			ev(1, protest, "2024-03-04", "Idlib", 35.930, 36.633),
			ev(2, riot, "2024-03-04", "Idlib", 35.930, 36.633), true},
		{"different countries never link",
			ev(1, air, "2024-03-04", "Al-Qaim", 34.369, 41.094, country("Iraq", "Anbar")),
			ev(2, air, "2024-03-04", "Abu Kamal", 34.453, 40.918), false},
		{"different perpetrators, different wording",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Military Forces of Russia (2000-)", ""), text("Russian jets bombed a bakery")),
			ev(2, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Military Forces of Turkey", ""), text("A Turkish drone hit a car carrying fighters")), false},
		{"different perpetrators, same wording (attribution disputed)",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Military Forces of Russia", ""), text("Jets bombed the Al-Hurriya bakery in Idlib killing customers")),
			ev(2, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Military Forces of Syria", ""), text("jets bombed the al Hurriya bakery in Idlib, killing customers")), true},
		{"same actor with and without ACLED year qualifier",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Military Forces of Russia (2000-)", "")),
			ev(2, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("military forces of Russia", "")), true},
		{"a state's army and its government are one perpetrator",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Military Forces of Syria (2000-)", ""), text("Government jets bombed a bakery")),
			ev(2, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Government of Syria", ""), text("Regime aircraft hit a school")), true},
		{"the militia one outlet calls the attacker is the target to another",
			ev(1, air, "2024-03-04", "Al Qaim", 34.369, 41.094, country("Iraq", "Anbar"), actor("Kataib Hezbollah", ""), text("A drone hit a car of the militia")),
			ev(2, air, "2024-03-04", "Al Qaim", 34.369, 41.094, country("Iraq", "Anbar"), actor("Military Forces of the United States", "Kataib Hezbollah"), text("The Pentagon said it struck a commander")), true},
		{"sharing only civilians as victims is no common party",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Military Forces of Russia", "Civilians (Syria)"), text("Russian jets bombed a bakery")),
			ev(2, air, "2024-03-04", "Idlib", 35.930, 36.633, actor("Military Forces of Turkey", "Civilians (Syria)"), text("A Turkish drone hit a car")), false},
		{"a strike that killed civilians is an attack on civilians to another outlet",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633),
			ev(2, "Attack", "2024-03-04", "Idlib", 35.930, 36.633), true},
		{"no coordinates, same location name",
			ev(1, air, "2024-03-04", "Saraqib", 0, 0, noCoords),
			ev(2, air, "2024-03-04", "SARAQIB", 0, 0, noCoords), true},
		{"no coordinates, different location names",
			ev(1, air, "2024-03-04", "Saraqib", 0, 0, noCoords),
			ev(2, air, "2024-03-04", "Binnish", 0, 0, noCoords), false},
		{"a week-long window holds a day in it",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, window("2024-03-01", "2024-03-07", 2)),
			ev(2, air, "2024-03-05", "Idlib", 35.930, 36.633), true},
		{"region-only report in another province",
			ev(1, air, "2024-03-04", "Idlib", 35.930, 36.633, geoPrecision(3), country("Syria", "Idlib")),
			ev(2, air, "2024-03-04", "Aleppo", 36.202, 37.134, country("Syria", "Aleppo")), false},
		{"undated events are never linked",
			ev(1, air, "", "Idlib", 35.930, 36.633),
			ev(2, air, "", "Idlib", 35.930, 36.633), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ab, got := Compare(Report{Event: tt.a}, Report{Event: tt.b})
			ba, back := Compare(Report{Event: tt.b}, Report{Event: tt.a})
			if got != tt.want {
				t.Errorf("linked = %v, want %v (link %+v)", got, tt.want, ab)
			}
			if got != back || ab != ba {
				t.Errorf("not symmetric: %+v %v vs %+v %v", ab, got, ba, back)
			}
			if got && (ab.Score <= 0 || ab.Score > 1) {
				t.Errorf("score %v out of (0,1]", ab.Score)
			}
		})
	}
}

func TestCompareRecordsWhy(t *testing.T) {
	a := ev(7, "Air/drone strike", "2024-03-04", "Deir ez-Zor", 35.336, 40.140, actor("Military Forces of Russia", ""),
		text("Russian warplanes struck a market in Deir ez-Zor"))
	b := ev(3, "Air/drone strike", "2024-03-04", "Deir al-Zour", 35.333, 40.150, actor("", ""),
		text("Warplanes hit the main market of Deir ez-Zor city"))
	l, ok := Compare(Report{Event: a}, Report{Event: b})
	if !ok {
		t.Fatal("not linked")
	}
	if l.From != 3 || l.To != 7 {
		t.Errorf("from, to = %d, %d; want 3, 7", l.From, l.To)
	}
	if l.DistanceKM < 0.5 || l.DistanceKM > 1.5 {
		t.Errorf("distance = %v km, want about 1", l.DistanceKM)
	}
	if l.PlaceMatch != PlaceDistance || l.ActorMatch != ActorUnknown || l.DateGapDays != 0 {
		t.Errorf("got place %q actor %q gap %d", l.PlaceMatch, l.ActorMatch, l.DateGapDays)
	}
	// warplanes, market, deir, ez, zor shared; russian, struck / hit, main, city not.
	if l.Similarity < 0.4 || l.Similarity > 0.8 {
		t.Errorf("similarity = %v, want between 0.4 and 0.8", l.Similarity)
	}
}
