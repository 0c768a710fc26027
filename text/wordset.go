package text

// WordSet is a set of folded words with a small bit filter in front of
// the map. Most words of a text are in none of the short lists that
// rules start with, and for those the filter answers with a few
// arithmetic operations instead of hashing the string and probing a map.
// The zero value is empty; it is not safe to Add while others call Has.
type WordSet struct {
	filter [wordFilterBits / 64]uint64
	m      map[string]struct{}
}

// wordFilterBits is the size of the filter: 4096 bits, half a kilobyte,
// sparse enough for lists of a few hundred words.
const wordFilterBits = 4096

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
	s.m[w] = struct{}{}
	h := wordHash(w)
	s.filter[h/64] |= 1 << (h % 64)
}

// Has reports whether w is in the set.
func (s *WordSet) Has(w string) bool {
	h := wordHash(w)
	if s.filter[h/64]&(1<<(h%64)) == 0 {
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

// wordHash mixes a word's length with its first two and last bytes:
// cheap to compute, and enough to tell most words of a list apart from
// the words of a text.
func wordHash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])*0x85EBCA77 ^ uint32(w[n-1])*0xC2B2AE3D
	if n > 1 {
		h ^= uint32(w[1]) * 0x27D4EB2F
	}
	h ^= h >> 15
	h *= 0x2C1B3C6D
	return (h >> 16) % wordFilterBits
}
