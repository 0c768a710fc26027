package extract

import (
	"math"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
)

// locative words introduce the place where something happened.
var locative = map[string]bool{"in": true, "near": true, "at": true, "outside": true, "around": true,
	"into": true, "on": true, "from": true, "inside": true, "across": true, "towards": true, "toward": true, "to": true,
	"targeting": true, "hit": true, "struck": true,
	// "on the road between Deir ez-Zor city and the town of al-Mayadin":
	// ACLED codes the first end of a stretch.
	"between": true,
	// "downed 12 drones over the Belgorod region"
	"over": true}

// speechVerbs report what a source said: the place named with the source
// is where it spoke, not where the event happened.
var speechVerbs = map[string]bool{"said": true, "says": true, "say": true, "told": true, "condemned": true, "denied": true,
	"accused": true, "warned": true, "claimed": true, "announced": true, "rejected": true, "urged": true, "added": true,
	"reported": true, "confirmed": true, "stated": true, "insisted": true, "did": true, "has": true, "speaking": true}

// sourceNouns before "in X said" make X where a source sits: "Security
// forces in Quetta said", "officials in Kabul told reporters".
var sourceNouns = map[string]bool{"officials": true, "official": true, "police": true, "forces": true, "authorities": true,
	"sources": true, "spokesman": true, "spokeswoman": true, "ministry": true, "army": true, "military": true,
	"government": true, "journalists": true, "correspondent": true, "reporters": true, "diplomats": true, "embassy": true}

// government reports a capital named as its government: "Washington
// condemned", "Moscow said", "Kyiv did not comment".
func government(a *analysis, p *placeMention) bool {
	return p.Place.Code == "PPLC" && p.w1 < len(a.ws) && speechVerbs[a.ws[p.w1].norm]
}

// sourcePlace reports a place that says where a source spoke rather than
// where the event happened: "Security forces in Quetta said on Sunday that
// gunmen had shot dead seven labourers near the town of Turbat", "local
// officials told Reuters from Bamako".
func sourcePlace(a *analysis, sn sentence, p *placeMention) bool {
	w := p.w0
	if w-2 >= sn.w0 && a.ws[w-1].norm == "in" && sourceNouns[a.ws[w-2].norm] && p.w1 < sn.w1 && speechVerbs[a.ws[p.w1].norm] {
		return true
	}
	if w-1 < sn.w0 || a.ws[w-1].norm != "from" {
		return false
	}
	for k := w - 2; k >= sn.w0 && k >= w-4; k-- {
		if n := a.ws[k].norm; n == "told" || n == "speaking" || n == "said" {
			return true
		}
	}
	return false
}

// clauseWords after a comma start a clause about something else than the
// event: "…, as mediators met in Cairo", "…, while talks went on in Doha".
var clauseWords = map[string]bool{"as": true, "while": true, "whereas": true, "but": true, "although": true, "though": true}

// otherClause reports whether mention p follows the trigger at word t in
// a later clause, after a comma and a clause word. A place before the
// trigger is not judged: "On 11 February, in Monterrey, while working in
// a workshop, two men were shot" is fronted and holds for the whole
// sentence.
func otherClause(a *analysis, t int, p *placeMention) bool {
	for k := t + 1; k < p.w0; k++ {
		if a.is(k, clauseClass) && a.ws[k-1].norm == "," {
			return true
		}
	}
	return false
}

// routeNouns before "to X" make X where a route leads, not a place of
// the event: "the road to Mogadishu", "the highway towards Kabul".
var routeNouns = map[string]bool{"road": true, "highway": true, "route": true, "way": true, "motorway": true, "railway": true,
	"corridor": true, "flights": true, "convoy": true}

// originNouns before "from X" make X where people come from: "IDPs
// from Aleppo", "refugees from Mariupol", "a family from Sheikh Jarrah".
var originNouns = map[string]bool{"idps": true, "refugees": true, "displaced": true, "migrants": true, "evacuees": true,
	"returnees": true, "family": true, "families": true, "natives": true, "people": true}

// placeNouns before "of" make it locative: "the village of X".
var placeNouns = map[string]bool{"village": true, "town": true, "city": true, "district": true, "province": true,
	"region": true, "outskirts": true, "area": true, "municipality": true, "county": true, "state": true,
	"governorate": true, "neighbourhood": true, "neighborhood": true, "suburb": true, "capital": true, "township": true,
	"locality": true, "commune": true, "department": true, "vicinity": true, "north": true, "south": true, "east": true, "west": true,
	"streets": true, "centre": true, "center": true, "heart": true, "people": true, "residents": true,
	"port": true, "outpost": true}

var nearWords = map[string]bool{"near": true, "outside": true, "outskirts": true, "around": true, "close": true, "vicinity": true, "north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true, "eastern": true, "western": true}

// areaWords after a name make it an area, not the town: "Shwebo
// district", "Aleppo countryside" (ACLED precision 2).
var areaWords = map[string]bool{"district": true, "township": true, "county": true, "zone": true, "area": true,
	"countryside": true, "region": true, "province": true, "governorate": true, "subdivision": true, "outskirts": true,
	"division": true, "locality": true, "lga": true, "department": true, "sector": true, "front": true}

// ownerNotPlace reports a country or region named as an owner — "Russia's
// defence ministry", "Iraq's government", "Ukraine's military" — which
// says who acts, not where.
func ownerNotPlace(a *analysis, p *placeMention) bool {
	return p.Precision >= 3 && ownerAt(a, p.w1)
}

// ownerAt reports an institution noun at word w: the name before it owns
// it ("Russia's defence ministry", "Iraqi government").
func ownerAt(a *analysis, w int) bool {
	if w >= len(a.ws) {
		return false
	}
	switch a.ws[w].norm {
	case "defence", "defense", "ministry", "government", "army", "military", "forces", "officials", "president", "authorities", "police", "troops", "foreign", "embassy":
		return true
	}
	return false
}

// areaAfter reports an area word at w, or after a compass part of the
// name ("Yangon-East district").
func areaAfter(a *analysis, w int) bool {
	for k := w; k < len(a.ws) && k <= w+1; k++ {
		n := a.ws[k].norm
		if a.is(k, areaClass) {
			return true
		}
		switch n {
		case "east", "west", "north", "south", "central", "centre", "center":
			continue
		}
		return false
	}
	return false
}

// governed reports whether a locative word introduces the mention at w.
func governed(a *analysis, sn sentence, w int) bool {
	if w <= sn.w0 {
		return false
	}
	p := a.ws[w-1].norm
	if a.is(w-1, locativeClass) {
		switch {
		case w-2 < sn.w0:
			return true
		case p == "to" || p == "towards" || p == "toward":
			// "fees collected at checkpoints on the road to Mogadishu": the
			// place a road leads to is not where things happen on it.
			return !routeNouns[a.ws[w-2].norm]
		case p == "from":
			// "shelled tents of IDPs from Aleppo in Idlib": where people
			// come from is not where they were hit.
			return !originNouns[a.ws[w-2].norm]
		}
		return true
	}
	if p == "the" && w-2 >= sn.w0 && a.is(w-2, locativeClass) {
		return true
	}
	return p == "of" && w-2 >= sn.w0 && placeNouns[a.ws[w-2].norm]
}

// eventPlace picks the place of an event in sentence sn: among the
// sentence's place mentions, towns before regions, those a locative word
// governs ("in", "near", "the village of") first, those in the document's
// main country before others, then the earliest — a report names where
// it happened first. Without a mention in the sentence it takes the
// document's first town, else its first place.
func eventPlace(a *analysis, sn sentence, t int) (placeMention, bool) {
	bi, bs := -1, -1<<30
	for i := range a.places {
		p := &a.places[i]
		if p.w0 < sn.w0 || p.w1 > sn.w1 || ownerNotPlace(a, p) || actingCountry(a, p) && otherPlace(a, p) {
			continue
		}
		// A country or region outside the document's main country is
		// usually a party or a topic ("a protest against the US").
		if p.Precision >= 3 && a.placeCountry != "" && p.Place.Country != a.placeCountry {
			continue
		}
		s := 0
		if p.Precision < 3 {
			s += 1000
		}
		if p.Score < lowScore || contradicted(a, i) || p.w1 < len(a.ws) && (groupNouns[a.ws[p.w1].norm] || facilityNouns[a.ws[p.w1].norm]) ||
			government(a, p) || sourcePlace(a, sn, p) {
			s -= 1500
		}
		if destination(a, sn, p) {
			s += 600 // "marched from Surrey to Vancouver": where the march ended
		} else if governed(a, sn, p.w0) {
			s += 500
		}
		if a.placeCountry != "" && p.Place.Country == a.placeCountry {
			s += 300
		}
		if otherClause(a, t, p) {
			s -= 400 // "strikes on Rafah killed 20, as Egypt pressed for a truce at talks in Cairo"
		}
		if p.Place.Code == "PCLI" {
			s -= countryPenalty
		}
		s -= p.w0 - sn.w0
		if s > bs {
			bi, bs = i, s
		}
	}
	if bi >= 0 {
		return a.places[bi], true
	}
	fb, ok := documentPlace(a)
	// "in support of the Iraqi security forces' efforts" in a text about
	// Syria: the sentence's own country, at country level, rather than a
	// town of another country the caller would drop.
	if h, hok := sentenceCountryHit(a, sn, t); hok && (!ok || fb.Place.Country != h.name) {
		if p, ok := countryMention(a, h); ok {
			return p, true
		}
	}
	return fb, ok
}

// documentPlace is the place of a sentence that names none: the
// document's first town in its main country, else its first place that
// is not a country acting ("The U.S. military said").
func documentPlace(a *analysis) (placeMention, bool) {
	for pi := range a.places {
		p := &a.places[pi]
		if p.Precision < 3 && (a.placeCountry == "" || p.Place.Country == a.placeCountry) {
			return *p, true
		}
	}
	for pi := range a.places {
		p := &a.places[pi]
		if !actingCountry(a, p) || !otherPlace(a, p) {
			return *p, true
		}
	}
	return placeMention{}, false
}

// actingCountry reports a country written as an acronym that no locative
// word governs — "The U.S. military said", "UK officials", "US jets":
// reporting names a country by its initials when it acts, and writes
// "in the United States" or "in the US" when something happens there.
func actingCountry(a *analysis, p *placeMention) bool {
	if p.Place.Code != "PCLI" || !acronym(p.Text) {
		return false
	}
	w := p.w0
	if w > 0 && a.is(w-1, locativeClass) {
		return false
	}
	return w < 2 || a.ws[w-1].norm != "the" || !a.is(w-2, locativeClass)
}

// otherPlace reports a mention in the document that is not p's country.
func otherPlace(a *analysis, p *placeMention) bool {
	for pi := range a.places {
		o := &a.places[pi]
		if o.Place.Country != p.Place.Country {
			return true
		}
	}
	return false
}

// acronym reports a name written in initials: "US", "U.S", "UK", "DRC".
func acronym(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c != '.':
			return false
		}
	}
	return letters >= 2 && letters <= 4
}

// countryMention is country h's place at precision 3, spanning the words
// of h ("Iraqi"), taken from a mention of the country's name elsewhere in
// the document: the geoparser resolves names, not adjectives, so a
// country the text only qualifies ("Iraqi", never "Iraq") has no
// coordinates here.
func countryMention(a *analysis, h countryHit) (placeMention, bool) {
	for _, p := range a.places {
		if p.Place.Code == "PCLI" && p.Place.Country == h.name {
			p.Text = a.s[a.ws[h.w0].start:a.ws[h.w1-1].end]
			p.Start, p.End = a.ws[h.w0].start, a.ws[h.w1-1].end
			p.Precision, p.Modifier = 3, ""
			p.w0, p.w1 = h.w0, h.w1
			return p, true
		}
	}
	return placeMention{}, false
}

// contradicted reports whether the place of mention i lies outside the
// place the text puts it in: "Oleksandrivka, Donetsk", "Murino (Plav)",
// "Victoria Park in London (Ontario)". The first name is then a quarter,
// square or village the gazetteer knows only elsewhere, and the second is
// where it happened — when the second is the surer of the two: a region
// the gazetteer misreads as a far village ("Morelia, Michoacan de Ocampo")
// contradicts nothing.
func contradicted(a *analysis, i int) bool {
	p := a.places[i]
	if p.Precision >= 3 || i+1 >= len(a.places) {
		return false
	}
	q := a.places[i+1]
	if q.Score < lowScore || q.Score <= p.Score || q.w0 < p.w1 || q.w0-p.w1 > 3 {
		return false
	}
	paren := false
	for k := p.w1; k < q.w0; k++ {
		w := a.ws[k]
		paren = paren || w.norm == "("
		if w.kind == text.Punct && w.norm != "," && w.norm != "(" || w.kind != text.Punct && !a.is(k, containerClass) {
			return false // a list, a route or another clause: "Aleppo and Idlib", "from Homs to Hama"
		}
	}
	if !paren && inList(a, i+1) {
		return false
	}
	pl, ql := p.Place, q.Place
	switch {
	case ql.Code == "PCLI":
		return pl.Country != ql.Country
	case ql.Code == "ADM1":
		return pl.Country != ql.Country || pl.Admin1 != "" && ql.Admin1 != "" && pl.Admin1 != ql.Admin1
	}
	return pl.Country != ql.Country || distanceKm(pl.Lat, pl.Lon, ql.Lat, ql.Lon) > 150
}

// destination reports whether p ends a route ("from X to p", "from X
// until p") that starts at an earlier place of the sentence.
func destination(a *analysis, sn sentence, p *placeMention) bool {
	if p.w0 <= sn.w0 {
		return false
	}
	switch a.ws[p.w0-1].norm {
	case "to", "until", "till", "toward", "towards":
	default:
		return false
	}
	for pi := range a.places {
		o := &a.places[pi]
		if o.w0 > sn.w0 && o.w0 < p.w0 && a.ws[o.w0-1].norm == "from" {
			return true
		}
	}
	return false
}

// inList reports whether mention j goes on a list: "and", "or", or a
// comma and another place follow it ("Lviv, Kyiv and Odesa").
func inList(a *analysis, j int) bool {
	w := a.places[j].w1
	if w >= len(a.ws) {
		return false
	}
	switch a.ws[w].norm {
	case "and", "or", "&":
		return true
	case ",":
		return j+1 < len(a.places) && a.places[j+1].w0 == w+1
	}
	return false
}

// groupNouns after a place name make it the name of who acts, not of
// where: "Kaduna militiamen", "Satun residents staged a protest in
// Bangkok".
var groupNouns = map[string]bool{"militiamen": true, "militia": true, "militias": true, "vigilantes": true,
	"herders": true, "youths": true, "residents": true, "natives": true, "villagers": true, "indigenes": true}

// facilityNouns after a place name make it the name of a facility, which
// may lie anywhere: "Santa Fe park in Needles", "Union Station in Los
// Angeles", "Pomona high school in Arvada", "the Aden - Taizz road".
var facilityNouns = map[string]bool{"park": true, "square": true, "station": true, "street": true, "road": true,
	"avenue": true, "boulevard": true, "highway": true, "hospital": true, "school": true, "high": true, "university": true,
	"college": true, "stadium": true, "market": true, "mall": true, "church": true, "mosque": true, "hotel": true, "prison": true}

// containerWords may stand between a place and the larger place it lies
// in: "Gaviao located in Vila Nova de Famalicao", "the Mount Hope
// neighborhood of San Diego", "Khaldah junction (Aley)".
var containerWords = map[string]bool{"in": true, "of": true, "located": true, "neighborhood": true, "neighbourhood": true,
	"district": true, "village": true, "town": true, "area": true, "junction": true, "quarter": true, "suburb": true,
	"square": true, "city": true, "municipality": true}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// lowScore is the geoparser score below which a mention is more often a
// wrong place than the right one: it ranks below every better-scored
// mention, regions included.
const lowScore = 0.2

// countryPenalty ranks a country below every region: "Kenya's Kisii
// county" happened in Kisii.
const countryPenalty = 1000

// placeCountry is the country most of the document's places lie in,
// counting the country names and adjectives of the text too, so that
// one stray "San Jose" does not move an event to Costa Rica.
func placeCountry(a *analysis) string {
	votes := map[string]int{}
	for pi := range a.places {
		p := &a.places[pi]
		if p.Score >= lowScore && !actingCountry(a, p) {
			votes[p.Place.Country] += 2
			if c := p.Place.Code; c == "ADM1" || c == "ADM2" {
				votes[p.Place.Country]++ // a region's name is rarely shared abroad
			}
		}
	}
	for _, h := range a.countryHits {
		if !placeAt(a, h.w0, h.w1) { // "in Nairobi" already voted as a place
			votes[h.name] += h.weight
		}
	}
	best, bv := "", 0
	for pi := range a.places {
		p := &a.places[pi]
		if v := votes[p.Place.Country]; v > bv {
			best, bv = p.Place.Country, v
		}
	}
	return best
}

// placeAt reports a place mention covering words [w0, w1): a capital the
// lexicon also lists as its country's name.
func placeAt(a *analysis, w0, w1 int) bool {
	for pi := range a.places {
		p := &a.places[pi]
		if p.w0 <= w0 && w1 <= p.w1 {
			return true
		}
	}
	return false
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
	if ev.GeoPrecision < 2 && (p.Modifier != "" || p.w0 > 0 && nearWords[a.ws[p.w0-1].norm] || areaAfter(a, p.w1)) {
		ev.GeoPrecision = 2
	}
}

// sentenceCountry is the country named nearest the trigger in the
// sentence — a name after "in"/"near"/"into" first, then other names, then
// nationality adjectives — else the document's main country. Names that
// say who acts rather than where ("US-backed", "Russian forces") are
// skipped by findCountries.
func sentenceCountry(a *analysis, sn sentence, t int) string {
	if h, ok := sentenceCountryHit(a, sn, t); ok {
		return h.name
	}
	if a.placeCountry != "" {
		return a.placeCountry
	}
	return a.mainCountry
}

// sentenceCountryHit is the country name or adjective of sentence sn that
// says where rather than who, nearest the trigger at word t.
func sentenceCountryHit(a *analysis, sn sentence, t int) (countryHit, bool) {
	best, bd := -1, 1<<30
	for i, h := range a.countryHits {
		if h.w0 < sn.w0 || h.w1 > sn.w1 || h.weight == 0 {
			continue
		}
		d := t - h.w1
		if h.w0 > t {
			d = h.w0 - t
		}
		d -= 100 * h.weight
		if d < bd {
			best, bd = i, d
		}
	}
	if best < 0 {
		return countryHit{}, false
	}
	return a.countryHits[best], true
}
