package gazetteer

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/sitrep/sitrep"
)

// townCountries appends to dst the countries where refs include a town.
// Without "province" or "district" in the context, a town is meant rather
// than the region of the same name in its country ("Raqqa" is the city).
func (g *Gazetteer) townCountries(dst townSet, refs []uint32, kind string) townSet {
	dst = dst[:0]
	if kind != "" {
		return dst
	}
	for _, i := range refs {
		if in := &g.info[i]; in.bits&isArea == 0 && !dst.has(in.cc) {
			dst = append(dst, in.cc)
		}
	}
	return dst
}

// townSet is a small set of country indexes.
type townSet []uint16

func (t townSet) has(ci uint16) bool {
	return slices.Contains(t, ci)
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

// scoreW rates a place, given its prior and the weight of its country,
// as the referent of a name, before document context (proximity, kind)
// is added.
func scoreW(prior float32, exact bool, countryWeight float64) float64 {
	s := 0.1 + 0.35*countryWeight + float64(prior)
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
func (g *Gazetteer) resolve(r *resolver, d *doc, ms []rawMention, hint sitrep.GeoHint) []sitrep.PlaceMention {
	r.reset(g, hint)
	r.weighEvidence(d, ms)
	r.ms = r.filter(ms)
	r.expandRegions()
	r.indexRegions()
	return r.mentions(d)
}

// resolver holds what one Geoparse call knows while choosing places. Its
// tables are reused by the next call (see tokenBuf).
//
// Country evidence is kept in slices indexed like Gazetteer.ccCodes rather
// than maps keyed by the code: every candidate of every mention asks for
// its country's weight. The lists of the countries set let reset clear
// them, and the evidence be scanned, without visiting all countries.
type resolver struct {
	g           *Gazetteer
	ms          []rawMention
	hint        []float64 // per country: weight from the hint
	total       []float64 // per country: evidence of all mentions and demonyms
	regionTotal []float64 // per country: evidence of regions and towns
	hinted      []uint16  // the countries set in hint
	totalCC     []uint16  // … in total
	regionCC    []uint16  // … in regionTotal
	anyHint     bool      // the hint names countries (known to the gazetteer or not)

	votes      []vote        // the mentions' own evidence, end to end (see rawMention.own)
	voteEnd    []int         // per mention: the end of its votes in votes
	country    []bool        // per mention: it may name a country
	regional   []float64     // per mention: strongest evidence from regions and towns of other mentions
	regions    []namedRegion // the regions the mentions may be, by place index
	regionBits [4]uint64     // bit reg%256 set for each of regions: most candidates' regions are not named
	first      []choice
	base       []float64 // the scores choose gave each candidate, mention after mention
	towns      townSet
	anchors    []anchor
	near       []anchor // the anchors near the mention being rechosen
}

// reset readies r for a document resolved with g and hint.
func (r *resolver) reset(g *Gazetteer, hint sitrep.GeoHint) {
	if r.g != g || len(r.total) != len(g.ccCodes) {
		n := len(g.ccCodes)
		*r = resolver{g: g, hint: make([]float64, n), total: make([]float64, n), regionTotal: make([]float64, n)}
	}
	r.hinted = clearCountries(r.hint, r.hinted)
	r.totalCC = clearCountries(r.total, r.totalCC)
	r.regionCC = clearCountries(r.regionTotal, r.regionCC)
	r.anyHint = len(hint.CountryCodes) > 0
	for cc, v := range hintWeights(hint) {
		if ci, ok := g.ccIndex[cc]; ok {
			r.hint[ci] = v
			r.hinted = append(r.hinted, ci)
		}
	}
}

// clearCountries zeroes the countries set in w and returns the emptied list.
func clearCountries(w []float64, set []uint16) []uint16 {
	for _, ci := range set {
		w[ci] = 0
	}
	return set[:0]
}

// addCountry adds v to country ci's evidence in w, noting it in set.
func addCountry(w []float64, set []uint16, ci uint16, v float64) []uint16 {
	if w[ci] == 0 {
		set = append(set, ci)
	}
	w[ci] += v
	return set
}

// weight is the 0..1 weight of country ci for a mention whose own evidence
// is own: the hint's, or the evidence of all the other mentions.
func (r *resolver) weight(ci uint16, own []vote) float64 {
	v := r.total[ci]
	for _, o := range own {
		if o.ci == ci {
			v -= o.v
		}
	}
	return max(r.hint[ci], 0.8*min(1, v))
}

// weighEvidence counts the countries the text points to. Each mention is
// judged by the evidence of the others (and the hint), never by its own.
func (r *resolver) weighEvidence(d *doc, ms []rawMention) {
	g := r.g
	// "Syrian regime forces", "a Ukrainian soldier": half a vote each, at
	// most one in total per country.
	for i := range d.toks {
		if !d.toks[i].cap || !d.is(i, wDemonym) {
			continue
		}
		if ci, ok := g.demonyms[d.word(i)]; ok && r.total[ci] < 1 {
			r.totalCC = addCountry(r.total, r.totalCC, ci, 0.5)
		}
	}
	r.votes, r.voteEnd = r.votes[:0], grow(r.voteEnd, len(ms))
	r.country = grow(r.country, len(ms))
	for k := range ms {
		start := len(r.votes)
		r.votes = g.appendVotes(r.votes, &ms[k])
		if actor(d, &ms[k]) {
			for i := start; i < len(r.votes); i++ {
				r.votes[i].v *= actorVote
			}
		}
		r.voteEnd[k] = len(r.votes)
		r.country[k] = ms[k].bits&isCountry != 0
	}
	start := 0
	for k := range ms {
		end := r.voteEnd[k]
		ms[k].own = r.votes[start:end:end]
		start = end
		for _, v := range ms[k].own {
			r.totalCC = addCountry(r.total, r.totalCC, v.ci, v.v)
		}
	}
	// Evidence from regions and towns only: country names are often the
	// topic ("a protest against the war in Ukraine"), not the place. The
	// hint stays out of it for the same reason — a caller's hint is mostly
	// the countries the text names — so it weighs candidates (weight) but
	// never drops a town abroad (filter): fed in here it cost 1.5 points
	// of location accuracy on ACLED's notes.
	for k := range ms {
		if !r.country[k] {
			for _, v := range ms[k].own {
				r.regionCC = addCountry(r.regionTotal, r.regionCC, v.ci, v.v)
			}
		}
	}
	r.regional = grow(r.regional, len(ms))
	for k := range ms {
		r.regional[k] = 0
		for _, ci := range r.regionCC {
			v := r.regionTotal[ci]
			if !r.country[k] {
				for _, o := range ms[k].own {
					if o.ci == ci {
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
		if !m.exact {
			var refs []uint32
			for _, i := range m.refs {
				if r.weight(g.info[i].cc, m.own) >= 0.25 {
					refs = append(refs, i)
				}
			}
			if refs = g.similar([]byte(m.key), refs); len(refs) == 0 {
				continue
			}
			m.refs, m.bits = refs, g.bitsOf(refs)|m.bits&keyBits
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
	for _, i := range m.refs {
		in := &r.g.info[i]
		if r.weight(in.cc, m.own) > 0 || (in.bits&isBigTown != 0 && regional < 0.7) || in.bits&isImportant != 0 {
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
		if m.kind != "admin1" || m.bits&isADM1 != 0 {
			continue
		}
		refs := append([]uint32(nil), m.refs...) // m.refs may alias the index
		elsewhere := r.evidenceElsewhere(m)
		for _, i := range m.refs {
			// "the Kokang region" in a text about Myanmar is not the
			// province of an Indonesian hamlet named Kokang.
			in := &g.info[i]
			if elsewhere && r.weight(in.cc, m.own) == 0 {
				continue
			}
			if reg := in.admin1; reg >= 0 && !slices.Contains(refs, uint32(reg)) {
				refs = append(refs, uint32(reg))
			}
		}
		m.refs, m.bits = refs, g.bitsOf(refs)|m.bits&keyBits
	}
}

// evidenceElsewhere reports whether the other mentions or the hint point
// to some country: then a town in none of them is a stray homonym.
func (r *resolver) evidenceElsewhere(m *rawMention) bool {
	if r.anyHint {
		return true // every hinted country weighs at least 0.5
	}
	for _, ci := range r.totalCC {
		if r.weight(ci, m.own) > 0 {
			return true
		}
	}
	return false
}

// indexRegions records the regions the text names, to prefer places inside
// them: "Patos (Paraiba)", "Goma (Mahagi, Ituri)", "Kulu district of Konya".
//
// A document names a few regions, so a sorted slice serves them better
// than a map (which also costs its whole size to clear).
func (r *resolver) indexRegions() {
	r.regions = r.regions[:0]
	r.regionBits = [4]uint64{}
	for k, m := range r.ms {
		for _, i := range m.refs {
			if r.g.info[i].bits&(isADM1|isADM2) != 0 {
				r.regionBits[i>>6&3] |= 1 << (i & 63)
				r.regions = append(r.regions, namedRegion{int32(i), k})
			}
		}
	}
	// Each region's mentions, in text order, make one entry.
	slices.SortStableFunc(r.regions, func(a, b namedRegion) int { return cmp.Compare(a.reg, b.reg) })
	out := r.regions[:0]
	for _, e := range r.regions {
		if n := len(out); n > 0 && out[n-1].reg == e.reg {
			// Named by several mentions: -1, unless by the same name again.
			if prev := &out[n-1]; prev.k != e.k && (prev.k < 0 || r.ms[prev.k].key != r.ms[e.k].key) {
				prev.k = -1
			}
			continue
		}
		out = append(out, e)
	}
	r.regions = out
}

// namedRegion is a region the text names: the place index reg, and the
// mention k that names it, -1 if several do.
type namedRegion struct {
	reg int32
	k   int
}

// namedRegion returns the mention naming region reg (-1 for several), and
// whether one does.
func (r *resolver) namedRegion(reg int32) (int, bool) {
	if r.regionBits[reg>>6&3]&(1<<(reg&63)) == 0 {
		return 0, false
	}
	j, ok := slices.BinarySearchFunc(r.regions, reg, func(e namedRegion, reg int32) int { return cmp.Compare(e.reg, reg) })
	if !ok {
		return 0, false
	}
	return r.regions[j].k, true
}

// inside is the bonus of place i for lying in a region another mention
// names.
// A name repeated is no other mention: "Athens ... Athens" does not put
// the town in Athens County, Ohio.
func (r *resolver) inside(i uint32, self int) float64 {
	b := 0.0
	in := &r.g.info[i]
	if reg := in.admin1; reg >= 0 && reg != int32(i) {
		if k, ok := r.namedRegion(reg); ok && k != self && (k < 0 || r.ms[k].key != r.ms[self].key) {
			b += 0.35
		}
	}
	if reg := in.admin2; reg >= 0 && reg != int32(i) {
		if k, ok := r.namedRegion(reg); ok && k != self && (k < 0 || r.ms[k].key != r.ms[self].key) {
			b += 0.2
		}
	}
	return b
}

// choice is the best and second-best score of a mention's places.
type choice struct {
	best, second float64
	idx, idx2    uint32 // the best place and the second
	base         int    // where choose put the candidates' scores in resolver.base
}

// add counts place i with score s.
func (c *choice) add(i uint32, s float64) {
	if s > c.best {
		c.second, c.idx2, c.best, c.idx = c.best, c.idx, s, i
	} else if s > c.second {
		c.second, c.idx2 = s, i
	}
}

// choose scores the places mention k may be, and records their scores in
// r.base for rechoose.
func (r *resolver) choose(k int) choice {
	g, m := r.g, &r.ms[k]
	c := choice{best: -1, second: -1, base: len(r.base)}
	r.towns = g.townCountries(r.towns, m.refs, m.kind)
	townIn := r.towns
	var keyHash uint64
	ownName := len(m.refs) > 1 && m.exact
	if ownName {
		keyHash = g.names.sumString(m.key)
	}
	for _, i := range m.refs {
		// The packed info answers without touching the Place (a cache miss
		// per candidate).
		in := &g.info[i]
		bits := in.bits
		s := scoreW(in.prior, m.exact, r.weight(in.cc, m.own)) + kindBonusW(bits, m.kind) + r.inside(i, k)
		if ownName && in.nameHash == keyHash {
			s += 0.12 // its own name, not an alias ("Valence" the French town, not Valencia)
		}
		if m.bare && bits&isCountry != 0 && articleName(g.places[i].Name) {
			s -= 0.3 // "Salvador" is not "El Salvador"
		}
		region := bits&isArea != 0 && bits&isCountry == 0
		if region && townIn.has(in.cc) {
			s -= 0.2
		}
		if region && m.kind == "" && len(townIn) > 0 {
			s -= 0.1 // "gathered in Bari": the Italian city, not Somalia's Bari region
		}
		r.base = append(r.base, s)
		c.add(i, s)
	}
	return c
}

// nearAnchors appends to dst the anchors of the mentions within 50 of
// mention k, other than k.
func nearAnchors(dst, anchors []anchor, k int) []anchor {
	for _, a := range anchors {
		if a.mention != k && a.mention-k <= 50 && k-a.mention <= 50 {
			dst = append(dst, a)
		}
	}
	return dst
}

// rechoose rescores the places of mention k, which choose scored first,
// with nearness to the anchors near it (unambiguous places of other
// mentions).
func (r *resolver) rechoose(k int, first choice, near []anchor) choice {
	g, m := r.g, &r.ms[k]
	c := choice{best: -1, second: -1, base: first.base}
	for j, i := range m.refs {
		s := r.base[first.base+j]
		lat := g.info[i].lat
		for _, a := range near {
			// The rounded latitude rules most anchors out (off by at most
			// 1e-5 degrees, well inside the margin) without reading the
			// Place, a cache miss; the test itself is on the exact values.
			if d := lat - float32(a.lat); d >= 2.301 || d <= -2.301 {
				continue
			}
			p := &g.places[i]
			if math.Abs(p.Lat-a.lat) < 2.3 && distanceKm(p.Lat, p.Lon, a.lat, a.lon) < 250 {
				s += 0.15
				break
			}
		}
		c.add(i, s)
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
	if r.g.info[c.idx].bits&r.g.info[c.idx2].bits&isTown == 0 {
		return c.idx // not two towns: no need to read the Places
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
func (r *resolver) mentions(d *doc) []sitrep.PlaceMention {
	text, toks := d.text, d.toks
	anchors := r.anchors[:0]
	defer func() { r.anchors = anchors }()
	first := grow(r.first, len(r.ms))
	r.first = first
	r.base = r.base[:0]
	for k := range r.ms {
		first[k] = r.choose(k)
		if c := first[k]; r.g.info[c.idx].bits&isArea == 0 && (len(r.ms[k].refs) == 1 || c.best-c.second > 0.15) {
			p := &r.g.places[c.idx]
			anchors = append(anchors, anchor{mention: k, lat: p.Lat, lon: p.Lon})
		}
	}
	out := make([]sitrep.PlaceMention, 0, len(r.ms))
	for k := range r.ms {
		m := &r.ms[k]
		c := first[k]
		if len(m.refs) > 1 {
			// Only nearby mentions: a long text may move across countries,
			// and this keeps the cost linear. Without any, the scores stand.
			if r.near = nearAnchors(r.near[:0], anchors, k); len(r.near) > 0 {
				c = r.rechoose(k, c, r.near)
			}
		}
		idx := r.twin(c)
		score := min(1, max(0, c.best))
		if c.second >= 0 && c.best-c.second < 0.1 {
			score *= 0.6 + 4*(c.best-c.second) // a close second: less sure
		}
		t0 := m.t0
		if t0+1 < m.t1 && d.is(t0, wArticle) && !strings.HasPrefix(text[toks[t0].end:], "-") && d.is(t0, wEnglishArticle) &&
			(t0 == 0 || !toks[t0-1].joined || !toks[t0].cap) {
			// A sentence-initial "At Raqqa" or "As Aleppo fell": the article
			// is an English word; mid-sentence "in At Tanf" it is the name's.
			t0++
		}
		start, end := toks[t0].start, toks[m.t1-1].end
		// The Place is copied once, straight into the result, and its
		// precision read there (a copy on the way cost as much again).
		out = append(out, sitrep.PlaceMention{
			Text:     text[start:end],
			Start:    start,
			End:      end,
			Modifier: m.mod,
			Score:    math.Round(score*1000) / 1000,
		})
		pm := &out[len(out)-1]
		pm.Place = r.g.places[idx]
		pm.Precision = precision(&pm.Place, m.mod, m.kind)
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

// vote is a mention's evidence for one country (an index in ccCodes).
type vote struct {
	ci uint16
	v  float64
}

// appendVotes appends the evidence a mention gives for the countries it
// may be in: a country name counts fully, a region or town half or less,
// split between the countries it may be in. Variants give none.
func (g *Gazetteer) appendVotes(dst []vote, m *rawMention) []vote {
	if !m.exact {
		return dst
	}
	start := len(dst)
outer:
	for _, i := range m.refs {
		// The packed info answers without touching the Place (a cache miss
		// each, and names like "Al" have hundreds of places).
		in := &g.info[i]
		v := 0.3
		switch {
		case in.bits&isCountry != 0:
			return append(dst[:start], vote{in.cc, 1})
		case in.bits&isArea != 0:
			v = 0.6
		}
		for k := start; k < len(dst); k++ {
			if dst[k].ci == in.cc {
				dst[k].v = max(dst[k].v, v)
				continue outer
			}
		}
		dst = append(dst, vote{in.cc, v})
	}
	// Split the strongest vote between the countries in proportion.
	seen := dst[start:]
	sum, top := 0.0, 0.0
	for _, v := range seen {
		sum += v.v
		top = max(top, v.v)
	}
	for k := range seen {
		seen[k].v *= top / sum
	}
	return dst
}

// kindBonusW favours the kind of place the context names ("X province" →
// the admin1 region) and otherwise towns over regions of the same name.
//
// It reads the place's weight bits (see placeWeight), not the Place.
func kindBonusW(w uint16, kind string) float64 {
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
