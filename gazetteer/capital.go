package gazetteer

import (
	"bytes"
	"slices"
)

// demonymCapitals adds a mention for "the Haitian capital", "the Syrian
// capital": a report often names a capital only by its country's adjective
// once the city was named earlier, or not at all ("the Cite Soleil slum of
// the Haitian capital"). The mention covers both words and resolves to the
// country's capital as a town. ms stays in text order.
func (g *Gazetteer) demonymCapitals(d *doc, ms []rawMention) []rawMention {
	toks := d.toks
	if !bytes.Contains(d.buf, capitalWord) {
		// Every token's folded form lies whole in buf: without the word
		// there, no token is "capital", and the scan below (a branchy
		// test of every token) would find nothing. Most texts have none.
		return ms
	}
	added := false
	for i := 0; i+1 < len(toks); i++ {
		if t, next := &toks[i], &toks[i+1]; !t.cap || !t.joined || next.k1-next.k0 != len("capital") || d.word(i+1) != "capital" {
			continue
		}
		ci, ok := g.demonyms[d.word(i)]
		if !ok {
			continue
		}
		c := g.capitals[ci]
		if c < 0 {
			continue
		}
		m := rawMention{t0: i, t1: i + 2, refs: []uint32{uint32(c)}, bits: g.info[c].bits, exact: true, key: Key(g.places[c].Name), bare: true}
		readContext(d, &m) // "the outskirts of the Ukrainian capital"
		m.strong = true
		ms = append(ms, m)
		added = true
	}
	if added {
		slices.SortStableFunc(ms, func(a, b rawMention) int { return a.t0 - b.t0 })
	}
	return ms
}

var capitalWord = []byte("capital")
