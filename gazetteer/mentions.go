package gazetteer

import "unsafe"

// connectors may appear in lower case inside a multi-word name
// ("Deir ez-Zor", "Bab al-Hawa", "Dar es Salaam", "Umm al-Qura").
var connectors = map[string]bool{
	"de": true, "du": true, "des": true, "la": true, "le": true, "les": true, "of": true,
	"bin": true, "ibn": true, "bint": true, "abu": true, "um": true, "umm": true, "wa": true,
	"da": true, "do": true, "dos": true, "das": true, "del": true, "di": true, "van": true,
	"von": true, "der": true, "den": true, "sur": true, "am": true, "im": true, "e": true,
	"i": true, "y": true, "ben": true, "bou": true, "ould": true, "au": true, "aux": true, "sous": true,
	"bei": true, "ob": true, "d": true, "l": true, "los": true, "las": true, "lo": true, "della": true,
	"delle": true, "degli": true, "dei": true, "dem": true, "zum": true, "zur": true, "ter": true, "het": true,
}

// englishArticle are the article spellings that are also English words; a
// leading one counts as part of a name only when hyphenated ("As-Suwayda").
var englishArticle = map[string]bool{"as": true, "at": true, "an": true, "en": true, "es": true, "us": true, "un": true, "ed": true, "er": true}

// featureWords may continue a name in lower case when the whole is a
// gazetteer name ("Bab al-Hawa border crossing", "Mosul dam").
var featureWords = map[string]bool{
	"border": true, "crossing": true, "camp": true, "dam": true, "airbase": true, "base": true, "air": true,
	"airport": true, "airfield": true, "field": true, "oilfield": true, "oil": true, "garrison": true,
	"refugee": true, "bridge": true, "plant": true, "nuclear": true, "power": true, "steel": true, "gate": true,
}

// findMentions makes one pass over the tokens and, at each token that can
// start a name, looks up the longest run of following tokens that is a key
// of the index (hash lookups of the growing key, at most maxSpan per start).
// The mentions are appended to out; their keys are copied into arena and
// alias it, so they are valid until the arena is reused.
func (g *Gazetteer) findMentions(d *doc, out []rawMention, arena []byte) ([]rawMention, []byte) {
	toks, buf := d.toks, d.buf
	var keyBuf [128]byte
	key := keyBuf[:0]
	// keyString copies k into the arena.
	keyString := func(k []byte) string {
		if len(k) == 0 {
			return ""
		}
		start := len(arena)
		arena = append(arena, k...)
		return unsafe.String(&arena[start], len(k))
	}
	span := min(maxSpan, g.maxTokens+2)
	for i := 0; i < len(toks); i++ {
		t := &toks[i] // (not a copy: most tokens are skipped on two fields)
		if t.digit || !(t.cap || (t.joined && i+1 < len(toks) && toks[i+1].cap && d.is(i, wArticle))) {
			continue
		}
		key = key[:0]
		best := rawMention{t0: -1}
		bestLen := 0
		lastKeyed := 0 // key[:lastKeyed] is the longest run ending in a capitalised word
		lastEnd := -1
		for j := i; j < len(toks) && j < i+span; j++ {
			if j > i && !toks[j-1].joined {
				break
			}
			tj := &toks[j]
			cls := d.class(j)
			feature, article := cls&wFeature != 0, cls&wArticle != 0
			if tj.digit || (!tj.cap && cls&(wArticle|wConnector|wFeature) == 0) {
				break
			}
			// A connector does not join "… de Monday" — unless the whole is
			// a name ("Port-au-Prince").
			stopAfterConnector := j > i && tj.cap && !toks[j-1].cap && cls&wStop != 0
			if article {
				// Articles are not part of keys ("al-Tanf" = "Tanf"); a
				// capitalised one that starts nothing is a word of its own
				// ("US", "As").
				if tj.joined && j+1 < len(toks) && toks[j+1].cap {
					continue
				}
				if !tj.cap || j > i {
					break
				}
			}
			single := len(key) == 0
			if !single {
				key = append(key, ' ')
			}
			key = append(key, buf[tj.k0:tj.k1]...)
			if stopAfterConnector {
				if refs, bits := g.names.lookup(key); refs != nil {
					best = rawMention{t0: i, t1: j + 1, refs: refs, bits: uint16(bits), exact: true}
					bestLen = len(key)
					lastKeyed, lastEnd = len(key), j+1
				}
				break
			}
			if !tj.cap && !feature {
				continue
			}
			var refs []uint32
			var bits uint16
			if single {
				refs, bits = g.names.lookupSum(d.sum(j)) // the word, hashed already for its class
			} else {
				refs, bits = g.names.lookup(key)
			}
			if refs != nil {
				best = rawMention{t0: i, t1: j + 1, refs: refs, bits: bits, exact: true}
				bestLen = len(key)
			}
			lastKeyed = len(key)
			lastEnd = j + 1
		}
		if best.t0 < 0 && lastEnd > 0 && !toks[lastEnd-1].cap {
			lastEnd = -1 // a variant must end in a capitalised word
		}
		if best.t0 < 0 && lastEnd > 0 && lastKeyed >= 5 {
			// No exact key: try the transliteration skeleton of the longest
			// run, keeping the places whose own name is within a few edits.
			// Common words are skipped, but the skeleton index (whose Bloom
			// filter rejects most runs) is asked first: it is the cheaper test.
			var sk [128]byte
			s := appendSkeleton(sk[:0], key[:lastKeyed])
			if refs, bits := g.skel.lookup(s); refs != nil && len(refs) <= 256 && !g.common[string(key[:lastKeyed])] {
				// Checked against the places' names in resolve, once the
				// document's countries have narrowed them down.
				best = rawMention{t0: i, t1: lastEnd, refs: refs, bits: uint16(bits), key: keyString(key[:lastKeyed])}
			}
		}
		if best.t0 >= 0 && lastEnd > best.t1 && toks[lastEnd-1].cap {
			// A longer run than the exact match may be a variant of a
			// longer name: "Ain al Arab" is Ayn al Arab, not Al Ain.
			var sk [128]byte
			s := appendSkeleton(sk[:0], key[:lastKeyed])
			if refs := g.refs(g.skel, s); refs != nil && len(refs) <= 256 {
				if refs = g.similar(key[:lastKeyed], refs); refs != nil {
					best = rawMention{t0: i, t1: lastEnd, refs: refs, bits: g.bitsOf(refs), key: keyString(key[:lastKeyed])}
				}
			}
		}
		if best.t0 < 0 {
			continue
		}
		if best.exact {
			best.key = keyString(key[:bestLen])
		}
		if lastEnd > best.t1 && !d.is(best.t1, wAfter|wFeature) {
			// Not a context word that may follow a name ("Raqqa
			// Governorate", "Hit District").
			best.part = true
		}
		best.bare = !d.is(i, wArticle)
		out = append(out, best)
		i = best.t1 - 1
	}
	return out, arena
}

// similar keeps the places whose name's key is within 40% edits of key: a
// skeleton match alone lets "School" reach "Soquel".
func (g *Gazetteer) similar(key []byte, refs []uint32) []uint32 {
	var out []uint32
	var buf [128]byte
	for _, i := range refs {
		if n := len(g.places[i].Name); n > 2*len(key)+4 || 2*n+4 < len(key) {
			continue // lengths too far apart for 40% edits (names may carry diacritics)
		}
		name := appendKey(buf[:0], g.places[i].Name)
		if d := editDistance(key, name); float64(d) <= 0.4*float64(max(len(key), len(name))) {
			out = append(out, i)
		}
	}
	return out
}

// editDistance is the Levenshtein distance between two byte strings.
func editDistance(a, b []byte) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	var row [65]int
	for j := range len(b) + 1 {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cur := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(b)]
}
