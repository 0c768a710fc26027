package extract

import (
	"slices"
	"sort"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/text"
	"github.com/sitrep/sitrep/when"
)

// analysis is everything the pipeline learns about one document before
// events are assembled. Word indexes refer to ws.
type analysis struct {
	doc    *sitrep.Document
	s      string
	toks   []text.Token
	ws     []word
	starts []uint8 // by word: the bits of the engine's dictionaries whose phrases may start there (Engine.startsOf)
	sents  []sentence
	nums   []number
	used   []bool // per number: already read as a casualty figure
	dates  []dateMention
	places []placeMention
	pub    time.Time
	hasPub bool

	countryHits  []countryHit
	trigHits     []hit     // trigger phrases of every sentence
	trigIDs      []int32   // the ids trigHits point into
	actorCache   actorScan // the actor phrases of the sentence scanned last
	tsBuf        []trigger // memory for the triggers of the sentence being read
	docTypes     []bool    // by type index (trigType): the type has an unconditional trigger somewhere in the document
	re           *reuse    // memory the stages reuse from document to document
	classes      []class   // the engine's, by word id (see analysis.is)
	mainCountry  string
	pubDay       string // pub as "2006-01-02", once an event needs it
	placeCountry string // the country most place mentions lie in
	hitNext      int    // trigHits[:hitNext] start before the sentence sentenceHits read last
}

// textOf returns the text of word k.
func (a *analysis) textOf(k int) string { return a.s[a.ws[k].start:a.ws[k].end] }

type sentence struct {
	start, end int // byte offsets
	w0, w1     int // word range
	headline   bool
}

type number struct {
	text.Number
	w0, w1 int
}

type dateMention struct {
	m         when.Mention
	d         when.Date
	w0, w1    int
	statement bool // when a source spoke ("said on Monday"), not when the event happened
	since     bool // the start of a span ("since May 2021"), not an event's day
}

type placeMention struct {
	sitrep.PlaceMention
	w0, w1 int
}

type countryHit struct {
	name   string
	key    int32 // Engine.countryKey of the name
	adj    bool
	weight int // 3 governed by a locative, 2 a name, 1 an adjective, 0 a sponsor or foreign force
	w0, w1 int
}

// wordAt returns the index of the first word starting at or after byte
// offset off.
func (a *analysis) wordAt(off int) int {
	return sort.Search(len(a.ws), func(i int) bool { return a.ws[i].start >= off })
}

// scratch holds the buffers one extraction needs, reused across documents
// through Engine.pool: events never point into them (their strings are
// slices of the document text or of the tokens' own strings).
type scratch struct {
	a         analysis
	toks      []text.Token
	ws        []word
	parts     []text.Token // the parts of a hyphenated token, by appendWords
	starts    []uint8
	sents     []sentence
	firstWord []int
	nums      []number
	textNums  []text.Number
	spans     []text.Span
	docTypes  []bool
	used      []bool
	dates     []dateMention
	places    []placeMention
	trigHits  []hit
	trigIDs   []int32
	actorHits []hit
	actorIDs  []int32
	tsBuf     []trigger
	re        reuse
}

// reuse is memory that stages of the pipeline fill and drop again within
// one Extract call — transient dictionary hits, mention lists, drafts —
// kept with the scratch so that the next document fills the same arrays
// instead of allocating. Each field has one user, so that no stage
// overwrites what another still reads.
type reuse struct {
	casHits   []hit // casualty phrases of the sentence read by casualtiesOf
	casIDs    []int32
	cueHits   []hit // modality cues of the sentence read by sentenceCues
	cueIDs    []int32
	cues      []cueHit
	ctryHits  []hit // country names of the document, read by findCountries
	ctryIDs   []int32
	countries []countryHit
	ctryScore []int     // by country key, for tallies of countryHits; all zero between uses
	startIDs  []int32   // ids of dict.startsAt's one longest match
	mentions  []mention // the actors of the event being assembled
	groups    [][]trigger
	drafts    []*draft // the drafts of the document, in sentence order
	spare     []*draft // every draft allocated so far; newDraft hands them out again
	nDrafts   int      // spare[:nDrafts] are in use by the current document
}

// release makes every draft free again and drops what they point to, so
// that a pooled scratch keeps no document alive.
func (r *reuse) release() {
	for _, d := range r.spare[:r.nDrafts] {
		*d = draft{}
	}
	clear(r.drafts[:cap(r.drafts)])
	r.drafts, r.nDrafts = r.drafts[:0], 0
}

// newDraft returns a zeroed draft, reusing one of an earlier document
// (release zeroed it).
func (r *reuse) newDraft() *draft {
	if r.nDrafts == len(r.spare) {
		r.spare = append(r.spare, &draft{})
	}
	d := r.spare[r.nDrafts]
	r.nDrafts++
	return d
}

// actorScan caches the actor phrases of one sentence: the engine asks for
// them once per event and once per intervention trigger of a sentence.
type actorScan struct {
	w0, w1 int
	ok     bool
	hits   []hit
	ids    []int32
}

// analyse runs the document-level stages.
func (e *Engine) analyse(doc *sitrep.Document, sc *scratch) (*analysis, error) {
	pub, ok, err := doc.PublishedTime()
	if err != nil {
		return nil, err
	}
	sc.a = analysis{doc: doc, s: doc.Text, sents: sc.sents[:0], nums: sc.nums[:0], dates: sc.dates[:0], trigHits: sc.trigHits[:0],
		trigIDs: sc.trigIDs[:0], actorCache: actorScan{hits: sc.actorHits[:0], ids: sc.actorIDs[:0]}, tsBuf: sc.tsBuf[:0]}
	a := &sc.a
	a.re = &sc.re
	a.classes = e.classes
	defer func() { sc.sents, sc.nums, sc.dates = a.sents, a.nums, a.dates }()
	a.pub, a.hasPub = pub, ok
	a.toks = text.AppendTokens(sc.toks[:0], a.s)
	firstWord := grow(sc.firstWord, len(a.toks)+1)
	sc.firstWord = firstWord
	a.ws, sc.parts = appendWords(sc.ws[:0], a.toks, sc.parts, firstWord)
	sc.toks, sc.ws = a.toks, a.ws
	a.starts = grow(sc.starts, len(a.ws))
	sc.starts = a.starts
	// Backwards, so that each word's start bits can look at the id of
	// the word after it.
	var next int32
	for i := len(a.ws) - 1; i >= 0; i-- {
		w := &a.ws[i]
		w.id = e.vtab.id(w.norm)
		a.starts[i] = e.startsOf(w, next)
		next = w.id
	}
	sc.spans = text.AppendSentencesOf(sc.spans[:0], a.s, a.toks)
	for _, sp := range sc.spans {
		a.sents = append(a.sents, sentence{start: sp.Start, end: sp.End, w0: a.wordAt(sp.Start), w1: a.wordAt(sp.End)})
	}
	if len(a.sents) > 1 {
		a.sents[0].headline = isHeadline(a.s, a.sents[0])
	}
	sc.textNums = text.AppendNumbers(sc.textNums[:0], a.s, a.toks)
	for _, n := range sc.textNums {
		a.nums = append(a.nums, number{Number: n, w0: firstWord[n.First], w1: firstWord[n.Last]})
	}
	a.used = grow(sc.used, len(a.nums))
	clear(a.used)
	sc.used = a.used
	// ResolveAll anchors "the next day", "the previous evening" and "two
	// days later" to the date mentioned before them.
	ms := when.FindTokens(a.s, a.toks)
	for i, d := range when.ResolveAll(ms, a.pub, a.hasPub) {
		m := ms[i]
		a.dates = append(a.dates, dateMention{m: m, d: d, w0: a.wordAt(m.Start), w1: a.wordAt(m.End)})
	}
	markStatements(a)
	a.countryHits = e.findCountries(a)
	a.mainCountry = mainCountry(a.countryHits, e.countryScores(a))
	if e.geo != nil {
		pms := e.geo.Geoparse(a.s, e.hint(a))
		a.places = slices.Grow(sc.places[:0], len(pms))
		for i := range pms {
			pm := &pms[i]
			a.places = append(a.places, placeMention{PlaceMention: *pm, w0: a.wordAt(pm.Start), w1: a.wordAt(pm.End)})
		}
		sc.places = a.places
		a.placeCountry = placeCountry(a)
	}
	return a, nil
}

// isHeadline reports whether the first sentence is a title: it ends at a
// line break without a full stop.
func isHeadline(s string, sn sentence) bool {
	if sn.end <= sn.start {
		return false
	}
	last := s[sn.end-1]
	if last == '.' || last == '!' || last == '?' || last == '"' {
		return false
	}
	rest := s[sn.end:]
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return true
}

func (e *Engine) findCountries(a *analysis) []countryHit {
	out := a.re.countries[:0]
	defer func() { a.re.countries = out }()
	hits, ids := e.countries.scanAppend(a.re.ctryHits[:0], a.re.ctryIDs[:0], a.s, a.ws, a.starts, 0, len(a.ws))
	a.re.ctryHits, a.re.ctryIDs = hits, ids
	for _, h := range hits {
		ref := e.countryOf[h.ids[0]]
		c := countryHit{name: e.lex.Countries[ref.country].Name, key: e.countryKey[ref.country], adj: ref.adj, w0: h.start, w1: h.end, weight: 2}
		switch {
		case h.end < len(a.ws) && a.is(h.end, sponsorClass), !ref.adj && ownerAt(a, h.end):
			c.weight = 0
		case ref.adj:
			c.weight = 1
			// "Russian forces": who acts, not where, when the force is foreign.
			if e.foreignForce(a, h.start, h.start) {
				c.weight = 0
			}
		case h.start > 0 && a.is(h.start-1, locativeClass):
			c.weight = 3
		case !hyphenated(a, h.end) && e.foreignForce(a, h.start, h.start):
			// "The U.S. military said", "U.S. and British jets": who
			// acts abroad, not where.
			c.weight = 0
		}
		out = append(out, c)
	}
	return out
}

// hyphenated reports a name joined to the next word by a hyphen ("the
// US-Mexico border"): part of a compound, not an actor.
func hyphenated(a *analysis, end int) bool {
	e := a.ws[end-1].end
	return e < len(a.s) && a.s[e] == '-'
}

// foreignForce reports an actor of type "external" (a foreign force)
// starting at word w and ending after word minEnd: "Russian forces",
// "U.S. military", and a bare "Russia" that the lexicon lists as the
// force when minEnd is w.
func (e *Engine) foreignForce(a *analysis, w, minEnd int) bool {
	ok, ids := e.actors.startsAt(a.s, a.ws, w, min(w+4, len(a.ws)), a.re.startIDs[:0], func(id int32, end int) bool {
		return end > minEnd && e.lex.Actors[e.actorOf[id]].Type == "external"
	})
	a.re.startIDs = ids
	return ok
}

// countryScores returns the document's memory for tallies by country key.
func (e *Engine) countryScores(a *analysis) []int {
	if len(a.re.ctryScore) != len(e.countryKey) {
		a.re.ctryScore = make([]int, len(e.countryKey))
	}
	return a.re.ctryScore
}

// mainCountry is the country with the highest total weight, earliest
// first on ties. score is by country key and all zero; mainCountry leaves
// it so.
func mainCountry(hits []countryHit, score []int) string {
	best, bestScore := "", 0
	for _, h := range hits {
		score[h.key] += h.weight
	}
	for _, h := range hits {
		if score[h.key] > bestScore {
			best, bestScore = h.name, score[h.key]
		}
	}
	for _, h := range hits {
		score[h.key] = 0
	}
	return best
}

// hint lists the countries the text names, strongest first, as ISO codes
// for the geoparser.
func (e *Engine) hint(a *analysis) sitrep.GeoHint {
	if e.code == nil {
		return sitrep.GeoHint{}
	}
	score := e.countryScores(a)
	defer func() {
		for _, h := range a.countryHits {
			score[h.key] = 0
		}
	}()
	var order []countryHit // the first strong hit of each country
	for _, h := range a.countryHits {
		if h.weight < 2 { // adjectives often name who acts, not where
			continue
		}
		if score[h.key] == 0 {
			order = append(order, h)
		}
		score[h.key] += h.weight
	}
	sort.SliceStable(order, func(i, j int) bool { return score[order[i].key] > score[order[j].key] })
	var h sitrep.GeoHint
	for _, o := range order {
		if cc, ok := e.code(o.name); ok {
			h.CountryCodes = append(h.CountryCodes, cc)
		}
	}
	return h
}

// grow returns a slice of length n, reusing b's memory when it is large
// enough.
func grow[T any](b []T, n int) []T {
	if cap(b) >= n {
		return b[:n]
	}
	return make([]T, n)
}
