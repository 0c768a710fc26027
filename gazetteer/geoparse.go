package gazetteer

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/sitrep/sitrep"
)

// tokenBuf holds the working memory of one Geoparse call — tokens, raw
// mentions, the resolver's tables — reused through a pool so that a short
// document costs few allocations besides its result.
type tokenBuf struct {
	toks []token
	buf  []byte
	raws []rawMention
	keys []byte // the raw mentions' keys
	d    doc
	r    resolver
}

var tokenBufs = sync.Pool{New: func() any { return new(tokenBuf) }}

// release returns tb to the pool, without the text it last held.
func (tb *tokenBuf) release() {
	tb.d.text = ""
	tokenBufs.Put(tb)
}

// maxSpan is the longest name, in tokens, that Geoparse looks for.
const maxSpan = 6

// candidate mention before disambiguation.
type rawMention struct {
	t0, t1 int // token range [t0, t1)
	refs   []uint32
	bits   uint16 // the weight bits of any of refs (see bitsOf), kept with them, and the key's (keyBits)
	exact  bool
	key    string
	mod    string // modifier from context
	kind   string // "admin1", "admin2", "town" preference from context, or ""
	strong bool   // context says this is a place ("in X", "town of X", "X district")
	bare   bool   // written without a leading article
	drop   bool   // set by regionAfterPlace
	part   bool   // the capitalised run goes on past the name ("Pazos de Borben")
	own    []vote // its own country evidence (set by resolver.weighEvidence)
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
	defer tb.release()
	toks, buf := tokenize(text, tb.toks[:0], tb.buf[:0])
	tb.toks, tb.buf = toks, buf
	d := &tb.d
	d.reset(g, text, toks, buf)
	raws, keys := g.findMentions(d, tb.raws[:0], tb.keys[:0])
	tb.raws, tb.keys = raws, keys
	if len(raws) == 0 {
		return nil
	}
	g.regionAfterPlace(d, raws)
	kept := raws[:0]
	var people map[string]bool
	for _, m := range raws {
		if m.drop {
			continue
		}
		readContext(d, &m)
		if refs := g.acronym(text, toks, m); len(refs) != len(m.refs) {
			m.refs, m.bits = refs, g.bitsOf(refs)|m.bits&keyBits // some dropped
		}
		if len(m.refs) == 0 {
			continue
		}
		ok, person := g.plausible(d, &m)
		if person {
			if people == nil {
				people = map[string]bool{}
			}
			people[m.key] = true
		}
		if ok {
			kept = append(kept, m)
		}
	}
	kept = g.demonymCapitals(d, kept)
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
	return g.resolve(&tb.r, d, kept, hint)
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
