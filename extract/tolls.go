package extract

import (
	"sort"

	"github.com/sitrep/sitrep"
)

// updateVerbs say that a running toll changed: "the death toll has risen
// to nine", "the number of people killed climbed to 12", "the toll now
// stands at 15". The figure they give replaces the earlier ones, which a
// report usually keeps alongside ("… after rescuers recovered two more
// bodies").
var updateVerbs = map[string]bool{
	"rose": true, "risen": true, "rises": true, "rise": true, "rising": true,
	"climbed": true, "climbs": true, "climb": true, "climbing": true,
	"increased": true, "increases": true, "jumped": true, "jumps": true,
	"reached": true, "reaches": true, "stands": true, "stood": true, "hit": true,
	"grew": true, "grown": true, "mounted": true, "soared": true,
}

// tollSubject are the words that make a noun phrase a running toll when
// no casualty word does: "the toll", "the number of victims".
var tollSubject = map[string]bool{"toll": true, "tally": true, "count": true, "number": true}

// updateSpan is an updated toll found in a sentence: words [w0, w1) are
// its subject and verb, whose casualty words must not be read again.
type updateSpan struct {
	w0, w1 int
}

// updatedTolls reads the updated tolls of sentence sn: a subject naming a
// toll or a casualty ("the death toll", "the number of people killed by
// Saturday's strike", "the number of wounded"), an update verb, then "to"
// or "at" and the figure. Numbers it reads are marked in used.
func (e *Engine) updatedTolls(a *analysis, sn sentence, used []bool) ([]casualty, []updateSpan) {
	var out []casualty
	var spans []updateSpan
	ws := a.ws
	// Figures are rarer than words: look from each figure back to its verb.
	for ni := a.firstNumber(sn.w0 + 2); ni < len(a.nums) && a.nums[ni].w0 < sn.w1; ni++ {
		n := a.nums[ni]
		// "rose to 9", "stands at 15", "rose to at least 12", "reached 20"
		k := n.w0 - 1
		if ws[k].norm == "to" || ws[k].norm == "at" {
			k--
		}
		if !a.is(k, updateVerbClass) || used[ni] || !countable(n) || !a.peopleCount(ni) {
			continue
		}
		kind, start := e.tollKind(a, sn, k)
		if kind == "" || e.tallySentence(a, sn) {
			continue
		}
		c := casualty{kind: kind, cue: k, update: true, victims: [2]int{start, k}}
		c.take(n)
		used[ni] = true
		out = append(out, c)
		spans = append(spans, updateSpan{w0: start, w1: k + 1})
	}
	out, spans = e.tollsPutAt(a, sn, used, out, spans)
	return out, spans
}

// putVerbs give a toll as an estimate: "officials put the death toll at
// five", "the council estimated the number of dead at 12".
var putVerbs = map[string]bool{"put": true, "puts": true, "putting": true, "placed": true, "places": true,
	"estimated": true, "estimates": true, "estimate": true}

// tollsPutAt reads "put the toll at N": the toll phrase follows the verb
// and "at" introduces the figure. The figure competes with the others of
// the event like any casualty figure.
func (e *Engine) tollsPutAt(a *analysis, sn sentence, used []bool, out []casualty, spans []updateSpan) ([]casualty, []updateSpan) {
	ws := a.ws
	for ni := a.firstNumber(sn.w0 + 3); ni < len(a.nums) && a.nums[ni].w0 < sn.w1; ni++ {
		n := a.nums[ni]
		at := n.w0 - 1
		if ws[at].norm != "at" {
			continue
		}
		k := -1
		for j := at - 1; j >= sn.w0 && j >= at-7; j-- {
			if a.is(j, putVerbClass) {
				k = j
				break
			}
		}
		if k < 0 || !hasTollNoun(a, k+1, at) && !e.casualtyIn(a, k+1, at) || used[ni] || !countable(n) {
			continue
		}
		kind := "killed"
		for j := k + 1; j < at; j++ {
			if n := ws[j].norm; n == "wounded" || n == "injured" {
				kind = "injured"
			}
		}
		// An estimate is one figure among others ("a committee had earlier
		// put the toll at 13"), not an update that replaces them.
		c := casualty{kind: kind, cue: k, victims: [2]int{k + 1, at}}
		c.take(n)
		used[ni] = true
		out = append(out, c)
		spans = append(spans, updateSpan{w0: k, w1: at})
	}
	return out, spans
}

// casualtyIn reports a casualty word in words [i, j).
func (e *Engine) casualtyIn(a *analysis, i, j int) bool {
	return len(e.casualty.scan(a.s, a.ws, a.starts, i, j)) > 0
}

// tollKind looks back from the update verb at word k over its subject,
// up to a clause boundary, for what the toll counts: "killed" for a death
// word or a bare "toll", "injured" for the wounded. It returns "" when
// the subject counts neither ("prices rose to 40"), and where the subject
// starts.
func (e *Engine) tollKind(a *analysis, sn sentence, k int) (string, int) {
	start := max(sn.w0, k-24)
	for i := k - 1; i >= start; i-- {
		if tollStopAt(a, i) {
			start = i + 1
			break
		}
	}
	kind, toll := "", false
	for _, h := range e.casualty.scan(a.s, a.ws, a.starts, start, k) {
		if c := e.lex.Casualties[h.ids[0]]; kind == "" || c.Kind == "killed" {
			kind = c.Kind
		}
	}
	for i := start; i < k; i++ {
		switch a.ws[i].norm {
		case "toll", "tally":
			toll = true
		case "number", "count":
			toll = toll || i+1 < k && a.ws[i+1].norm == "of"
		case "wounded", "injured", "hurt":
			if kind == "" {
				kind = "injured"
			}
		}
	}
	if kind == "" && toll {
		kind = "killed"
	}
	if kind != "" && !toll && !hasTollNoun(a, start, k) {
		return "", start // "five soldiers killed rose to" is no toll
	}
	return kind, start
}

// tollStop ends the subject of a toll verb, looking back: "officials
// said that | the toll rose to nine"; so do ";", "." and ":"
// (tollStopAt). The punctuation stays out of the word class: in the
// vocabulary it would cost every full stop of every text a table probe.
var tollStop = map[string]bool{"that": true, "after": true, "when": true,
	"while": true, "which": true, "who": true, "but": true, "said": true, "says": true}

// tollStopAt reports a tollStop at word i.
func tollStopAt(a *analysis, i int) bool {
	if n := a.ws[i].norm; n == ";" || n == "." || n == ":" {
		return true
	}
	return a.is(i, tollStopClass)
}

// hasTollNoun reports a toll noun ("toll", "number of") in words [i, j).
func hasTollNoun(a *analysis, i, j int) bool {
	for k := i; k < j; k++ {
		if a.is(k, tollSubjectClass) {
			return true
		}
	}
	return false
}

// inUpdate reports whether word w lies in one of the spans.
func inUpdate(spans []updateSpan, w int) bool {
	for _, s := range spans {
		if w >= s.w0 && w < s.w1 {
			return true
		}
	}
	return false
}

// tallySentence reports a cumulative cue in sentence sn ("the death toll
// of the war", "so far this year"): its toll counts many events.
func (e *Engine) tallySentence(a *analysis, sn sentence) bool {
	for _, h := range e.cues.scan(a.s, a.ws, a.starts, sn.w0, sn.w1) {
		if e.lex.Cues[h.ids[0]].Modality == sitrep.ModalityCumulative {
			return true
		}
	}
	return false
}

// firstNumber returns the index of the first number starting at or after
// word w.
func (a *analysis) firstNumber(w int) int {
	return sort.Search(len(a.nums), func(i int) bool { return a.nums[i].w0 >= w })
}
