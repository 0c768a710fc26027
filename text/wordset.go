package text

// WordSet is a set of folded words laid out for the hot loops that ask,
// token after token, whether a word starts some rule. It is an open
// addressing table of two-byte slots at most an eighth full, keyed by a
// hash of the word's length and outer bytes: Has costs a few arithmetic
// operations, one load from a table small enough to stay in the
// first-level cache, and for a word that lands on a taken slot one
// string compare, with no string hashing. The zero value is empty; it is
// not safe to Add while others call Has.
type WordSet struct {
	// filter has a bit set for the high hash bits of every word: 64 bytes
	// that stay in the first-level cache and turn most misses away
	// before the slots are read.
	filter   [8]uint64
	slots    []uint16 // 1 + index in words, or 0 for an empty slot; len is a power of two
	words    []string
	hasEmpty bool
}

// maxSetWords bounds a WordSet so that slot values fit two bytes.
const maxSetWords = 1<<16 - 2

// NewWordSet returns the set of the given words.
func NewWordSet(words ...string) *WordSet {
	s := &WordSet{}
	for _, w := range words {
		s.Add(w)
	}
	return s
}

// Add puts w in the set. It panics past 65534 words: the set is for
// rule word lists, not vocabularies.
func (s *WordSet) Add(w string) {
	if w == "" {
		s.hasEmpty = true
		return
	}
	if s.Has(w) {
		return
	}
	if len(s.words) == maxSetWords {
		panic("text: WordSet holds at most 65534 words")
	}
	s.words = append(s.words, w)
	f := filterBit(wordHash(w))
	s.filter[f>>6] |= 1 << (f & 63)
	if len(s.slots) >= 8*len(s.words) {
		s.place(len(s.words) - 1)
		return
	}
	size := 64
	for size < 8*len(s.words) {
		size *= 2
	}
	s.slots = make([]uint16, size)
	for i := range s.words {
		s.place(i)
	}
}

// place puts words[i] in the first free slot from its hash on.
func (s *WordSet) place(i int) {
	mask := uint32(len(s.slots) - 1)
	h := wordHash(s.words[i]) & mask
	for s.slots[h] != 0 {
		h = (h + 1) & mask
	}
	s.slots[h] = uint16(i + 1)
}

// Has reports whether w is in the set.
func (s *WordSet) Has(w string) bool {
	if w == "" {
		return s.hasEmpty
	}
	return s.Index(w) >= 0
}

// Index returns the position of a non-empty word in the order the words
// were added, or -1 when it is not in the set, so that a caller can keep
// values for the words in a slice instead of a map.
func (s *WordSet) Index(w string) int {
	if w == "" {
		return -1
	}
	// An empty set has an empty filter: no need to test len(s.slots).
	h := wordHash(w)
	if f := filterBit(h); s.filter[f>>6]&(1<<(f&63)) == 0 {
		return -1
	}
	mask := uint32(len(s.slots) - 1)
	for h &= mask; ; h = (h + 1) & mask {
		x := s.slots[h]
		if x == 0 {
			return -1
		}
		if s.words[x-1] == w {
			return int(x) - 1
		}
	}
}

// Len is the number of words in the set.
func (s *WordSet) Len() int { return len(s.words) + btoi(s.hasEmpty) }

// All calls yield for every word of the set, in the order they were
// added (the empty word, if any, last).
func (s *WordSet) All(yield func(string) bool) {
	for _, w := range s.words {
		if !yield(w) {
			return
		}
	}
	if s.hasEmpty {
		yield("")
	}
}

// filterBit picks a word's filter bit from the high bits of its hash;
// the slots use the low bits.
func filterBit(h uint32) uint32 { return h >> 23 }

// wordHash mixes a non-empty word's length with its first, second and
// last bytes: cheap, and enough to spread the words of a short list.
func wordHash(w string) uint32 {
	n := len(w)
	h := uint32(n)<<24 ^ uint32(w[0])<<16 ^ uint32(w[n-1])<<8
	if n > 1 {
		h ^= uint32(w[1])
	}
	h *= 0x9E3779B1
	return h ^ h>>16
}

// wordMap is a map from folded words to values, looked up through a
// WordSet: the number parser asks it about token after token, and a Go
// map would hash every one of them.
type wordMap[V any] struct {
	set  WordSet
	vals []V // by set.Index
}

// newWordMap returns a wordMap holding the entries of m.
func newWordMap[V any](m map[string]V) *wordMap[V] {
	wm := &wordMap[V]{}
	for w, v := range m {
		wm.set.Add(w)
		wm.vals = append(wm.vals, v)
	}
	return wm
}

// get returns the value of w and whether w is in the map.
func (m *wordMap[V]) get(w string) (V, bool) {
	if i := m.set.Index(w); i >= 0 {
		return m.vals[i], true
	}
	var zero V
	return zero, false
}
