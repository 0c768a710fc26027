package incident

import "github.com/sitrep/sitrep"

// ev builds an occurred, day-precise event; options adjust it.
func ev(id int64, sub, date, location string, lat, lon float64, opts ...func(*sitrep.Event)) sitrep.Event {
	e := sitrep.Event{
		ID: id, DocID: "doc", EventType: sitrep.EventTypeOf(sub), SubEventType: sub,
		Modality: sitrep.ModalityOccurred, EventDate: date, EventDateEnd: date, TimePrecision: 1,
		Country: "Syria", Location: location, Latitude: &lat, Longitude: &lon, GeoPrecision: 1,
	}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func actor(a1, a2 string) func(*sitrep.Event) {
	return func(e *sitrep.Event) { e.Actor1, e.Actor2 = a1, a2 }
}

func text(s string) func(*sitrep.Event) {
	return func(e *sitrep.Event) { e.Evidence = sitrep.Evidence{Text: s, End: len(s)} }
}

func country(c, admin1 string) func(*sitrep.Event) {
	return func(e *sitrep.Event) { e.Country, e.Admin1 = c, admin1 }
}

func geoPrecision(p int) func(*sitrep.Event) {
	return func(e *sitrep.Event) { e.GeoPrecision = p }
}

func noCoords(e *sitrep.Event) { e.Latitude, e.Longitude = nil, nil }

func window(from, to string, precision int) func(*sitrep.Event) {
	return func(e *sitrep.Event) { e.EventDate, e.EventDateEnd, e.TimePrecision = from, to, precision }
}

func killed(n int) func(*sitrep.Event) {
	return func(e *sitrep.Event) { e.Fatalities = &n }
}

func modality(m sitrep.Modality) func(*sitrep.Event) {
	return func(e *sitrep.Event) { e.Modality = m }
}

func rep(e sitrep.Event, source, published string) Report {
	e.DocID = source + "-" + published
	return Report{Event: e, Source: source, Published: published}
}
