package extract

import (
	"github.com/sitrep/sitrep/text"
)

// casualty is one figure of deaths or injuries read from a sentence.
type casualty struct {
	kind      string // "killed" or "injured"
	value     int
	min, max  int
	qualifier string
	civilian  bool // the victims are named as civilians
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
// are marked in used so they are not read again as counts.
func (e *Engine) casualtiesOf(a *analysis, sn sentence, used map[int]bool) []casualty {
	var out []casualty
	ws := a.ws
	for _, h := range e.casualty.scan(ws, sn.w0, sn.w1) {
		cw := e.lex.Casualties[h.ids[0]]
		c := casualty{kind: cw.Kind, cue: h.start, value: -1}
		noun := nounCues[ws[h.start].norm]
		// "no fatalities", "without casualties", "no one was killed"
		if neg := precedingNegation(a, sn, h.start); neg {
			c.value = 0
			out = append(out, c)
			continue
		}
		passive := h.start > sn.w0 && passiveAux[ws[h.start-1].norm] ||
			h.start > sn.w0+1 && passiveAux[ws[h.start-2].norm]
		right := -1
		if !noun && !passive {
			right = a.numberAfter(h.end, sn.w1, 2, used)
		}
		if noun && h.end+1 < sn.w1 && ws[h.end].norm == "of" {
			right = a.numberAfter(h.end+1, sn.w1, 1, used)
		}
		if right >= 0 {
			c.take(a.nums[right])
			used[right] = true
			c.victims = [2]int{a.nums[right].w1, min(a.nums[right].w1+3, sn.w1)}
		} else if idx := a.numbersBefore(sn.w0, h.start, used); len(idx) > 0 {
			for k, i := range idx {
				if k == 0 {
					c.take(a.nums[i])
				} else {
					c.value += int(a.nums[i].Value)
					c.min += int(a.nums[i].Min)
					if c.max > 0 && a.nums[i].Max > 0 {
						c.max += int(a.nums[i].Max)
					} else {
						c.max = 0
					}
				}
				used[i] = true
			}
			c.victims = [2]int{a.nums[idx[0]].w0, h.start}
		} else if c.kind == "killed" && singleVictim(a, sn, h.start, h.end) {
			c.value, c.min, c.max = 1, 1, 1
			c.victims = [2]int{max(sn.w0, h.start-4), min(sn.w1, h.end+3)}
		} else {
			continue
		}
		out = append(out, c)
	}
	return out
}

func (c *casualty) take(n number) {
	c.value, c.min, c.max = int(n.Value), int(n.Min), int(n.Max)
	c.qualifier = n.Qualifier
}

func precedingNegation(a *analysis, sn sentence, i int) bool {
	for k := i - 1; k >= sn.w0 && k >= i-3; k-- {
		n := a.ws[k].norm
		if negators[n] {
			return true
		}
		if a.ws[k].kind == text.Punct {
			return false
		}
	}
	return false
}

// countable reports whether a number can be a figure of people or things:
// not part of a date, not a percentage.
func countable(n number) bool { return !n.Date && !n.Year && !n.Percent && n.Value >= 0 }

// numberAfter returns the index of a countable unused number starting
// within gap words after w (skipping articles), or -1.
func (a *analysis) numberAfter(w, limit, gap int, used map[int]bool) int {
	for i, n := range a.nums {
		if n.w0 < w || used[i] || !countable(n) {
			continue
		}
		if n.w0 >= limit || n.w0-w > gap {
			return -1
		}
		return i
	}
	return -1
}

// numbersBefore returns the unused countable numbers in the noun phrase
// before a casualty word, nearest last, joined by "and" or commas: "3
// soldiers and 2 civilians were killed" gives both.
func (a *analysis) numbersBefore(from, w int, used map[int]bool) []int {
	var idx []int
	stop := from
	for k := w - 1; k >= from && k >= w-10; k-- {
		if x := a.ws[k]; x.kind == text.Punct && x.norm != "," && x.norm != "(" && x.norm != ")" || isBoundaryWord(x.norm) {
			stop = k + 1
			break
		}
	}
	for i := len(a.nums) - 1; i >= 0; i-- {
		n := a.nums[i]
		if n.w1 > w || used[i] || !countable(n) {
			continue
		}
		if n.w0 < stop || w-n.w1 > 8 {
			break
		}
		if len(idx) > 0 && !joined(a, n.w1, a.nums[idx[len(idx)-1]].w0) {
			break
		}
		idx = append(idx, i)
	}
	// nearest first → reading order
	for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
		idx[i], idx[j] = idx[j], idx[i]
	}
	return idx
}

// joined reports whether words [i, j) link two figures into one total.
func joined(a *analysis, i, j int) bool {
	for k := i; k < j; k++ {
		if n := a.ws[k].norm; n == "and" || n == "," || n == "including" {
			return true
		}
	}
	return false
}

// isBoundaryWord stops the search for a casualty figure: a figure on the
// other side of these belongs to another clause.
func isBoundaryWord(n string) bool {
	switch n {
	case "killed", "killing", "injured", "injuring", "wounded", "wounding", "arrested", "after", "before",
		"when", "while", "which", "who", "that", "since", "but":
		return true
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
	for _, c := range cs {
		switch c.kind {
		case "killed":
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
