package extract

import (
	"strings"

	"github.com/sitrep/sitrep/lexicon"
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
		if w.kind == text.Word && isCapital(a.textOf(k-1)) || w.kind == text.Numeral && k < end || (w.norm == "of" || w.norm == "-") && k < end {
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

// armedRoleWords name what armed people do for a living, where the
// lexicon names no group: "an extortionist", "a hitman", "the victim was
// involved in drug trafficking".
var armedRoleWords = map[string]bool{"extortionist": true, "extortionists": true, "hitman": true, "hitmen": true,
	"militiaman": true, "dealer": true, "dealers": true, "trafficker": true, "traffickers": true, "trafficking": true,
	"gangster": true, "gangsters": true, "kingpin": true, "cartel": true, "gang": true}

// victimHeads are the nouns a report names the victim of the event by
// when it goes on to say who he was: "the victim was a gang member".
var victimHeads = map[string]bool{"victim": true, "victims": true, "deceased": true}

// armedRoleIn reports an armed-role word in words [i, j).
func armedRoleIn(a *analysis, i, j int) bool {
	for k := max(i, 0); k < j && k < len(a.ws); k++ {
		if a.is(k, armedRoleClass) {
			return true
		}
	}
	return false
}

// victimArmed finds a later sentence of the report that says the victim
// of the event told in sentence si was armed — "The victim was a known
// drug dealer", "the deceased belonged to a criminal gang" — and returns
// the group it names (nil for a role without a group) and whether it
// found one. A police or army victim is left alone: off duty, ACLED
// codes him a civilian.
func (e *Engine) victimArmed(a *analysis, si int) (*lexicon.Actor, bool) {
	for sj := si + 1; sj < len(a.sents) && sj <= si+4; sj++ {
		sn := a.sents[sj]
		for k := sn.w0 + 1; k < sn.w1; k++ {
			if !a.is(k, victimHeadClass) || !(a.ws[k-1].norm == "the" || k >= sn.w0+2 && a.ws[k-2].norm == "the" && a.ws[k-1].kind == text.Word) {
				continue
			}
			// "One of the victims was …" tells of one among others.
			if k >= sn.w0+3 && a.ws[k-2].norm == "of" {
				continue
			}
			if k+1 >= sn.w1 || !copula(a.ws[k+1].norm) || passivePredicate(a, sn, k+1) {
				continue
			}
			end := min(sn.w1, k+16)
			for _, h := range e.actorHits(a, sn) {
				if h.start <= k+1 || h.end > end {
					continue
				}
				for _, id := range h.ids {
					if act := &e.lex.Actors[e.actorOf[id]]; isArmed(act) && act.Type != "state" && act.Type != "external" {
						return act, true
					}
				}
			}
			if armedRoleIn(a, k+2, end) {
				return nil, true
			}
		}
	}
	return nil, false
}

// passivePredicate reports a passive after the copula at word k: "the
// victim was shot by gang members" names who did it, not who he was.
func passivePredicate(a *analysis, sn sentence, k int) bool {
	if a.ws[k].norm == "belonged" {
		return false
	}
	for j := k + 1; j < sn.w1 && j <= k+3; j++ {
		switch n := a.ws[j].norm; n {
		case "been", "reportedly", "allegedly", "also":
			continue
		case "involved", "linked", "associated", "known", "suspected", "identified", "believed", "said":
			return false
		default:
			return pastVerb(n) || n == "taken" || n == "beaten" || n == "found" || n == "stabbed"
		}
	}
	return false
}

// copula reports a verb that links the victim to what he was.
func copula(w string) bool {
	switch w {
	case "was", "were", "is", "are", "had", "has", "belonged", "reportedly", "allegedly":
		return true
	}
	return false
}

// roleVictims reports casualties counted among people named by an armed
// role: "an extortionist was shot dead".
func roleVictims(a *analysis, cs []casualty) bool {
	for _, c := range cs {
		for k := max(c.victims[0], 0); k <= c.victims[1] && k < len(a.ws); k++ {
			// A person's role, not the activity or group ("a gang of
			// men killed"), which the attackers may have.
			if a.is(k, armedRoleClass) && !strings.HasSuffix(a.ws[k].norm, "ing") && a.ws[k].norm != "gang" && a.ws[k].norm != "cartel" {
				return true
			}
		}
	}
	return false
}

// beatingMen reports people named by an irregular plural ("several men",
// "women", "people") who beat someone with their hands: a crowd, where
// "two men shot a trader" may be armed men.
func beatingMen(a *analysis, m *mention, t trigger) bool {
	switch a.ws[m.w1-1].norm {
	case "men", "women", "people":
	default:
		return false
	}
	return strings.HasPrefix(t.Phrase, "beat") || strings.HasPrefix(t.Phrase, "lynch") || t.Phrase == "assaulted"
}
