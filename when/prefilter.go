// This file holds the cheap checks that let Find skip most tokens before
// any rule runs.

package when

import (
	"strings"

	"github.com/sitrep/sitrep/text"
)

// maxPrefix is the most tokens that prefixes can put before the core of a
// calendar expression ("on or around the night of 3-4 March").
const maxPrefix = 8

func (p *parser) indexCores() {
	n := len(p.toks)
	if cap(p.nextCore) >= n+1 {
		p.nextCore = p.nextCore[:n+1]
	} else {
		p.nextCore = make([]int32, n+1)
	}
	p.nextCore[n] = int32(n)
	if cap(p.nextStart) >= n+1 {
		p.nextStart = p.nextStart[:n+1]
	} else {
		p.nextStart = make([]int32, n+1)
	}
	p.nextStart[n] = int32(n)
	for i := n - 1; i >= 0; i-- {
		switch t := &p.toks[i]; {
		case p.isCore(i):
			p.nextCore[i] = int32(i)
			p.nextStart[i] = int32(i)
		case t.Kind == text.Word && triggers.Has(t.Norm):
			p.nextCore[i] = p.nextCore[i+1]
			p.nextStart[i] = int32(i)
		default:
			p.nextCore[i] = p.nextCore[i+1]
			p.nextStart[i] = p.nextStart[i+1]
		}
	}
}

// isCore reports whether token i is a number, an ordinal ("3rd", or
// "third" before "of"), or a capitalised month or weekday name.
func (p *parser) isCore(i int) bool {
	t := p.toks[i]
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
	if t.IsCap() && capCore.Has(t.Norm) {
		return true
	}
	if strings.IndexByte(t.Norm, '-') > 0 {
		return true // "mid-March", "twenty-first"
	}
	if p.norm(i+1) == "of" {
		_, ok := text.Ordinal(t)
		return ok
	}
	return false
}

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
	if _, ok := seasons[t.Norm]; ok {
		return true
	}
	if t.IsCap() {
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

// triggers holds every word that can begin a date expression. Find
// checks it first, so ordinary words cost one map lookup.
var triggers = &text.WordSet{}

// capCore holds the capitalised words that anchor a date: month names and
// abbreviations, weekdays and their possessives.
var capCore = &text.WordSet{}

func init() {
	for _, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
		"sept", "oct", "nov", "dec"} {
		if text.MonthOf(m) == 0 {
			panic("when: " + m + " is not a month in package text")
		}
		capCore.Add(m)
	}
	for w := range weekdays {
		capCore.Add(w)
		capCore.Add(w + "'s")
	}
}

// prefixWords holds the first words of all prefix phrases ("on", "around",
// "the night of", "early"), so that the prefix loop costs one lookup for
// a token that starts none.
var prefixWords = &text.WordSet{}

func init() {
	for _, t := range []phraseTable{approxPhrases, nightPhrases, weekPhrases, weekendPhrases, partPhrases, prepPhrases} {
		for w := range t.byFirst {
			triggers.Add(w)
			prefixWords.Add(w)
		}
	}
	for _, r := range relRules {
		for _, w := range r.pat[0] {
			triggers.Add(w)
		}
	}
	for w := range relLeadIns.All {
		triggers.Add(w)
	}
	for w := range weekdays {
		triggers.Add(w)
		triggers.Add(w + "'s")
	}
	for _, w := range []string{"the", "last", "past", "previous", "this", "a", "an", "several"} {
		triggers.Add(w)
	}
	for w := range smallNumbers {
		triggers.Add(w)
	}
	for w := range seasons {
		triggers.Add(w)
	}
}

// mayStart reports whether a date expression can start at token i: a
// core token (number, ordinal, month or weekday name, glued part) or a
// trigger word. It relies on indexCores having run.
func (p *parser) mayStart(i int) bool {
	if int(p.nextCore[i]) == i {
		return true
	}
	t := p.toks[i]
	return t.Kind == text.Word && triggers.Has(t.Norm)
}
