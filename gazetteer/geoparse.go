package gazetteer

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unsafe"

	"github.com/sitrep/sitrep"
)

// tokenBuf holds the tokens of one Geoparse call; they are reused.
type tokenBuf struct {
	toks []token
	buf  []byte
}

var tokenBufs = sync.Pool{New: func() any { return new(tokenBuf) }}

// maxSpan is the longest name, in tokens, that Geoparse looks for.
const maxSpan = 6

// connectors may appear in lower case inside a multi-word name
// ("Deir ez-Zor", "Bab al-Hawa", "Dar es Salaam", "Umm al-Qura").
var connectors = map[string]bool{
	"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "of": true,
	"bin": true, "ibn": true, "bint": true, "abu": true, "um": true, "umm": true, "wa": true,
	"da": true, "do": true, "dos": true, "das": true, "del": true, "di": true, "van": true,
	"von": true, "der": true, "den": true, "sur": true, "am": true, "im": true, "e": true,
	"i": true, "y": true, "ben": true, "bou": true, "ould": true, "au": true, "aux": true, "sous": true,
	"bei": true, "ob": true, "d": true, "l": true,
}

// englishArticle are the article spellings that are also English words; a
// leading one counts as part of a name only when hyphenated ("As-Suwayda").
var englishArticle = map[string]bool{"as": true, "at": true, "an": true, "en": true, "es": true, "us": true, "un": true, "ed": true, "er": true}

// featureWords may continue a name in lower case when the whole is a
// gazetteer name ("Bab al-Hawa border crossing", "Mosul dam").
var featureWords = map[string]bool{
	"border": true, "crossing": true, "camp": true, "dam": true, "airbase": true, "base": true, "air": true,
	"airport": true, "airfield": true, "field": true, "oilfield": true, "oil": true, "garrison": true,
	"refugee": true, "bridge": true, "plant": true, "nuclear": true, "power": true, "steel": true, "gate": true,
}

// Flags of the lower-case words that may stand inside a name, in one map so
// that each word costs one lookup.
const (
	isArticleWord = 1 << iota
	isConnector
	isFeature
)

var nameWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range articles {
		m[w] |= isArticleWord
	}
	for w := range connectors {
		m[w] |= isConnector
	}
	for w := range featureWords {
		m[w] |= isFeature
	}
	return m
}()

// candidate mention before disambiguation.
type rawMention struct {
	t0, t1 int // token range [t0, t1)
	refs   []uint32
	exact  bool
	key    string
	mod    string // modifier from context
	kind   string // "admin1", "admin2", "town" preference from context, or ""
	strong bool   // context says this is a place ("in X", "town of X", "X district")
	bare   bool   // written without a leading article
	drop   bool   // set by regionAfterPlace
	part   bool   // the capitalised run goes on past the name ("Pazos de Borben")
	ctx    scoreContext
}

// articleName reports whether a name starts with an article ("El
// Salvador", "Al Bab").
func articleName(name string) bool {
	i := strings.IndexAny(name, " -")
	return i > 0 && isArticle(strings.ToLower(name[:i]))
}

// Geoparse finds the place names in text and resolves each to the most
// likely place, using the hint and the other places in the text. Mentions are
// returned in text order; each covers the name as written, including a
// leading Arabic article ("al-Tanf").
func (g *Gazetteer) Geoparse(text string, hint sitrep.GeoHint) []sitrep.PlaceMention {
	tb := tokenBufs.Get().(*tokenBuf)
	defer tokenBufs.Put(tb)
	toks, buf := tokenize(text, tb.toks[:0], tb.buf[:0])
	tb.toks, tb.buf = toks, buf
	raws := g.findMentions(toks, buf)
	if len(raws) == 0 {
		return nil
	}
	word := func(i int) string {
		if i < 0 || i >= len(toks) || toks[i].k0 == toks[i].k1 {
			return ""
		}
		return unsafeWord(toks, buf, i)
	}
	g.regionAfterPlace(text, toks, buf, raws)
	kept := raws[:0]
	people := map[string]bool{}
	for _, m := range raws {
		if m.drop {
			continue
		}
		readContext(text, &m, toks, word)
		if m.refs = g.acronym(text, toks, m); len(m.refs) == 0 {
			continue
		}
		ok, person := g.plausible(text, &m, toks, word)
		if person {
			people[m.key] = true
		}
		if ok {
			kept = append(kept, m)
		}
	}
	if len(people) > 0 {
		// A name used for a person anywhere in the text is not a place
		// elsewhere in it ("Mark Dillon, …" then "Dillon added").
		k := 0
		for _, m := range kept {
			if !people[m.key] {
				kept[k] = m
				k++
			}
		}
		kept = kept[:k]
	}
	return g.resolve(text, toks, buf, kept, hint)
}

// afterWord reports whether a token is a context word that may follow a
// name ("Raqqa Governorate", "Hit District").
func afterWord(buf []byte, t token) bool {
	_, ok := after[string(buf[t.k0:t.k1])]
	return ok || featureWords[string(buf[t.k0:t.k1])]
}

// unsafeWord returns the folded word i. The words only live during one
// Geoparse call (context lookups) and are not retained, so they can alias
// the pooled buffer instead of being copied.
func unsafeWord(toks []token, buf []byte, i int) string {
	if i < 0 || i >= len(toks) || toks[i].k0 == toks[i].k1 {
		return ""
	}
	return unsafe.String(&buf[toks[i].k0], toks[i].k1-toks[i].k0)
}

// findMentions makes one pass over the tokens and, at each token that can
// start a name, looks up the longest run of following tokens that is a key
// of the index (hash lookups of the growing key, at most maxSpan per start).
func (g *Gazetteer) findMentions(toks []token, buf []byte) []rawMention {
	out := make([]rawMention, 0, len(toks)/16+1)
	var key []byte
	span := min(maxSpan, g.maxTokens+2)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		w := buf[t.k0:t.k1]
		if t.digit || !(t.cap || (t.joined && i+1 < len(toks) && toks[i+1].cap && articles[string(w)])) {
			continue
		}
		key = key[:0]
		best := rawMention{t0: -1}
		bestLen := 0
		lastKeyed := 0 // key[:lastKeyed] is the longest run ending in a capitalised word
		lastEnd := -1
		for j := i; j < len(toks) && j < i+span; j++ {
			if j > i && !toks[j-1].joined {
				break
			}
			tj := toks[j]
			wj := buf[tj.k0:tj.k1]
			flags := nameWords[string(wj)]
			feature, article := flags&isFeature != 0, flags&isArticleWord != 0
			if tj.digit || (!tj.cap && flags == 0) {
				break
			}
			if j > i && tj.cap && toks[j-1].cap == false && g.stop[string(wj)] {
				break // a connector does not join "… de Monday"
			}
			if article {
				// Articles are not part of keys ("al-Tanf" = "Tanf"); a
				// capitalised one that starts nothing is a word of its own
				// ("US", "As").
				if tj.joined && j+1 < len(toks) && toks[j+1].cap {
					continue
				}
				if !tj.cap || j > i {
					break
				}
			}
			if len(key) > 0 {
				key = append(key, ' ')
			}
			key = append(key, wj...)
			if !tj.cap && !feature {
				continue
			}
			if refs := g.refs(g.names, key); refs != nil {
				best = rawMention{t0: i, t1: j + 1, refs: refs, exact: true}
				bestLen = len(key)
			}
			lastKeyed = len(key)
			lastEnd = j + 1
		}
		if best.t0 < 0 && lastEnd > 0 && !toks[lastEnd-1].cap {
			lastEnd = -1 // a variant must end in a capitalised word
		}
		if best.t0 < 0 && lastEnd > 0 && lastKeyed >= 5 && !g.common[string(key[:lastKeyed])] {
			// No exact key: try the transliteration skeleton of the longest
			// run, keeping the places whose own name is within a few edits.
			var sk [128]byte
			s := appendSkeleton(sk[:0], key[:lastKeyed])
			if refs := g.refs(g.skel, s); refs != nil && len(refs) <= 256 {
				// Checked against the places' names in resolve, once the
				// document's countries have narrowed them down.
				best = rawMention{t0: i, t1: lastEnd, refs: refs, key: string(key[:lastKeyed])}
			}
		}
		if best.t0 >= 0 && lastEnd > best.t1 && toks[lastEnd-1].cap {
			// A longer run than the exact match may be a variant of a
			// longer name: "Ain al Arab" is Ayn al Arab, not Al Ain.
			var sk [128]byte
			s := appendSkeleton(sk[:0], key[:lastKeyed])
			if refs := g.refs(g.skel, s); refs != nil && len(refs) <= 256 {
				if refs = g.similar(key[:lastKeyed], refs); refs != nil {
					best = rawMention{t0: i, t1: lastEnd, refs: refs, key: string(key[:lastKeyed])}
				}
			}
		}
		if best.t0 < 0 {
			continue
		}
		if best.exact {
			best.key = string(key[:bestLen])
		}
		if lastEnd > best.t1 && !afterWord(buf, toks[best.t1]) {
			best.part = true
		}
		best.bare = !articles[string(w)]
		out = append(out, best)
		i = best.t1 - 1
	}
	return out
}

// regionAfterPlace handles a mention followed by a region that may contain
// it: "Patos (Paraiba)", "Hamilton, Ontario", "Haradh district (Hajjah)",
// "Kelly town in Idleb". When the region contains one of the places the
// first name may be, the second means the region, not a town of the same
// name. When, in the hierarchical forms "X (Y" and "X, Y." the region
// contains none of them, X is a place the gazetteer does not know (or knows
// only elsewhere) and is dropped: the region is where the text puts it.
func (g *Gazetteer) regionAfterPlace(text string, toks []token, buf []byte, ms []rawMention) {
	for k := 1; k < len(ms); k++ {
		prev, cur := &ms[k-1], &ms[k]
		between, linked := prev.t1, false
		for between < cur.t0 && between-prev.t1 < 3 {
			w := unsafeWord(toks, buf, between)
			if _, ok := after[w]; !ok && w != "in" && w != "of" && w != "the" {
				break
			}
			linked = linked || w == "in" || w == "of"
			between++
		}
		if between != cur.t0 {
			continue
		}
		gap := text[toks[prev.t1-1].end:toks[cur.t0].start]
		if !linked && !strings.ContainsAny(gap, ",(") {
			continue
		}
		if g.contains(cur, prev) {
			cur.kind = "region"
			continue
		}
		if !hierarchical(text, gap, toks[cur.t1-1].end) || prev.kind != "" {
			continue
		}
		// Drop X when regions are named in the chain that follows ("Buea
		// (Fako, Sud-Ouest)", "Al Jabaliyah (At Tuhayat, Al Hudaydah)")
		// and none contains it, unless X is a large place: GeoNames' own
		// region codes are not always those the text uses.
		anyRegion, contained := false, false
		for j := k; j < len(ms) && j < k+3; j++ {
			if g.contains(&ms[j], prev) {
				contained = true
				break
			}
			for _, r := range ms[j].refs {
				if c := g.places[r].Code; c == "ADM1" || c == "ADM2" {
					anyRegion = true
				}
			}
			if j+1 < len(ms) && !strings.ContainsAny(text[toks[ms[j].t1-1].end:toks[ms[j+1].t0].start], ",") {
				break // the chain ends
			}
		}
		if !contained && anyRegion && !g.sizeable(prev.refs) {
			prev.drop = true
		}
	}
}

// contains reports whether some region the outer mention may be contains
// some place the inner one may be.
func (g *Gazetteer) contains(outer, inner *rawMention) bool {
	for _, r := range outer.refs {
		if c := g.places[r].Code; c != "ADM1" && c != "ADM2" {
			continue
		}
		for _, i := range inner.refs {
			if g.admin1[i] == int32(r) || g.admin2[i] == int32(r) {
				return true
			}
		}
	}
	return false
}

// hierarchical reports whether "X<gap>Y<rest>" reads as X inside Y: an
// opening parenthesis, or a comma with Y ending the clause ("near Lozove,
// Donetsk."), not a list ("Aleppo, Idlib and Hama").
func hierarchical(text, gap string, end int) bool {
	if strings.Contains(gap, "(") {
		return true
	}
	if !strings.Contains(gap, ",") {
		return false
	}
	rest := strings.TrimLeft(text[end:], " \t")
	return rest == "" || strings.ContainsAny(rest[:1], ".;)\n[")
}

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
		if g.places[i].Code == "PCLI" {
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

// similar keeps the places whose name's key is within 40% edits of key: a
// skeleton match alone lets "School" reach "Soquel".
func (g *Gazetteer) similar(key []byte, refs []uint32) []uint32 {
	var out []uint32
	var buf [128]byte
	for _, i := range refs {
		if n := len(g.places[i].Name); n > 2*len(key)+4 || 2*n+4 < len(key) {
			continue // lengths too far apart for 40% edits (names may carry diacritics)
		}
		name := appendKey(buf[:0], g.places[i].Name)
		if d := editDistance(key, name); float64(d) <= 0.4*float64(max(len(key), len(name))) {
			out = append(out, i)
		}
	}
	return out
}

// editDistance is the Levenshtein distance between two byte strings.
func editDistance(a, b []byte) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	var row [65]int
	for j := range len(b) + 1 {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cur := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(b)]
}

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
	}
	regionAdjectives = map[string]string{
		"northern": "northern", "southern": "southern", "eastern": "eastern", "western": "western",
		"central": "central", "northeastern": "northeastern", "northwestern": "northwestern",
		"southeastern": "southeastern", "southwestern": "southwestern", "rural": "countryside",
	}
	strongBefore = map[string]bool{"in": true, "near": true, "at": true, "outside": true, "into": true, "from": true, "toward": true, "towards": true}
	titles       = map[string]bool{
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

// readContext sets the modifier, preferred kind and strength of a mention
// from the words around it.
func readContext(text string, m *rawMention, toks []token, word func(int) string) {
	b1, b2 := word(m.t0-1), word(m.t0-2)
	if m.t0 >= 1 && !toks[m.t0-1].joined && b1 != "" {
		// punctuation between: no "near" effect, but "(Raqqa)" is still fine
		b1, b2 = "", ""
	}
	if b1 == "the" || b1 == "al" { // "north of the Raqqa"
		b1, b2 = b2, word(m.t0-3)
	}
	if mod, ok := nearBefore[b1]; ok {
		m.mod, m.strong = mod, true
	}
	if b1 == "of" {
		if mod, ok := ofBefore[b2]; ok {
			m.strong = true
			switch b2 {
			case "district":
				m.kind, m.mod = "admin2", "district"
			case "province", "governorate", "state", "region":
				m.kind, m.mod = "admin1", mod
			case "town", "city", "village", "villages", "hamlet", "port", "capital", "residents", "inhabitants", "villagers", "mayor":
				m.kind = "town"
			default:
				m.mod = mod
			}
			if w3 := word(m.t0 - 3); (w3 == "close" || w3 == "just") && mod == "" {
				m.mod = "near"
			}
		}
	}
	if b1 == "to" && b2 == "close" {
		m.mod, m.strong = "near", true
	}
	if mod, ok := regionAdjectives[b1]; ok && m.mod == "" {
		m.mod = mod
	}
	if strongBefore[b1] {
		m.strong = true
	}
	if m.kind == "" && inParentheses(text, toks[m.t0].start, toks[m.t1-1].end) {
		// "Ruropolis (Para)", "(Fako, Sud-Ouest)": a bracketed name after a
		// place is the region it lies in.
		m.kind = "region"
	}
	if m.t1-1 < len(toks) && toks[m.t1-1].joined {
		a1 := word(m.t1)
		if mod, ok := after[a1]; ok {
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
			if a1 == "border" && word(m.t1+1) == "crossing" {
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

// plausible applies the gates that keep common words and people's names
// from becoming places. person reports that the name was used for someone,
// so that its other mentions in the text are dropped too.
func (g *Gazetteer) plausible(text string, m *rawMention, toks []token, word func(int) string) (ok, person bool) {
	if g.stop[m.key] {
		return false, false
	}
	important := false
	for _, i := range m.refs {
		p := &g.places[i]
		if p.Code == "PCLI" || p.Code == "ADM1" || p.Code == "PPLC" || (p.Class == "P" && p.Population >= 1_000_000) {
			important = true
			break
		}
	}
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
	if single && g.common[m.key] && !important && !m.strong && (sentenceInitial(text, toks, m.t0) || titleCase(text, toks, m, prev, word)) {
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
	if m.t0 > 0 && toks[m.t0-1].cap && !sentenceInitial(text, toks, m.t0) {
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

// townCountries returns the countries where refs include a town. Without
// "province" or "district" in the context, a town is meant rather than the
// region of the same name in its country ("Raqqa" is the city).
func (g *Gazetteer) townCountries(refs []uint32, kind string) townSet {
	if kind != "" {
		return nil
	}
	var in townSet
	for _, i := range refs {
		if p := &g.places[i]; p.Class != "A" && !in.has(p.CountryCode) {
			in = append(in, p.CountryCode)
		}
	}
	return in
}

// townSet is a small set of country codes.
type townSet []string

func (t townSet) has(cc string) bool {
	for _, c := range t {
		if c == cc {
			return true
		}
	}
	return false
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
func (g *Gazetteer) important(refs []uint32) bool {
	for _, i := range refs {
		p := &g.places[i]
		if p.Code == "PCLI" || p.Code == "ADM1" || p.Code == "PPLC" || (p.Class == "P" && p.Population >= 1_000_000) {
			return true
		}
	}
	return false
}

// regional reports whether any of the places is a country or an admin1
// region.
func (g *Gazetteer) regional(refs []uint32) bool {
	for _, i := range refs {
		if c := g.places[i].Code; c == "PCLI" || c == "ADM1" {
			return true
		}
	}
	return false
}

// sizeable reports whether any of the places is a country, region or a
// town of 100,000 or more.
func (g *Gazetteer) sizeable(refs []uint32) bool {
	for _, i := range refs {
		p := &g.places[i]
		if p.Population >= 100_000 || p.Code == "PCLI" || p.Code == "ADM1" || p.Code == "PPLC" || p.ID >= 900_000_000 {
			return true
		}
	}
	return false
}

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

// scoreContext is what the document says about where it is: the hint's
// country weights and the country evidence of the other mentions (all
// mentions' minus this one's).
type scoreContext struct {
	hint, total map[string]float64
	own         []vote
}

// weight is the 0..1 weight of a country for the mention being resolved.
func (c scoreContext) weight(cc string) float64 {
	w := c.hint[cc]
	if c.total != nil {
		v := c.total[cc]
		for _, o := range c.own {
			if o.cc == cc {
				v -= o.v
			}
		}
		w = max(w, 0.8*min(1, v))
	}
	return w
}

func hintWeights(h sitrep.GeoHint) map[string]float64 {
	w := map[string]float64{}
	for i, cc := range h.CountryCodes {
		v := 1 - 0.15*float64(i)
		if v < 0.5 {
			v = 0.5
		}
		if w[cc] < v {
			w[cc] = v
		}
	}
	return w
}

// score rates a place as the referent of a name, before document context
// (country, proximity, kind) is added.
func (g *Gazetteer) score(i uint32, exact bool, ctx scoreContext) float64 {
	return g.scoreW(i, exact, ctx.weight(g.places[i].CountryCode))
}

// scoreW is score given the weight of the place's country.
func (g *Gazetteer) scoreW(i uint32, exact bool, countryWeight float64) float64 {
	p := &g.places[i]
	s := 0.1
	s += 0.35 * countryWeight
	// Population on a log scale: 100 → 0, 10,000 → 0.4, 10 million → 1.
	pop := (math.Log10(float64(p.Population)+1) - 2) / 5
	s += 0.3 * min(max(pop, 0), 1)
	switch p.Code {
	case "PCLI":
		s += 0.3
	case "ADM1", "PPLC":
		s += 0.15
	case "PPLA":
		s += 0.1
	case "PPLA2":
		s += 0.05
	}
	if p.ID >= 900_000_000 {
		s += 0.15 // curated conflict features
	}
	if !exact {
		s -= 0.25
	}
	return s
}

// resolve picks a place for each mention.
func (g *Gazetteer) resolve(text string, toks []token, buf []byte, ms []rawMention, hint sitrep.GeoHint) []sitrep.PlaceMention {
	// Countries evidenced by the text: each mention is judged by the
	// evidence of the others (and the hint), never by its own.
	own := make([][]vote, len(ms))
	total := map[string]float64{}
	// "Syrian regime forces", "a Ukrainian soldier": half a vote each, at
	// most one in total per country.
	for i, t := range toks {
		if !t.cap {
			continue
		}
		if cc, ok := g.demonyms[unsafeWord(toks, buf, i)]; ok && total[cc] < 1 {
			total[cc] += 0.5
		}
	}
	for k := range ms {
		own[k] = g.votes(&ms[k])
		for _, v := range own[k] {
			total[v.cc] += v.v
		}
	}
	// Evidence from regions and towns only: country names are often the
	// topic ("a protest against the war in Ukraine"), not the place.
	hints := hintWeights(hint)
	regional := make([]float64, len(ms))
	regionTotal := map[string]float64{}
	for k := range ms {
		if !g.namesCountry(&ms[k]) {
			for _, v := range own[k] {
				regionTotal[v.cc] += v.v
			}
		}
	}
	for k := range ms {
		for cc, v := range regionTotal {
			if !g.namesCountry(&ms[k]) {
				for _, o := range own[k] {
					if o.cc == cc {
						v -= o.v
					}
				}
			}
			regional[k] = max(regional[k], 0.8*min(1, v))
		}
		for _, w := range hints {
			regional[k] = max(regional[k], w)
		}
	}
	kept := ms[:0]
	for k, m := range ms {
		ctx := scoreContext{hint: hints, total: total, own: own[k]}
		m.ctx = ctx
		// Transliteration variants count only in the countries the
		// document is about, and small places abroad are dropped when it
		// clearly is about some countries: "Leroy", "Assad" are not
		// villages in Russia.
		if !m.exact {
			var refs []uint32
			for _, i := range m.refs {
				if ctx.weight(g.places[i].CountryCode) >= 0.25 {
					refs = append(refs, i)
				}
			}
			if refs = g.similar([]byte(m.key), refs); len(refs) == 0 {
				continue
			}
			m.refs = refs
		}
		if regional[k] >= 0.45 {
			home := false
			for _, i := range m.refs {
				p := &g.places[i]
				if ctx.weight(p.CountryCode) > 0 || (p.Class != "A" && p.Population >= 100_000 && regional[k] < 0.7) || g.important([]uint32{i}) {
					home = true
					break
				}
			}
			if !home {
				continue
			}
		}
		kept = append(kept, m)
	}
	ms = kept

	// "Idleb governorate", "Jos North LGA": when the context names a
	// region but the name is only known as a town, the town's region is
	// meant.
	for k := range ms {
		m := &ms[k]
		if m.kind != "admin1" && m.kind != "admin2" {
			continue
		}
		code := "ADM1"
		if m.kind == "admin2" {
			code = "ADM2"
		}
		has := false
		for _, i := range m.refs {
			if g.places[i].Code == code {
				has = true
			}
		}
		if has {
			continue
		}
		refs := append([]uint32(nil), m.refs...)
		for _, i := range m.refs {
			r := g.admin1[i]
			if m.kind == "admin2" {
				r = g.admin2[i]
			}
			if r >= 0 && !slices.Contains(refs, uint32(r)) {
				refs = append(refs, uint32(r))
			}
		}
		m.refs = refs
	}

	// Regions the text names, to prefer places inside them: "Patos
	// (Paraiba)", "Goma (Mahagi, Ituri)", "Kulu district of Konya".
	regions := map[int32]int{} // region place index → mention index, -1 if several
	for k, m := range ms {
		for _, i := range m.refs {
			if p := &g.places[i]; p.Code == "ADM1" || p.Code == "ADM2" {
				if prev, ok := regions[int32(i)]; ok && prev != k {
					regions[int32(i)] = -1
				} else {
					regions[int32(i)] = k
				}
			}
		}
	}
	inside := func(i uint32, self int) float64 {
		b := 0.0
		if r := g.admin1[i]; r >= 0 && r != int32(i) {
			if k, ok := regions[r]; ok && k != self {
				b += 0.35
			}
		}
		if r := g.admin2[i]; r >= 0 && r != int32(i) {
			if k, ok := regions[r]; ok && k != self {
				b += 0.2
			}
		}
		return b
	}

	type choice struct {
		best, second float64
		idx          uint32
	}
	var nameBuf [128]byte
	weights := map[string]float64{} // country weights of the mention being resolved
	choose := func(m *rawMention, anchors []anchor, self int) choice {
		c := choice{best: -1, second: -1}
		townIn := g.townCountries(m.refs, m.kind)
		clear(weights)
		for _, i := range m.refs {
			p := &g.places[i]
			w, ok := weights[p.CountryCode]
			if !ok {
				w = m.ctx.weight(p.CountryCode)
				weights[p.CountryCode] = w
			}
			s := g.scoreW(i, m.exact, w) + kindBonus(p, m.kind) + inside(i, self)
			if len(m.refs) > 1 && m.exact && string(appendKey(nameBuf[:0], p.Name)) == m.key {
				s += 0.12 // its own name, not an alias ("Valence" the French town, not Valencia)
			}
			if m.bare && p.Code == "PCLI" && articleName(p.Name) {
				s -= 0.3 // "Salvador" is not "El Salvador"
			}
			if p.Class == "A" && p.Code != "PCLI" && townIn.has(p.CountryCode) {
				s -= 0.2
			}
			if p.Class == "A" && p.Code != "PCLI" && m.kind == "" && len(townIn) > 0 {
				s -= 0.1 // "gathered in Bari": the Italian city, not Somalia's Bari region
			}
			for _, a := range anchors {
				// Only nearby mentions: a long text may move across countries,
				// and this keeps the cost linear.
				if a.mention != self && a.mention-self <= 50 && self-a.mention <= 50 && math.Abs(p.Lat-a.lat) < 2.3 && distanceKm(p.Lat, p.Lon, a.lat, a.lon) < 250 {
					s += 0.15
					break
				}
			}
			if s > c.best {
				c.second, c.best, c.idx = c.best, s, i
			} else if s > c.second {
				c.second = s
			}
		}
		return c
	}
	var anchors []anchor
	first := make([]choice, len(ms))
	for k := range ms {
		first[k] = choose(&ms[k], nil, k)
		p := &g.places[first[k].idx]
		if p.Class != "A" && (len(ms[k].refs) == 1 || first[k].best-first[k].second > 0.15) {
			anchors = append(anchors, anchor{mention: k, lat: p.Lat, lon: p.Lon})
		}
	}
	out := make([]sitrep.PlaceMention, 0, len(ms))
	for k := range ms {
		m := &ms[k]
		c := first[k]
		if len(m.refs) > 1 && len(anchors) > 0 {
			c = choose(m, anchors, k)
		}
		p := g.places[c.idx]
		score := min(1, max(0, c.best))
		if c.second >= 0 && c.best-c.second < 0.1 {
			score *= 0.6 + 4*(c.best-c.second)
		}
		t0 := m.t0
		if w := string(buf[toks[t0].k0:toks[t0].k1]); t0+1 < m.t1 && isArticle(w) && !strings.HasPrefix(text[toks[t0].end:], "-") && englishArticle[w] &&
			(t0 == 0 || !toks[t0-1].joined || !toks[t0].cap) {
			// A sentence-initial "At Raqqa" or "As Aleppo fell": the article
			// is an English word; mid-sentence "in At Tanf" it is the name's.
			t0++
		}
		start := toks[t0].start
		end := toks[m.t1-1].end
		out = append(out, sitrep.PlaceMention{
			Text:      text[start:end],
			Start:     start,
			End:       end,
			Place:     p,
			Precision: precision(&p, m.mod, m.kind),
			Modifier:  m.mod,
			Score:     math.Round(score*1000) / 1000,
		})
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

type anchor struct {
	mention  int
	lat, lon float64
}

// namesCountry reports whether a mention may be a country name.
func (g *Gazetteer) namesCountry(m *rawMention) bool {
	for _, i := range m.refs {
		if g.places[i].Code == "PCLI" {
			return true
		}
	}
	return false
}

// vote is a mention's evidence for one country.
type vote struct {
	cc string
	v  float64
}

// votes is the evidence a mention gives for the countries it may be in: a
// country name counts fully, a region or town half or less, split between
// the countries it may be in. Variants give none.
func (g *Gazetteer) votes(m *rawMention) []vote {
	if !m.exact {
		return nil
	}
	var seen []vote
outer:
	for _, i := range m.refs {
		p := &g.places[i]
		v := 0.3
		switch {
		case p.Code == "PCLI":
			return []vote{{p.CountryCode, 1}}
		case p.Class == "A":
			v = 0.6
		}
		for k := range seen {
			if seen[k].cc == p.CountryCode {
				seen[k].v = max(seen[k].v, v)
				continue outer
			}
		}
		seen = append(seen, vote{p.CountryCode, v})
	}
	// Split the strongest vote between the countries in proportion.
	sum, top := 0.0, 0.0
	for _, v := range seen {
		sum += v.v
		top = max(top, v.v)
	}
	for k := range seen {
		seen[k].v *= top / sum
	}
	return seen
}

// kindBonus favours the kind of place the context names ("X province" →
// the admin1 region) and otherwise towns over regions of the same name.
func kindBonus(p *sitrep.Place, kind string) float64 {
	switch kind {
	case "admin1":
		if p.Code == "ADM1" {
			return 0.5
		}
	case "admin2":
		if p.Code == "ADM2" {
			return 0.5
		}
	case "town":
		if p.Class == "P" {
			return 0.3
		}
	case "region":
		if p.Code == "ADM1" || p.Code == "ADM2" {
			return 0.3
		}
	default:
		if p.Code == "ADM2" {
			return -0.1
		}
	}
	return 0
}

// precision is ACLED's geo_precision for a mention: 1 the place itself, 2
// near it or a district, 3 a region or country.
func precision(p *sitrep.Place, mod, kind string) int {
	switch {
	case p.Code == "PCLI" || p.Code == "ADM1":
		return 3
	case kind == "admin1" || mod == "province" || mod == "region":
		return 3
	case p.Code == "ADM2" || mod != "":
		return 2
	}
	return 1
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
