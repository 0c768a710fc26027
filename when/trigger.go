package when

import (
	"github.com/sitrep/sitrep/text"
)

// triggers holds every word that can begin a date expression. Find
// checks it first, so ordinary words cost one map lookup.
var triggers = map[string]bool{}

// prefixWords holds the first words of all prefix phrases ("on", "around",
// "the night of", "early"), so that the prefix loop costs one lookup for
// a token that starts none.
var prefixWords = map[string]bool{}

func init() {
	for _, t := range []phraseTable{approxPhrases, nightPhrases, weekPhrases, weekendPhrases, partPhrases, prepPhrases} {
		for w := range t {
			triggers[w] = true
			prefixWords[w] = true
		}
	}
	for _, r := range relRules {
		for _, w := range r.pat[0] {
			triggers[w] = true
		}
	}
	for w := range relLeadIns {
		triggers[w] = true
	}
	for w := range weekdays {
		triggers[w] = true
		triggers[w+"'s"] = true
	}
	for _, w := range []string{"the", "last", "past", "previous", "this", "a", "an", "several"} {
		triggers[w] = true
	}
	for w := range smallNumbers {
		triggers[w] = true
	}
	for w := range seasons {
		triggers[w] = true
	}
}

// mayStart reports whether a date expression can start at t: a number,
// an ordinal, a month name, a glued part ("mid-March") or a trigger word.
func mayStart(t text.Token) bool {
	switch t.Kind {
	case text.Numeral:
		return true
	case text.Word:
	default:
		return false
	}
	if c := t.Norm[0]; c >= '0' && c <= '9' {
		return true
	}
	if triggers[t.Norm] || t.IsCap() && text.MonthOf(t.Norm) > 0 {
		return true
	}
	if len(t.Norm) > 4 && (t.Norm[:4] == "mid-" || t.Norm[:4] == "late" || t.Norm[:5] == "early") {
		return true
	}
	return false
}
