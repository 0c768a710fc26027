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
func (g *Gazetteer) plausible(text string, m *rawMention, toks []token, word func(int) string) (ok, person bool) {
	if g.stop[m.key] {
		return false, false
	}
	important := g.any(m.refs, isImportant)
	prev := ""
	if m.t0 > 0 && toks[m.t0-1].joined {
		prev = word(m.t0 - 1)
	}
	if titles[prev] {
		return false, !important
	}
	single := m.t1-m.t0 == 1 || !strings.Contains(m.key, " ")
	if single && g.needsContext[m.key] && !m.strong {
		return false, false
	}
	if single && !m.strong && g.common[m.key] && !g.prominent(m.refs) && (sentenceInitial(text, toks, m.t0) || titleCase(text, toks, m, prev, word)) {
		// "Power was cut", "Most residents": capitalised only because a
		// sentence starts there. Mid-sentence, "to Vancouver" is a name.
		return false, false
	}
	// Part of a longer capitalised name that is not a place ("Talal Silo",
	// "Washington Examiner"): a neighbouring capitalised word that is not a
	// common English word or a context word.
	if m.t0 > 0 && toks[m.t0-1].joined && toks[m.t0-1].cap && !g.ordinary(prev) {
		return false, false
	}
	// "Llano los Patos", "Pazos de Borben": the tail of a longer
	// capitalised name joined by a connector.
	if m.t0 > 1 && toks[m.t0-1].joined && toks[m.t0-2].joined && toks[m.t0-2].cap && prev != "of" && nameWords[prev]&isConnector != 0 &&
		!important && !sentenceInitial(text, toks, m.t0-2) {
		return false, false
	}
	// "Tehreek-e-Taliban Pakistan", "Bank of Baghdad": a place name
	// inside an organisation's name, even a country's.
	if m.t0 > 0 && toks[m.t0-1].joined && toks[m.t0-1].cap && orgWords[prev] {
		return false, false
	}
	if prev == "of" && m.t0 > 1 && toks[m.t0-2].cap && orgWords[word(m.t0-2)] {
		return false, false
	}
	// Even an ordinary word makes a name of it mid-sentence ("Carlos Cano",
	// "the Victor Hugo school"), unless it is a place prefix ("Mount
	// Sinjar", "Eastern Ghouta") or the place is a major one.
	if m.t0 > 0 && toks[m.t0-1].joined && toks[m.t0-1].cap && !g.regional(m.refs) && !placePrefixes[prev] &&
		!g.stop[prev] && !articles[prev] && !sentenceInitial(text, toks, m.t0-1) {
		if _, adj := regionAdjectives[prev]; !adj {
			return false, false
		}
	}
	// "the Dam in Amsterdam": a small place is rarely written with "the".
	if prev == "the" && !g.sizeable(m.refs) && !followedByContext(toks, m, word) {
		return false, false
	}
	last := m.t1 // the first token after the name, or after "Reading" in "Victoria Reading"
	if m.t1 < len(toks) && toks[m.t1-1].joined && toks[m.t1].cap {
		next := word(m.t1)
		if _, ctx := after[next]; !ctx && (!g.ordinary(next) || !g.sizeable(m.refs)) {
			// "Leroy Wright": a small place's name before a capitalised
			// word is someone's name far more often than a place.
			return false, false
		}
		if _, ctx := after[next]; !ctx && !important {
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
	if m.t1 < len(toks) && toks[m.t1-1].joined && toks[m.t1].digit && !m.strong && !g.sizeable(m.refs) {
		return false, false
	}
	// "Dante square", "Brera high school", "Svoboda party": a facility or
	// organisation named after a small place is not that place.
	if m.t1 < len(toks) && toks[m.t1-1].joined && facilities[word(m.t1)] && !g.sizeable(m.refs) {
		return false, false
	}
	// "Dillon added", "Victoria Reading said", "Mark Dillon, a spokesman":
	// a name that speaks or is described as someone is a person.
	if last < len(toks) && !important && !m.strong {
		if toks[last-1].joined && speechVerbs[word(last)] {
			return false, true
		}
		if gap := text[toks[last-1].end:toks[last].start]; strings.TrimSpace(gap) == "," {
			if w := word(last); (w == "a" || w == "an") && last+1 < len(toks) && !toks[last+1].cap && !placeNouns[word(last+1)] {
				return false, true
			}
		}
	}
	return true, false
}

// titleCase reports whether a common word stands in a title-case phrase or
// after "the" ("Independence Day", "the Split between factions", "Ministry
// of Economy", "St Mary's Road"): the name of an event, group or thing
// rather than a town.
func titleCase(text string, toks []token, m *rawMention, prev string, word func(int) string) bool {
	if prev == "the" {
		return true
	}
	if m.t0 > 0 && toks[m.t0-1].joined && toks[m.t0-1].cap && !sentenceInitial(text, toks, m.t0) {
		return true
	}
	if (prev == "of" || nameWords[prev]&isConnector != 0) && m.t0 > 1 && toks[m.t0-2].cap && toks[m.t0-2].joined {
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
func followedByContext(toks []token, m *rawMention, word func(int) string) bool {
	if m.t1 >= len(toks) || !toks[m.t1-1].joined {
		return false
	}
	_, ok := after[word(m.t1)]
	return ok
}

// important reports whether any of the places is a country, an admin1
// region, a capital or a city of a million.
func (g *Gazetteer) important(refs []uint32) bool { return g.any(refs, isImportant) }

// prominent reports whether any of the places is a country, a capital or
// a city of a million: names that stay places even when they are common
// words ("Jordan", "Nice" is not one). Regions are not: "Gulf Clan" is no
// province of Papua New Guinea.
func (g *Gazetteer) prominent(refs []uint32) bool { return g.any(refs, isProminent) }

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

// any reports whether one of the places has the weight bit.
func (g *Gazetteer) any(refs []uint32, bit uint16) bool {
	for _, i := range refs {
		if g.info[i].bits&bit != 0 {
			return true
		}
	}
	return false
}

// regional reports whether any of the places is a country or an admin1
// region.
func (g *Gazetteer) regional(refs []uint32) bool { return g.any(refs, isCountry|isADM1) }

// sizeable reports whether any of the places is a country, region or a
// town of 100,000 or more.
func (g *Gazetteer) sizeable(refs []uint32) bool { return g.any(refs, isSizeable) }

// ordinary reports whether a capitalised neighbour is an ordinary word
// (sentence-initial "In", "Northern", "University") rather than part of a
// proper name.
func (g *Gazetteer) ordinary(w string) bool {
	if g.stop[w] || g.common[w] || isArticle(w) || connectors[w] {
		return true
	}
	if _, ok := regionAdjectives[w]; ok {
		return true
	}
	if _, ok := after[w]; ok {
		return true
	}
	if _, ok := CountryCode(w); ok {
		return true
	}
	return false
}
