package extract

import (
	"strings"

	"github.com/sitrep/sitrep/text"
)

// casualty is one figure of deaths or injuries read from a sentence.
type casualty struct {
	kind      string // "killed" or "injured"
	value     int
	min, max  int
	qualifier string
	civilian  bool // the victims are named as civilians
	summary   bool // "3 fatalities": a total stated as such, which outranks other figures
	update    bool // "the toll has risen to 9": replaces the earlier figures
	claimed   bool // "the group said it had killed 11": a perpetrator's own claim
	cue       int  // word index of the casualty word
	victims   [2]int
}

// nounCues are casualty words that are nouns or adjectives: their number
// stands before them ("3 dead", "5 fatalities").
var nounCues = map[string]bool{
	"dead": true, "death": true, "deaths": true, "fatality": true, "fatalities": true, "bodies": true,
	"body": true, "corpses": true, "casualties": true, "injuries": true,
}

var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "got": true}

var negators = map[string]bool{"no": true, "without": true, "zero": true, "nobody": true, "none": true, "not": true}

// casualtiesOf reads the casualty figures of sentence sn. Numbers it uses
// are marked in used so they are not read again as counts. The grammar:
//   - noun cues take the figure before them ("3 fatalities", "two dead") or
//     after "of" ("the death of 3 soldiers and 2 civilians");
//   - a passive verb takes the figures of its subject ("3 soldiers and 2
//     civilians were killed"), or one victim for a singular subject ("a
//     civilian was shot and killed");
//   - an active verb takes its object ("killing 5", "killed a man and 2 of
//     his relatives" → 3), and is intransitive when nothing follows ("3
//     killed in attack", "5 people died").
func (e *Engine) casualtiesOf(a *analysis, sn sentence, used []bool) []casualty {
	out, spans := e.updatedTolls(a, sn, used)
	ws := a.ws
	r := a.re
	r.casHits, r.casIDs = e.casualty.scanAppend(r.casHits[:0], r.casIDs[:0], a.s, ws, a.starts, sn.w0, sn.w1)
	for _, h := range r.casHits {
		if inUpdate(spans, h.start) {
			continue // "the number of people killed … rose to nine" is read whole
		}
		cw := e.lex.Casualties[h.ids[0]]
		c := casualty{kind: cw.Kind, cue: h.start, value: -1}
		cue := ws[h.start].norm
		noun := nounCues[cue]
		c.summary = cue == "fatality" || cue == "fatalities"
		if precedingNegation(a, sn, h.start) {
			c.value = 0
			out = append(out, c)
			continue
		}
		if backgroundDeath(a, sn, h.start, noun) {
			continue
		}
		aux := passiveAt(a, sn, h.start)
		var figs []int
		single := false
		switch {
		case noun && cue == "death" && h.start > sn.w0 && ws[h.start-1].norm == "to":
			// "beat him to death", "stabbed a man to death"
			single = !pluralObjectBefore(a, sn, h.start)
		case noun:
			if h.end+1 < sn.w1 && ws[h.end].norm == "of" {
				figs = a.numbersAfter(h.end+1, sn.w1, 1, used)
			}
			if len(figs) == 0 {
				if i := a.numberBefore(sn.w0, h.start, 3, used); i >= 0 {
					figs = []int{i}
				}
			}
		case aux != "":
			figs = a.numbersBefore(sn.w0, h.start, used)
			// "A soldier and two civilians were killed": one more.
			if len(figs) > 0 && singleJoinedBefore(a, sn, a.nums[figs[0]].w0) {
				c.value, c.min, c.max = 1, 1, 1
				single = true
			}
			single = single || len(figs) == 0 && (aux == "was" || singularBefore(a, sn, h.start))
			if len(figs) == 0 && (bothBefore(a, sn, h.start) || aux == "were" && pairBefore(a, sn, h.start)) {
				c.value, c.min, c.max = 2, 2, 2
				c.victims = [2]int{max(sn.w0, h.start-6), h.start}
				out = append(out, c)
				continue
			}
		default:
			next := ""
			if h.end < sn.w1 {
				next = ws[h.end].norm
			}
			switch {
			case next == "both" && (h.end+1 >= sn.w1 || a.ws[h.end+1].kind == text.Punct || a.ws[h.end+1].norm == "of" || a.ws[h.end+1].norm == "men" || a.ws[h.end+1].norm == "women"):
				// "killing both", "killed both of them": two victims.
				c.value, c.min, c.max = 2, 2, 2
				c.victims = [2]int{h.end, min(sn.w1, h.end+4)}
				out = append(out, c)
				continue
			// "died at the scene": "died" takes no object.
			case objectStart[next] && cue != "died" && cue != "die" && cue != "dies" && cue != "perished":
				figs = a.numbersAfter(h.end, sn.w1, 2, used)
				if len(figs) == 0 && (next == "a" || next == "an" || next == "one" || next == "him" || next == "her" || next == "his" || next == "the" && singularNoun(a, h.end+1, sn.w1)) {
					single = true
					// "killed a commander of the Kataib Hezbollah militia
					// and two of his aides": a figure joined by "and" to
					// the object, however long its name.
					figs = a.numbersAfter(h.end, sn.w1, 12, used)
					if len(figs) > 0 && !joinedObject(a, h.end, a.nums[figs[0]].w0) {
						figs = nil
					}
					// "killed a trader and his son": two single victims.
					if len(figs) == 0 && next != "him" && next != "her" && pairAfter(a, sn, h.end) {
						c.value, c.min, c.max = 2, 2, 2
						c.victims = [2]int{h.end, min(sn.w1, h.end+5)}
						out = append(out, c)
						continue
					}
				} else if len(figs) > 0 && (next == "him" || next == "her") && h.end+1 < sn.w1 && ws[h.end+1].norm == "and" {
					// "killing him and two of his sons": one more.
					single = true
				}
			default:
				figs = a.numbersAfter(h.end, sn.w1, 1, used)
				if len(figs) == 0 {
					figs = a.numbersBefore(sn.w0, h.start, used)
				}
				single = len(figs) == 0 && singularBefore(a, sn, h.start)
			}
		}
		if len(figs) == 0 && !single {
			continue
		}
		// "killed 25 head of cattle": animals are no casualties.
		if len(figs) > 0 && animalsAt(a, sn, a.nums[figs[0]].w1) {
			continue
		}
		if single {
			c.value, c.min, c.max = 1, 1, 1
		}
		for k, i := range figs {
			n := a.nums[i]
			if k == 0 && !single {
				c.take(n)
			} else {
				c.value += int(n.Value)
				c.min += int(n.Min)
				if c.max > 0 && n.Max > 0 {
					c.max += int(n.Max)
				} else {
					c.max = 0
				}
			}
			used[i] = true
		}
		c.claimed = claimedKill(a, sn, h.start)
		// Who the figure counts: the subject before a passive or
		// intransitive verb, the object after an active one.
		c.victims = [2]int{max(sn.w0, h.start-6), h.start}
		if len(figs) > 0 && a.nums[figs[0]].w0 >= h.end || len(figs) == 0 && aux == "" && !noun {
			c.victims = [2]int{h.end, min(sn.w1, h.end+5)}
		}
		out = append(out, c)
	}
	return out
}

// objectStart are words that begin the object of an active verb.
var objectStart = map[string]bool{"a": true, "an": true, "one": true, "him": true, "her": true, "his": true, "the": true,
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"at": true, "some": true, "about": true, "around": true, "over": true, "more": true, "nearly": true, "up": true, "dozens": true,
	"several": true, "them": true, "their": true, "its": true, "all": true, "both": true, "scores": true, "hundreds": true, "tens": true}

// passiveAt returns the auxiliary ("was", "were", …) that makes the verb at
// word i passive, looking back over participles and adverbs: "was shot
// and killed", "were reportedly killed".
func passiveAt(a *analysis, sn sentence, i int) string {
	for k := i - 1; k >= sn.w0 && k >= i-7; k-- {
		w := &a.ws[k]
		if w.kind == text.Punct || w.kind == text.Numeral {
			return ""
		}
		if a.is(k, passiveAuxClass) {
			return w.norm
		}
		switch w.norm {
		case "who", "which", "that", "when", "after", "while", "before":
			return ""
		}
	}
	return ""
}

// singularNoun reports whether the noun phrase at word i names one
// person: "the mayor", "the village administrator" (no plural within two
// words).
func singularNoun(a *analysis, i, limit int) bool {
	for k := i; k < limit && k < i+3; k++ {
		w := a.ws[k]
		if w.kind != text.Word {
			return false
		}
		if strings.HasSuffix(w.norm, "s") && !strings.HasSuffix(w.norm, "ss") {
			return false
		}
		if k+1 < limit && (a.ws[k+1].kind != text.Word || isFunctionWord(a.ws[k+1].norm)) {
			return true
		}
	}
	return true
}

// pluralObjectBefore reports "them" or a plural figure before "to death".
func pluralObjectBefore(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-5; k-- {
		if a.ws[k].norm == "them" || a.ws[k].kind == text.Numeral {
			return true
		}
	}
	return false
}

// bothBefore reports "both" in the subject of a casualty verb: two victims.
func bothBefore(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-6; k-- {
		if a.ws[k].norm == "both" {
			return true
		}
		if a.ws[k].kind == text.Punct {
			return false
		}
	}
	return false
}

// joinedObject reports a figure at word f joined by "and" to the object
// starting at word w, with no clause between: "a man and 2 of his
// relatives", "a commander of the militia and two of his aides".
func joinedObject(a *analysis, w, f int) bool {
	if f-w > 6 {
		if a.ws[f-1].norm != "and" {
			return false
		}
		for k := w; k < f-1; k++ {
			if x := a.ws[k]; x.kind == text.Punct || isBoundaryWord(x.norm) || x.norm == "and" {
				return false
			}
		}
		return true
	}
	return joined(a, w, f)
}

// singleJoinedBefore reports one victim joined by "and" before the
// figure starting at word f: "a soldier and two civilians".
func singleJoinedBefore(a *analysis, sn sentence, f int) bool {
	// "a teacher and her two daughters"
	if f-4 >= sn.w0 && a.ws[f-2].norm == "and" {
		switch a.ws[f-1].norm {
		case "his", "her", "their":
			f--
		}
	}
	if f-3 < sn.w0 || a.ws[f-1].norm != "and" {
		return false
	}
	for k := f - 2; k >= sn.w0 && k >= f-4; k-- {
		switch a.ws[k].norm {
		case "a", "an", "one":
			n := a.ws[f-2].norm
			return a.ws[f-2].kind == text.Word && (!strings.HasSuffix(n, "s") || strings.HasSuffix(n, "ss"))
		}
		if a.ws[k].kind != text.Word {
			return false
		}
	}
	return false
}

// pairAfter reports two single victims joined by "and" in the object
// starting at word i: "killed a trader and his son", "shot the driver of
// the bus and his wife". The second is a possessive or indefinite phrase
// of one or two words whose noun is singular.
func pairAfter(a *analysis, sn sentence, i int) bool {
	and := -1
	for k := i + 1; k < sn.w1 && k <= i+7; k++ {
		w := a.ws[k]
		if w.kind != text.Word {
			return false
		}
		if w.norm == "and" {
			and = k
			break
		}
		if isBoundaryWord(w.norm) || w.norm == "who" || w.norm == "after" {
			return false
		}
	}
	if and < 0 || and+2 >= sn.w1 {
		return false
	}
	switch a.ws[and-1].norm {
	case "him", "her", "them":
		return false
	}
	if n := a.ws[and-1].norm; strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ss") {
		return false
	}
	switch a.ws[and+1].norm {
	case "his", "her", "their", "a", "an":
	default:
		return false
	}
	for k := and + 2; k < sn.w1 && k <= and+3; k++ {
		w := a.ws[k]
		if w.kind != text.Word || strings.HasSuffix(w.norm, "s") && !strings.HasSuffix(w.norm, "ss") || pastVerb(w.norm) {
			return false
		}
		if k+1 >= sn.w1 || a.ws[k+1].kind != text.Word || isFunctionWord(a.ws[k+1].norm) || isBoundaryWord(a.ws[k+1].norm) || a.is(k+1, locativeClass) {
			return true
		}
	}
	return false
}

// singleWords are the determiners of one victim (see pairBefore).
var singleWords = map[string]bool{"a": true, "an": true, "one": true, "his": true, "her": true, "their": true, "its": true}

// pairBefore reports two single victims joined by "and" in the subject
// of a passive casualty verb: "a woman and her child were killed", "a
// farmer and his son were shot dead".
func pairBefore(a *analysis, sn sentence, i int) bool {
	and := -1
	for k := i - 1; k >= sn.w0 && k >= i-8; k-- {
		w := a.ws[k]
		if w.kind == text.Punct || w.kind == text.Numeral {
			return false
		}
		if w.norm == "and" {
			and = k
			break
		}
	}
	if and < sn.w0+2 || !a.is(and+1, singleClass) {
		return false
	}
	// The first noun phrase: a singular determiner one or two words back.
	for k := and - 1; k >= sn.w0 && k >= and-3; k-- {
		if a.is(k, singleClass) {
			n := a.ws[and-1].norm
			return !strings.HasSuffix(n, "s") || strings.HasSuffix(n, "ss")
		}
	}
	return false
}

// singularBefore reports a singular victim just before a casualty verb:
// "he died", "the victim died", "a man killed in …".
func singularBefore(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-4; k-- {
		switch a.ws[k].norm {
		case "he", "she", "victim", "man", "woman", "boy", "girl", "child", "a", "an", "one":
			return true
		case ",", ".", "and", "who", "which":
			return false
		}
	}
	return false
}

// take sets the figure from a number, keeping ACLED's lowest credible
// value as the best one.
func (c *casualty) take(n number) {
	c.value, c.min, c.max = int(n.Value), int(n.Min), int(n.Max)
	c.qualifier = n.Qualifier
}

// backgroundDeath reports a casualty word that tells the story behind
// the event, not its toll: "a mob beat up a man who killed …", "accused of
// killing", "after four persons died in an accident", "almost killed him".
func backgroundDeath(a *analysis, sn sentence, i int, noun bool) bool {
	if i > sn.w0 {
		switch a.ws[i-1].norm {
		case "almost", "nearly", "who", "whom", "accused", "suspected", "convicted":
			return true
		case "of":
			if !noun {
				return true // "suspected of killing"
			}
		}
	}
	for k := i - 1; k >= sn.w0 && k >= i-4; k-- {
		w := a.ws[k]
		if w.kind == text.Punct {
			return false
		}
		switch w.norm {
		case "after", "against", "following":
			return true
		}
	}
	return false
}

// precedingNegation reports "no", "without" or "zero" just before word i:
// "no fatalities were reported" is a figure of 0.
func precedingNegation(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-3; k-- {
		if a.is(k, negatorClass) {
			return true
		}
		if a.ws[k].kind == text.Punct {
			return false
		}
	}
	return false
}

// singleVictim reports a death without a figure but with one victim: "a man
// was killed", "killed a soldier", "shot him dead".
func singleVictim(a *analysis, sn sentence, i, j int) bool {
	for k := j; k < sn.w1 && k <= j+2; k++ {
		switch a.ws[k].norm {
		case "a", "an", "one", "him", "her":
			return true
		}
	}
	for k := i - 1; k >= sn.w0 && k >= i-5; k-- {
		x := a.ws[k]
		if x.kind == text.Punct && x.norm != "-" {
			return false
		}
		switch x.norm {
		case "a", "an", "one":
			return true
		case "and", "killed", "injured":
			return false
		}
	}
	return false
}

// kindIndex numbers the casualty kinds a tally counts, -1 for another.
func kindIndex(kind string) int {
	switch kind {
	case "killed":
		return 0
	case "injured":
		return 1
	}
	return -1
}

// fatalities sums up the casualty figures of one event: the largest death
// figure (two figures in one sentence usually restate each other), and
// the largest injury figure.
type tally struct {
	killed, killedMin, killedMax int
	qualifier                    string
	hasKilled                    bool
	civilian                     int
	hasCivilian                  bool
	injured                      int
	hasInjured                   bool
}

func tallyOf(cs []casualty) tally {
	var t tally
	summary := false
	// By kindIndex: some figure of the kind is an update; every figure of
	// the kind is a perpetrator's claim.
	var update [2]bool
	claimedOnly := [2]bool{true, true}
	for i := range cs {
		c := &cs[i]
		if c.kind == "killed" && c.summary {
			summary = true
		}
		if k := kindIndex(c.kind); k >= 0 {
			update[k] = update[k] || c.update
			claimedOnly[k] = claimedOnly[k] && c.claimed
		}
	}
	for i := range cs {
		c := &cs[i]
		k := kindIndex(c.kind)
		if k < 0 {
			continue // counted nowhere
		}
		if update[k] && !c.update {
			continue // an updated toll replaces the figures before it
		}
		if c.claimed && !claimedOnly[k] {
			continue // a perpetrator's boast yields to any other source
		}
		switch c.kind {
		case "killed":
			if summary && !c.summary && !c.update {
				continue
			}
			if !t.hasKilled || c.value > t.killed {
				t.killed, t.killedMin, t.killedMax, t.qualifier = c.value, c.min, c.max, c.qualifier
			}
			t.hasKilled = true
			if c.civilian && (!t.hasCivilian || c.value > t.civilian) {
				t.civilian, t.hasCivilian = c.value, true
			}
		case "injured":
			if !t.hasInjured || c.value > t.injured {
				t.injured = c.value
			}
			t.hasInjured = true
		}
	}
	return t
}

// claimWords introduce what a perpetrator says it did.
var claimWords = map[string]bool{"said": true, "says": true, "saying": true, "claimed": true, "claims": true,
	"claiming": true, "boasted": true, "insisted": true}

// claimedKill reports a casualty verb at word i that a speaker claims as
// its own act: "saying it had killed 11 soldiers", "says it killed",
// "claimed to have killed". Perpetrators inflate such figures; ACLED
// takes the lowest credible one.
func claimedKill(a *analysis, sn sentence, i int) bool {
	k := i - 1
	for k >= sn.w0 && (a.ws[k].norm == "had" || a.ws[k].norm == "has" || a.ws[k].norm == "have") {
		k--
	}
	if k >= sn.w0+1 && a.ws[k].norm == "to" && a.is(k-1, claimClass) {
		return true // "claimed to have killed"
	}
	if k < sn.w0+1 || a.ws[k].norm != "it" && a.ws[k].norm != "they" && a.ws[k].norm != "we" {
		return false
	}
	// Back over "that" and the manner of saying ("said in a statement on
	// one of its websites that it had killed") to the claim verb.
	for j := k - 1; j >= sn.w0 && j >= k-12; j-- {
		w := a.ws[j]
		if a.is(j, claimClass) {
			return true
		}
		if w.norm == "." || w.norm == ";" || w.norm == "," || isBoundaryWord(w.norm) && w.norm != "that" {
			return false
		}
	}
	return false
}
