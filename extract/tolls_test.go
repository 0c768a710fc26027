package extract

import "testing"

// TestUpdatedTolls checks that a toll that "rose to" a figure replaces the
// figures a report gave before, in its sentence or later, and that a
// toll of a war or a period stays a tally.
func TestUpdatedTolls(t *testing.T) {
	e := mustEngine(t)
	tests := []struct {
		name, text string
		killed     int // -1: none
		injured    int // -1: not checked
	}{
		{"the update beats the bodies found",
			"The number of people killed by a missile strike on a market in Kharkiv on Saturday has risen to nine, officials said, after rescuers recovered two more bodies.", 9, -1},
		{"a later sentence updates the lead's toll",
			"A car bomb exploded outside a police station in Kirkuk on Monday, killing four people. Witnesses said the blast shattered windows across the street. Residents gathered outside the hospital. The death toll later rose to seven, a health official said.", 7, -1},
		{"stands at",
			"Gunmen attacked a mosque in Katsina on Friday, killing six worshippers. The toll now stands at 11, police said.", 11, -1},
		{"the number of wounded is an injury update",
			"Shelling hit a bus station in Donetsk on Tuesday, killing three people and wounding 20. The number of wounded climbed to 34 overnight, the mayor said.", 3, 34},
		{"a war's toll is no update of the event",
			"Militants killed five soldiers in an ambush near Gao on Sunday. The death toll of the conflict has risen to 3,000, according to a monitoring group.", 5, -1},
		{"prices rising are no toll",
			"Protesters blocked roads in Lagos on Monday after fuel prices rose to 600 naira a litre.", -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractText(t, e, tt.text, "2022-03-04")
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			ev := evs[0]
			got := -1
			if ev.Fatalities != nil {
				got = *ev.Fatalities
			}
			if got != tt.killed {
				t.Errorf("fatalities: got %d, want %d (%s)", got, tt.killed, ev.Evidence.Text)
			}
			if tt.injured >= 0 && deref(ev.Injured) != tt.injured {
				t.Errorf("injured: got %d, want %d", deref(ev.Injured), tt.injured)
			}
		})
	}
}

// TestUpdatedTollQualified checks a qualified update figure: "rose to at
// least 12" keeps its qualifier.
func TestUpdatedTollQualified(t *testing.T) {
	evs := extractText(t, mustEngine(t), "A bomb exploded at a bus stop in Kirkuk on Monday, killing four people. The death toll later rose to at least 12, police said.", "2022-03-04")
	if len(evs) == 0 {
		t.Fatal("no event")
	}
	if ev := evs[0]; deref(ev.Fatalities) != 12 || ev.FatalitiesQualifier != "at least" {
		t.Errorf("got %d (%q), want 12 (at least)", deref(ev.Fatalities), ev.FatalitiesQualifier)
	}
}
