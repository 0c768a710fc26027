package text

// WordSet is a set of folded words laid out for the hot loops that ask,
// token after token, whether a word starts some rule. Each word sits in
// one slot of a small hash table chosen by its length and outer bytes;
// Has costs a few arithmetic operations and at most one string compare,
// with no string hashing, unless two words of the set share a slot, and
// then the map behind the table answers. The zero value is empty; it is
// not safe to Add while others call Has.
type WordSet struct {
	slots [wordSlots]string
	multi [wordSlots / 64]uint64 // slots shared by two words or more: ask m
	m     map[string]struct{}
}

// wordSlots is the size of the table: 1024 slots, sparse enough for
// lists of a few hundred words.
const wordSlots = 1024

// NewWordSet returns the set of the given words.
func NewWordSet(words ...string) *WordSet {
	s := &WordSet{}
	for _, w := range words {
		s.Add(w)
	}
	return s
}

// Add puts w in the set.
func (s *WordSet) Add(w string) {
	if s.m == nil {
		s.m = map[string]struct{}{}
	}
	if _, ok := s.m[w]; ok {
		return
	}
	s.m[w] = struct{}{}
	if w == "" {
		return // found through the map only
	}
	h := wordHash(w)
	if s.slots[h] == "" && s.multi[h/64]&(1<<(h%64)) == 0 {
		s.slots[h] = w
		return
	}
	s.slots[h] = ""
	s.multi[h/64] |= 1 << (h % 64)
}

// Has reports whether w is in the set.
func (s *WordSet) Has(w string) bool {
	if w == "" {
		_, ok := s.m[w]
		return ok
	}
	h := wordHash(w)
	if s.slots[h] == w {
		return true
	}
	if s.multi[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	_, ok := s.m[w]
	return ok
}

// Len is the number of words in the set.
func (s *WordSet) Len() int { return len(s.m) }

// All calls yield for every word of the set, in no particular order.
func (s *WordSet) All(yield func(string) bool) {
	for w := range s.m {
		if !yield(w) {
			return
		}
	}
}

// wordHash mixes a non-empty word's length with its first, second and
// last bytes into a slot number: cheap, and enough to spread the words
// of a short list.
func wordHash(w string) uint32 {
	n := len(w)
	h := uint32(n)<<24 ^ uint32(w[0])<<16 ^ uint32(w[n-1])<<8
	if n > 1 {
		h ^= uint32(w[1])
	}
	h *= 0x9E3779B1
	return h >> (32 - 10)
}
