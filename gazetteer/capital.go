package gazetteer

import "slices"

// demonymCapitals adds a mention for "the Haitian capital", "the Syrian
// capital": a report often names a capital only by its country's adjective
// once the city was named earlier, or not at all ("the Cite Soleil slum of
// the Haitian capital"). The mention covers both words and resolves to the
// country's capital as a town. ms stays in text order.
func (g *Gazetteer) demonymCapitals(text string, toks []token, buf []byte, ms []rawMention, word func(int) string) []rawMention {
	added := false
	for i := 0; i+1 < len(toks); i++ {
		if !toks[i].cap || !toks[i].joined || unsafeWord(toks, buf, i+1) != "capital" {
			continue
		}
		ci, ok := g.demonyms[unsafeWord(toks, buf, i)]
		if !ok {
			continue
		}
		c := g.capitals[ci]
		if c < 0 {
			continue
		}
		m := rawMention{t0: i, t1: i + 2, refs: []uint32{uint32(c)}, exact: true, key: Key(g.places[c].Name), bare: true}
		readContext(text, &m, toks, word) // "the outskirts of the Ukrainian capital"
		m.strong = true
		ms = append(ms, m)
		added = true
	}
	if added {
		slices.SortStableFunc(ms, func(a, b rawMention) int { return a.t0 - b.t0 })
	}
	return ms
}
