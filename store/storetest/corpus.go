package storetest

import (
	"strings"
	"sync/atomic"

	"github.com/sitrep/sitrep"
)

// Fixture is a document with the events a careful coder would extract
// from it. Each event's Evidence.Text is a sentence of the document; the
// offsets are filled in by the Extractor.
type Fixture struct {
	Doc    sitrep.Document
	Events []sitrep.Event
}

func ip(v int) *int                         { return &v }
func fp(v float64) *float64                 { return &v }
func sp(v string) *string                   { return &v }
func mp(v sitrep.Modality) *sitrep.Modality { return &v }

// Corpus returns fresh copies of the fixture documents: original news-style
// reports from several countries, one of them a second outlet's report of
// the same strike with a different toll.
func Corpus() []Fixture {
	return []Fixture{
		{
			Doc: sitrep.Document{
				ID: "idlib-strike-a", URL: "https://news.example.org/2026/03/04/idlib-market-strike",
				Title: "Air strike on Idlib market kills 9", Source: "Example News", Published: "2026-03-04",
				Text: "Air strike on Idlib market kills 9\n\nWarplanes struck a crowded vegetable market in Maarat al-Numan on Tuesday, killing at least nine civilians, local rescuers said. " +
					"The White Helmets said 23 people were wounded and several shops were destroyed.\n\nResidents said the jets flew in from the south shortly before noon.",
			},
			Events: []sitrep.Event{{
				EventType: sitrep.ExplosionsRemote, SubEventType: "Air/drone strike", Modality: sitrep.ModalityOccurred,
				EventDate: "2026-03-03", TimePrecision: 1, DateText: "on Tuesday",
				Actor1: "Military Forces of Syria", Inter1: 1, Actor2: "Civilians (Syria)", Inter2: 7,
				Country: "Syria", Admin1: "Idleb", Location: "Maarat al-Numan", Latitude: fp(35.6476), Longitude: fp(36.6741), GeoPrecision: 1,
				Fatalities: ip(9), FatalitiesMin: ip(9), FatalitiesQualifier: "at least", CivilianFatalities: ip(9), Injured: ip(23),
				Evidence: sitrep.Evidence{Text: "Warplanes struck a crowded vegetable market in Maarat al-Numan on Tuesday, killing at least nine civilians, local rescuers said."},
			}},
		},
		{
			Doc: sitrep.Document{
				ID: "idlib-strike-b", URL: "https://wire.example.com/syria/maarat-market",
				Title: "Market raid in northwest Syria leaves 14 dead, monitor says", Source: "Example Wire", Published: "2026-03-05",
				Text: "A war monitor said on Wednesday that 14 people, including three children, were killed when aircraft bombed a market in Maarat al-Numan the day before. " +
					"The government denied targeting civilians and said it had hit a militant depot.",
			},
			Events: []sitrep.Event{
				{
					EventType: sitrep.ExplosionsRemote, SubEventType: "Air/drone strike", Modality: sitrep.ModalityReported, ReportedBy: "war monitor",
					EventDate: "2026-03-03", TimePrecision: 1, DateText: "the day before",
					Actor1: "Military Forces of Syria", Inter1: 1, Actor2: "Civilians (Syria)", Inter2: 7,
					Country: "Syria", Admin1: "Idleb", Location: "Maarat al-Numan", Latitude: fp(35.6476), Longitude: fp(36.6741), GeoPrecision: 1,
					Fatalities: ip(14), CivilianFatalities: ip(14),
					Evidence: sitrep.Evidence{Text: "A war monitor said on Wednesday that 14 people, including three children, were killed when aircraft bombed a market in Maarat al-Numan the day before."},
				},
				{
					EventType: sitrep.ExplosionsRemote, SubEventType: "Air/drone strike", Modality: sitrep.ModalityDenied,
					EventDate: "2026-03-03", TimePrecision: 1,
					Actor1: "Military Forces of Syria", Inter1: 1, Country: "Syria", Admin1: "Idleb", Location: "Maarat al-Numan",
					Latitude: fp(35.6476), Longitude: fp(36.6741), GeoPrecision: 1,
					Evidence: sitrep.Evidence{Text: "The government denied targeting civilians and said it had hit a militant depot."},
				},
			},
		},
		{
			Doc: sitrep.Document{
				ID: "kaduna-abduction", URL: "https://daily.example.net/nigeria/kaduna-pupils",
				Title: "Gunmen seize 31 pupils in Kaduna", Source: "Example Daily", Published: "2026-02-20",
				Text: "Gunmen on motorcycles stormed a boarding school in Kajuru, Kaduna State, late on Thursday and abducted 31 pupils, police said. " +
					"A watchman was shot dead during the raid, the state commissioner for security said.",
			},
			Events: []sitrep.Event{{
				EventType: sitrep.ViolenceAgainstCivs, SubEventType: "Abduction/forced disappearance", Modality: sitrep.ModalityOccurred,
				EventDate: "2026-02-19", TimePrecision: 1, DateText: "late on Thursday",
				Actor1: "Unidentified Armed Group (Nigeria)", Inter1: 3, Actor2: "Civilians (Nigeria)", Inter2: 7, AssocActor2: "Students (Nigeria)",
				Country: "Nigeria", Admin1: "Kaduna", Location: "Kajuru", Latitude: fp(10.3214), Longitude: fp(7.6822), GeoPrecision: 1,
				Fatalities: ip(1), Count: ip(31), CountNoun: "pupils",
				Evidence: sitrep.Evidence{Text: "Gunmen on motorcycles stormed a boarding school in Kajuru, Kaduna State, late on Thursday and abducted 31 pupils, police said."},
			}},
		},
		{
			Doc: sitrep.Document{
				ID: "kharkiv-shelling", URL: "https://news.example.org/2026/02/11/kharkiv-shelling",
				Title: "Shelling hits Kharkiv suburbs", Source: "Example News", Published: "2026-02-11",
				Text: "Russian artillery shelled residential districts of Kupiansk overnight, killing two men and damaging a school, the regional governor said on Wednesday. " +
					"Ukrainian forces said they repelled an assault near Kupiansk-Vuzlovyi after a four-hour battle.",
			},
			Events: []sitrep.Event{
				{
					EventType: sitrep.ExplosionsRemote, SubEventType: "Shelling/artillery/missile attack", Modality: sitrep.ModalityOccurred,
					EventDate: "2026-02-10", TimePrecision: 1, DateText: "overnight",
					Actor1: "Military Forces of Russia", Inter1: 8, Actor2: "Civilians (Ukraine)", Inter2: 7,
					Country: "Ukraine", Admin1: "Kharkiv", Location: "Kupiansk", Latitude: fp(49.7106), Longitude: fp(37.6158), GeoPrecision: 1,
					Fatalities: ip(2),
					Evidence:   sitrep.Evidence{Text: "Russian artillery shelled residential districts of Kupiansk overnight, killing two men and damaging a school, the regional governor said on Wednesday."},
				},
				{
					EventType: sitrep.Battles, SubEventType: "Armed clash", Modality: sitrep.ModalityOccurred,
					EventDate: "2026-02-10", TimePrecision: 1,
					Actor1: "Military Forces of Ukraine", Inter1: 1, Actor2: "Military Forces of Russia", Inter2: 8,
					Country: "Ukraine", Admin1: "Kharkiv", Location: "Kupiansk-Vuzlovyi", Latitude: fp(49.6632), Longitude: fp(37.6880), GeoPrecision: 2,
					Fatalities: ip(0),
					Evidence:   sitrep.Evidence{Text: "Ukrainian forces said they repelled an assault near Kupiansk-Vuzlovyi after a four-hour battle."},
				},
			},
		},
		{
			Doc: sitrep.Document{
				ID: "khartoum-protest", URL: "https://daily.example.net/sudan/khartoum-march",
				Title: "Thousands march in Khartoum; organisers plan sit-in", Source: "Example Daily", Published: "2026-02-27",
				Text: "Thousands of demonstrators marched through central Khartoum on Friday demanding an end to the war, witnesses said. " +
					"Organisers said they would hold a sit-in outside the army command next week.",
			},
			Events: []sitrep.Event{
				{
					EventType: sitrep.Protests, SubEventType: "Peaceful protest", Modality: sitrep.ModalityOccurred,
					EventDate: "2026-02-27", TimePrecision: 1, DateText: "on Friday",
					Actor1: "Protesters (Sudan)", Inter1: 6, Country: "Sudan", Admin1: "Khartoum", Location: "Khartoum",
					Latitude: fp(15.5518), Longitude: fp(32.5324), GeoPrecision: 1, Fatalities: ip(0),
					Evidence: sitrep.Evidence{Text: "Thousands of demonstrators marched through central Khartoum on Friday demanding an end to the war, witnesses said."},
				},
				{
					EventType: sitrep.Protests, SubEventType: "Peaceful protest", Modality: sitrep.ModalityPlanned,
					TimePrecision: 2, DateText: "next week",
					Actor1: "Protesters (Sudan)", Inter1: 6, Country: "Sudan", Admin1: "Khartoum", Location: "Khartoum",
					Latitude: fp(15.5518), Longitude: fp(32.5324), GeoPrecision: 1,
					Evidence: sitrep.Evidence{Text: "Organisers said they would hold a sit-in outside the army command next week."},
				},
			},
		},
		{
			Doc: sitrep.Document{
				ID: "marib-clash", Title: "Fighting flares south of Marib", Source: "Example Wire", Published: "2026-01-30",
				Text: "Houthi fighters and government troops clashed for a second day in the Al-Abdiyah district south of Marib on Thursday, leaving at least 17 combatants dead, military sources said.",
			},
			Events: []sitrep.Event{{
				EventType: sitrep.Battles, SubEventType: "Armed clash", Modality: sitrep.ModalityOccurred,
				EventDate: "2026-01-29", TimePrecision: 1, DateText: "on Thursday",
				Actor1: "Ansar Allah", Inter1: 2, Actor2: "Military Forces of Yemen", Inter2: 1,
				Country: "Yemen", Admin1: "Marib", Location: "Al Abdiyah", Latitude: fp(14.9500), Longitude: fp(45.3333), GeoPrecision: 2,
				Fatalities: ip(17), FatalitiesMin: ip(17), FatalitiesQualifier: "at least",
				Evidence: sitrep.Evidence{Text: "Houthi fighters and government troops clashed for a second day in the Al-Abdiyah district south of Marib on Thursday, leaving at least 17 combatants dead, military sources said."},
			}},
		},
		{
			Doc: sitrep.Document{
				ID: "mogadishu-ied", URL: "https://news.example.org/2026/02/02/mogadishu-roadside-bomb",
				Title: "Roadside bomb hits convoy in Mogadishu", Source: "Example News", Published: "2026-02-02",
				Text: "A roadside bomb struck a convoy carrying a district commissioner in Mogadishu's Hodan district on Monday, killing his driver and a bodyguard. " +
					"Al-Shabaab claimed responsibility in a statement on its radio station.",
			},
			Events: []sitrep.Event{{
				EventType: sitrep.ExplosionsRemote, SubEventType: "Remote explosive/landmine/IED", Modality: sitrep.ModalityOccurred,
				EventDate: "2026-02-02", TimePrecision: 1, DateText: "on Monday",
				Actor1: "Al Shabaab", Inter1: 2, Actor2: "Government of Somalia (2017-)", Inter2: 1,
				Country: "Somalia", Admin1: "Banadir", Location: "Mogadishu - Hodan", Latitude: fp(2.0371), Longitude: fp(45.3038), GeoPrecision: 1,
				Fatalities: ip(2),
				Evidence:   sitrep.Evidence{Text: "A roadside bomb struck a convoy carrying a district commissioner in Mogadishu's Hodan district on Monday, killing his driver and a bodyguard."},
			}},
		},
		{
			Doc: sitrep.Document{
				ID: "no-events", Title: "Aid convoy reaches Ghouta", Source: "Example Daily", Published: "2026-03-01",
				Text: "A United Nations aid convoy of 40 lorries reached eastern Ghouta on Sunday carrying flour and medical supplies, officials said.",
			},
		},
	}
}

// FixtureEvents is the number of events in Corpus.
func FixtureEvents() int {
	n := 0
	for _, f := range Corpus() {
		n += len(f.Events)
	}
	return n
}

// Extractor is a deterministic sitrep.Extractor over the fixture corpus:
// it returns the fixture's events for a known text, with evidence offsets
// computed against the text, and nothing for other documents. Stores must
// keep what it returns; extraction quality is not their concern.
type Extractor struct {
	byText map[string][]sitrep.Event
	// Calls counts Extract calls, so tests can see that duplicates are not
	// extracted again.
	Calls atomic.Int64
	// Edit, when set, changes the events before they are returned, to
	// stand for a newer engine in re-extraction tests.
	Edit func([]sitrep.Event) []sitrep.Event
}

// NewExtractor returns an Extractor that knows the fixtures.
func NewExtractor(fixtures []Fixture) *Extractor {
	x := &Extractor{byText: map[string][]sitrep.Event{}}
	for _, f := range fixtures {
		x.byText[sitrep.NormalizeText(f.Doc.Text)] = f.Events
	}
	return x
}

// Extract implements sitrep.Extractor.
func (x *Extractor) Extract(doc *sitrep.Document) ([]sitrep.Event, error) {
	x.Calls.Add(1)
	src := x.byText[sitrep.NormalizeText(doc.Text)]
	out := make([]sitrep.Event, 0, len(src))
	for _, e := range src {
		if i := strings.Index(doc.Text, e.Evidence.Text); i >= 0 {
			e.Evidence.Start, e.Evidence.End = i, i+len(e.Evidence.Text)
		}
		e.DocID = doc.ID
		out = append(out, e)
	}
	if x.Edit != nil {
		out = x.Edit(out)
	}
	return out, nil
}
