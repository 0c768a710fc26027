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
	// After an article numberAt needs the second word of a qualifier or
	// vague phrase ("a total of", "an estimated", "a few"), a scale word
	// ("a hundred") or "dozen".
	for _, t := range []phraseTable{qualifiers, vaguePhrases} {
		for _, a := range []string{"a", "an"} {
			for _, p := range t.byFirst[a] {
				afterArticle.Add(p.words[1])
			}
		}
	}
	for w := range scales {
		afterArticle.Add(w)
	}
	afterArticle.Add("dozen")
}

// afterArticle holds the words that can follow "a" or "an" in a number.
var afterArticle = &WordSet{}

// unitsAndScales holds the keys of units and scales: the plain number
// words, asked about for every word of a candidate number.
var unitsAndScales = &WordSet{}

// mayStartNumber reports whether numberAt can match at token i: a
// numeral, a word glued to a figure ("10,000-strong"), a hyphenated
// number word ("twenty-one") or a word of numberStarts (an article only
// before a word of afterArticle). Punctuation and
// symbols never start a number. Ordinary words cost one map lookup.
func mayStartNumber(toks []Token, i int) bool {
	t := toks[i]
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
		if t.Norm == "a" || t.Norm == "an" {
			// Articles are common and rarely numbers: look at the next word.
			return i+1 < len(toks) && afterArticle.Has(toks[i+1].Norm)
		}
		return true
	}
	if h := strings.IndexByte(t.Norm, '-'); h > 0 {
		_, ok := units[t.Norm[:h]]
		return ok
	}
	return false
}
