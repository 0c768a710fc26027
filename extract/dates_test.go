package extract

import (
	"testing"

	"github.com/sitrep/sitrep"
)

// TestEventDates checks which date an event gets when a report mentions
// several: when the event happened, not when a source spoke about it; and,
// when the text gives no date of the event, the day of the report or
// statement at time precision 2 (within the week up to it), as ACLED
// codes it, rather than a made-up exact day.
func TestEventDates(t *testing.T) {
	e := mustEngine(t)
	tests := []struct {
		name, text, published string
		from, to              string
		precision             int
	}{
		{"a statement date does not date the attack it reports",
			"Provincial police said on Monday that gunmen attacked a village market in Zamfara state over the weekend, killing nine traders.",
			"2024-03-12", "2024-03-09", "2024-03-10", 2},
		{"a date before a statement verb is the statement's too",
			"Army officials on Tuesday confirmed that militants ambushed a patrol near Gao in Saturday's attack, killing four soldiers.",
			"2024-03-13", "2024-03-09", "2024-03-09", 1},
		{"told a news agency on a day",
			"Three farmers were shot dead by bandits in Birnin Gwari on Sunday night, a community leader told Reuters on Tuesday.",
			"2024-03-13", "2024-03-10", "2024-03-10", 1},
		{"only a statement date gives its day at week precision",
			"The Burkinabe army said on Thursday it had repelled an attack on its base in Djibo, killing dozens of assailants.",
			"2024-02-02", "2024-02-01", "2024-02-01", 2},
		{"the previous evening is anchored to the statement",
			"The U.S. military said on Tuesday that it carried out a drone strike near Qaim the previous evening, killing a militia commander.",
			"2024-02-13", "2024-02-12", "2024-02-12", 1},
		{"a passive 'were reported' dates the event",
			"Heavy clashes between the army and rebels were reported on Wednesday near Kyauktaw.",
			"2024-02-09", "2024-02-07", "2024-02-07", 1},
		{"an opening date beats a background date nearer the trigger",
			"On 20 January 2022, relatives of a trader who was arrested on 17 January protested outside the police headquarters in Kano.",
			"", "2022-01-20", "2022-01-20", 1},
		{"a span's start is no event date",
			"On 5 February 2022, dismissed workers, on strike since May 2021, protested outside the parliament in San Salvador.",
			"", "2022-02-05", "2022-02-05", 1},
		{"no date at all is the publication day at week precision",
			"Gunmen killed four herders and stole dozens of cattle near Katsina-Ala.",
			"2024-03-06", "2024-03-06", "2024-03-06", 2},
		{"a threat is dated by its statement",
			"The rebel commander said on Monday his fighters would attack the airport if the army did not withdraw.",
			"2024-03-06", "2024-03-04", "2024-03-04", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractText(t, e, tt.text, tt.published)
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			ev := evs[0]
			if ev.EventDate != tt.from || ev.EventDateEnd != tt.to || ev.TimePrecision != tt.precision {
				t.Errorf("got %s..%s precision %d (%q), want %s..%s precision %d",
					ev.EventDate, ev.EventDateEnd, ev.TimePrecision, ev.DateText, tt.from, tt.to, tt.precision)
			}
		})
	}
}

// TestOwnDateSeparatesEvents checks that a later sentence about a
// differently dated strike is not merged into the lead's event.
func TestOwnDateSeparatesEvents(t *testing.T) {
	evs := extractText(t, mustEngine(t), "Coalition jets struck radar sites near Hodeidah late on Wednesday, residents said. "+
		"The coalition said its aircraft had hit drone storage sites. "+
		"Rights groups called for an inquiry into Sunday's drone strike near Marib, which killed nine civilians.", "2022-03-04")
	var dates []string
	for _, ev := range evs {
		if ev.SubEventType == "Air/drone strike" && ev.Occurred() {
			dates = append(dates, ev.EventDate)
		}
	}
	if len(dates) < 2 || dates[0] != "2022-03-02" || dates[len(dates)-1] != "2022-02-27" {
		t.Errorf("air strikes dated %v, want the lead on 2022-03-02 and Sunday's strike apart on 2022-02-27", dates)
	}
}

// TestFutureDateIsPlanned checks that an event dated after its report
// has not happened yet, whatever its verb.
func TestFutureDateIsPlanned(t *testing.T) {
	evs := extractText(t, mustEngine(t), "Teachers march to parliament in Nairobi on 10 March 2022 to demand higher pay, their union said.", "2022-03-04")
	if len(evs) == 0 {
		t.Fatal("no event")
	}
	if ev := evs[0]; ev.Modality != sitrep.ModalityPlanned || ev.EventDate != "2022-03-10" {
		t.Errorf("got %s on %s, want planned on 2022-03-10", ev.Modality, ev.EventDate)
	}
}
