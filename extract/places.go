package extract

import (
	"github.com/sitrep/sitrep"
)

// locative words introduce the place where something happened.
var locative = map[string]bool{"in": true, "near": true, "at": true, "outside": true, "around": true, "of": true,
	"into": true, "on": true, "from": true, "inside": true, "across": true, "towards": true, "toward": true, "to": true,
	"targeting": true, "hit": true, "struck": true}

var nearWords = map[string]bool{"near": true, "outside": true, "outskirts": true, "around": true, "close": true, "vicinity": true, "north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true, "eastern": true, "western": true}

// eventPlace picks the place of an event triggered at word t of sentence
// sn: among the sentence's place mentions, the one a locative word
// governs nearest the trigger, towns before regions; else the document's
// main place when it lies in the event's country.
func eventPlace(a *analysis, sn sentence, t int) (placeMention, bool) {
	bi, bs := -1, -1<<30
	for i, p := range a.places {
		if p.w0 < sn.w0 || p.w1 > sn.w1 {
			continue
		}
		s := 0
		if p.Precision < 3 {
			s += 1000
		}
		if p.w0 > sn.w0 && locative[a.ws[p.w0-1].norm] {
			s += 500
		}
		d := t - p.w1
		if p.w0 > t {
			d = p.w0 - t
		}
		s -= d
		if s > bs {
			bi, bs = i, s
		}
	}
	if bi >= 0 {
		return a.places[bi], true
	}
	for _, p := range a.places {
		if p.Precision < 3 {
			return p, true
		}
	}
	if len(a.places) > 0 {
		return a.places[0], true
	}
	return placeMention{}, false
}

// setPlace writes the location fields of ev from p.
func setPlace(a *analysis, ev *sitrep.Event, p placeMention) {
	pl := p.Place
	ev.Country = pl.Country
	ev.Admin1 = pl.Admin1
	ev.Location = pl.Name
	lat, lon := pl.Lat, pl.Lon
	ev.Latitude, ev.Longitude = &lat, &lon
	ev.GeonameID = pl.ID
	ev.PlaceText = p.Text
	ev.GeoPrecision = p.Precision
	if ev.GeoPrecision == 0 {
		ev.GeoPrecision = 1
	}
	if ev.GeoPrecision < 2 && (p.Modifier != "" || p.w0 > 0 && nearWords[a.ws[p.w0-1].norm]) {
		ev.GeoPrecision = 2
	}
}

// sentenceCountry is the country named nearest the trigger in the
// sentence — a name after "in"/"near"/"into" first, then other names, then
// nationality adjectives — else the document's main country. Names that
// say who acts rather than where ("US-backed", "Russian forces") are
// skipped by findCountries.
func sentenceCountry(a *analysis, sn sentence, t int) string {
	best, bd := "", 1<<30
	for _, h := range a.countryHits {
		if h.w0 < sn.w0 || h.w1 > sn.w1 || h.weight == 0 {
			continue
		}
		d := t - h.w1
		if h.w0 > t {
			d = h.w0 - t
		}
		d -= 100 * h.weight
		if d < bd {
			best, bd = h.name, d
		}
	}
	if best != "" {
		return best
	}
	return a.mainCountry
}
