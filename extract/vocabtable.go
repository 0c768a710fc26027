package extract

import "strings"

// vocabTable is the vocabulary laid out for the one lookup every word of
// every document makes. A 4096-bit filter turns most words that no
// dictionary uses away; the others probe an open-addressing table of
// two-byte ids, at most a quarter full, keyed by a hash of the word's
// length and outer bytes, and compare one string. The filter and the
// table stay small enough to share the cache with the document.
type vocabTable struct {
	filter [64]uint64
	mask   uint32
	slots  []uint16 // vocabulary id, 0 for an empty slot
	words  []string // by id; words[0] is unused
	big    vocab    // set instead of the rest when ids do not fit two bytes
}

func newVocabTable(v vocab) *vocabTable {
	if len(v) >= 1<<16-1 {
		return &vocabTable{big: v}
	}
	size := 64
	for size < 4*len(v) {
		size *= 2
	}
	t := &vocabTable{mask: uint32(size - 1), slots: make([]uint16, size), words: make([]string, len(v)+1)}
	// The words are copied into one string in id order: the lexicon's
	// strings lie scattered over the heap, and the comparison that ends
	// most lookups would otherwise miss the cache on each.
	byID := make([]string, len(v)+1) // ids run from 1 to len(v)
	var arena strings.Builder
	for w, id := range v {
		byID[id] = w
	}
	for _, w := range byID {
		arena.WriteString(w)
	}
	all, off := arena.String(), 0
	for id, w := range byID {
		t.words[id] = all[off : off+len(w)]
		off += len(w)
	}
	// In id order, not map order: the probe chains, and so the cost of a
	// lookup, are then the same from run to run.
	for id := 1; id < len(byID); id++ {
		w := byID[id]
		h := vocabHash(w)
		t.filter[(h>>20)&63] |= 1 << ((h >> 26) & 63)
		for h &= t.mask; t.slots[h] != 0; h = (h + 1) & t.mask {
		}
		t.slots[h] = uint16(id)
	}
	return t
}

// id returns the vocabulary id of w, or 0.
func (t *vocabTable) id(w string) int32 {
	if t.big != nil {
		return t.big[w]
	}
	h := vocabHash(w)
	if t.filter[(h>>20)&63]&(1<<((h>>26)&63)) == 0 {
		return 0
	}
	for h &= t.mask; ; h = (h + 1) & t.mask {
		id := t.slots[h]
		if id == 0 {
			return 0
		}
		if t.words[id] == w {
			return int32(id)
		}
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
