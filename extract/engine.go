// Package extract turns English conflict news into ACLED-style events. The
// Engine runs one pipeline per document — tokens, sentences, triggers,
// actors, casualty phrases, counts, dates, places, modality — and assembles
// one event per sentence and modality, ordered by salience. Everything it
// knows about words comes from the lexicon package, so users extend it by
// editing text files.
package extract

import (
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/text"
)

// Options configure an Engine.
type Options struct {
	// Lexicon to use; nil means lexicon.Default().
	Lexicon *lexicon.Lexicon
	// Geoparser resolves place names; nil leaves locations empty and takes
	// the country from country names and nationality words in the text.
	Geoparser sitrep.Geoparser
	// CountryCode maps an ACLED country name to its ISO 3166-1 alpha-2
	// code, so that the countries a text names can steer the geoparser
	// (GeoHint). Nil sends no hint.
	CountryCode func(name string) (string, bool)
}

// Engine extracts events. It is immutable after New and safe for
// concurrent use.
type Engine struct {
	lex  *lexicon.Lexicon
	geo  sitrep.Geoparser
	code func(name string) (string, bool)

	triggers  dict // id = index in lex.Triggers
	actors    dict // id → actorOf
	countries dict // id → countryOf
	cues      dict // id = index in lex.Cues
	casualty  dict // id = index in lex.Casualties

	vocab     vocab       // every word the dictionaries use, shared by their tries
	vtab      *vocabTable // vocab for the per-word lookup, built once the tries are done
	startBits []startBits // by vocabulary id
	tries     [5]*trie    // the dictionaries' tries, by the index of their bit
	heads     headIndex   // the prefix edges ("ambush*") at the roots of all dictionaries
	classes   []class     // by vocabulary id: the word lists a word is in
	actorOf   []int
	countryOf []countryRef
	// countryKey is by index in lex.Countries the first country of the
	// same name: tallies by country name add up in a slice by key.
	countryKey []int32
	pool       sync.Pool                            // *scratch buffers, so a document costs few allocations
	generic    map[string]*lexicon.Actor            // "Protesters", "Police Forces", … → the generic actor of the event's country
	names      map[*lexicon.Actor]map[string]string // actorName of a "{country}" actor by country, filled in for the lexicon's countries

	methodTrigger map[string]*lexicon.Trigger // sub-event type → the entry a launch verb turns a blast into
	trigTypes     []trigType                  // by index in lex.Triggers
	shortSpan     []int                       // by index in lex.Triggers: words of a shadowed reading (see shadowedReadings), 0 for the whole phrase
	nTypes        int                         // the event types trigTypes number
}

// startBits are, for a word of the vocabulary, the trie.bit of every
// dictionary with a phrase starting with the word (first), and of every
// dictionary with a prefix edge at its root the word may match (heads):
// for words with an id, the prefix filter runs once in New rather than
// per occurrence.
type startBits struct{ first, heads uint8 }

type countryRef struct {
	country int  // index in lex.Countries
	adj     bool // matched a nationality adjective rather than a name
}

var _ sitrep.Extractor = (*Engine)(nil)

// New compiles the lexicon into matchers.
func New(opts Options) (*Engine, error) {
	lex := opts.Lexicon
	if lex == nil {
		var err error
		if lex, err = lexicon.Default(); err != nil {
			return nil, err
		}
	}
	extra, spans := shadowedReadings(lex.Triggers)
	if len(extra) > 0 {
		l := *lex
		l.Triggers = append(slices.Clip(lex.Triggers), extra...)
		lex = &l
	}
	e := &Engine{lex: lex, geo: opts.Geoparser, code: opts.CountryCode, vocab: vocab{}}
	if len(extra) > 0 {
		e.shortSpan = make([]int, len(lex.Triggers))
		copy(e.shortSpan[len(lex.Triggers)-len(extra):], spans)
	}
	e.pool.New = func() any { return &scratch{} }
	for _, d := range []*dict{&e.triggers, &e.actors, &e.countries, &e.cues, &e.casualty} {
		d.t.vocab = e.vocab
	}
	for _, t := range lex.Triggers {
		e.triggers.add(t.Phrase)
	}
	for i, a := range lex.Actors {
		for _, al := range a.Aliases {
			e.actors.add(al)
			e.actorOf = append(e.actorOf, i)
		}
	}
	e.methodTrigger = methodTriggers(lex)
	e.trigTypes, e.nTypes = trigTypes(lex.Triggers)
	e.names = countryNames(lex)
	e.generic = map[string]*lexicon.Actor{}
	for _, prefix := range []string{"Protesters", "Rioters", "Civilians", "Police Forces", "Military Forces", "Unidentified Armed Group", "Government"} {
		if a := e.genericActor(prefix); a != nil {
			e.generic[prefix] = a
		}
	}
	e.countryKey = countryKeys(lex.Countries)
	for i, c := range lex.Countries {
		for _, n := range append([]string{c.Name}, c.Names...) {
			e.countries.add(n)
			e.countryOf = append(e.countryOf, countryRef{country: i})
		}
		for _, a := range c.Adjectives {
			e.countries.add(a)
			e.countryOf = append(e.countryOf, countryRef{country: i, adj: true})
		}
	}
	for _, c := range lex.Cues {
		e.cues.add(c.Phrase)
	}
	for _, c := range lex.Casualties {
		e.casualty.add(c.Word)
	}
	dicts := []*dict{&e.triggers, &e.actors, &e.countries, &e.cues, &e.casualty}
	for _, d := range dicts {
		d.t.finish()
	}
	e.classes = addClasses(e.vocab)
	e.startBits = make([]startBits, len(e.vocab)+1)
	for i, d := range dicts {
		d.t.bit = 1 << i
		e.tries[i] = &d.t
		for id, ok := range d.t.first {
			if ok {
				e.startBits[id].first |= d.t.bit
			}
		}
		for _, pe := range d.t.root.prefix {
			e.heads.add(pe.p, d.t.bit)
		}
	}
	for w, id := range e.vocab {
		e.startBits[id].heads = e.heads.mayStart(w)
	}
	e.vtab = newVocabTable(e.vocab)
	return e, nil
}

// startsOf returns the bits of the dictionaries whose phrases may start
// at w, whose id is set, followed by a word of id next: scanning a
// sentence against a dictionary then passes over the other words with
// one test each, the work of looking them up done once for all five
// dictionaries.
func (e *Engine) startsOf(w *word, next int32) uint8 {
	if w.kind == text.Punct {
		return 0
	}
	if w.id == 0 {
		return e.heads.mayStart(w.norm)
	}
	sb := e.startBits[w.id]
	m := sb.heads
	for b := sb.first; b != 0; b &= b - 1 {
		if t := e.tries[bits.TrailingZeros8(b)]; t.mayContinue(w.id, next) {
			m |= t.bit
		}
	}
	return m
}

// headIndex is the headSets of the dictionaries' roots in one table, so
// that a word is tried against every dictionary's prefix edges with at
// most three hashed loads rather than three per dictionary: the test runs
// for every word of every document.
type headIndex struct {
	lens uint8       // bit n set: some edge is keyed by its first n bytes, n = min(len, 3)
	bits [4096]uint8 // by headKey: the trie.bit of every dictionary with such an edge
}

func (x *headIndex) add(p string, bit uint8) {
	n := min(len(p), 3)
	x.lens |= 1 << n
	x.bits[headKey(p, n)] |= bit
}

// mayStart returns the bits of the dictionaries that may have a prefix
// edge matching w at their root; a bit clear means none does.
//
// The keys of w's first one, two and three bytes are built one from the
// other, as headKey would build each.
func (x *headIndex) mayStart(w string) uint8 {
	if len(w) == 0 {
		return 0
	}
	var m uint8
	k := uint32(w[0])
	if x.lens&(1<<1) != 0 {
		m |= x.bits[headMix(k, 1)]
	}
	if len(w) < 2 {
		return m
	}
	k |= uint32(w[1]) << 8
	if x.lens&(1<<2) != 0 {
		m |= x.bits[headMix(k, 2)]
	}
	if len(w) < 3 {
		return m
	}
	k |= uint32(w[2]) << 16
	if x.lens&(1<<3) != 0 {
		m |= x.bits[headMix(k, 3)]
	}
	return m
}

// shadowedReadings returns, for each trigger that applies only beside
// another event type ("attacked police" makes a protest violent), the
// reading of the shorter unconditional trigger its phrase starts with
// ("attacked"), under the long phrase, with the number of words of the
// shorter phrase. The matcher keeps only the longest phrase at a word, so
// without it "militiamen attacked police officers", with no protest in
// the report, would lose its attack with the refinement.
func shadowedReadings(ts []lexicon.Trigger) ([]lexicon.Trigger, []int) {
	own := map[string]bool{} // phrases with an unconditional entry
	for _, t := range ts {
		if t.Needs == "" {
			own[t.Phrase] = true
		}
	}
	var out []lexicon.Trigger
	var spans []int
	for _, t := range ts {
		if t.Needs == "" || own[t.Phrase] {
			continue
		}
		long := strings.Fields(t.Phrase)
		best := -1
		for i, u := range ts {
			short := strings.Fields(u.Phrase)
			if u.Needs != "" || len(short) >= len(long) || !slices.Equal(short, long[:len(short)]) {
				continue
			}
			if best < 0 || len(short) > len(strings.Fields(ts[best].Phrase)) ||
				len(short) == len(strings.Fields(ts[best].Phrase)) && u.Priority > ts[best].Priority {
				best = i
			}
		}
		if best >= 0 {
			r := ts[best]
			r.Phrase, r.File, r.Line = t.Phrase, t.File, t.Line
			out = append(out, r)
			spans = append(spans, len(strings.Fields(ts[best].Phrase)))
			own[t.Phrase] = true
		}
	}
	return out, spans
}

// countryKeys returns for each country the index of the first one of the
// same name (see Engine.countryKey).
func countryKeys(cs []lexicon.Country) []int32 {
	first := map[string]int32{}
	keys := make([]int32, len(cs))
	for i, c := range cs {
		k, ok := first[c.Name]
		if !ok {
			k = int32(i)
			first[c.Name] = k
		}
		keys[i] = k
	}
	return keys
}
