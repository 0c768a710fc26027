package when

import (
	"strings"
	"time"
)

// The word lists below are compared with token Norms (lower case, ASCII).

var approxPhrases = phrases(fApprox, `on or around | on or about | around | about | approximately | circa | on or before |
	sometime on | some time on | on or near`)

var nightPhrases = phrases(fNight, `overnight | overnight on | overnight of | the night of | on the night of | during the night of |
	in the night of | the evening of | on the evening of | the morning of | on the morning of | night of |
	the early hours of | in the early hours of | early hours of | the small hours of | in the small hours of`)

// weekPhrases put a day at the start of a week-long window.
var weekPhrases = phrases(fWeek, `the week of | in the week of | during the week of | the week beginning | in the week beginning |
	the week starting | week of`)

// weekendPhrases put a day at the start of a weekend.
var weekendPhrases = phrases(fWeekend, `the weekend of | on the weekend of | over the weekend of | during the weekend of |
	weekend of`)

var partPhrases = phrases(fPart, `early | mid | late | in early | in mid | in late | the beginning of | beginning of |
	the start of | start of | the end of | end of | the middle of | middle of | by the end of | since early | since late |
	since mid | at the end of | at the beginning of | at the start of |
	the first half of | first half of | in the first half of | the second half of | second half of | in the second half of |
	the first week of | first week of | in the first week of | during the first week of |
	the second week of | second week of | in the second week of | during the second week of |
	the third week of | third week of | in the third week of | during the third week of |
	the fourth week of | fourth week of | in the fourth week of | during the fourth week of |
	the last week of | last week of | in the last week of | during the last week of | the final week of |
	in the final week of`)

// Parts of a month or year, as partOf values.
const (
	partEarly      = 1
	partMid        = 2
	partLate       = 3
	partFirstHalf  = 4
	partSecondHalf = 5
	partWeek1      = 11 // first week of a month; partWeek1+n-1 for the nth
	partLastWeek   = 15
)

func init() {
	for _, w := range []string{"the first half of", "first half of", "in the first half of"} {
		partOf[w] = partFirstHalf
	}
	for _, w := range []string{"the second half of", "second half of", "in the second half of"} {
		partOf[w] = partSecondHalf
	}
	for n, ord := range []string{"first", "second", "third", "fourth"} {
		for _, f := range []string{"the %s week of", "%s week of", "in the %s week of", "during the %s week of"} {
			partOf[strings.Replace(f, "%s", ord, 1)] = partWeek1 + n
		}
	}
	for _, w := range []string{"the last week of", "last week of", "in the last week of", "during the last week of",
		"the final week of", "in the final week of"} {
		partOf[w] = partLastWeek
	}
}

// seasons map a season to its first and last month (northern hemisphere,
// as English news writes them).
var seasons = map[string][2]int{
	"spring": {3, 5}, "summer": {6, 8}, "autumn": {9, 11}, "fall": {9, 11}, "winter": {12, 2},
}

var partOf = map[string]int{
	"early": 1, "in early": 1, "the beginning of": 1, "beginning of": 1, "the start of": 1, "start of": 1,
	"at the beginning of": 1, "at the start of": 1, "since early": 1,
	"mid": 2, "in mid": 2, "the middle of": 2, "middle of": 2, "since mid": 2,
	"late": 3, "in late": 3, "the end of": 3, "end of": 3, "by the end of": 3, "at the end of": 3, "since late": 3,
}

var prepPhrases = phrases(fPrep, `on | in | during | since | from | between | by | until | till | throughout | as of |
	earlier on | late on | early on | later on | dated | starting | beginning | of | through | before | after`)

// monthPreps may introduce a month name without a day or year.
var monthPreps = setOf(`in during since until till by throughout from of through before after starting beginning`)

// yearPreps may introduce a bare year ("of" may not: "the payment of
// 2022 wages").
var yearPreps = setOf(`in during since until till by throughout through before after`)

var suffixPhrases = phrases(fSuffix, `month of | week of | weekend of | as reported | approximately | approx`)

// rangeSep joins the two ends of a range.
var rangeSep = setOf(`- to and until till through`)

var fullMonths = setOf(`january february march april may june july august september october november december`)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var dayParts = setOf(`morning afternoon evening night`)

// phraseTable is a list of word sequences indexed by their first word.
// The first words carry the table's bit in vocab, so that a token that
// starts none is turned away by a bit test, and byID finds the phrases of
// one that does by its vocab id, without hashing it again.
type phraseTable struct {
	bit     uint32
	byFirst map[string][]phrase
	byID    [][]phrase // filled by index
}

type phrase struct {
	words  []string
	joined string // the words joined by single spaces
}

func phrases(bit uint32, list string) phraseTable {
	t := phraseTable{bit: bit, byFirst: map[string][]phrase{}}
	for _, p := range strings.Split(list, "|") {
		if f := strings.Fields(p); len(f) > 0 {
			t.byFirst[f[0]] = append(t.byFirst[f[0]], phrase{words: f, joined: strings.Join(f, " ")})
		}
	}
	return t
}

// index puts the first words of t in vocab with t's bit and the flags
// extra, and fills byID.
func (t *phraseTable) index(extra uint32) {
	for w, ps := range t.byFirst {
		id := addWord(w, t.bit|extra)
		if id >= len(t.byID) {
			t.byID = append(t.byID, make([][]phrase, id+1-len(t.byID))...)
		}
		t.byID[id] = ps
	}
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
