package gazetteer

import "hash/maphash"

// hashIndex maps name keys to places. It stores 64-bit hashes of the keys
// instead of the keys themselves: with under a few million keys a collision
// is vanishingly unlikely, and the table takes 16 bytes a slot and builds in
// a fraction of the time of a map[string]. Open addressing, linear probing.
//
// While building, a slot's ref is a place index or, for a key shared by
// several places, multi|index into lists; freeze then moves the places of
// every key shared by several into one flat array so that get returns a
// subslice without allocating. A key of one place keeps it in its slot,
// and get returns a slice of the slot itself: most keys name one place,
// and their lookups read no second cache line. Each slot also holds a
// summary of its places (see freeze), which lookup returns along with
// them, so that a caller may learn enough from the slot alone.
type hashIndex struct {
	seed  maphash.Seed
	slots []slot
	n     int
	lists [][]uint32 // while building
	flat  []uint32   // after freeze: the places of the keys of several
	// bloom has two bits set per key (after freeze). The slots take
	// megabytes, so a probe is a cache miss; most words looked up in text
	// are not keys, and the filter, smaller and denser, turns them away
	// first. It never rejects a key, so results do not change. Both of a
	// key's bits lie in one 64-byte block, so that a test reads one cache
	// line, not two.
	bloom []uint64
	bmask uint64 // block index mask: len(bloom)/8 - 1
}

type slot struct {
	hash uint64 // 0 marks an empty slot
	// ref is, while building, a place index or multi|list; once frozen,
	// the place for n == 1, else the offset of the places in flat.
	ref [1]uint32
	n   uint16 // frozen: number of places; 0 for more than fit, the number then precedes them in flat
	sum uint16 // summary of the places (see add, freeze)
}

func newHashIndex(sizeHint int) *hashIndex {
	size := 1024
	for size < sizeHint*2 {
		size <<= 1
	}
	return &hashIndex{seed: maphash.MakeSeed(), slots: make([]slot, size)}
}

func (h *hashIndex) sum(key []byte) uint64 {
	s := maphash.Bytes(h.seed, key)
	if s == 0 {
		s = 1
	}
	return s
}

// sumString is sum for a key held in a string.
func (h *hashIndex) sumString(key string) uint64 {
	s := maphash.String(h.seed, key)
	if s == 0 {
		s = 1
	}
	return s
}

// slot returns the slot of key's hash: its own, or the empty one to fill.
func (h *hashIndex) slot(s uint64) int {
	mask := len(h.slots) - 1
	i := int(s) & mask
	for h.slots[i].hash != 0 && h.slots[i].hash != s {
		i = (i + 1) & mask
	}
	return i
}

// add indexes place idx under key, ORing sum into the key's summary (the
// gazetteer's: the place's weight bits). Adding the same place twice in a
// row is a no-op, so a place's aliases that fold alike cost nothing.
func (h *hashIndex) add(key []byte, idx uint32, sum uint16) {
	if h.n*2 >= len(h.slots) {
		h.grow()
	}
	s := h.sum(key)
	e := &h.slots[h.slot(s)]
	e.sum |= sum
	switch v := e.ref[0]; {
	case e.hash == 0:
		e.hash, e.ref[0] = s, idx
		h.n++
	case v&multi == 0:
		if v != idx {
			h.lists = append(h.lists, []uint32{v, idx})
			e.ref[0] = multi | uint32(len(h.lists)-1)
		}
	default:
		l := h.lists[v&^multi]
		if l[len(l)-1] != idx {
			h.lists[v&^multi] = append(l, idx)
		}
	}
}

// freeze ends building: get works only after it. Every key's summary gets
// flags too. The summary is what lookup returns with a key's places: the
// gazetteer ORs their weight bits, so that the gates learn whether a name
// may be a country or a large town without reading each place's record.
func (h *hashIndex) freeze(flags uint16) {
	size := 0
	for _, l := range h.lists {
		size += len(l)
	}
	h.flat = make([]uint32, 0, size)
	for i := range h.slots {
		e := &h.slots[i]
		if e.hash == 0 {
			continue
		}
		e.sum |= flags
		if e.ref[0]&multi == 0 {
			e.n = 1
			continue
		}
		l := h.lists[e.ref[0]&^multi]
		if len(l) > 0xffff {
			h.flat = append(h.flat, uint32(len(l)))
			e.n = 0
		} else {
			e.n = uint16(len(l))
		}
		e.ref[0] = uint32(len(h.flat))
		h.flat = append(h.flat, l...)
	}
	h.lists = nil
	h.shrink()
	bits := 1 << 16
	for bits < h.n*8 {
		bits <<= 1
	}
	h.bloom, h.bmask = make([]uint64, bits/64), uint64(bits/512-1)
	for _, e := range h.slots {
		if e.hash != 0 {
			a, b := h.bloomBits(e.hash)
			h.bloom[a>>6] |= 1 << (a & 63)
			h.bloom[b>>6] |= 1 << (b & 63)
		}
	}
}

// shrink moves the slots into the smallest table at most half full: the
// builder sizes the table for the worst case, and a tighter one takes
// less memory and fewer cache misses per probe.
func (h *hashIndex) shrink() {
	size := 1024
	for size < h.n*2 {
		size <<= 1
	}
	if size >= len(h.slots) {
		return
	}
	old := h.slots
	h.slots = make([]slot, size)
	for _, e := range old {
		if e.hash != 0 {
			h.slots[h.slot(e.hash)] = e
		}
	}
}

// bloomBits derives a key's two filter bits, both in one 512-bit block,
// from the high bits of its hash (the slot index uses the low ones).
func (h *hashIndex) bloomBits(s uint64) (uint64, uint64) {
	block := (s >> 40 & h.bmask) << 9
	return block | s>>22&511, block | s>>31&511
}

// maybe reports whether the hash may be a key: false means surely not.
func (h *hashIndex) maybe(s uint64) bool {
	a, b := h.bloomBits(s)
	return h.bloom[a>>6]&(1<<(a&63)) != 0 && h.bloom[b>>6]&(1<<(b&63)) != 0
}

// mark ORs flag into key's summary, if key is indexed.
func (h *hashIndex) mark(key []byte, flag uint16) {
	if e := &h.slots[h.slot(h.sum(key))]; e.hash != 0 {
		e.sum |= flag
	}
}

// get returns the places indexed under key. The slice must not be modified.
func (h *hashIndex) get(key []byte) []uint32 {
	refs, _ := h.lookup(key)
	return refs
}

// lookup returns the places indexed under key and their summary (see
// freeze). The slice must not be modified.
func (h *hashIndex) lookup(key []byte) ([]uint32, uint16) {
	return h.lookupSum(h.sum(key))
}

// lookupSum is lookup for the key whose sum is s.
func (h *hashIndex) lookupSum(s uint64) ([]uint32, uint16) {
	if !h.maybe(s) {
		return nil, 0
	}
	e := &h.slots[h.slot(s)]
	switch {
	case e.hash == 0:
		return nil, 0
	case e.n == 1:
		return e.ref[:], e.sum
	case e.n > 1:
		off, end := e.ref[0], e.ref[0]+uint32(e.n)
		return h.flat[off:end:end], e.sum
	}
	off := e.ref[0] // more places than n holds: their number comes first
	end := off + h.flat[off-1]
	return h.flat[off:end:end], e.sum
}

func (h *hashIndex) grow() {
	old := h.slots
	h.slots = make([]slot, 2*len(old))
	for _, e := range old {
		if e.hash != 0 {
			h.slots[h.slot(e.hash)] = e
		}
	}
}
