package extract

import (
	"strings"

	"github.com/sitrep/sitrep/text"
)

// This file names the parties of an event: groups the lexicon does not
// know, crowds, armed victims.

// dedupe drops repeats and skip from xs, keeping their order.
func dedupe(xs []string, skip string) []string {
	var out []string
	seen := map[string]bool{skip: true}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// armedVictims reports casualties counted among armed actors: "three
// militants were killed", "two gang members were shot dead".
func armedVictims(ms []mention, cs []casualty) bool {
	for _, c := range cs {
		for _, m := range ms {
			if m.w0 >= c.victims[0] && m.w1 <= c.victims[1] && isArmed(m.actor) {
				return true
			}
		}
	}
	return false
}

// partyName is the ACLED-style name of an actor in an event in country.
func (e *Engine) partyName(p party, country string) string {
	if p.m != nil && p.m.name != "" {
		return p.m.name
	}
	n := e.actorName(p.act, country)
	if p.m != nil && p.m.prefix != "" {
		n = p.m.prefix + " " + n
	}
	return n
}

// namedSubject finds a run of capitalised words ending right before word
// i ("the DGRF attacked", "the Area-21 Revolution Network and …
// attacked"), that is not a date, place or country.
func namedSubject(a *analysis, sn sentence, i int) (int, int, bool) {
	j := i
	for j > sn.w0 {
		switch a.ws[j-1].norm {
		case "reportedly", "allegedly", "also", "then", "later", "had", "have", "has":
			j--
			continue
		}
		break
	}
	end := j
	k := end
	for k > sn.w0 {
		w := a.ws[k-1]
		if w.kind == text.Word && isCapital(w.text) || w.kind == text.Numeral && k < end || (w.norm == "of" || w.norm == "-") && k < end {
			k--
			continue
		}
		break
	}
	for k < end && (a.ws[k].norm == "of" || a.ws[k].norm == "-") {
		k++
	}
	if k >= end || k == sn.w0 {
		return 0, 0, false
	}
	if prev := a.ws[k-1]; prev.kind != text.Word || prev.norm != "the" && prev.norm != "," && prev.norm != "and" {
		if prev.norm != "," {
			return 0, 0, false
		}
	}
	for di := range a.dates {
		d := &a.dates[di]
		if d.w0 < end && d.w1 > k {
			return 0, 0, false
		}
	}
	for pi := range a.places {
		p := &a.places[pi]
		if p.w0 < end && p.w1 > k {
			return 0, 0, false
		}
	}
	for _, c := range a.countryHits {
		if c.w0 < end && c.w1 > k {
			return 0, 0, false
		}
	}
	switch a.ws[k].norm {
	case "he", "she", "they", "it", "we", "i", "on", "in", "at", "the", "a", "an", "this", "these", "police", "officials":
		return 0, 0, false
	}
	return k, end, true
}

// weaponWords reports a trigger phrase that says arms were used ("armed
// clash", "exchange of fire"): a battle, whoever the sides are.
func weaponWords(phrase string) bool {
	return strings.Contains(phrase, "armed") || strings.Contains(phrase, "fire") || strings.Contains(phrase, "gun") || strings.Contains(phrase, "shoot")
}

// crowd reports a civilian mention that names several people ("residents",
// "a group of people"), who can make a mob, unlike "a man".
func crowd(a *analysis, m *mention) bool {
	last := a.ws[m.w1-1].norm
	return strings.HasSuffix(last, "s") || strings.Contains(a.s[a.ws[m.w0].start:a.ws[m.w1-1].end], "group")
}
