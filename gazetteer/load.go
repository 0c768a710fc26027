package gazetteer

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep"
)

// The gazetteer is read from line records, tab-separated, so that the
// embedded GeoNames data, the hand-written country table and supplement, and
// any file a user supplies all share one format. Blank lines and lines
// starting with # are ignored. Aliases are separated by |.
//
//	C   ISO2  ACLED-country-name  aliases  [lat  lon]
//	A1  CC.a1      name  [aliases]
//	A2  CC.a1.a2   name  [aliases]
//	P   id  name  lat  lon  class.code  CC  a1  a2  population  [aliases]
//	N   target  aliases     (extra names; target is an id, CC, CC.a1 or CC.a1.a2)
//	D   ISO2  demonyms      (not places, but evidence of the country: "Syrian forces")
//	E   word...             (frequent English words: a place of that name needs context
//	                         unless it is a country, an admin1 region, a capital or a city of a million)
//	W   word...             (words that are places only with context: "Somali region", "in Unity")
//	X   word...             (words that are never place names)
//
// Countries, admin1 and admin2 regions get coordinates from a town, as
// ACLED codes "X district" to its main town: for an admin2 region the
// largest place named like it, else (and for the others) its seat (the
// GeoNames PPLC, PPLA or PPLA2 place with the largest population), else
// its largest place. Their population is the sum of their places'.

// LoadError lists the malformed lines of a gazetteer file. Load skips them
// and keeps every other line.
type LoadError struct {
	Lines []LineError
}

// LineError is one malformed line.
type LineError struct {
	Line int
	Msg  string
}

func (e *LoadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "gazetteer: %d malformed line(s)", len(e.Lines))
	for i, l := range e.Lines {
		if i == 5 {
			fmt.Fprintf(&b, "; …")
			break
		}
		fmt.Fprintf(&b, "; line %d: %s", l.Line, l.Msg)
	}
	return b.String()
}

// builder accumulates records before the index is built.
type builder struct {
	g            *Gazetteer
	aliases      []string // per place, "|"-separated
	a1code       []string // per place, "CC.a1" (towns) or own code (regions)
	a2code       []string
	regions      map[string]int32 // "CC", "CC.a1", "CC.a1.a2" → place index
	extra        map[string][]string
	explicit     map[int32]bool // countries with coordinates given
	countryNames map[string]bool
	demonyms     [][2]string // demonym key and ISO2, in file order
	errs         []LineError
}

// Load reads a gazetteer in the record format above. If some lines are
// malformed it returns the gazetteer built from the others together with a
// *LoadError naming them; a read error is returned as is.
func Load(r io.Reader) (*Gazetteer, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: read: %w", err)
	}
	return loadString(string(data))
}

// loadString builds a gazetteer from text. Places' names are substrings of
// text, which stays in memory as one block instead of 250,000 small strings.
func loadString(text string) (*Gazetteer, error) {
	n := strings.Count(text, "\n") + 1
	b := &builder{
		g:            newGazetteer(n),
		regions:      map[string]int32{},
		extra:        map[string][]string{},
		explicit:     map[int32]bool{},
		countryNames: map[string]bool{},
	}
	b.g.places = make([]sitrep.Place, 0, n)
	b.aliases = make([]string, 0, n)
	line := 0
	for len(text) > 0 {
		line++
		var l string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, ""
		}
		l = strings.TrimSuffix(l, "\r")
		if l == "" || l[0] == '#' {
			continue
		}
		if msg := b.record(l); msg != "" {
			b.errs = append(b.errs, LineError{Line: line, Msg: msg})
		}
	}
	b.finish()
	if len(b.errs) > 0 {
		return b.g, &LoadError{Lines: b.errs}
	}
	return b.g, nil
}

// record parses one line and returns a message if it is malformed.
func (b *builder) record(l string) string {
	var arr [12]string
	f := splitTab(l, arr[:0])
	switch f[0] {
	case "P":
		return b.place(f)
	case "A1", "A2":
		if len(f) < 3 || f[2] == "" {
			return "want " + f[0] + " <code> <name> [aliases]"
		}
		parts := strings.Split(f[1], ".")
		if (f[0] == "A1" && len(parts) != 2) || (f[0] == "A2" && len(parts) != 3) || len(parts[0]) != 2 {
			return fmt.Sprintf("bad region code %q", f[1])
		}
		code := "ADM1"
		if f[0] == "A2" {
			code = "ADM2"
		}
		name := trimRegionWords(f[2])
		b.add(sitrep.Place{Name: name, CountryCode: parts[0], Class: "A", Code: code}, aliasField(f, 3)+"|"+f[2], parts[0]+"."+parts[1], f[1])
		b.regions[f[1]] = int32(len(b.g.places) - 1)
	case "C":
		if len(f) < 3 || len(f[1]) != 2 || f[2] == "" {
			return "want C <ISO2> <ACLED name> [aliases] [lat lon]"
		}
		p := sitrep.Place{Name: f[2], Country: f[2], CountryCode: f[1], Class: "A", Code: "PCLI"}
		if b.countryNames[f[2]] && len(f) > 3 && f[3] != "" {
			// A territory ACLED files under another country (Hong Kong → China)
			// keeps its own name.
			p.Name, _, _ = strings.Cut(f[3], "|")
		}
		b.countryNames[f[2]] = true
		explicit := false
		if len(f) >= 6 && f[4] != "" {
			lat, err1 := strconv.ParseFloat(f[4], 64)
			lon, err2 := strconv.ParseFloat(f[5], 64)
			if err1 != nil || err2 != nil || !validLatLon(lat, lon) {
				return fmt.Sprintf("bad coordinates %q %q", f[4], f[5])
			}
			p.Lat, p.Lon, explicit = lat, lon, true
		}
		b.add(p, aliasField(f, 3), "", "")
		i := int32(len(b.g.places) - 1)
		b.regions[f[1]] = i
		b.g.countries[f[1]] = i
		if explicit {
			b.explicit[i] = true
		}
	case "D":
		if len(f) < 3 || len(f[1]) != 2 {
			return "want D <ISO2> <demonyms>"
		}
		for _, d := range strings.Split(f[2], "|") {
			if k := Key(d); k != "" {
				b.demonyms = append(b.demonyms, [2]string{k, f[1]})
			}
		}
	case "N":
		if len(f) < 3 || f[1] == "" || f[2] == "" {
			return "want N <target> <aliases>"
		}
		b.extra[f[1]] = append(b.extra[f[1]], f[2])
	case "E", "W", "X":
		set := map[string]map[string]bool{"E": b.g.common, "W": b.g.needsContext, "X": b.g.stop}[f[0]]
		for _, w := range f[1:] {
			for _, w := range strings.Fields(w) {
				set[Key(w)] = true
			}
		}
	default:
		return fmt.Sprintf("unknown record type %q", f[0])
	}
	return ""
}

func (b *builder) place(f []string) string {
	if len(f) < 10 {
		return fmt.Sprintf("want 10 or 11 fields in a P record, got %d", len(f))
	}
	id, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return fmt.Sprintf("bad id %q", f[1])
	}
	lat, err1 := strconv.ParseFloat(f[3], 64)
	lon, err2 := strconv.ParseFloat(f[4], 64)
	if err1 != nil || err2 != nil || !validLatLon(lat, lon) {
		return fmt.Sprintf("bad coordinates %q %q", f[3], f[4])
	}
	class, code, ok := strings.Cut(f[5], ".")
	if !ok || class == "" {
		return fmt.Sprintf("bad feature %q, want class.code like P.PPLA", f[5])
	}
	if len(f[6]) != 2 {
		return fmt.Sprintf("bad country code %q", f[6])
	}
	pop := 0
	if f[9] != "" {
		if pop, err = strconv.Atoi(f[9]); err != nil || pop < 0 {
			return fmt.Sprintf("bad population %q", f[9])
		}
	}
	if f[2] == "" {
		return "empty name"
	}
	p := sitrep.Place{ID: id, Name: f[2], CountryCode: f[6], Lat: lat, Lon: lon, Population: pop, Class: intern(class), Code: intern(code)}
	a1, a2 := "", ""
	if f[7] != "" {
		a1 = f[6] + "." + f[7]
		if f[8] != "" {
			a2 = a1 + "." + f[8]
		}
	}
	b.add(p, aliasField(f, 10), a1, a2)
	return ""
}

func (b *builder) add(p sitrep.Place, aliases, a1, a2 string) {
	b.g.places = append(b.g.places, p)
	b.aliases = append(b.aliases, aliases)
	b.a1code = append(b.a1code, a1)
	b.a2code = append(b.a2code, a2)
}

func aliasField(f []string, i int) string {
	if len(f) > i {
		return f[i]
	}
	return ""
}

func validLatLon(lat, lon float64) bool {
	return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
}

var interned = map[string]string{}

// intern shares the few distinct feature classes and codes between places.
// It is only called while loading, under the caller's lock or sync.Once.
func intern(s string) string {
	if v, ok := interned[s]; ok {
		return v
	}
	s = strings.Clone(s)
	interned[s] = s
	return s
}

// regionWords are the generic words GeoNames puts around region names;
// news uses the bare name ("Nineveh", "Maidan Wardak").
var regionWords = []string{
	" Regional State", " Governorate", " Province", " Oblast", " State", " Region", " Prefecture",
	" Municipality", " Department", " District", " County", " Division",
}

func trimRegionWords(name string) string {
	for _, w := range regionWords {
		if strings.HasSuffix(name, w) && len(name) > len(w)+2 {
			return name[:len(name)-len(w)]
		}
	}
	for _, w := range []string{"Muhafazat ", "Wilayat ", "Province of ", "Provincia de "} {
		if strings.HasPrefix(name, w) && len(name) > len(w)+2 {
			return name[len(w):]
		}
	}
	return name
}

// finish derives region coordinates and names and builds the name index.
func (b *builder) finish() {
	g := b.g
	type acc struct {
		lat, lon, w float64
		pop         int
		seat        int32
		seatPop     int
		named       int32 // the largest place named like the region
		largest     int32
	}
	sums := map[string]*acc{}
	regionName := func(code string) string {
		if r, ok := b.regions[code]; ok {
			return g.places[r].Name
		}
		return ""
	}
	for i, p := range g.places {
		if p.Class == "A" {
			continue
		}
		codes := [3]string{p.CountryCode, b.a1code[i], b.a2code[i]}
		seats := [3]string{"PPLC", "PPLA", "PPLA2"}
		for level, c := range codes {
			if c == "" {
				continue
			}
			a := sums[c]
			if a == nil {
				a = &acc{seat: -1, named: -1, largest: -1}
				sums[c] = a
			}
			if a.largest < 0 || p.Population > g.places[a.largest].Population {
				a.largest = int32(i)
			}
			if level > 0 && (a.named < 0 || p.Population > g.places[a.named].Population) && strings.EqualFold(p.Name, regionName(c)) {
				a.named = int32(i)
			}
			w := float64(max(p.Population, 1))
			a.lat += p.Lat * w
			a.lon += p.Lon * w
			a.w += w
			a.pop += p.Population
			if p.Code == seats[level] && (a.seat < 0 || p.Population > a.seatPop) {
				a.seat, a.seatPop = int32(i), p.Population
			}
		}
	}
	for code, i := range b.regions {
		a := sums[code]
		p := &g.places[i]
		if a == nil {
			if !b.explicit[i] {
				p.Code = "" // no coordinates: not indexed
			}
			continue
		}
		p.Population = a.pop
		if b.explicit[i] {
			continue
		}
		// ACLED codes "X district" to its main town: the town named like
		// it, else its seat, else its largest place.
		switch {
		case a.named >= 0 && p.Code == "ADM2":
			p.Lat, p.Lon = g.places[a.named].Lat, g.places[a.named].Lon
		case a.seat >= 0:
			p.Lat, p.Lon = g.places[a.seat].Lat, g.places[a.seat].Lon
		case a.largest >= 0:
			p.Lat, p.Lon = g.places[a.largest].Lat, g.places[a.largest].Lon
		default:
			p.Lat, p.Lon = a.lat/a.w, a.lon/a.w
		}
	}
	b.nearestAdmin()
	// Country and admin1 names for every place.
	g.info = make([]placeInfo, len(g.places))
	for i := range g.places {
		p := &g.places[i]
		if c, ok := g.countries[p.CountryCode]; ok {
			p.Country = g.places[c].Country
		} else {
			p.Country = p.CountryCode
		}
		if r, ok := b.regions[b.a1code[i]]; ok && p.Code != "ADM1" {
			p.Admin1 = g.places[r].Name
		} else if p.Code == "ADM1" {
			p.Admin1 = p.Name
		}
		in := &g.info[i]
		in.admin1, in.admin2 = -1, -1
		if r, ok := b.regions[b.a1code[i]]; ok {
			in.admin1 = r
		}
		if r, ok := b.regions[b.a2code[i]]; ok {
			in.admin2 = r
		}
	}
	// Extra names.
	for target, list := range b.extra {
		i, ok := b.regions[target]
		if !ok {
			id, err := strconv.ParseInt(target, 10, 64)
			j, found := b.byID(id)
			if err != nil || !found {
				b.errs = append(b.errs, LineError{Msg: fmt.Sprintf("N record: unknown target %q", target)})
				continue
			}
			i = j
		}
		b.aliases[i] += "|" + strings.Join(list, "|")
	}
	b.index()
	b.aliases = nil
}

// nearestAdmin gives supplement places without admin codes those of the
// nearest GeoNames place in the same country.
func (b *builder) nearestAdmin() {
	var byCountry map[string][]int32 // GeoNames towns with an admin1 code, by country
	for i := range b.g.places {
		p := &b.g.places[i]
		if p.ID < 900_000_000 || b.a1code[i] != "" {
			continue
		}
		if byCountry == nil {
			byCountry = map[string][]int32{}
			for j := range b.g.places {
				if q := &b.g.places[j]; q.Class == "P" && q.ID < 900_000_000 && b.a1code[j] != "" {
					byCountry[q.CountryCode] = append(byCountry[q.CountryCode], int32(j))
				}
			}
		}
		best, bestD := int32(-1), math.MaxFloat64
		for _, j := range byCountry[p.CountryCode] {
			q := &b.g.places[j]
			if d := (q.Lat-p.Lat)*(q.Lat-p.Lat) + (q.Lon-p.Lon)*(q.Lon-p.Lon); d < bestD {
				best, bestD = j, d
			}
		}
		if best >= 0 {
			b.a1code[i], b.a2code[i] = b.a1code[best], b.a2code[best]
		}
	}
}

// splitTab splits a line at tabs into f without allocating for short lines.
func splitTab(l string, f []string) []string {
	for {
		i := strings.IndexByte(l, '\t')
		if i < 0 {
			return append(f, l)
		}
		f = append(f, l[:i])
		l = l[i+1:]
	}
}

// index computes the key of every name, dropping a place's aliases that fold
// to a key it already has, then fills the key and skeleton indexes
// concurrently.
func (b *builder) index() {
	g := b.g
	type keyed struct{ off, end, idx uint32 }
	arena := make([]byte, 0, 16<<20)
	ks := make([]keyed, 0, 2*len(g.places))
	add := func(name string, i int, first int) {
		off := len(arena)
		arena = appendKey(arena, name)
		if len(arena) == off {
			return
		}
		for _, k := range ks[first:] {
			if string(arena[k.off:k.end]) == string(arena[off:]) {
				arena = arena[:off]
				return
			}
		}
		ks = append(ks, keyed{uint32(off), uint32(len(arena)), uint32(i)})
	}
	// Country codes as small integers, so that resolving compares and
	// indexes them instead of hashing strings.
	g.ccIndex = map[string]uint16{}
	ccOf := func(cc string) uint16 {
		ci, ok := g.ccIndex[cc]
		if !ok {
			ci = uint16(len(g.ccCodes))
			g.ccIndex[cc] = ci
			g.ccCodes = append(g.ccCodes, cc)
		}
		return ci
	}
	for i := range g.places {
		g.info[i].cc = ccOf(g.places[i].CountryCode)
	}
	// A demonym's country may have no place (a bare D record): it still
	// gets an index, as evidence of a country.
	g.demonyms = make(map[string]uint16, len(b.demonyms))
	for _, d := range b.demonyms {
		g.demonyms[d[0]] = ccOf(d[1])
	}
	for i, p := range g.places {
		if p.Code == "" {
			continue
		}
		first := len(ks)
		add(p.Name, i, first)
		if len(ks) > first {
			g.info[i].nameHash = g.names.sum(arena[ks[first].off:ks[first].end])
		}
		for rest := b.aliases[i]; rest != ""; {
			var a string
			a, rest, _ = strings.Cut(rest, "|")
			if a == "" {
				continue
			}
			if p.Class == "A" {
				a = trimRegionWords(a)
			}
			add(a, i, first)
		}
	}
	// Document-independent scores and weight bits, before the indexes
	// summarise the bits of each key's places as they are added (in
	// place order, which reads the records in order).
	g.capitals = make([]int32, len(g.ccCodes))
	for i := range g.capitals {
		g.capitals[i] = -1
	}
	for i := range g.places {
		p, in := &g.places[i], &g.info[i]
		in.prior = priorScore(p)
		in.bits = placeWeight(p)
		in.lat = float32(p.Lat)
		if c := g.capitals[in.cc]; p.Code == "PPLC" && (c < 0 || p.Population > g.places[c].Population) {
			g.capitals[in.cc] = int32(i)
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		var sk []byte
		lastIdx, lastSk := uint32(1<<32-1), []byte(nil)
		for _, k := range ks {
			sk = appendSkeleton(sk[:0], arena[k.off:k.end])
			if len(sk)-bytes.Count(sk, []byte{' '}) < minSkeleton {
				continue
			}
			if k.idx == lastIdx && bytes.Equal(sk, lastSk) {
				continue
			}
			lastIdx, lastSk = k.idx, append(lastSk[:0], sk...)
			g.skel.add(sk, k.idx, g.info[k.idx].bits)
		}
	}()
	for _, k := range ks {
		key := arena[k.off:k.end]
		g.names.add(key, k.idx, g.info[k.idx].bits)
		if n := bytes.Count(key, []byte{' '}) + 1; n > g.maxTokens {
			g.maxTokens = n
		}
	}
	<-done
	g.names.freeze(keyIndexed)
	g.skel.freeze(0)
	for _, l := range []struct {
		set  map[string]bool
		flag uint16
	}{{g.stop, keyStop}, {g.common, keyCommon}, {g.needsContext, keyNeedsContext}} {
		for w, ok := range l.set {
			if ok {
				g.names.mark([]byte(w), l.flag)
			}
		}
	}
	g.buildWords()
}

// byID finds a place by GeoNames id (a linear scan: only N records need it).
func (b *builder) byID(id int64) (int32, bool) {
	for i := range b.g.places {
		if b.g.places[i].ID == id {
			return int32(i), true
		}
	}
	return 0, false
}
