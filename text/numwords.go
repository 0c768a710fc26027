package text

import "strings"

// units are the number words below a hundred.
var units = map[string]int64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scales multiply the number before them.
var scales = map[string]int64{
	"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000,
	"mln": 1000000, "bn": 1000000000,
}

// plurals are vague amounts written as plural nouns, with ACLED's values.
var plurals = map[string]int64{
	"dozens": 12, "tens": 10, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1000000,
}

// vaguePhrases are vague amounts written as phrases.
var vaguePhrases = phrases(`several | a few | a number of | a handful of | a couple of | a couple | numerous`)

var vagueValues = map[string]int64{
	"several": 3, "a few": 3, "a number of": 3, "a handful of": 3, "a couple of": 2, "a couple": 2,
	"numerous": 3,
}

type qualifierKind uint8

const (
	qualApprox qualifierKind = iota
	qualMin                  // the figure is a lower bound
	qualMax                  // the figure is an upper bound
)

// qualifiers are the hedges that may precede a number.
var qualifiers = phrases(`at least | more than | over | up to | about | around | nearly | some | approximately |
	roughly | almost | fewer than | less than | at most | as many as | no fewer than | no less than | an estimated |
	estimated | close to | upwards of | in excess of | under | just over | well over | just under | a minimum of |
	a maximum of | a total of | no more than | approx | approx . | more then`)

var qualKind = map[string]qualifierKind{
	"at least": qualMin, "more than": qualMin, "over": qualMin, "no fewer than": qualMin, "no less than": qualMin,
	"upwards of": qualMin, "in excess of": qualMin, "just over": qualMin, "well over": qualMin,
	"a minimum of": qualMin, "more then": qualMin,
	"up to": qualMax, "fewer than": qualMax, "less than": qualMax, "at most": qualMax, "as many as": qualMax,
	"under": qualMax, "just under": qualMax, "a maximum of": qualMax, "no more than": qualMax,
}

// ordinals are ordinal words up to the thirty-first, for dates.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
	"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	"thirtieth": 30,
}

// monthNames maps month names and abbreviations (folded) to 1..12.
var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 10 - 1, "oct": 10,
	"nov": 11, "dec": 12,
}

// MonthOf returns the month (1..12) a folded month name or abbreviation
// stands for, or 0. It does not check capitalisation: "may" is a month
// here, so callers decide from context.
func MonthOf(norm string) int {
	m, _ := monthOf.get(norm)
	return m
}

// Lookups of the word lists of this file for the hot paths (see wordMap).
var (
	unitOf         = newWordMap(units)
	scaleOf        = newWordMap(scales)
	pluralOf       = newWordMap(plurals)
	ordinalOf      = newWordMap(ordinals)
	monthOf        = newWordMap(monthNames)
	measureUnitSet = &newWordMap(measureUnits).set
)

// measureUnits are words after which a number measures time, distance,
// weight, area or money, or counts occurrences ("three times"), rather
// than counting people or events.
var measureUnits = setOf(`times second seconds minute minutes min mins hour hours hrs day days week weeks month months year
	years decade decades km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters
	cm mm kg kgs kilogram kilograms kilo kilos tonne tonnes ton tons hectare hectares acre acres litre litres liter
	liters gallon gallons dollars usd euros eur pounds naira rupees afghanis shillings francs cfa`)

// yearDeterminers are words after which a bare four-digit number in the
// calendar range is an attributive year, not a count.
var yearDeterminers = setOf(`the a an its their his her this that these those our whose election elections census
	olympics`)

// yearContext are words after which a four-digit number is a year.
var yearContext = setOf(`in since during until till by from of year early late mid end beginning throughout
	before after between through spring summer autumn fall winter fy`)

// phraseTable is a list of word sequences indexed by their first word,
// with the first words also in a WordSet so that a token that starts none
// is turned away without hashing it, and one that starts some finds them
// by its index there (byIndex) without a map lookup.
type phraseTable struct {
	first   *WordSet
	byFirst map[string][]phrase
	byIndex [][]phrase // by first.Index
}

type phrase struct {
	words  []string
	joined string
}

func phrases(list string) phraseTable {
	t := phraseTable{first: &WordSet{}, byFirst: map[string][]phrase{}}
	for _, p := range strings.Split(list, "|") {
		if f := strings.Fields(p); len(f) > 0 {
			t.byFirst[f[0]] = append(t.byFirst[f[0]], phrase{words: f, joined: strings.Join(f, " ")})
			t.first.Add(f[0])
		}
	}
	t.byIndex = make([][]phrase, t.first.Len())
	for w, ps := range t.byFirst {
		t.byIndex[t.first.Index(w)] = ps
	}
	return t
}
