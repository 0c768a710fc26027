package gazetteer

import (
	"math"
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
)

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

// hintWeights maps the hinted countries to weights, strongest first; nil
// for no hint.
func hintWeights(h sitrep.GeoHint) map[string]float64 {
	if len(h.CountryCodes) == 0 {
		return nil
	}
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
	s := 0.1 + 0.35*countryWeight + float64(g.prior[i])
	if !exact {
		s -= 0.25
	}
	return s
}

// priorScore is the part of a place's score that does not depend on the
// document: population, administrative rank, curation.
func priorScore(p *sitrep.Place) float32 {
	// Population on a log scale: 100 → 0, 10,000 → 0.4, 10 million → 1.
	pop := (math.Log10(float64(p.Population)+1) - 2) / 5
	s := 0.3 * min(max(pop, 0), 1)
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
	return float32(s)
}

// resolve picks a place for each mention.
func (g *Gazetteer) resolve(r *resolver, text string, toks []token, buf []byte, ms []rawMention, hint sitrep.GeoHint) []sitrep.PlaceMention {
	r.g, r.hints = g, hintWeights(hint)
	r.weighEvidence(text, toks, buf, ms)
	r.ms = r.filter(ms)
	r.expandRegions()
	r.indexRegions()
	return r.mentions(text, toks, buf)
}

// resolver holds what one Geoparse call knows while choosing places. Its
// tables are reused by the next call (see tokenBuf).
type resolver struct {
	regionTotal map[string]float64 // country evidence of regions and towns
	first       []choice
	anchors     []anchor

	g        *Gazetteer
	ms       []rawMention
	hints    map[string]float64 // country weights from the hint
	total    map[string]float64 // country evidence of all mentions and demonyms
	own      [][]vote           // each mention's own evidence
	regional []float64          // per mention: strongest evidence from regions and towns of other mentions
	regions  map[int32]int      // region place index → the mention naming it, -1 if several
	weights  []float64          // per country index: weight for the mention being resolved
	wgen     []uint32           // per country index: the generation weights holds, gen if known
	gen      uint32
	cur      *rawMention // whose weights are cached
}

// weighEvidence counts the countries the text points to. Each mention is
// judged by the evidence of the others (and the hint), never by its own.
func (r *resolver) weighEvidence(text string, toks []token, buf []byte, ms []rawMention) {
	g := r.g
	r.own = grow(r.own, len(ms))
	if r.total == nil {
		r.total = map[string]float64{}
	}
	clear(r.total)
	// "Syrian regime forces", "a Ukrainian soldier": half a vote each, at
	// most one in total per country.
	for i, t := range toks {
		if !t.cap {
			continue
		}
		if cc, ok := g.demonyms[unsafeWord(toks, buf, i)]; ok && r.total[cc] < 1 {
			r.total[cc] += 0.5
		}
	}
	for k := range ms {
		r.own[k] = g.votes(&ms[k])
		if actor(text, toks, buf, &ms[k]) {
			for i := range r.own[k] {
				r.own[k][i].v *= actorVote
			}
		}
		for _, v := range r.own[k] {
			r.total[v.cc] += v.v
		}
	}
	// Evidence from regions and towns only: country names are often the
	// topic ("a protest against the war in Ukraine"), not the place. The
	// hint stays out of it for the same reason — a caller's hint is mostly
	// the countries the text names — so it weighs candidates (weight) but
	// never drops a town abroad (filter): fed in here it cost 1.5 points
	// of location accuracy on ACLED's notes.
	r.regional = grow(r.regional, len(ms))
	clear(r.regional)
	if r.regionTotal == nil {
		r.regionTotal = map[string]float64{}
	}
	regionTotal := r.regionTotal
	clear(regionTotal)
	for k := range ms {
		if !g.namesCountry(&ms[k]) {
			for _, v := range r.own[k] {
				regionTotal[v.cc] += v.v
			}
		}
	}
	for k := range ms {
		for cc, v := range regionTotal {
			if !g.namesCountry(&ms[k]) {
				for _, o := range r.own[k] {
					if o.cc == cc {
						v -= o.v
					}
				}
			}
			r.regional[k] = max(r.regional[k], 0.8*min(1, v))
		}
	}
}

// filter keeps transliteration variants only in the countries the document
// is about, and drops small places abroad when the regions it names clearly
// put it elsewhere: "Leroy", "Assad" are not villages in Russia.
func (r *resolver) filter(ms []rawMention) []rawMention {
	g := r.g
	kept := ms[:0]
	for k, m := range ms {
		m.ctx = scoreContext{hint: r.hints, total: r.total, own: r.own[k]}
		if !m.exact {
			var refs []uint32
			r.forMention(&m)
			for _, i := range m.refs {
				if r.weight(i) >= 0.25 {
					refs = append(refs, i)
				}
			}
			if refs = g.similar([]byte(m.key), refs); len(refs) == 0 {
				continue
			}
			m.refs = refs
		}
		if r.regional[k] >= 0.45 && !r.home(&m, r.regional[k]) {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// home reports whether one of a mention's places is in a country the text
// points to, or large enough to be named from abroad.
func (r *resolver) home(m *rawMention, regional float64) bool {
	r.forMention(m)
	for _, i := range m.refs {
		p := &r.g.places[i]
		if r.weight(i) > 0 || (p.Class != "A" && p.Population >= 100_000 && regional < 0.7) || r.g.important([]uint32{i}) {
			return true
		}
	}
	return false
}

// expandRegions handles "Idleb governorate": when the context names a
// province but the name is only known as a town, the town's province is
// meant. "Ye-U township" or "X district" without an admin2 region of that
// name stays the town (precision 2): the gazetteer has no lower regions,
// and the town's admin2 would be a larger one.
func (r *resolver) expandRegions() {
	g := r.g
	for k := range r.ms {
		m := &r.ms[k]
		if m.kind != "admin1" {
			continue
		}
		code := "ADM1"
		if slices.ContainsFunc(m.refs, func(i uint32) bool { return g.places[i].Code == code }) {
			continue
		}
		refs := append([]uint32(nil), m.refs...) // m.refs may alias the index
		r.forMention(m)
		elsewhere := r.evidenceElsewhere(m)
		for _, i := range m.refs {
			// "the Kokang region" in a text about Myanmar is not the
			// province of an Indonesian hamlet named Kokang.
			if elsewhere && r.weight(i) == 0 {
				continue
			}
			if reg := g.admin1[i]; reg >= 0 && !slices.Contains(refs, uint32(reg)) {
				refs = append(refs, uint32(reg))
			}
		}
		m.refs = refs
	}
}

// evidenceElsewhere reports whether the other mentions or the hint point
// to some country: then a town in none of them is a stray homonym.
func (r *resolver) evidenceElsewhere(m *rawMention) bool {
	for cc := range r.hints {
		if m.ctx.weight(cc) > 0 {
			return true
		}
	}
	for cc := range r.total {
		if m.ctx.weight(cc) > 0 {
			return true
		}
	}
	return false
}

// indexRegions records the regions the text names, to prefer places inside
// them: "Patos (Paraiba)", "Goma (Mahagi, Ituri)", "Kulu district of Konya".
func (r *resolver) indexRegions() {
	if r.regions == nil {
		r.regions = map[int32]int{}
	}
	clear(r.regions)
	for k, m := range r.ms {
		for _, i := range m.refs {
			if p := &r.g.places[i]; p.Code == "ADM1" || p.Code == "ADM2" {
				if prev, ok := r.regions[int32(i)]; ok && prev != k {
					if prev >= 0 && r.ms[prev].key == m.key {
						continue // the same name again
					}
					r.regions[int32(i)] = -1
				} else {
					r.regions[int32(i)] = k
				}
			}
		}
	}
}

// inside is the bonus of place i for lying in a region another mention
// names.
// A name repeated is no other mention: "Athens ... Athens" does not put
// the town in Athens County, Ohio.
func (r *resolver) inside(i uint32, self int) float64 {
	b := 0.0
	if reg := r.g.admin1[i]; reg >= 0 && reg != int32(i) {
		if k, ok := r.regions[reg]; ok && k != self && (k < 0 || r.ms[k].key != r.ms[self].key) {
			b += 0.35
		}
	}
	if reg := r.g.admin2[i]; reg >= 0 && reg != int32(i) {
		if k, ok := r.regions[reg]; ok && k != self && (k < 0 || r.ms[k].key != r.ms[self].key) {
			b += 0.2
		}
	}
	return b
}

// forMention starts caching country weights for mention m.
func (r *resolver) forMention(m *rawMention) {
	if len(r.weights) != len(r.g.ccCodes) { // new, or last used with another gazetteer
		r.weights = make([]float64, len(r.g.ccCodes))
		r.wgen = make([]uint32, len(r.g.ccCodes))
	}
	r.gen++
	if r.gen == 0 { // wrapped: forget every generation
		clear(r.wgen)
		r.gen = 1
	}
	r.cur = m
}

// weight is the country weight of place i for the current mention,
// computed once per country.
func (r *resolver) weight(i uint32) float64 {
	ci := r.g.ccOf[i]
	if r.wgen[ci] != r.gen {
		r.weights[ci] = r.cur.ctx.weight(r.g.ccCodes[ci]) // = places[i].CountryCode, without touching the Place
		r.wgen[ci] = r.gen
	}
	return r.weights[ci]
}

// choice is the best and second-best score of a mention's places.
type choice struct {
	best, second float64
	idx, idx2    uint32 // the best place and the second
}

// choose scores the places mention k may be, with nearness to the anchors
// (unambiguous places of other mentions) once they are known.
func (r *resolver) choose(k int, anchors []anchor) choice {
	g, m := r.g, &r.ms[k]
	c := choice{best: -1, second: -1}
	townIn := g.townCountries(m.refs, m.kind)
	keyHash := g.names.sum([]byte(m.key))
	r.forMention(m)
	for _, i := range m.refs {
		// The weight bits, ccOf and the derived tables answer without
		// touching the Place (a cache miss per candidate); only nearness to
		// the anchors needs its coordinates.
		bits := g.weight[i]
		w := r.weight(i)
		s := g.scoreW(i, m.exact, w) + kindBonusW(bits, m.kind) + r.inside(i, k)
		if len(m.refs) > 1 && m.exact && g.nameHash[i] == keyHash {
			s += 0.12 // its own name, not an alias ("Valence" the French town, not Valencia)
		}
		if m.bare && bits&isCountry != 0 && articleName(g.places[i].Name) {
			s -= 0.3 // "Salvador" is not "El Salvador"
		}
		region := bits&isArea != 0 && bits&isCountry == 0
		if region && townIn.has(g.ccCodes[g.ccOf[i]]) {
			s -= 0.2
		}
		if region && m.kind == "" && len(townIn) > 0 {
			s -= 0.1 // "gathered in Bari": the Italian city, not Somalia's Bari region
		}
		for _, a := range anchors {
			p := &g.places[i]
			// Only nearby mentions: a long text may move across countries,
			// and this keeps the cost linear.
			if a.mention != k && a.mention-k <= 50 && k-a.mention <= 50 && math.Abs(p.Lat-a.lat) < 2.3 && distanceKm(p.Lat, p.Lon, a.lat, a.lon) < 250 {
				s += 0.15
				break
			}
		}
		if s > c.best {
			c.second, c.idx2, c.best, c.idx = c.best, c.idx, s, i
		} else if s > c.second {
			c.second, c.idx2 = s, i
		}
	}
	return c
}

// twinTowns is how close two towns of the same name must be to count as
// one place split by a border: Rafah in Gaza and Rafah in Egypt.
const twinTownsKm = 10

// twin returns the larger of twin towns across a border when the text's
// country evidence picked the smaller: a report naming "Egypt" as a
// mediator is no reason to move Gaza's Rafah (126,000 people) to Egypt's
// (a few houses in GeoNames). The place is the same within the 25 km ACLED
// allows; the country is the one people live in.
func (r *resolver) twin(c choice) uint32 {
	if c.second < 0 || c.idx2 == c.idx || c.best-c.second > 0.35 {
		return c.idx
	}
	p, q := &r.g.places[c.idx], &r.g.places[c.idx2]
	if p.Class != "P" || q.Class != "P" || p.CountryCode == q.CountryCode || q.Population < 10*max(p.Population, 1000) ||
		distanceKm(p.Lat, p.Lon, q.Lat, q.Lon) > twinTownsKm {
		return c.idx
	}
	return c.idx2
}

// mentions chooses a place for every mention in two passes, the second
// with the unambiguous places of the first as anchors, and builds the
// result.
func (r *resolver) mentions(text string, toks []token, buf []byte) []sitrep.PlaceMention {
	anchors := r.anchors[:0]
	defer func() { r.anchors = anchors }()
	first := grow(r.first, len(r.ms))
	r.first = first
	for k := range r.ms {
		first[k] = r.choose(k, nil)
		p := &r.g.places[first[k].idx]
		if p.Class != "A" && (len(r.ms[k].refs) == 1 || first[k].best-first[k].second > 0.15) {
			anchors = append(anchors, anchor{mention: k, lat: p.Lat, lon: p.Lon})
		}
	}
	out := make([]sitrep.PlaceMention, 0, len(r.ms))
	for k := range r.ms {
		m := &r.ms[k]
		c := first[k]
		if len(m.refs) > 1 && len(anchors) > 0 {
			c = r.choose(k, anchors)
		}
		p := r.g.places[r.twin(c)]
		score := min(1, max(0, c.best))
		if c.second >= 0 && c.best-c.second < 0.1 {
			score *= 0.6 + 4*(c.best-c.second) // a close second: less sure
		}
		t0 := m.t0
		if w := string(buf[toks[t0].k0:toks[t0].k1]); t0+1 < m.t1 && isArticle(w) && !strings.HasPrefix(text[toks[t0].end:], "-") && englishArticle[w] &&
			(t0 == 0 || !toks[t0-1].joined || !toks[t0].cap) {
			// A sentence-initial "At Raqqa" or "As Aleppo fell": the article
			// is an English word; mid-sentence "in At Tanf" it is the name's.
			t0++
		}
		start, end := toks[t0].start, toks[m.t1-1].end
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
	slices.SortStableFunc(out, func(a, b sitrep.PlaceMention) int { return a.Start - b.Start })
	return out
}

// grow returns a slice of length n, reusing b's memory when it is large
// enough.
func grow[T any](b []T, n int) []T {
	if cap(b) >= n {
		return b[:n]
	}
	return make([]T, n)
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
	var seenBuf [8]vote
	var ciBuf [8]uint16
	seen, ci := seenBuf[:0], ciBuf[:0] // votes and their countries' indexes
outer:
	for _, i := range m.refs {
		// The weight bits and ccOf answer without touching the Place (a
		// cache miss each, and names like "Al" have hundreds of places).
		v := 0.3
		switch w := g.weight[i]; {
		case w&isCountry != 0:
			return []vote{{g.ccCodes[g.ccOf[i]], 1}}
		case w&isArea != 0:
			v = 0.6
		}
		for k, c := range ci {
			if c == g.ccOf[i] {
				seen[k].v = max(seen[k].v, v)
				continue outer
			}
		}
		seen = append(seen, vote{g.ccCodes[g.ccOf[i]], v})
		ci = append(ci, g.ccOf[i])
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
	return slices.Clone(seen)
}

// kindBonusW favours the kind of place the context names ("X province" →
// the admin1 region) and otherwise towns over regions of the same name.
//
// It reads the place's weight bits (see placeWeight), not the Place.
func kindBonusW(w uint8, kind string) float64 {
	switch kind {
	case "admin1":
		if w&isADM1 != 0 {
			return 0.5
		}
	case "admin2":
		if w&isADM2 != 0 {
			return 0.5
		}
	case "town":
		if w&isTown != 0 {
			return 0.3
		}
	case "region":
		if w&(isADM1|isADM2) != 0 {
			return 0.3
		}
	default:
		if w&isADM2 != 0 {
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
