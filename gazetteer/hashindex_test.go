package gazetteer

import (
	"fmt"
	"slices"
	"testing"
)

// TestHashIndexBloomKeepsEveryKey checks that the Bloom filter in front of
// the slots never turns away a key that was added (a false negative would
// silently lose a place name), and that it still answers nil for absent keys.
func TestHashIndexBloomKeepsEveryKey(t *testing.T) {
	h := newHashIndex(0)
	const n = 20000
	for i := range n {
		h.add(fmt.Appendf(nil, "town %d", i), uint32(i), 0)
		if i%7 == 0 {
			h.add(fmt.Appendf(nil, "shared %d", i/7), uint32(i), 0) // several places per key
			h.add(fmt.Appendf(nil, "shared %d", i/7), uint32(i+1), 0)
		}
	}
	h.freeze(0)
	for i := range n {
		if got, want := h.get(fmt.Appendf(nil, "town %d", i)), []uint32{uint32(i)}; !slices.Equal(got, want) {
			t.Fatalf("get(town %d) = %v, want %v", i, got, want)
		}
	}
	for k := range n / 7 {
		if got, want := h.get(fmt.Appendf(nil, "shared %d", k)), []uint32{uint32(7 * k), uint32(7*k + 1)}; !slices.Equal(got, want) {
			t.Fatalf("get(shared %d) = %v, want %v", k, got, want)
		}
	}
	for i := range 1000 {
		if got := h.get(fmt.Appendf(nil, "village %d", i)); got != nil {
			t.Fatalf("get(village %d) = %v, want nil", i, got)
		}
	}
}

// TestHashIndexManyPlacesPerKey checks the keys whose places are more than
// a slot's count holds, and the keys of one place, which live in the slot.
func TestHashIndexManyPlacesPerKey(t *testing.T) {
	h := newHashIndex(0)
	const n = 70000
	for i := range n {
		h.add([]byte("springfield"), uint32(i), uint16(1)<<(i%3))
	}
	h.add([]byte("hamlet"), 7, 8)
	h.freeze(16)
	refs, sum := h.lookup([]byte("springfield"))
	if len(refs) != n || refs[0] != 0 || refs[n-1] != n-1 || sum != 16|7 {
		t.Fatalf("springfield: %d places (%v…), summary %d; want %d, summary %d", len(refs), refs[:min(3, len(refs))], sum, n, 16|7)
	}
	if refs, sum := h.lookup([]byte("hamlet")); !slices.Equal(refs, []uint32{7}) || sum != 16|8 {
		t.Fatalf("hamlet: %v, summary %d; want [7], summary %d", refs, sum, 16|8)
	}
}
