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

// numberNext holds, by numberStarts.Index, the words that must follow a
// start word for numberAt to match there, or nil when the word may start
// a number by itself. Words that only begin longer phrases are common
// ("in" for "in excess of", "as" for "as many as", "no", "at", "a"), and
// rarely numbers: one more lookup of the next word turns them away.
var numberNext []*WordSet

func init() {
	alone := map[string]bool{}
	for _, w := range []string{"twice", "thrice", "none", "nobody", "between"} {
		alone[w] = true
	}
	for _, m := range []map[string]int64{units, scales, plurals} {
		for w := range m {
			alone[w] = true
		}
	}
	next := map[string]*WordSet{}
	follow := func(first, second string) {
		if next[first] == nil {
			next[first] = &WordSet{}
		}
		next[first].Add(second)
	}
	for _, t := range []phraseTable{qualifiers, vaguePhrases} {
		for w, ps := range t.byFirst {
			for _, p := range ps {
				if len(p.words) == 1 {
					alone[w] = true
				} else {
					follow(w, p.words[1])
				}
			}
		}
	}
	// "no one" is an explicit zero; "a hundred", "a dozen" are numbers.
	follow("no", "one")
	for _, a := range []string{"a", "an"} {
		for w := range scales {
			follow(a, w)
		}
		follow(a, "dozen")
	}
	for w := range alone {
		numberStarts.Add(w)
	}
	for w := range next {
		numberStarts.Add(w)
	}
	numberNext = make([]*WordSet, numberStarts.Len())
	for w, set := range next {
		if !alone[w] {
			numberNext[numberStarts.Index(w)] = set
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

// mayStartNumber reports whether numberAt can match at token i: a
// numeral, a word glued to a figure ("10,000-strong"), a hyphenated
// number word ("twenty-one") or a word of numberStarts (before one of
// its numberNext words, if it has them). Punctuation and symbols never
// start a number. Ordinary words cost one lookup.
func mayStartNumber(toks []Token, i int) bool {
	t := &toks[i]
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
	if x := numberStarts.Index(t.Norm); x >= 0 {
		next := numberNext[x]
		return next == nil || i+1 < len(toks) && next.Has(toks[i+1].Norm)
	}
	if h := strings.IndexByte(t.Norm, '-'); h > 0 {
		_, ok := unitOf.get(t.Norm[:h])
		return ok
	}
	return false
}
