package extract

// vocabTable is the vocabulary laid out for the one lookup every word of
// every document makes: open addressing over a power-of-two table at
// most a quarter full, keyed by a hash of the word's length and outer
// bytes. A miss, the common case, usually lands on an empty slot after
// a few arithmetic operations and one load.
type vocabTable struct {
	mask uint32
	keys []string
	ids  []int32 // 0 marks an empty slot
}

func newVocabTable(v vocab) *vocabTable {
	size := 64
	for size < 4*len(v) {
		size *= 2
	}
	t := &vocabTable{mask: uint32(size - 1), keys: make([]string, size), ids: make([]int32, size)}
	for w, id := range v {
		h := vocabHash(w) & t.mask
		for t.ids[h] != 0 {
			h = (h + 1) & t.mask
		}
		t.keys[h], t.ids[h] = w, id
	}
	return t
}

// id returns the vocabulary id of w, or 0.
func (t *vocabTable) id(w string) int32 {
	h := vocabHash(w) & t.mask
	for {
		id := t.ids[h]
		if id == 0 {
			return 0
		}
		if t.keys[h] == w {
			return id
		}
		h = (h + 1) & t.mask
	}
}

// vocabHash mixes a word's length with its first two and last two bytes.
func vocabHash(w string) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint32(n) ^ uint32(w[0])<<8 ^ uint32(w[n-1])<<16
	if n > 1 {
		h ^= uint32(w[1])<<24 ^ uint32(w[n-2])<<4
	}
	h *= 0x9E3779B1
	return h ^ h>>15
}
