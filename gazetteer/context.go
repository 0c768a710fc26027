package gazetteer

import (
	"strings"
)

// Context words. Before a name: "near X", "north of X", "town of X";
// after it: "X province", "X district", "X area".
var (
	nearBefore = map[string]string{
		"near": "near", "nearby": "near", "outside": "outskirts of", "around": "near",
		"neighbouring": "near", "neighboring": "near",
	}
	ofBefore = map[string]string{ // "<word> of X"
		"outskirts": "outskirts of", "vicinity": "near", "suburbs": "outskirts of", "countryside": "countryside",
		"north": "north of", "south": "south of", "east": "east of", "west": "west of",
		"northeast": "northeast of", "northwest": "northwest of", "southeast": "southeast of", "southwest": "southwest of",
		"outside": "outskirts of", "environs": "near", "periphery": "outskirts of", "edge": "outskirts of",
		"town": "", "city": "", "village": "", "villages": "", "capital": "", "hamlet": "", "port": "", "district": "district", "province": "province",
		"governorate": "province", "region": "region", "state": "province", "area": "area",
		"residents": "", "inhabitants": "", "people": "", "villagers": "", "mayor": "", "governor": "", "center": "", "centre": "",
	}
	after = map[string]string{
		"area": "area", "areas": "area", "outskirts": "outskirts of", "countryside": "countryside", "suburbs": "outskirts of",
		"district": "district", "districts": "district", "subdistrict": "district", "county": "district",
		"township": "district", "municipality": "district", "commune": "district", "lga": "district", "payam": "district",
		"tehsil": "district", "regency": "district", "canton": "district", "department": "province", "nahiya": "district",
		"neighborhood": "", "neighbourhood": "", "quarter": "",
		"province": "province", "governorate": "province", "state": "province", "oblast": "province", "region": "region", "prefecture": "province",
		"city": "", "town": "", "village": "", "camp": "", "airport": "", "border": "", "crossing": "",
		"mountains": "area", "mountain": "area", "valley": "area", "plain": "area", "plains": "area", "desert": "area",
		"front": "area", "frontline": "area", "axis": "area", "pocket": "area", "enclave": "area", "corridor": "area",
		// "the Djibo detachment", "the Kyauktaw garrison": a military post
		// is named after the town it guards.
		"detachment": "", "garrison": "", "outpost": "", "barracks": "", "base": "",
	}
	regionAdjectives = map[string]string{
		"northern": "northern", "southern": "southern", "eastern": "eastern", "western": "western",
		"central": "central", "northeastern": "northeastern", "northwestern": "northwestern",
		"southeastern": "southeastern", "southwestern": "southwestern", "rural": "countryside",
	}
	strongBefore = map[string]bool{"in": true, "near": true, "at": true, "outside": true, "into": true, "from": true, "toward": true, "towards": true,
		"across": true, "throughout": true, "inside": true, "within": true}
	titles = map[string]bool{
		"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "general": true, "president": true,
		"minister": true, "colonel": true, "col": true, "lt": true, "sgt": true, "captain": true, "capt": true,
		"commander": true, "king": true, "prince": true, "princess": true, "queen": true, "sheikh": true, "imam": true,
		"spokesman": true, "spokeswoman": true, "spokesperson": true, "senator": true, "sen": true, "rep": true,
		"judge": true, "officer": true, "sergeant": true, "lieutenant": true, "major": true, "maj": true,
		"adm": true, "admiral": true, "pope": true, "saint": false, "st": false, "father": true, "brother": true,
		"journalist": true, "reporter": true, "correspondent": true, "mayor": true, "governor": true, "emir": true,
		"secretary": true, "chief": true, "director": true, "ambassador": true, "envoy": true, "leader": true,
	}
	placeNouns = map[string]bool{ // "Bukamal, a town on the border": an apposition that keeps a place
		"town": true, "city": true, "village": true, "hamlet": true, "district": true, "province": true, "region": true,
		"country": true, "suburb": true, "neighbourhood": true, "neighborhood": true, "border": true, "crossing": true,
		"base": true, "camp": true, "port": true, "strategic": true, "key": true, "major": true, "small": true, "large": true,
		"frontline": true, "front": true, "mountainous": true, "remote": true, "rural": true, "coastal": true, "desert": true,
	}
	orgWords = map[string]bool{ // words of organisation names a place name may end
		"taliban": true, "hezbollah": true, "hamas": true, "shabaab": true, "isis": true, "isil": true, "daesh": true,
		"bank": true, "university": true, "times": true, "post": true, "news": true, "radio": true, "agency": true,
		"airlines": true, "airways": true, "foundation": true, "institute": true, "company": true, "corporation": true,
		"club": true, "fc": true, "united": true, "tribune": true, "herald": true, "gazette": true, "journal": true,
	}
	placePrefixes = map[string]bool{ // capitalised words that start place names
		"mount": true, "mt": true, "lake": true, "camp": true, "fort": true, "port": true, "cape": true, "jebel": true,
		"jabal": true, "wadi": true, "tell": true, "tal": true, "ras": true, "bir": true, "ain": true, "ayn": true, "deir": true,
		"kafr": true, "umm": true, "beit": true, "bani": true, "sheikh": true, "abu": true, "qasr": true, "khirbet": true,
		"new": true, "old": true, "saint": true, "st": true, "san": true, "santa": true, "sidi": true, "bab": true, "downtown": true,
	}
	facilities = map[string]bool{
		"hospital": true, "school": true, "high": true, "university": true, "college": true, "street": true, "streets": true,
		"road": true, "avenue": true, "square": true, "station": true, "mosque": true, "church": true, "market": true,
		"highway": true, "expressway": true, "hotel": true, "stadium": true, "prison": true, "company": true, "party": true,
		"union": true, "council": true, "branch": true, "alliance": true, "brigade": true, "battalion": true, "front": true,
		"movement": true, "club": true, "militia": true, "group": true, "tribe": true, "clan": true, "family": true,
		"mall": true, "park": true, "factory": true, "office": true, "court": true, "courthouse": true, "boulevard": true,
	}
	speechVerbs = map[string]bool{
		"said": true, "says": true, "told": true, "added": true, "stated": true, "noted": true, "explained": true,
		"claimed": true, "warned": true, "wrote": true, "tweeted": true, "insisted": true, "argued": true,
		"continued": true, "asked": true, "replied": true, "recalled": true, "admitted": true, "denied": true,
	}
)

// partNouns name a part of a place: "the Mezzeh district of Damascus",
// "the Kauru area of Kaduna" put a named district or area in the place
// after "of", which is then neither the district nor merely near.
var partNouns = map[string]bool{"district": true, "area": true, "region": true, "province": true, "governorate": true,
	"state": true, "neighbourhood": true, "neighborhood": true, "quarter": true, "suburb": true, "suburbs": true}

// townOf before "of" say the name is a town: "the town of X", "residents
// of X".
var townOf = map[string]bool{"town": true, "city": true, "village": true, "villages": true, "hamlet": true, "port": true,
	"capital": true, "residents": true, "inhabitants": true, "villagers": true, "mayor": true}

// readContext sets the modifier, preferred kind and strength of a mention
// from the words around it.
func readContext(d *doc, m *rawMention) {
	toks := d.toks
	// The words before the name, by token index: -1 (or any index outside
	// the text) is no word.
	i1, i2 := m.t0-1, m.t0-2
	if m.t0 >= 1 && !toks[m.t0-1].joined && d.word(i1) != "" {
		// punctuation between: no "near" effect, but "(Raqqa)" is still fine
		i1, i2 = -1, -1
	}
	if b1 := d.word(i1); b1 == "the" || b1 == "al" { // "north of the Raqqa"
		i1, i2 = i2, m.t0-3
	}
	b1, b2 := d.word(i1), d.word(i2)
	if d.is(i1, wNearBefore) {
		m.mod, m.strong = nearBefore[b1], true
	}
	if b1 == "of" && d.is(i2, wOfBefore) {
		mod := ofBefore[b2]
		m.strong = true
		// "the Mezzeh district of Damascus", "the Kauru area of Kaduna":
		// a named part of X, so X is the town or region that holds it,
		// not itself the district.
		named := m.t0 >= 3 && d.word(m.t0-1) == "of" && toks[m.t0-3].cap && toks[m.t0-3].joined && toks[m.t0-2].joined &&
			!sentenceInitial(d.text, toks, m.t0-3) && d.is(i2, wPartNoun)
		switch {
		case named:
			mod = ""
		case b2 == "district":
			m.kind, m.mod = "admin2", "district"
		case b2 == "province" || b2 == "governorate" || b2 == "state" || b2 == "region":
			m.kind, m.mod = "admin1", mod
		case d.is(i2, wTownOf):
			m.kind = "town"
		default:
			m.mod = mod
		}
		if w3 := d.word(m.t0 - 3); (w3 == "close" || w3 == "just") && mod == "" {
			m.mod = "near"
		}
	}
	if b1 == "to" && b2 == "close" {
		m.mod, m.strong = "near", true
	}
	if d.is(i1, wRegionAdj) && m.mod == "" {
		m.mod = regionAdjectives[b1]
	}
	if d.is(i1, wStrongBefore) {
		m.strong = true
	}
	if m.kind == "" && inParentheses(d.text, toks[m.t0].start, toks[m.t1-1].end) {
		// "Ruropolis (Para)", "(Fako, Sud-Ouest)": a bracketed name after a
		// place is the region it lies in.
		m.kind, m.strong = "region", true
	}
	if m.t1-1 < len(toks) && toks[m.t1-1].joined {
		ia := m.t1 // the word after the name
		if d.is(m.t1+1, wFacility) && m.t1+1 < len(toks) && toks[m.t1].joined {
			ia = -1 // "Iskenderun state hospital": an adjective, not the province
		}
		if a1 := d.word(ia); d.is(ia, wAfter) {
			mod := after[a1]
			m.strong = true
			switch a1 {
			case "district", "districts", "subdistrict", "county", "township", "municipality", "commune", "lga", "payam", "tehsil", "regency", "canton", "nahiya":
				m.kind = "admin2"
			case "province", "governorate", "state", "oblast", "region", "prefecture", "department":
				m.kind = "admin1"
			case "city", "town", "village", "camp":
				m.kind = "town"
			}
			if mod != "" && m.mod == "" || m.kind == "admin1" || m.kind == "admin2" {
				m.mod = mod
			}
			if a1 == "border" && d.word(m.t1+1) == "crossing" {
				m.mod = "border crossing"
			}
		}
	}
}

// inParentheses reports whether text[start:end] is an item of a bracketed
// list: "(" or "," before it, ")" or "," after it, inside brackets.
func inParentheses(text string, start, end int) bool {
	before := strings.TrimRight(text[:start], " ")
	afterText := strings.TrimLeft(text[end:], " ")
	if before == "" || afterText == "" {
		return false
	}
	b, a := before[len(before)-1], afterText[0]
	if b != '(' && b != ',' || a != ')' && a != ',' {
		return false
	}
	open := strings.LastIndexByte(before, '(')
	return open >= 0 && strings.LastIndexByte(before, ')') < open
}
