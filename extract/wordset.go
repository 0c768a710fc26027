package extract

import "github.com/sitrep/sitrep/text"

// wordSet turns a word list written as a map literal into a text.WordSet,
// which answers the per-word "is this a report verb?" questions of the
// hot loops without hashing most words.
func wordSet(m map[string]bool) *text.WordSet {
	s := &text.WordSet{}
	for w, ok := range m {
		if ok {
			s.Add(w)
		}
	}
	return s
}
