// This file holds the cheap checks that let Find skip most tokens before
// any rule runs.

package when

import (
	"slices"
	"strings"

	"github.com/sitrep/sitrep/text"
)

// maxPrefix is the most tokens that prefixes can put before the core of a
// calendar expression ("on or around the night of 3-4 March").
const maxPrefix = 8

// Word flags: what a word can be in a date expression. Every word any
// rule compares a token with at a hot spot is in vocab with its flags,
// so that indexCores looks each token up once and the rules then test
// bits instead of hashing the token again and again.
const (
	fTrigger     uint32 = 1 << iota // can begin a date expression
	fCapCore                        // month or weekday name: a core when capitalised
	fLead                           // can stand before the core of a calendar date (see leadWords)
	fRelKey                         // can end a relative expression
	fRuleWord                       // appears in a relative rule, or is a count word
	fLeadIn                         // may precede a relative expression ("in", "over")
	fSmallNumber                    // a count word of smallNumbers
	fRangeSep                       // joins the two ends of a range
	fSeason                         // a season of seasons
	// The first words of the phrase tables.
	fApprox
	fNight
	fWeek
	fWeekend
	fPart
	fPrep
	fSuffix
)

// fPrefix marks the first words of all prefix phrases ("on", "around",
// "the night of", "early"), so that the prefix loop costs one bit test
// for a token that starts none.
const fPrefix = fApprox | fNight | fWeek | fWeekend | fPart | fPrep

// vocab numbers the words of vocabFlags. A word token's id is its Norm's
// index in vocab, or -1; so is that of any token whose Norm is "-" (a
// dash or minus sign), the one other token that any rule looks up (as a
// range separator). Numbers and other punctuation and symbols have id -1
// without a lookup.
var (
	vocab      = &text.WordSet{}
	vocabFlags []uint32
)

// addWord puts w in vocab with the flags f (added to those it has) and
// returns its id.
func addWord(w string, f uint32) int {
	id := vocab.Index(w)
	if id < 0 {
		vocab.Add(w)
		id = vocab.Index(w)
		vocabFlags = append(vocabFlags, 0)
	}
	vocabFlags[id] |= f
	return id
}

// flags returns the vocab flags of token k, or 0 when it has none or k is
// out of range.
func (p *parser) flags(k int) uint32 {
	if k < 0 || k >= len(p.ids) || p.ids[k] < 0 {
		return 0
	}
	return vocabFlags[p.ids[k]]
}

// indexCores looks every token up in vocab and fills the indexes that let
// Find jump from one possible start of a date to the next.
func (p *parser) indexCores() {
	toks := p.toks
	n := len(toks)
	// Locals, not p's fields, in the loop: the compiler cannot tell that
	// the stores into the slices leave p alone, and would reload them.
	ids, may := grow(p.ids, n), grow(p.may, n)
	nextStart := grow(p.nextStart, n+1)
	p.ids, p.may, p.nextStart = ids, may, nextStart
	nextStart[n] = int32(n)
	nextCore, start1 := n, int32(n) // the first core at or after i, nextStart[i+1]
	nextKey := n                    // the next token that can end a relative expression
	leadCore := false               // whether token i+1 leads to a core (see leadWords)
	for i := n - 1; i >= 0; i-- {
		t := &toks[i]
		id, f, core := -1, uint32(0), false
		switch t.Kind {
		case text.Numeral:
			core = true
		case text.Word:
			if id = vocab.Index(t.Norm); id >= 0 {
				f = vocabFlags[id]
			}
			// A number-like word ("3rd"), a month or weekday name, a
			// glued part ("mid-March") or an ordinal before "of".
			c := t.Norm[0]
			core = c >= '0' && c <= '9' || f&fCapCore != 0 && t.IsCap() || gluedFirst[c] && gluedPart(t.Norm) ||
				i+1 < n && ids[i+1] == ofID && isOrdinal(t)
		default:
			// Dashes of all kinds fold to "-", and the minus sign is a
			// Symbol ("1−3 March").
			if t.Norm == "-" {
				id, f = dashID, vocabFlags[dashID]
			}
		}
		ids[i] = int16(id)
		if core {
			nextCore = i
		}
		if f&fRelKey != 0 {
			nextKey = i
		}
		if f&fLead == 0 {
			leadCore = core
		}
		m := mayStart(t, i, f, core, leadCore, nextCore, nextKey)
		may[i] = m
		if m != 0 {
			start1 = int32(i)
		}
		nextStart[i] = start1
	}
}

// Which rules may match at a token (parser.may).
const (
	mayCalendar uint8 = 1 << iota
	mayRelative
)

// mayStart returns which rules may match at token i, t, given its flags
// f, whether it is a core, whether it leads to a core (see leadWords),
// the next core and the next token that can end a relative expression.
//
// Every expression starts at a core (a number, an ordinal, a month or
// weekday name, a glued part) or a trigger word. Most triggers ("the",
// "in", "on", "a") start none, so two further checks turn them away
// before any rule runs. A calendar expression reaches its core through
// words of fLead only, and no further than maxPrefix tokens. A relative
// expression ends with a word of fRelKey within maxRelative tokens of
// its start (lead-in included).
func mayStart(t *text.Token, i int, f uint32, core, leadCore bool, nextCore, nextKey int) uint8 {
	if !core && (t.Kind != text.Word || f&fTrigger == 0) {
		return 0
	}
	var m uint8
	if leadCore && nextCore <= i+maxPrefix {
		m |= mayCalendar
	}
	if nextKey < i+maxRelative {
		m |= mayRelative
	}
	return m
}

// grow returns s resized to n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// gluedPart reports whether the word w is a part glued to a month or
// year ("mid-March", "early-2022"). Such words are cores, as are words
// that start with a digit ("3rd"), capitalised month and weekday names
// and ordinals before "of" ("the third of March", "the twenty-first of
// May").
//
// Other hyphenated words ("Saudi-led", "sit-in") are no cores: the
// calendar rules read a hyphenated word only as a glued part or an
// ordinal before "of". (They may still stand where a calendar parse
// that fails gives up; that changes nothing.)
func gluedPart(w string) bool {
	for _, g := range gluedParts {
		if strings.HasPrefix(w, g) {
			return true
		}
	}
	return false
}

func isOrdinal(t *text.Token) bool {
	_, ok := text.Ordinal(*t)
	return ok
}

// gluedParts are the parts that calendar reads glued to a month or year,
// with their hyphen ("mid-"), and gluedFirst marks their first bytes.
var (
	gluedParts []string
	gluedFirst [256]bool
)

// coreStart reports whether a calendar date or weekday can start at
// token j: a number, an ordinal, a month or weekday name, or "last",
// "this", "the" before one of those. It keeps Find fast on the many
// prepositions that introduce no date.
func (p *parser) coreStart(j int) bool {
	t := p.toks[j]
	if t.Kind == text.Numeral {
		return true
	}
	if t.Kind != text.Word {
		return false
	}
	if c := t.Norm[0]; c >= '0' && c <= '9' {
		return true
	}
	switch t.Norm {
	case "last", "this", "past", "previous", "the":
		return j+1 < len(p.toks) && p.coreStart(j+1)
	}
	if p.flags(j)&fSeason != 0 {
		return true
	}
	if t.IsCap() && p.flags(j)&fCapCore != 0 {
		if text.MonthOf(t.Norm) > 0 {
			return true
		}
		if _, wd := weekdays[strings.TrimSuffix(t.Norm, "'s")]; wd {
			return true
		}
	}
	_, ord := text.Ordinal(t)
	return ord
}

// leadWords can stand between the start of a calendar expression and
// its core, besides the words of the prefix phrases: the words the rules
// of calendar.go read before the core ("the 3rd of March", "last Friday",
// "the summer of 2022"). A calendar expression at token i thus needs the
// first token from i on that is not a lead word to be a core (the
// indexes call this "leading to a core"). TestSkippedTokensStartNoDate
// checks that the skip is safe.
var leadWords = strings.Fields("the last past previous this of")

// capCore holds the capitalised words that anchor a date: month names and
// abbreviations, weekdays and their possessives.
var capCore = strings.Fields(`january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec`)

// dashID is the vocab id of "-", the one punctuation mark in vocab.
var dashID int

// ofID is the vocab id of "of": indexCores, walking back, knows the id of
// the next token and compares it instead of the next token's Norm.
var ofID int16

// maxRelative is the most tokens a relative expression spans, lead-in
// included; set by init.
var maxRelative int

func init() {
	for _, m := range capCore {
		if text.MonthOf(m) == 0 {
			panic("when: " + m + " is not a month in package text")
		}
		addWord(m, fCapCore)
	}
	for w := range weekdays {
		addWord(w, fCapCore|fTrigger)
		addWord(w+"'s", fCapCore|fTrigger)
	}
	for _, t := range []*phraseTable{&approxPhrases, &nightPhrases, &weekPhrases, &weekendPhrases, &partPhrases, &prepPhrases} {
		for _, ps := range t.byFirst {
			for _, ph := range ps {
				for _, w := range ph.words {
					addWord(w, fLead)
				}
			}
		}
		t.index(fTrigger)
	}
	suffixPhrases.index(0)
	for _, w := range leadWords {
		addWord(w, fLead)
	}
	for w := range seasons {
		addWord(w, fLead|fTrigger|fSeason)
	}
	for _, w := range []string{"the", "last", "past", "previous", "this", "a", "an", "several"} {
		addWord(w, fTrigger)
	}
	for w := range smallNumbers {
		addWord(w, fTrigger|fSmallNumber|fRuleWord)
	}
	for w := range rangeSep {
		addWord(w, fRangeSep)
	}
	for _, w := range relLeadIns {
		addWord(w, fTrigger|fLeadIn)
	}
	for _, w := range []string{"few", "couple", "several"} {
		addWord(w, fRuleWord)
	}
	for _, r := range relRules {
		for _, w := range r.pat[0] {
			addWord(w, fTrigger)
		}
		for _, alts := range r.pat {
			for _, w := range alts {
				addWord(w, fRuleWord)
			}
		}
		for _, w := range r.pat[len(r.pat)-1] {
			if w == "N" {
				panic("when: a relative rule ends in a count")
			}
			addWord(w, fRelKey)
		}
		maxRelative = max(maxRelative, 1+r.span())
	}
	dashID = addWord("-", 0)
	ofID = int16(addWord("of", 0))
	for w := range partOf {
		if !strings.Contains(w, " ") {
			gluedParts = append(gluedParts, w+"-")
			gluedFirst[w[0]] = true
		}
	}
	slices.Sort(gluedParts)
	if len(vocabFlags) > 1<<15 {
		panic("when: vocab ids do not fit int16")
	}
}
