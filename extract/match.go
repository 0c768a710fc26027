package extract

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep/sitrep/text"
)

// word is one matching unit: a token, or a part of a hyphenated token
// ("US-led" → "US", "led"), with a possessive "'s" dropped from its norm so
// that "Iraq's" matches "Iraq". Offsets stay those of the original text.
//
// The small fields come last, packed together, so that a word fills one
// 64-byte cache line: documents are scanned word by word many times.
type word struct {
	norm       string
	start, end int   // byte offsets: the word's text is s[start:end] of the text it came from
	tok        int   // index of the token it came from
	id         int32 // the norm's index in the engine's vocabulary, 0 if no phrase uses it
	kind       text.Kind
}

// words turns tokens into matching units.
func words(toks []text.Token) []word {
	ws, _ := appendWords(nil, toks, nil, make([]int, len(toks)+1))
	return ws
}

// appendWords appends the matching units of toks to ws. parts is memory
// for the parts of hyphenated tokens, returned for the next call to
// reuse. It sets firstWord, of length len(toks)+1, to the index in ws of
// each token's first word, and firstWord[len(toks)] to the end of ws.
func appendWords(ws []word, toks []text.Token, parts []text.Token, firstWord []int) ([]word, []text.Token) {
	ws = slices.Grow(ws, len(toks))
	firstWord = firstWord[:len(toks)+1]
	for i := range toks {
		firstWord[i] = len(ws)
		t := &toks[i]
		if t.Kind == text.Word && strings.IndexByte(t.Text, '-') > 0 {
			if parts = text.AppendHyphenParts(parts[:0], *t); len(parts) == 0 {
				parts = append(parts, *t)
			}
			for _, p := range parts {
				ws = append(ws, word{norm: stripPossessive(p.Norm), start: p.Start, end: p.End, tok: i, kind: p.Kind})
			}
			continue
		}
		// Written in place rather than appended as a literal: this runs for
		// every token and the literal costs a copy.
		n := len(ws)
		if n == cap(ws) {
			ws = slices.Grow(ws, len(toks)-i)
		}
		ws = ws[:n+1]
		w := &ws[n]
		w.norm, w.start, w.end, w.tok, w.id, w.kind = stripPossessive(t.Norm), t.Start, t.End, i, 0, t.Kind
	}
	firstWord[len(toks)] = len(ws)
	return ws, parts
}

func stripPossessive(s string) string {
	if n := len(s); n > 2 && s[n-2] == '\'' && s[n-1] == 's' {
		return s[:n-2]
	}
	return s
}

// phraseWords turns a dictionary phrase into the norms it must match.
// "*" and "..." survive as pattern tokens.
func phraseWords(phrase string) []string {
	var out []string
	for _, f := range strings.Fields(phrase) {
		switch {
		case f == "...":
			out = append(out, f)
		case strings.HasSuffix(f, "*"):
			for _, w := range words(text.Tokenize(strings.TrimSuffix(f, "*"))) {
				out = append(out, w.norm)
			}
			if len(out) > 0 {
				out[len(out)-1] += "*"
			}
		default:
			for _, w := range words(text.Tokenize(f)) {
				out = append(out, w.norm)
			}
		}
	}
	return out
}

// vocab numbers every word the dictionaries use, so that matching costs
// one string lookup per word of a document and integer lookups after.
type vocab map[string]int32

func (v vocab) intern(w string) int32 {
	if id, ok := v[w]; ok {
		return id
	}
	id := int32(len(v) + 1)
	v[w] = id
	return id
}

// trie matches dictionary phrases against a word stream. A node's values
// are the ids of the phrases that end there.
type trie struct {
	root  node
	vocab vocab
	first []bool // by vocabulary id: some phrase starts with this word
	// follow is, by vocabulary id of a first word, a 64-bit filter of the
	// ids of the words its phrases continue with, all ones when a phrase
	// may end at the first word or continue other than by a whole word
	// (prefix, gap). Common words start phrases ("the", "in", "a") but
	// are mostly followed by words none continues with: the filter turns
	// those away before a walk (see mayContinue).
	follow []uint64
	// gapped is, by phrase id, whether the phrase skips words ("took ...
	// from"): the words it skips may hold phrases of their own.
	gapped []bool
	// bit is the trie's bit in the start bits the engine sets once per word
	// for all its dictionaries (see Engine.startsOf); 0 for a trie scanned
	// without them.
	bit uint8
}

// finish indexes the words phrases start with, so that scanning skips
// every other word with one slice lookup. Call it once all phrases of
// every trie sharing the vocabulary are added.
func (t *trie) finish() {
	t.first = make([]bool, len(t.vocab)+1)
	t.follow = make([]uint64, len(t.vocab)+1)
	t.root.dense = make([]*node, len(t.vocab)+1)
	for id, c := range t.root.next {
		t.first[id] = true
		t.root.dense[id] = c
	}
	t.root.compact()
	for id, c := range t.root.next {
		if len(c.vals) > 0 || len(c.prefix) > 0 || c.gap != nil {
			t.follow[id] = ^uint64(0)
			continue
		}
		for _, k := range c.keys {
			t.follow[id] |= followBit(k)
		}
	}
	t.root.heads = nil
	if len(t.root.prefix) > 0 {
		t.root.heads = &headSet{}
		for _, e := range t.root.prefix {
			t.root.heads.add(e.p)
		}
	}
}

// compact copies every node's children below the root into sorted
// slices, which a few comparisons search faster than a map is hashed.
func (n *node) compact() {
	n.keys, n.kids = n.keys[:0], n.kids[:0]
	for id := range n.next {
		n.keys = append(n.keys, id)
	}
	slices.Sort(n.keys)
	for _, id := range n.keys {
		c := n.next[id]
		n.kids = append(n.kids, c)
		c.compact()
	}
	// A stable sort keeps the order of the edges one word can match, all
	// with its first byte, so walks find the same ids in the same order.
	slices.SortStableFunc(n.prefix, func(a, b prefixEdge) int { return int(a.p[0]) - int(b.p[0]) })
	n.psorted = true
	for _, e := range n.prefix {
		e.n.compact()
	}
	if n.gap != nil {
		n.gap.compact()
	}
}

// child returns the child for word id from the compact slices.
func (n *node) child(id int32) *node {
	if len(n.keys) <= 8 {
		for i, k := range n.keys {
			if k == id {
				return n.kids[i]
			}
		}
		return nil
	}
	if i, ok := slices.BinarySearch(n.keys, id); ok {
		return n.kids[i]
	}
	return nil
}

// followBit is the bit of word id in a follow filter.
func followBit(id int32) uint64 { return 1 << (uint32(id) * 0x9E3779B1 >> 26) }

// mayContinue reports whether a phrase starting with word id, which some
// phrase starts with, may match when the next word has id next (0 for
// none, or a word no phrase uses): false means no walk from there can
// succeed.
func (t *trie) mayContinue(id, next int32) bool {
	f := t.follow[id]
	return f == ^uint64(0) || next != 0 && f&followBit(next) != 0
}

// mayStart reports whether a phrase can start at w.
func (t *trie) mayStart(w *word) bool {
	if int(w.id) < len(t.first) && t.first[w.id] { // first[0] is false: id 0 is no word
		return true
	}
	return t.root.heads != nil && t.root.heads.mayHave(w.norm)
}

type node struct {
	next    map[int32]*node
	dense   []*node      // the root's next as a slice by vocabulary id, set by finish: most lookups happen there
	keys    []int32      // next's ids sorted, set by finish for the nodes below the root
	kids    []*node      // the children of keys
	prefix  []prefixEdge // sorted by first byte once psorted is set (by finish)
	psorted bool
	pfirst  byteSet  // first bytes that have a prefix edge, to skip most words at once
	heads   *headSet // the root's finer filter of the same, set by finish
	gap     *node
	vals    []int32
}

// byteSet is a set of bytes in 32 bytes, an eighth of a [256]bool: every
// trie node has one, and small nodes keep more of the trie in cache.
type byteSet [4]uint64

func (s *byteSet) add(c byte)      { s[c>>6] |= 1 << (c & 63) }
func (s *byteSet) has(c byte) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// headSet filters words against prefix edges by up to their first three
// bytes, hashed into 4096 bits. Words are tried against the root of every
// trie, and one first byte in common with some edge ("a" of "ambush*",
// "s" of "skirmish*") lets most of them through; three bytes turn away
// all but a few, which the walk then checks exactly.
type headSet struct {
	lens uint8 // bit n set: some edge is keyed by its first n bytes, n = min(len, 3)
	bits [64]uint64
}

func headKey(w string, n int) uint32 {
	var k uint32
	for i := 0; i < n; i++ {
		k |= uint32(w[i]) << (8 * i)
	}
	return headMix(k, n)
}

// headMix hashes the first n bytes of a word, packed into k, to 12 bits.
func headMix(k uint32, n int) uint32 { return (k | uint32(n)<<24) * 0x9E3779B1 >> 20 }

func (s *headSet) add(p string) {
	n := min(len(p), 3)
	s.lens |= 1 << n
	k := headKey(p, n)
	s.bits[k>>6] |= 1 << (k & 63)
}

// mayHave reports whether w may start with one of the edges added: false
// means none matches.
func (s *headSet) mayHave(w string) bool {
	for n := 1; n <= 3 && n <= len(w); n++ {
		if s.lens&(1<<n) == 0 {
			continue
		}
		if k := headKey(w, n); s.bits[k>>6]&(1<<(k&63)) != 0 {
			return true
		}
	}
	return false
}

type prefixEdge struct {
	p string
	n *node
}

func (t *trie) add(pattern []string, id int32) {
	n := &t.root
	t.first, n.dense, n.heads = nil, nil, nil // stale until finish runs again
	if t.vocab == nil {
		t.vocab = vocab{}
	}
	for _, p := range pattern {
		switch {
		case p == "...":
			if n.gap == nil {
				n.gap = &node{}
			}
			n = n.gap
		case strings.HasSuffix(p, "*") && len(p) > 1:
			p = p[:len(p)-1]
			var found *node
			for _, e := range n.prefix {
				if e.p == p {
					found = e.n
				}
			}
			if found == nil {
				found = &node{}
				n.prefix = append(n.prefix, prefixEdge{p, found})
				n.psorted = false
				n.pfirst.add(p[0])
			}
			n = found
		default:
			if n.next == nil {
				n.next = map[int32]*node{}
			}
			k := t.vocab.intern(p)
			c := n.next[k]
			if c == nil {
				c = &node{}
				n.next[k] = c
				n.keys, n.kids = nil, nil // stale until finish runs again
			}
			n = c
		}
	}
	n.vals = append(n.vals, id)
	if slices.Contains(pattern, "...") {
		for int(id) >= len(t.gapped) {
			t.gapped = append(t.gapped, false)
		}
		t.gapped[id] = true
	}
}

// allGapped reports whether every id of a match skips words.
func (t *trie) allGapped(ids []int32) bool {
	for _, id := range ids {
		if int(id) >= len(t.gapped) || !t.gapped[id] {
			return false
		}
	}
	return len(ids) > 0
}

// maxGap is how many words "..." may skip.
const maxGap = 6

// longest returns the end (exclusive word index) of the longest phrase
// starting at ws[i], appending the ids that end there to buf; end is i
// when nothing matches.
func (t *trie) longest(ws []word, i int, buf []int32) (end int, ids []int32) {
	st := walker{ws: ws, i: i, end: i, base: len(buf), ids: buf}
	st.walk(&t.root, i)
	return st.end, st.ids
}

// walker is the state of one longest-match search, kept in a struct
// rather than a closure so that it stays on the stack. ids[base:] are the
// ids of the longest match so far.
type walker struct {
	ws   []word
	i    int
	end  int
	base int
	ids  []int32
}

func (st *walker) walk(n *node, j int) {
	if len(n.vals) > 0 && j > st.i && j >= st.end {
		if j > st.end {
			st.ids = st.ids[:st.base]
		}
		st.end = j
		st.ids = append(st.ids, n.vals...)
	}
	if j >= len(st.ws) {
		return
	}
	wd := &st.ws[j]
	if wd.id != 0 {
		var c *node
		if n.dense != nil {
			if int(wd.id) < len(n.dense) {
				c = n.dense[wd.id]
			}
		} else if n.kids != nil {
			c = n.child(wd.id)
		} else if n.next != nil {
			c = n.next[wd.id]
		}
		if c != nil {
			st.walk(c, j+1)
		}
	}
	w := wd.norm
	if len(w) > 0 && n.pfirst.has(w[0]) && (n.heads == nil || n.heads.mayHave(w)) {
		k := 0
		if n.psorted {
			// Only the edges that start with w's first byte can match.
			k, _ = slices.BinarySearchFunc(n.prefix, w[0], func(e prefixEdge, c byte) int { return int(e.p[0]) - int(c) })
		}
		for ; k < len(n.prefix); k++ {
			e := &n.prefix[k]
			if e.p[0] != w[0] {
				if n.psorted {
					break
				}
				continue
			}
			if strings.HasPrefix(w, e.p) {
				st.walk(e.n, j+1)
			}
		}
	}
	if n.gap != nil && j > st.i {
		for k := j + 1; k <= j+maxGap && k < len(st.ws); k++ {
			if st.ws[k-1].kind == text.Punct && st.ws[k-1].norm != "," {
				break
			}
			st.walk(n.gap, k)
		}
	}
}

// hit is a phrase found in a word stream.
type hit struct {
	start, end int // word indexes [start, end)
	ids        []int32
}

// scan finds phrases left to right, longest first, without overlaps.
// exact, when set, holds per id the texts a case-sensitive phrase must
// match. All hits share one id buffer.
// starts, when set, holds per word the engine's start bits, which t.bit
// selects from.
func (t *trie) scan(s string, ws []word, starts []uint8, from, to int, exact [][]string) []hit {
	out, _ := t.scanAppend(nil, nil, s, ws, starts, from, to, exact)
	return out
}

// scanAppend is scan appending to out and buf, so that a caller scanning
// sentence after sentence reuses their memory. The hits' ids point into
// the returned buf.
func (t *trie) scanAppend(out []hit, buf []int32, s string, ws []word, starts []uint8, from, to int, exact [][]string) ([]hit, []int32) {
	if t.bit == 0 {
		starts = nil
	}
	for i := from; i < to; {
		if starts != nil {
			if i = nextStart(starts, i, to, t.bit); i == to {
				break
			}
		} else if ws[i].kind == text.Punct || t.first != nil && !t.mayStart(&ws[i]) {
			i++
			continue
		}
		base := len(buf)
		end, ids := t.longest(ws[:to], i, buf)
		if end > i && exact != nil {
			kept := ids[:base]
			for _, id := range ids[base:] {
				if exactMatch(s, ws, exact[id], i, end) {
					kept = append(kept, id)
				}
			}
			ids = kept
		}
		buf = ids
		if end > i && len(ids) > base {
			out = append(out, hit{start: i, end: end, ids: ids[base:len(ids):len(ids)]})
			// "armed men exchanged fire with": the words a gap skipped
			// are read for phrases of their own.
			if t.gapped != nil && t.allGapped(ids[base:]) {
				i++
			} else {
				i = end
			}
			continue
		}
		buf = buf[:base]
		i++
	}
	return out, buf
}

// nextStart returns the first index in [i, to) whose start bits include
// bit, or to. Eight words are tested at a time: most words start no
// phrase of a given dictionary.
func nextStart(starts []uint8, i, to int, bit uint8) int {
	mask := uint64(bit) * 0x0101010101010101
	for ; i+8 <= to; i += 8 {
		if v := binary.LittleEndian.Uint64(starts[i:]) & mask; v != 0 {
			return i + bits.TrailingZeros64(v)/8
		}
	}
	for ; i < to; i++ {
		if starts[i]&bit != 0 {
			return i
		}
	}
	return to
}

// exactMatch reports whether words [start, end) are exactly ex, or ex is
// nil (the phrase is not case-sensitive).
func exactMatch(s string, ws []word, ex []string, start, end int) bool {
	if ex == nil {
		return true
	}
	if len(ex) != end-start {
		return false
	}
	for k, x := range ex {
		if w := &ws[start+k]; s[w.start:w.end] != x {
			return false
		}
	}
	return true
}

// dict is a trie whose phrases may be case-sensitive: short all-capital
// acronyms ("IS", "US") must match in capitals, everything else matches on
// folded words.
type dict struct {
	t     trie
	exact [][]string
}

// add registers phrase and returns its id.
func (d *dict) add(phrase string) int32 {
	id := int32(len(d.exact))
	var exact []string
	if caseSensitive(phrase) && !strings.Contains(phrase, "*") && !strings.Contains(phrase, "...") {
		for _, w := range words(text.Tokenize(phrase)) {
			exact = append(exact, phrase[w.start:w.end])
		}
	}
	d.exact = append(d.exact, exact)
	if pw := phraseWords(phrase); len(pw) > 0 {
		d.t.add(pw, id)
	}
	return id
}

// scan finds the dictionary's phrases in ws[from:to].
// starts, when set, are the engine's start bits of ws.
func (d *dict) scan(s string, ws []word, starts []uint8, from, to int) []hit {
	return d.t.scan(s, ws, starts, from, to, d.exact)
}

// scanAppend is scan reusing out and buf (see trie.scanAppend).
func (d *dict) scanAppend(out []hit, buf []int32, s string, ws []word, starts []uint8, from, to int) ([]hit, []int32) {
	return d.t.scanAppend(out, buf, s, ws, starts, from, to, d.exact)
}

// startsAt reports whether fn accepts one of the ids (and the end word)
// of the longest phrase starting at word i and ending at or before to.
// It collects the ids in buf and returns it for the caller to reuse, so
// that checks made at every candidate word do not allocate.
func (d *dict) startsAt(s string, ws []word, i, to int, buf []int32, fn func(id int32, end int) bool) (bool, []int32) {
	end, ids := d.t.longest(ws[:to], i, buf)
	if end <= i {
		return false, ids
	}
	for _, id := range ids {
		if exactMatch(s, ws, d.exact[id], i, end) && fn(id, end) {
			return true, ids
		}
	}
	return false, ids
}

// caseSensitive reports whether a phrase must match as written: short
// acronyms such as "IS", "US", "AA" or "LeT" that are also common words
// or letters in lower case ("is", "us", "let").
func caseSensitive(phrase string) bool {
	letters, upper := 0, 0
	for i, r := range phrase {
		switch {
		case r == ' ':
			return false
		case unicode.IsUpper(r):
			upper++
			letters++
			if i > 0 && upper == 1 {
				upper++ // an inner capital ("LeT", "JeM") marks an acronym too
			}
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters > 0 && letters <= 4 && (upper == letters || upper >= 2)
}
