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
		h.add(fmt.Appendf(nil, "town %d", i), uint32(i))
		if i%7 == 0 {
			h.add(fmt.Appendf(nil, "shared %d", i/7), uint32(i)) // several places per key
			h.add(fmt.Appendf(nil, "shared %d", i/7), uint32(i+1))
		}
	}
	h.freeze(func(refs []uint32) uint16 { return uint16(len(refs)) })
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
		h.add([]byte("springfield"), uint32(i))
	}
	h.add([]byte("hamlet"), 7)
	h.freeze(func(refs []uint32) uint16 { return uint16(len(refs) % 1000) })
	refs, sum := h.lookup([]byte("springfield"))
	if len(refs) != n || refs[0] != 0 || refs[n-1] != n-1 || sum != n%1000 {
		t.Fatalf("springfield: %d places (%v…), summary %d; want %d, summary %d", len(refs), refs[:min(3, len(refs))], sum, n, n%1000)
	}
	if refs, sum := h.lookup([]byte("hamlet")); !slices.Equal(refs, []uint32{7}) || sum != 1 {
		t.Fatalf("hamlet: %v, summary %d; want [7], summary 1", refs, sum)
	}
}
