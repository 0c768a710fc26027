package extract

import (
	"testing"

	"github.com/sitrep/sitrep"
)

// TestLaterSentenceRefinesCoarsePlace checks that a lead placing an event
// only in a country ("in western Iraq") takes the town a later sentence
// gives for the same strike, rather than making two events.
func TestLaterSentenceRefinesCoarsePlace(t *testing.T) {
	geo := tableGeo{
		"Iraq":    region("Iraq", "Iraq", "PCLI", 0.9),
		"al-Qaim": townAt("Al Qa'im", "Iraq", "Anbar", 34.37, 41.09, 0.9),
	}
	e, err := New(Options{Geoparser: geo})
	if err != nil {
		t.Fatal(err)
	}
	evs := extractText(t, e, "The U.S. military said Tuesday that it carried out a drone strike in western Iraq the previous evening, killing a militia commander. "+
		"Central Command said the strike near al-Qaim was a response to attacks on its troops.", "2024-02-13")
	var strikes []sitrep.Event
	for _, ev := range evs {
		if ev.SubEventType == "Air/drone strike" {
			strikes = append(strikes, ev)
		}
	}
	if len(strikes) != 1 {
		t.Fatalf("got %d air strikes, want the two sentences as one", len(strikes))
	}
	if got := strikes[0]; got.Location != "Al Qa'im" || got.EventDate != "2024-02-12" {
		t.Errorf("got %q on %s, want Al Qa'im on 2024-02-12", got.Location, got.EventDate)
	}
}
