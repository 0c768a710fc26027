// This file holds the cheap check that lets Numbers skip the many tokens
// that cannot begin a number, before numberAt tries its rules.

package text

import "strings"

// numberStarts holds every folded word with which numberAt can begin an
// expression: explicit zeros and counts of occurrences, the first words
// of qualifiers and vague phrases, "between", articles ("a hundred"),
// vague plurals, and number words. Built from the same tables numberAt
// reads, so the two cannot drift apart.
var numberStarts = &WordSet{}

func init() {
	for _, w := range []string{"twice", "thrice", "none", "nobody", "no", "between", "a", "an"} {
		numberStarts.Add(w)
	}
	for _, t := range []phraseTable{qualifiers, vaguePhrases} {
		for w := range t.byFirst {
			numberStarts.Add(w)
		}
	}
	for _, m := range []map[string]int64{units, scales, plurals} {
		for w := range m {
			numberStarts.Add(w)
		}
	}
	for _, m := range []map[string]int64{units, scales} {
		for w := range m {
			unitsAndScales.Add(w)
		}
	}
}

// unitsAndScales holds the keys of units and scales: the plain number
// words, asked about for every word of a candidate number.
var unitsAndScales = &WordSet{}

// mayStartNumber reports whether numberAt can match at a token: a
// numeral, a word glued to a figure ("10,000-strong"), a hyphenated
// number word ("twenty-one") or a word of numberStarts. Punctuation and
// symbols never start a number. Ordinary words cost one map lookup.
func mayStartNumber(t Token) bool {
	switch t.Kind {
	case Numeral:
		return true
	case Word:
	default:
		return false
	}
	if c := t.Norm[0]; c >= '0' && c <= '9' {
		return true
	}
	if numberStarts.Has(t.Norm) {
		return true
	}
	if h := strings.IndexByte(t.Norm, '-'); h > 0 {
		_, ok := units[t.Norm[:h]]
		return ok
	}
	return false
}
