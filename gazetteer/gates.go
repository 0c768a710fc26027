package gazetteer

import (
	"strings"
	"unicode"

	"github.com/sitrep/sitrep"
)

// acronym keeps only countries for a mention written in capitals in
// mixed-case text: "US" and "DRC" are places, "PETA" and "NAS" are not.
func (g *Gazetteer) acronym(text string, toks []token, m rawMention) []uint32 {
	if m.t1-m.t0 != 1 || !allUpper(text[toks[m.t0].start:toks[m.t0].end]) {
		return m.refs
	}
	if upperLine(text, toks[m.t0].start) {
		return m.refs // an all-caps headline
	}
	var out []uint32
	for _, i := range m.refs {
		if g.info[i].bits&isCountry != 0 {
			out = append(out, i)
		}
	}
	return out
}

// upperLine reports whether the line around text[i] has no lower-case
// letter and several words: a headline in capitals.
func upperLine(text string, i int) bool {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += i
	}
	line := text[start:end]
	return strings.Count(strings.TrimSpace(line), " ") >= 2 && allUpper(line)
}

func allUpper(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// plausible applies the gates that keep common words and people's names
// from becoming places. person reports that the name was used for someone,
// so that its other mentions in the text are dropped too.
func (g *Gazetteer) plausible(d *doc, m *rawMention) (ok, person bool) {
	text, toks := d.text, d.toks
	if keyIn(m, keyStop, g.stop) {
		return false, false
	}
	important := m.important()
	ip := -1 // the word before the name, if joined to it
	if m.t0 > 0 && toks[m.t0-1].joined {
		ip = m.t0 - 1
	}
	prev := d.word(ip)
	if d.is(ip, wTitle) {
		return false, !important
	}
	single := m.t1-m.t0 == 1 || !strings.Contains(m.key, " ")
	if single && keyIn(m, keyNeedsContext, g.needsContext) && !m.strong {
		return false, false
	}
	if single && !m.strong && keyIn(m, keyCommon, g.common) && !m.prominent() && (sentenceInitial(text, toks, m.t0) || titleCase(d, m, ip)) {
		// "Power was cut", "Most residents": capitalised only because a
		// sentence starts there. Mid-sentence, "to Vancouver" is a name.
		return false, false
	}
	// Part of a longer capitalised name that is not a place ("Talal Silo",
	// "Washington Examiner"): a neighbouring capitalised word that is not a
	// common English word or a context word.
	if m.t0 > 0 && toks[m.t0-1].joined && toks[m.t0-1].cap && !d.ordinary(ip) {
		return false, false
	}
	// "Llano los Patos", "Pazos de Borben": the tail of a longer
	// capitalised name joined by a connector.
	if m.t0 > 1 && toks[m.t0-1].joined && toks[m.t0-2].joined && toks[m.t0-2].cap && prev != "of" && d.is(ip, wConnector) &&
		!important && !sentenceInitial(text, toks, m.t0-2) {
		return false, false
	}
	// "Tehreek-e-Taliban Pakistan", "Bank of Baghdad": a place name
	// inside an organisation's name, even a country's.
	if m.t0 > 0 && toks[m.t0-1].joined && toks[m.t0-1].cap && d.is(ip, wOrg) {
		return false, false
	}
	if prev == "of" && m.t0 > 1 && toks[m.t0-2].cap && d.is(m.t0-2, wOrg) {
		return false, false
	}
	// Even an ordinary word makes a name of it mid-sentence ("Carlos Cano",
	// "the Victor Hugo school"), unless it is a place prefix ("Mount
	// Sinjar", "Eastern Ghouta") or the place is a major one.
	if m.t0 > 0 && toks[m.t0-1].joined && toks[m.t0-1].cap && !m.regional() && !d.is(ip, wPlacePrefix|wStop|wArticle|wRegionAdj) &&
		!sentenceInitial(text, toks, m.t0-1) {
		return false, false
	}
	// "the Dam in Amsterdam": a small place is rarely written with "the".
	if prev == "the" && !m.sizeable() && !followedByContext(d, m) {
		return false, false
	}
	last := m.t1 // the first token after the name, or after "Reading" in "Victoria Reading"
	if m.t1 < len(toks) && toks[m.t1-1].joined && toks[m.t1].cap {
		ctx := d.is(m.t1, wAfter)
		if !ctx && (!d.ordinary(m.t1) || !m.sizeable()) {
			// "Leroy Wright": a small place's name before a capitalised
			// word is someone's name far more often than a place.
			return false, false
		}
		if !ctx && !important {
			last = m.t1 + 1
		}
	}
	// "Pazos de Borben", "Tha Yet Kan": the first words of a longer
	// capitalised name the gazetteer does not know.
	if m.part && !important {
		return false, false
	}
	// "Tower 22", "Camp 5", "Checkpoint 12": a number after a small
	// place's name makes it the name of a post or a thing.
	if m.t1 < len(toks) && toks[m.t1-1].joined && toks[m.t1].digit && !m.strong && !m.sizeable() {
		return false, false
	}
	// "Dante square", "Brera high school", "Svoboda party": a facility or
	// organisation named after a small place is not that place.
	if m.t1 < len(toks) && toks[m.t1-1].joined && d.is(m.t1, wFacility) && !m.sizeable() {
		return false, false
	}
	// "Dillon added", "Victoria Reading said", "Mark Dillon, a spokesman":
	// a name that speaks or is described as someone is a person.
	if last < len(toks) && !important && !m.strong {
		if toks[last-1].joined && d.is(last, wSpeech) {
			return false, true
		}
		if gap := text[toks[last-1].end:toks[last].start]; strings.TrimSpace(gap) == "," {
			if w := d.word(last); (w == "a" || w == "an") && last+1 < len(toks) && !toks[last+1].cap && !d.is(last+1, wPlaceNoun) {
				return false, true
			}
		}
	}
	return true, false
}

// titleCase reports whether a common word stands in a title-case phrase or
// after "the" ("Independence Day", "the Split between factions", "Ministry
// of Economy", "St Mary's Road"): the name of an event, group or thing
// rather than a town. ip is the word before the name if joined to it, else
// -1.
func titleCase(d *doc, m *rawMention, ip int) bool {
	toks := d.toks
	prev := d.word(ip)
	if prev == "the" {
		return true
	}
	if m.t0 > 0 && toks[m.t0-1].joined && toks[m.t0-1].cap && !sentenceInitial(d.text, toks, m.t0) {
		return true
	}
	if (prev == "of" || d.is(ip, wConnector)) && m.t0 > 1 && toks[m.t0-2].cap && toks[m.t0-2].joined {
		return true // "Ministry of Economy", "Veterans on Patrol"
	}
	return m.t1 < len(toks) && toks[m.t1-1].joined && toks[m.t1].cap
}

// sentenceInitial reports whether token i starts a sentence, a line or a
// quotation, or stands in an all-caps line, so that its capital letter says
// nothing about it being a name.
func sentenceInitial(text string, toks []token, i int) bool {
	if i == 0 {
		return true
	}
	if allUpper(text[toks[i-1].start:toks[i-1].end]) && allUpper(text[toks[i].start:toks[i].end]) {
		return true
	}
	return strings.ContainsAny(text[toks[i-1].end:toks[i].start], ".!?:;\n\"“”•|")
}

// followedByContext reports whether a context word follows the name ("the
// Gao area", "the Raqqa countryside").
func followedByContext(d *doc, m *rawMention) bool {
	if m.t1 >= len(d.toks) || !d.toks[m.t1-1].joined {
		return false
	}
	return d.is(m.t1, wAfter)
}

// important reports whether any of the places is a country, an admin1
// region, a capital or a city of a million.
func (m *rawMention) important() bool { return m.bits&isImportant != 0 }

// prominent reports whether any of the places is a country, a capital or
// a city of a million: names that stay places even when they are common
// words ("Jordan", "Nice" is not one). Regions are not: "Gulf Clan" is no
// province of Papua New Guinea.
func (m *rawMention) prominent() bool { return m.bits&isProminent != 0 }

// Bits of placeInfo.bits: the gates and the resolver test these instead
// of the Place's strings, which would cost a cache miss per candidate.
const (
	isImportant = 1 << iota // country, admin1 region, capital, city of a million
	isProminent             // country, capital, city of a million
	isCountry               // Code PCLI
	isArea                  // Class A (countries and admin regions)
	isADM1                  // Code ADM1
	isADM2                  // Code ADM2
	isTown                  // Class P
	isSizeable              // country, admin1 region, capital, curated feature or 100,000 people
	isBigTown               // not Class A, and 100,000 people
)

// Bits of a name index key's summary, besides its places' weight bits:
// what the word lists say of the key itself, so that the gates need not
// look a mention's key up in them (rawMention.bits keeps them).
const (
	keyIndexed      = 1 << (iota + 12) // the bits below are known: the key is one of the name index
	keyStop                            // in Gazetteer.stop
	keyCommon                          // in Gazetteer.common
	keyNeedsContext                    // in Gazetteer.needsContext
	keyBits         = keyIndexed | keyStop | keyCommon | keyNeedsContext
)

// keyIn reports whether the mention's key is in the word list of flag,
// set: from the bits kept with it if it was looked up in the name index,
// else from the list itself.
func keyIn(m *rawMention, flag uint16, set map[string]bool) bool {
	if m.bits&keyIndexed != 0 {
		return m.bits&flag != 0
	}
	return set[m.key]
}

// placeWeight computes a place's weight bits once, at load.
func placeWeight(p *sitrep.Place) uint16 {
	var w uint16
	big := p.Code == "PCLI" || p.Code == "PPLC" || (p.Class == "P" && p.Population >= 1_000_000)
	if big || p.Code == "ADM1" {
		w |= isImportant
	}
	if big {
		w |= isProminent
	}
	if p.Code == "PCLI" {
		w |= isCountry
	}
	if p.Class == "A" {
		w |= isArea
	}
	if p.Code == "ADM1" {
		w |= isADM1
	}
	if p.Code == "ADM2" {
		w |= isADM2
	}
	if p.Class == "P" {
		w |= isTown
	}
	if p.Population >= 100_000 || p.Code == "PCLI" || p.Code == "ADM1" || p.Code == "PPLC" || p.ID >= 900_000_000 {
		w |= isSizeable
	}
	if p.Class != "A" && p.Population >= 100_000 {
		w |= isBigTown
	}
	return w
}

// bitsOf returns the weight bits of any of the places: a mention keeps
// them (rawMention.bits) so that the gates test them once, not per place,
// and the indexes keep them per key (hashIndex.add).
func (g *Gazetteer) bitsOf(refs []uint32) uint16 {
	var b uint16
	for _, i := range refs {
		b |= g.info[i].bits
	}
	return b
}

// regional reports whether any of the places is a country or an admin1
// region.
func (m *rawMention) regional() bool { return m.bits&(isCountry|isADM1) != 0 }

// sizeable reports whether any of the places is a country, region or a
// town of 100,000 or more.
func (m *rawMention) sizeable() bool { return m.bits&isSizeable != 0 }

// ordinary reports whether a capitalised neighbour, word i, is an
// ordinary word (sentence-initial "In", "Northern", "University") rather
// than part of a proper name.
func (d *doc) ordinary(i int) bool {
	if d.is(i, wStop|wArticle|wConnector|wRegionAdj|wAfter) || d.g.common[d.word(i)] {
		return true
	}
	_, ok := CountryCode(d.word(i))
	return ok
}
