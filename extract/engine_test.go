package extract

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep/sitrep"
)

func mustEngine(tb testing.TB) *Engine {
	tb.Helper()
	e, err := New(Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

func extractText(tb testing.TB, e *Engine, txt, published string) []sitrep.Event {
	tb.Helper()
	evs, err := e.Extract(&sitrep.Document{ID: "t", Text: txt, Published: published})
	if err != nil {
		tb.Fatal(err)
	}
	for _, ev := range evs {
		if got := txt[ev.Evidence.Start:ev.Evidence.End]; got != ev.Evidence.Text {
			tb.Fatalf("evidence offsets [%d:%d] give %q, want %q", ev.Evidence.Start, ev.Evidence.End, got, ev.Evidence.Text)
		}
	}
	return evs
}

// find returns the event whose evidence contains marker and has modality m.
func find(evs []sitrep.Event, marker string, m sitrep.Modality) *sitrep.Event {
	for i := range evs {
		if strings.Contains(evs[i].Evidence.Text, marker) && evs[i].Modality == m {
			return &evs[i]
		}
	}
	return nil
}

func deref(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

// TestSeedArticle checks what an analyst expects from the seed article
// (testdata/seed/README.md), with the publication date a user supplies.
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	evs := extractText(t, mustEngine(t), string(b), "2017-06-05")

	type want struct {
		marker       string
		modality     sitrep.Modality
		subEventType string
		actor1       string
		count        int
		date         string
		precision    int
		country      string
	}
	tests := []want{
		{"conducted 21 strikes", sitrep.ModalityOccurred, "Air/drone strike", "Global Coalition Against Daesh", 21, "2017-05-29", 2, "Iraq"},
		{"five June 1 strikes near Raqqa", sitrep.ModalityOccurred, "Air/drone strike", "Global Coalition Against Daesh", 5, "2017-06-01", 1, ""},
		{"rebels took Tanf from ISIS", sitrep.ModalityOccurred, "Non-state actor overtakes territory", "Rebel Forces (Syria)", -1, "2016-01-01", 3, "Syria"},
		{"90,000 brightly-colored leaflets", sitrep.ModalityOccurred, "Other", "Military Forces of the United States", 90000, "2017-06-03", 2, ""},
		{"on Friday crossed the border", sitrep.ModalityOccurred, "Change to group/activity", "PMF: Popular Mobilization Forces", -1, "2017-06-02", 1, "Syria"},
		{"government of Iraq directed civilians", sitrep.ModalityOccurred, "Other", "Government of Iraq", -1, "", 0, "Iraq"},
		{"accelerating the arming of Kurdish forces", sitrep.ModalityOccurred, "Other", "", -1, "", 0, ""},
		{"assault on the Islamic State's capital of Raqqa is imminent", sitrep.ModalityPlanned, "Armed clash", "", -1, "", 0, ""},
		{"to capture Bukamal", sitrep.ModalityPlanned, "Non-state actor overtakes territory", "", -1, "", 0, ""},
		{"our forces [SDF] will fight them", sitrep.ModalityThreatened, "Armed clash", "QSD: Syrian Democratic Forces", -1, "", 0, ""},
		{"At least 484 civilians killed", sitrep.ModalityCumulative, "Air/drone strike", "Global Coalition Against Daesh", -1, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.marker, func(t *testing.T) {
			ev := find(evs, tt.marker, tt.modality)
			if ev == nil {
				t.Fatalf("no %s event with evidence containing %q", tt.modality, tt.marker)
			}
			if ev.SubEventType != tt.subEventType {
				t.Errorf("sub_event_type: got %q, want %q", ev.SubEventType, tt.subEventType)
			}
			if tt.actor1 != "" && ev.Actor1 != tt.actor1 {
				t.Errorf("actor1: got %q, want %q", ev.Actor1, tt.actor1)
			}
			if tt.count >= 0 && deref(ev.Count) != tt.count {
				t.Errorf("count: got %d, want %d", deref(ev.Count), tt.count)
			}
			if tt.date != "" && (ev.EventDate != tt.date || ev.TimePrecision != tt.precision) {
				t.Errorf("date: got %s/%d (%q), want %s/%d", ev.EventDate, ev.TimePrecision, ev.DateText, tt.date, tt.precision)
			}
			if tt.country != "" && ev.Country != tt.country {
				t.Errorf("country: got %q, want %q", ev.Country, tt.country)
			}
		})
	}

	t.Run("the 484 tally is civilian deaths, not one event", func(t *testing.T) {
		ev := find(evs, "At least 484", sitrep.ModalityCumulative)
		if ev == nil || deref(ev.FatalitiesMin) != 484 || deref(ev.CivilianFatalities) != 484 || ev.FatalitiesQualifier != "at least" {
			t.Fatalf("got %+v", ev)
		}
	})
	t.Run("leaflets are never casualties", func(t *testing.T) {
		for _, ev := range evs {
			if ev.Fatalities != nil && *ev.Fatalities == 90000 || ev.Injured != nil && *ev.Injured == 90000 {
				t.Fatalf("90,000 read as casualties in %q", ev.Evidence.Text)
			}
		}
	})
	t.Run("the appeal to distinguish civilians is not violence", func(t *testing.T) {
		for _, ev := range evs {
			if strings.Contains(ev.Evidence.Text, "distinguish between legitimate military targets") {
				t.Fatalf("statement coded as %s/%s", ev.EventType, ev.SubEventType)
			}
		}
	})
	t.Run("occurred events come first", func(t *testing.T) {
		seenOther := false
		for _, ev := range evs {
			if !ev.Occurred() {
				seenOther = true
			} else if seenOther {
				t.Fatalf("occurred event %q after a non-occurred one", ev.Evidence.Text)
			}
		}
	})
}

func TestSeedWithoutPublicationDateStaysRelative(t *testing.T) {
	b, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	evs := extractText(t, mustEngine(t), string(b), "")
	ev := find(evs, "on Friday crossed the border", sitrep.ModalityOccurred)
	if ev == nil {
		t.Fatal("no border-crossing event")
	}
	if ev.EventDate != "" || ev.DateText != "on Friday" {
		t.Fatalf("got date %q from %q, want unresolved \"on Friday\"", ev.EventDate, ev.DateText)
	}
}

func TestCasualties(t *testing.T) {
	e := mustEngine(t)
	tests := []struct {
		name, text               string
		fatalities, min, injured int
		civilian                 int
	}{
		{"passive subject with qualifier", "At least 12 villagers were killed when gunmen attacked Dapchi on Monday.", 12, 12, -1, 12},
		{"active object and injuries", "Militants stormed the market, killing five people and injuring 14 others.", 5, 5, 14, -1},
		{"coordinated figures add up", "Three soldiers and two civilians were killed in the ambush near Gao.", 5, 5, -1, -1},
		{"single victim without a figure", "A farmer was shot dead by unknown gunmen in Kaduna on Tuesday.", 1, 1, -1, -1},
		{"no fatalities reads as zero", "Protesters threw stones at police in Lagos; no fatalities were reported.", 0, -1, -1, -1},
		{"range keeps the lowest figure", "Between 10 and 15 fighters died in clashes with the army.", 10, 10, -1, -1},
		{"stated total outranks other figures", "Gunmen killed a man and his two sons in Oaxaca. 3 fatalities.", 3, 3, -1, -1},
		{"a background killing is not the toll", "A mob beat up a man who killed a neighbour in Aba on Sunday.", -1, -1, -1, -1},
		{"almost killed is no death", "Residents nearly killed a suspected thief before police arrived.", -1, -1, -1, -1},
		{"a part is not added to the whole", "The blast killed 14 people, including four children, officials said.", 14, 14, -1, -1},
		{"two single victims joined by 'and'", "A woman and her child were killed when shells hit their home in Ariha on Monday.", 2, 2, -1, -1},
		{"'killing both' is two", "A drone struck a pick-up truck carrying two fighters near Mayadin on Wednesday, killing both.", 2, 2, -1, -1},
		{"a long object joined to a figure", "A drone strike near Qaim on Monday killed a commander of the Kataib Hezbollah militia and two of his aides, officials said.", 3, 3, -1, -1},
		{"martyred is killed", "Twelve citizens were martyred on Monday when a market in Deir Ezzor was targeted, a hospital source said.", 12, 12, -1, -1},
		{"one victim and a figure add up", "A soldier and two civilians were killed when shells hit Ariha on Monday.", 3, 3, -1, -1},
		{"a figure alone is not raised", "Two civilians were killed when shells hit Ariha on Monday.", 2, 2, -1, -1},
		{"a part before a passive verb is not the toll", "Nine villagers including two children were killed when rebels shelled Kalehe on Friday.", 9, 9, -1, -1},
		{"'among them' does not add", "Twenty people, among them several women, died when gunmen raided a camp near Djugu.", 20, 20, -1, -1},
		{"the officials who speak are not victims", "A drone struck a truck near Qaim on Monday, killing four fighters, two security officials said.", 4, 4, -1, -1},
		{"a perpetrator's claim yields to the official toll", "Five soldiers died when a bomb hit their convoy near Balad on Monday. The militants said they had killed 20 soldiers.", 5, 5, -1, -1},
		{"a claim alone is the toll", "The militants said they had killed 20 soldiers in an ambush near Balad on Monday.", 20, 20, -1, -1},
		{"an earlier estimate does not replace the toll", "A medical charity said 21 people were killed when shells hit a camp near Nyala on Tuesday. A local committee had earlier put the toll at 13.", 21, 21, -1, -1},
		{"a claim made in a statement yields too", "Militants ambushed an army convoy near Wanlaweyn on Tuesday, killing six soldiers. The group said in a statement on one of its websites that it had killed 18 soldiers.", 6, 6, -1, -1},
		{"officials put the toll at a figure", "Al-Shabaab says it killed 16 soldiers in a bombing at Balcad on Friday. Officials put the death toll at six.", 6, 6, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractText(t, e, tt.text, "")
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			ev := evs[0]
			if got := deref(ev.Fatalities); got != tt.fatalities {
				t.Errorf("fatalities: got %d, want %d (%s)", got, tt.fatalities, ev.EventType)
			}
			if got := deref(ev.FatalitiesMin); tt.min >= 0 && got != tt.min {
				t.Errorf("fatalities_min: got %d, want %d", got, tt.min)
			}
			if got := deref(ev.Injured); tt.injured >= 0 && got != tt.injured {
				t.Errorf("injured: got %d, want %d", got, tt.injured)
			}
			if got := deref(ev.CivilianFatalities); tt.civilian >= 0 && got != tt.civilian {
				t.Errorf("civilian_fatalities: got %d, want %d", got, tt.civilian)
			}
		})
	}
}

func TestEventTypes(t *testing.T) {
	e := mustEngine(t)
	tests := []struct{ name, text, typ, sub string }{
		{"air strike", "Saudi-led coalition warplanes struck a Houthi camp in Saada on Sunday.", sitrep.ExplosionsRemote, "Air/drone strike"},
		{"roadside bomb", "A roadside bomb hit a police convoy outside Mogadishu, Somali officials said.", sitrep.ExplosionsRemote, "Remote explosive/landmine/IED"},
		{"kidnapping", "Gunmen abducted 30 students from a boarding school in Zamfara state.", sitrep.ViolenceAgainstCivs, "Abduction/forced disappearance"},
		{"protest dispersed", "Hundreds of teachers protested in Kathmandu over unpaid wages. Police dispersed them with tear gas.", sitrep.Protests, "Protest with intervention"},
		{"riot", "Demonstrators set fire to a police station and threw stones at officers in Karachi.", sitrep.Riots, "Violent demonstration"},
		{"gunmen on soldiers is a battle", "Gunmen killed four soldiers at a checkpoint near Mopti.", sitrep.Battles, "Armed clash"},
		{"arrest", "Police arrested six suspected members of the gang in Recife on Friday.", sitrep.StrategicDevelopment, "Arrests"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractText(t, e, tt.text, "")
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			if evs[0].EventType != tt.typ || evs[0].SubEventType != tt.sub {
				t.Fatalf("got %s / %s, want %s / %s", evs[0].EventType, evs[0].SubEventType, tt.typ, tt.sub)
			}
		})
	}
}

func TestModality(t *testing.T) {
	e := mustEngine(t)
	tests := []struct {
		name, text string
		want       sitrep.Modality
	}{
		{"denial", "The army denied carrying out the air strike on the village.", sitrep.ModalityDenied},
		{"plan", "The rebels plan to attack the town next week.", sitrep.ModalityPlanned},
		{"conditional threat", "If the troops advance, we will fight them, the commander said.", sitrep.ModalityThreatened},
		{"tally", "Air strikes have killed at least 300 civilians since 2015, the monitor said.", sitrep.ModalityCumulative},
		{"plain report", "Troops shelled the village on Monday, residents said.", sitrep.ModalityOccurred},
		{"rallies that were planned have not happened", "Organisers said similar rallies were planned in Kassala and Atbara.", sitrep.ModalityPlanned},
		{"a call about a dated strike does not plan it", "Rights groups called for an inquiry into Sunday's drone strike on a wedding near Menaka.", sitrep.ModalityOccurred},
		{"a scheduled march on a named day is still planned", "Opposition parties called for Friday's planned march against the fuel tax in Accra.", sitrep.ModalityPlanned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extractText(t, e, tt.text, "")
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			if evs[0].Modality != tt.want {
				t.Fatalf("got %s, want %s", evs[0].Modality, tt.want)
			}
		})
	}
}

func TestEmptyAndInvalidDocuments(t *testing.T) {
	e := mustEngine(t)
	if evs, err := e.Extract(&sitrep.Document{Text: "  "}); err != nil || len(evs) != 0 {
		t.Fatalf("blank text: got %v, %v", evs, err)
	}
	_, err := e.Extract(&sitrep.Document{Text: "Troops shelled the town.", Published: "yesterday"})
	if sitrep.ErrorCode(err) != sitrep.EINVALID {
		t.Fatalf("bad date: got %v, want EINVALID", err)
	}
}

func TestConcurrentUse(t *testing.T) {
	e := mustEngine(t)
	b, err := os.ReadFile("../testdata/seed/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := len(extractText(t, e, string(b), "2017-06-05"))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			evs, _ := e.Extract(&sitrep.Document{Text: string(b), Published: "2017-06-05"})
			if len(evs) != want {
				t.Errorf("got %d events, want %d", len(evs), want)
			}
		}()
	}
	wg.Wait()
}

func FuzzExtract(f *testing.F) {
	e := mustEngine(f)
	f.Add("At least 484 civilians killed in US-led strikes in Iraq, Syria")
	f.Add("On 3 March 2022, 1-4 soldiers were killed. 2 fatalities.")
	f.Add("If they enter, we will fight them.")
	f.Add("Police said on Monday that the death toll had risen to at least 12. Officials put the toll at 9, but the group said it had killed 20.")
	f.Add("The Arakan Army, an ethnic armed group, said Tuesday it had overrun a base the previous evening; dozens captured.")
	f.Add("Explosions were heard as jets struck; bombs fired by rebels fell. Sunday's drone strike. The number of wounded climbed to")
	f.Fuzz(func(t *testing.T, s string) {
		evs, err := e.Extract(&sitrep.Document{Text: s})
		if err != nil {
			return
		}
		// Relative dates resolve against a publication date: that path
		// must hold up too.
		dated, err := e.Extract(&sitrep.Document{Text: s, Published: "2022-03-04"})
		if err != nil {
			t.Fatalf("with a publication date: %v", err)
		}
		for _, ev := range dated {
			if ev.EventDateEnd < ev.EventDate {
				t.Fatalf("date window %s..%s ends before it starts", ev.EventDate, ev.EventDateEnd)
			}
		}
		for _, ev := range evs {
			if ev.Evidence.Start < 0 || ev.Evidence.End > len(s) || s[ev.Evidence.Start:ev.Evidence.End] != ev.Evidence.Text {
				t.Fatalf("bad evidence %+v", ev.Evidence)
			}
			if sitrep.EventTypeOf(ev.SubEventType) != ev.EventType {
				t.Fatalf("sub-type %q not under %q", ev.SubEventType, ev.EventType)
			}
		}
	})
}
