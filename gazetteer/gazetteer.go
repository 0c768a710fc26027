package gazetteer

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep/sitrep"
)

//go:generate go run gen.go

//go:embed data/geonames.tsv.gz
var geonamesGz []byte

// The hand-written and derived files, in the order Default loads them.
//
//go:embed data/countries.txt data/supplement.txt data/commonwords.txt data/stopwords.txt
var dataFS embed.FS

var dataFiles = []string{"data/countries.txt", "data/supplement.txt", "data/commonwords.txt", "data/stopwords.txt"}

// Gazetteer is an in-memory index of place names. It is read-only after
// loading and safe for concurrent use.
type Gazetteer struct {
	places       []sitrep.Place
	names        *hashIndex        // key → places
	skel         *hashIndex        // skeleton → places
	countries    map[string]int32  // ISO2 → place index
	common       map[string]bool   // keys of frequent English words
	needsContext map[string]bool   // keys that are places only with context
	stop         map[string]bool   // keys that are never places
	demonyms     map[string]uint16 // demonym key → index in ccCodes
	words        wordTable         // word → the word lists it is in (see wordClass)
	maxTokens    int
	// info is what mention finding and resolving read of a candidate
	// place, packed into one record per place: a name like "Al" has
	// hundreds of candidates, and one record costs one cache miss where
	// a table per field (or the Place) cost one each.
	info     []placeInfo
	ccCodes  []string          // the distinct country codes: the places', then the demonyms'
	ccIndex  map[string]uint16 // country code → index in ccCodes
	capitals []int32           // per country index: its most populous PPLC place, -1 if none
}

// placeInfo is the per-place record that Geoparse reads (see
// Gazetteer.info).
type placeInfo struct {
	nameHash uint64  // hash of the key of its own name (names index)
	prior    float32 // the document-independent part of its score
	admin1   int32   // index of its admin1 region (itself for one), -1 if unknown
	admin2   int32   // index of its admin2 region, -1 if unknown
	cc       uint16  // index of its country code in ccCodes
	bits     uint16  // weight bits, see placeWeight
	lat      float32 // its latitude, rounded: enough to rule out nearness (see rechoose)
	_        float32 // (pads the record to 32 bytes, so that none straddles two cache lines)
}

const multi = 1 << 31

// minSkeleton is the shortest skeleton (in letters) that is indexed: shorter
// ones match too many unrelated names to be worth a fallback.
const minSkeleton = 3

var _ sitrep.Geoparser = (*Gazetteer)(nil)

func newGazetteer(lines int) *Gazetteer {
	g := &Gazetteer{
		countries:    map[string]int32{},
		common:       map[string]bool{},
		needsContext: map[string]bool{},
		stop:         map[string]bool{},
	}
	// About three distinct keys and skeletons per line of GeoNames data.
	g.names = newHashIndex(3 * lines)
	g.skel = newHashIndex(3 * lines)
	return g
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer embedded in the binary: GeoNames places with
// population ≥ 500, their admin1 and admin2 regions, the countries, and the
// curated supplement of features news reports but GeoNames lacks. It is
// loaded once, on first use.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultG, defaultErr = loadDefault()
		// Loading leaves ~100 MB of garbage (the decompressed text, key
		// arena, build lists); hand it back to the OS now rather than
		// keep it in the process's resident set.
		debug.FreeOSMemory()
	})
	return defaultG, defaultErr
}

func loadDefault() (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(geonamesGz))
	if err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", err)
	}
	var buf strings.Builder
	buf.Grow(20 << 20)
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", err)
	}
	for _, name := range dataFiles {
		b, err := dataFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		buf.WriteString("\n# " + name + "\n")
		buf.Write(b)
	}
	g, err := loadString(buf.String())
	if err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", err)
	}
	return g, nil
}

// Len returns the number of places, regions and countries.
func (g *Gazetteer) Len() int { return len(g.places) }

// refs returns the places indexed under key in h.
func (g *Gazetteer) refs(h *hashIndex, key []byte) []uint32 { return h.get(key) }

// Candidate is one place a name may refer to.
type Candidate struct {
	Place   sitrep.Place `json:"place"`
	Score   float64      `json:"score"`   // 0..1, higher is likelier
	Matched string       `json:"matched"` // "name", "alias" or "variant" (skeleton match)
}

// Lookup returns the places a name may refer to, best first. Exact key
// matches come before transliteration variants; within each, places in the
// hinted countries, admin seats and larger places score higher.
func (g *Gazetteer) Lookup(name string, hint sitrep.GeoHint) []Candidate {
	key := appendKey(nil, name)
	if len(key) == 0 {
		return nil
	}
	seen := map[uint32]bool{}
	var out []Candidate
	hints := hintWeights(hint)
	score := func(i uint32, exact bool) float64 {
		return scoreW(g.info[i].prior, exact, hints[g.places[i].CountryCode])
	}
	refs := g.refs(g.names, key)
	townIn := g.townCountries(nil, refs, "")
	for _, i := range refs {
		seen[i] = true
		p := g.places[i]
		m := "alias"
		if Key(p.Name) == string(key) {
			m = "name"
		}
		s := score(i, true)
		if p.Class == "A" && p.Code != "PCLI" && townIn.has(g.info[i].cc) {
			s -= 0.2
		}
		if p.Code == "PCLI" && articleName(p.Name) && !articleName(name) {
			s -= 0.3
		}
		out = append(out, Candidate{Place: p, Score: max(0, s), Matched: m})
	}
	sk := appendSkeleton(nil, string(key))
	for _, i := range g.refs(g.skel, sk) {
		if seen[i] {
			continue
		}
		out = append(out, Candidate{Place: g.places[i], Score: max(0, score(i, false)), Matched: "variant"})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if va, vb := out[a].Matched == "variant", out[b].Matched == "variant"; va != vb {
			return vb
		}
		return out[a].Score > out[b].Score
	})
	return out
}

var (
	countryOnce  sync.Once
	countryNames map[string]string
)

// CountryCode returns the ISO 3166-1 alpha-2 code of a country given by its
// name or a common alias ("Syria", "Syrian Arab Republic", "DRC", "U.S."),
// not by a demonym. It reads only the small country table.
func CountryCode(name string) (string, bool) {
	countryOnce.Do(func() {
		countryNames = map[string]string{}
		b, err := dataFS.ReadFile("data/countries.txt")
		if err != nil {
			panic(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			f := strings.Split(strings.TrimSuffix(l, "\r"), "\t")
			if len(f) < 3 || f[0] != "C" {
				continue
			}
			countryNames[Key(f[2])] = f[1]
			if len(f) > 3 {
				for _, a := range strings.Split(f[3], "|") {
					if a != "" {
						countryNames[Key(a)] = f[1]
					}
				}
			}
		}
	})
	cc, ok := countryNames[Key(name)]
	return cc, ok
}

// CountryCode is the package function CountryCode as a method, so that a
// caller holding only a sitrep.Geoparser can turn the country names it
// reads into a GeoHint.
func (g *Gazetteer) CountryCode(name string) (string, bool) { return CountryCode(name) }
