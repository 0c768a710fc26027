package incident

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s and strips diacritics and punctuation so that
// "Deir ez-Zor" and "deir ez zor" compare equal.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// stopWords are dropped before comparing evidence: they say nothing about
// which event a sentence describes.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "by": true, "for": true, "from": true, "with": true, "was": true, "were": true,
	"is": true, "are": true, "be": true, "been": true, "has": true, "have": true, "had": true, "it": true,
	"its": true, "that": true, "this": true, "as": true, "said": true, "says": true, "say": true,
	"least": true, "after": true, "near": true, "their": true, "his": true, "her": true, "they": true,
	"he": true, "she": true, "who": true, "which": true, "into": true, "while": true, "when": true,
	"s": true, "not": true, "but": true, "also": true, "than": true, "more": true, "up": true,
	"according": true, "told": true, "reported": true, "reports": true, "officials": true,
	"local": true, "sources": true, "source": true, "other": true, "some": true,
}

// terms returns the distinct content words of s, folded, without numbers
// (tolls differ between reports of one event) and stop words, as sorted
// 64-bit hashes: comparing two reports is then a merge of two short slices.
func terms(s string) []uint64 {
	var out []uint64
	for _, w := range strings.Fields(fold(s)) {
		if stopWords[w] || isNumber(w) {
			continue
		}
		out = append(out, hash64(stem(w)))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// hash64 is FNV-1a; collisions between two reports' few dozen words are
// negligible at 64 bits.
func hash64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// stem strips a plural "s" so "strikes" and "strike" meet; anything more
// ambitious would need a language model of English we do not have here.
func stem(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// similarity is the cosine of two term sets: |A∩B| / sqrt(|A|·|B|). It is
// symmetric and in 0..1; two empty sets give 0, since no evidence is no
// agreement.
func similarity(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(n) / math.Sqrt(float64(len(a))*float64(len(b)))
}
