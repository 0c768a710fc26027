package extract

import (
	"strings"

	"github.com/sitrep/sitrep/text"
)

// This file finds the figures a casualty word governs: numbers that can
// count people, before or after it, and figures joined into one total.

// numberBefore returns an unused countable number ending at most gap
// words before w, or -1.
func (a *analysis) numberBefore(from, w, gap int, used []bool) int {
	for i := len(a.nums) - 1; i >= 0; i-- {
		n := a.nums[i]
		if n.w1 > w {
			continue
		}
		if n.w0 < from || w-n.w1 > gap {
			return -1
		}
		if used[i] || !a.peopleCount(i) {
			return -1
		}
		return i
	}
	return -1
}

// numbersAfter returns the unused countable number starting within gap
// words after w and the numbers joined to it by "and" or commas ("3
// soldiers and 2 civilians").
func (a *analysis) numbersAfter(w, limit, gap int, used []bool) []int {
	first := a.numberAfter(w, limit, gap, used)
	if first < 0 {
		return nil
	}
	out := []int{first}
	for i := first + 1; i < len(a.nums); i++ {
		n, prev := a.nums[i], a.nums[out[len(out)-1]]
		if n.w0 >= limit || n.w0-prev.w1 > 8 || used[i] || !a.peopleCount(i) || !joined(a, prev.w1, n.w0) || stopBetween(a, prev.w1, n.w0) || a.sourceCount(i) || injuredAfter(a, n.w1, limit) {
			break
		}
		out = append(out, i)
	}
	return out
}

// injuredAfter reports an injury word closing the phrase a figure starts
// ("the death of 4 soldiers and 2 militants injured"): the figure counts
// the wounded, not more of the dead.
func injuredAfter(a *analysis, w, limit int) bool {
	for k := w; k < limit && k < w+5; k++ {
		switch n := a.ws[k].norm; n {
		case "injured", "wounded", "hurt":
			return true
		case "/", "-":
			continue
		case "and", "in", "on", "at", "near":
			return false
		default:
			if a.ws[k].kind == text.Punct {
				return false
			}
		}
	}
	return false
}

// stopBetween reports a clause boundary or a casualty verb between two
// figures, which then count different things.
func stopBetween(a *analysis, i, j int) bool {
	for k := i; k < j; k++ {
		if isBoundaryWord(a.ws[k].norm) || a.ws[k].norm == "." || a.ws[k].norm == ";" {
			return true
		}
		switch a.ws[k].norm {
		case "injured", "injuring", "wounded", "wounding", "abducted", "arrested", "missing", "including", "among":
			return true // "23 people, including three children": a part, not more
		}
		// "killing 3,000 people and driving 2.2 million from their homes":
		// another verb, another count.
		if n := a.ws[k].norm; len(n) > 4 && (strings.HasSuffix(n, "ing") || strings.HasSuffix(n, "ed")) {
			return true
		}
	}
	return false
}

// countable reports whether a number can be a figure of people or things:
// not part of a date, not a percentage, not a measure ("twice", "48 hours",
// "a 25-year-old": text.Number sets Unit).
func countable(n number) bool {
	return !n.Date && !n.Year && !n.Percent && n.Unit == "" && n.Value >= 0
}

// notPeople are nouns that, right after a number, say it counts things or
// measures, not people: "shot nine times", "4 hideouts", "100 households".
var notPeople = map[string]bool{"times": true, "rounds": true, "shots": true, "bullets": true, "km": true,
	"kilometres": true, "kilometers": true, "miles": true, "meters": true, "metres": true, "years": true, "year": true,
	"months": true, "days": true, "hours": true, "minutes": true, "houses": true, "homes": true, "households": true,
	"vehicles": true, "cars": true, "trucks": true, "shells": true, "rockets": true, "mortars": true, "missiles": true,
	"drones": true, "hideouts": true, "positions": true, "villages": true, "buildings": true, "shops": true,
	"strikes": true, "attacks": true, "raids": true, "am": true, "pm": true, "mm": true, "o'clock": true, "percent": true,
	"tons": true, "kg": true, "dollars": true, "weapons": true, "rifles": true, "firearms": true, "heads": true}

// labelWords before a number make it a name, not a count: "battalion 101".
var labelWords = map[string]bool{"battalion": true, "brigade": true, "division": true, "route": true, "highway": true,
	"no": true, "number": true, "unit": true, "regiment": true, "sector": true, "zone": true, "ward": true, "block": true,
	"km": true, "kilometre": true, "kilometer": true, "article": true, "section": true, "district": true, "camp": true}

// peopleCount reports whether number i can count victims: countable, not
// followed by a unit or a thing, not a label, not the complement of
// another noun ("the head of 100 households").
func (a *analysis) peopleCount(i int) bool {
	n := &a.nums[i]
	if !countable(*n) {
		return false
	}
	if n.w1 < len(a.ws) && a.is(n.w1, notPeopleClass) {
		return false
	}
	if n.w0 > 0 {
		prev := a.ws[n.w0-1].norm
		if a.is(n.w0-1, labelClass) {
			return false
		}
		if prev == "of" && n.w0 > 1 && a.ws[n.w0-2].kind == text.Word {
			switch a.ws[n.w0-2].norm {
			case "some", "all", "total", "toll", "death", "deaths", "bodies", "body", "including", "least", "most", "none":
			default:
				return false
			}
		}
	}
	return true
}

// numberAfter returns the index of a countable unused number starting
// within gap words after w (skipping articles), or -1.
func (a *analysis) numberAfter(w, limit, gap int, used []bool) int {
	for i, n := range a.nums {
		if n.w0 < w || used[i] || !a.peopleCount(i) {
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
func (a *analysis) numbersBefore(from, w int, used []bool) []int {
	var idx []int
	stop := from
	for k := w - 1; k >= from && k >= w-10; k-- {
		if x := a.ws[k]; x.kind == text.Punct && x.norm != "," && x.norm != "(" && x.norm != ")" && x.norm != "-" && x.norm != "/" || isBoundaryWord(x.norm) {
			stop = k + 1
			break
		}
	}
	for i := len(a.nums) - 1; i >= 0; i-- {
		n := a.nums[i]
		if n.w1 > w || used[i] || !a.peopleCount(i) {
			continue
		}
		if n.w0 < stop || w-n.w1 > 8 {
			break
		}
		// "Eleven civilians including three children were killed": the
		// later figure is a part of the earlier, which is the total.
		if len(idx) > 0 && partOf(a, n.w1, a.nums[idx[len(idx)-1]].w0) {
			idx = append(idx[:0], i)
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

// partOf reports "including" or "among" in words [i, j): the figure
// after it is a part of the one before.
func partOf(a *analysis, i, j int) bool {
	for k := i; k < j; k++ {
		switch a.ws[k].norm {
		case "including", "among", "incl":
			return true
		}
	}
	return false
}

// sourceCount reports a figure that counts who reports, not victims:
// "…, killing three militiamen, two security officials said".
func (a *analysis) sourceCount(i int) bool {
	n := a.nums[i]
	for k := n.w1; k < len(a.ws) && k <= n.w1+3; k++ {
		if a.is(k, reportClass) {
			return true
		}
		if a.ws[k].kind == text.Punct {
			return false
		}
	}
	return false
}

// joined reports whether words [i, j) link two figures into one total.
func joined(a *analysis, i, j int) bool {
	for k := i; k < j; k++ {
		if n := a.ws[k].norm; n == "and" || n == "," {
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
