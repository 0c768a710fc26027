package gazetteer

// wordClass marks the closed word lists a word belongs to: the context
// words (context.go), the words that may stand inside a name
// (mentions.go), and the gazetteer's own lists of stop and demonym keys.
// The gates ask a dozen of these lists about the same few words around
// each mention; one lookup per token, kept for the document, answers all
// of them (see doc.class). The 10,000 common words stay out: in the table
// they made every lookup slower (a larger map, more cache misses) than
// the few common-word tests they answered.
type wordClass uint32

const (
	wLooked         wordClass = 1 << iota // set on every looked-up token, so that 0 means not yet
	wArticle                              // articles
	wConnector                            // connectors
	wFeature                              // featureWords
	wAfter                                // after
	wStop                                 // Gazetteer.stop
	wDemonym                              // Gazetteer.demonyms
	wTitle                                // titles
	wFacility                             // facilities
	wSpeech                               // speechVerbs
	wOrg                                  // orgWords
	wPlacePrefix                          // placePrefixes
	wPlaceNoun                            // placeNouns
	wRegionAdj                            // regionAdjectives
	wStrongBefore                         // strongBefore
	wNearBefore                           // nearBefore
	wOfBefore                             // ofBefore
	wTownOf                               // townOf
	wPartNoun                             // partNouns
	wSponsor                              // sponsorAfter
	wActor                                // actorAfter
	wEnglishArticle                       // englishArticle
)

// buildWords fills g.words from the word lists, once the gazetteer's own
// lists and name index are loaded.
func (g *Gazetteer) buildWords() {
	words := map[string]wordClass{}
	set := func(c wordClass, m map[string]bool) {
		for w, ok := range m {
			if ok {
				words[w] |= c
			}
		}
	}
	keys := func(c wordClass, m map[string]string) {
		for w := range m {
			words[w] |= c
		}
	}
	set(wArticle, articles)
	set(wConnector, connectors)
	set(wFeature, featureWords)
	keys(wAfter, after)
	set(wStop, g.stop)
	for w := range g.demonyms {
		words[w] |= wDemonym
	}
	set(wTitle, titles)
	set(wFacility, facilities)
	set(wSpeech, speechVerbs)
	set(wOrg, orgWords)
	set(wPlacePrefix, placePrefixes)
	set(wPlaceNoun, placeNouns)
	keys(wRegionAdj, regionAdjectives)
	set(wStrongBefore, strongBefore)
	keys(wNearBefore, nearBefore)
	keys(wOfBefore, ofBefore)
	set(wTownOf, townOf)
	set(wPartNoun, partNouns)
	set(wSponsor, sponsorAfter)
	set(wActor, actorAfter)
	set(wEnglishArticle, englishArticle)
	g.words = newWordTable(g.names, words)
}

// wordTable is the set of the listed words with their classes: open
// addressing on the name index's hash of the word, so that a capitalised
// token, looked up both here and there, is hashed once (doc.sum). Like the
// name index it keeps the 64-bit hashes, not the words (see hashIndex):
// probing reads 16-byte slots, 32 kB for the 800 words, and no string.
type wordTable struct {
	slots []wordSlot
	empty wordClass // the class of "" (outside the text)
}

type wordSlot struct {
	hash  uint64 // 0 marks an empty slot
	class wordClass
}

func newWordTable(h *hashIndex, words map[string]wordClass) wordTable {
	size := 64
	for size < 2*len(words) {
		size <<= 1
	}
	t := wordTable{slots: make([]wordSlot, size), empty: words[""]}
	for w, c := range words {
		s := h.sum([]byte(w))
		t.slots[t.slot(s)] = wordSlot{s, c}
	}
	return t
}

// slot returns the slot of hash s: its own, or the empty one to fill.
func (t *wordTable) slot(s uint64) int {
	mask := len(t.slots) - 1
	i := int(s) & mask
	for t.slots[i].hash != 0 && t.slots[i].hash != s {
		i = (i + 1) & mask
	}
	return i
}

// class returns the classes of the word with hash s, 0 for none.
func (t *wordTable) class(s uint64) wordClass {
	return t.slots[t.slot(s)].class // an empty slot's class is 0
}

// doc is the document being geoparsed: its text, its tokens and their
// folded forms, and the classes of the words looked up so far. It lives in
// the pooled tokenBuf.
type doc struct {
	g    *Gazetteer
	text string
	toks []token
	buf  []byte
	cls  []wordClass // per token: its class, 0 until looked up
	sums []uint64    // per token: the name index's hash of the word, 0 until computed
}

// reset readies d for text, tokenized into toks and buf.
func (d *doc) reset(g *Gazetteer, text string, toks []token, buf []byte) {
	d.g, d.text, d.toks, d.buf = g, text, toks, buf
	d.cls, d.sums = grow(d.cls, len(toks)), grow(d.sums, len(toks))
	clear(d.cls)
	clear(d.sums)
}

// sum returns the name index's hash of word i, computing it on first use.
func (d *doc) sum(i int) uint64 {
	s := d.sums[i]
	if s == 0 { // (sum is never 0)
		s = d.g.names.sum(d.buf[d.toks[i].k0:d.toks[i].k1])
		d.sums[i] = s
	}
	return s
}

// word returns the folded word i, "" outside the text (see unsafeWord).
func (d *doc) word(i int) string { return unsafeWord(d.toks, d.buf, i) }

// class returns the classes of word i, looking it up on first use. Outside
// the text the word is "".
func (d *doc) class(i int) wordClass {
	if i < 0 || i >= len(d.toks) {
		return d.g.words.empty
	}
	c := d.cls[i]
	if c == 0 {
		c = d.g.words.class(d.sum(i)) | wLooked
		d.cls[i] = c
	}
	return c
}

// is reports whether word i is in one of the lists c.
func (d *doc) is(i int, c wordClass) bool { return d.class(i)&c != 0 }
