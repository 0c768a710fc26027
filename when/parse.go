package when

import (
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/text"
)

// parser matches date expressions over a token slice. Every rule looks at
// token Norms, and month and weekday names must be capitalised, so "a
// march by protesters", "they may attack" and "marched" are never dates.
type parser struct {
	toks []text.Token
	// ids[i] is the vocab id of token i (see vocab).
	ids []int16
	// may[i] says which rules may match at token i (see mayStart), and
	// nextStart[i] is the first token at or after i where one may, or
	// len(toks): Find jumps from one to the next.
	may       []uint8
	nextStart []int32
}

func (p *parser) norm(k int) string {
	if k < 0 || k >= len(p.toks) {
		return ""
	}
	return p.toks[k].Norm
}

// at parses the longest date expression that starts at token i and
// returns it with the index after its last token.
func (p *parser) at(i int) (expr, int, bool) {
	var rel, cal expr
	var relEnd, calEnd int
	var relOK, calOK bool
	if p.may[i]&mayRelative != 0 {
		rel, relEnd, relOK = p.relative(i)
	}
	if p.may[i]&mayCalendar != 0 {
		cal, calEnd, calOK = p.calendar(i)
	}
	switch {
	case calOK && (!relOK || calEnd > relEnd):
		return cal, calEnd, true
	case relOK:
		return rel, relEnd, true
	}
	return expr{}, 0, false
}

// calendar parses the longest calendar expression (with its prefixes and
// suffixes) or weekday at token i. Find calls it only where mayStart
// allows one: near a core, after lead words only.
func (p *parser) calendar(i int) (expr, int, bool) {
	// Prefixes: hedges, nights, parts of a month, prepositions.
	var e expr
	j := i
	prep := ""
	approx := "" // the hedge before a day, if any
	weekOf, weekendOf := false, false
	for range 4 {
		if j >= len(p.toks) {
			break
		}
		if p.flags(j)&fPrefix == 0 {
			// Only a glued part ("mid-March") can still be a prefix.
			if t := p.toks[j]; t.Kind != text.Word || strings.IndexByte(t.Norm, '-') < 0 {
				break
			}
		}
		if w, n := p.phrase(j, &approxPhrases); n > 0 {
			approx = w
			j += n
			continue
		}
		if _, n := p.phrase(j, &weekPhrases); n > 0 {
			weekOf = true
			j += n
			continue
		}
		if _, n := p.phrase(j, &weekendPhrases); n > 0 {
			weekendOf = true
			j += n
			continue
		}
		if _, n := p.phrase(j, &nightPhrases); n > 0 {
			e.night = true
			j += n
			continue
		}
		// "early on Friday" is a preposition, "early March" a part.
		wPart, nPart := p.phrase(j, &partPhrases)
		wPrep, nPrep := p.phrase(j, &prepPhrases)
		if nPart > nPrep {
			e.part = partOf[wPart]
			j += nPart
			continue
		}
		if nPrep > 0 {
			prep = wPrep
			j += nPrep
			continue
		}
		// "mid-March", "early-2022": a part glued to its month or year.
		if t := p.toks[j]; t.Kind == text.Word && strings.ContainsRune(t.Norm, '-') {
			if k := strings.IndexByte(t.Norm, '-'); partOf[t.Norm[:k]] > 0 {
				e.part = partOf[t.Norm[:k]]
				if m := p.monthWord(t.Text[k+1:], t.Norm[k+1:]); m > 0 {
					e.kind, e.m = kMonth, m
					end := j + 1
					if y, ok := p.year(end); ok {
						e.y = y
						end++
					}
					return p.suffix(e, end)
				}
				// "mid-2021"
				if y, err := strconv.Atoi(t.Norm[k+1:]); err == nil && len(t.Norm)-k-1 == 4 && y >= 1900 && y <= 2100 {
					e.kind, e.y = kYear, y
					return e, j + 1, true
				}
			}
		}
		break
	}
	if j >= len(p.toks) || !p.coreStart(j) {
		return expr{}, 0, false
	}
	best, bestEnd := expr{}, 0
	for alt := range 8 {
		var c expr
		var end int
		var ok bool
		switch alt {
		case 0:
			c, end, ok = p.iso(j)
		case 1:
			c, end, ok = p.dayFirst(j)
		case 2:
			c, end, ok = p.monthFirst(j)
		case 3:
			c, end, ok = p.monthYear(j, prep, e.part > 0)
		case 4:
			c, end, ok = p.yearAlone(j, prep, e.part > 0)
		case 5:
			c, end, ok = p.weekday(j, prep)
		case 6:
			c, end, ok = p.season(j)
		case 7:
			c, end, ok = p.decade(j, prep)
		}
		if ok && end > bestEnd {
			best, bestEnd = c, end
		}
	}
	if bestEnd == 0 {
		return expr{}, 0, false
	}
	best.night = best.night || e.night
	if weekOf {
		if best.kind != kDay || best.m2 != 0 {
			return expr{}, 0, false
		}
		best.weekOf, best.prec = true, 2
	}
	if weekendOf {
		if best.kind != kDay || best.m2 != 0 {
			return expr{}, 0, false
		}
		best.weekendOf, best.prec = true, 2
	}
	if e.part > 0 {
		switch best.kind {
		case kMonth, kYear:
			if best.m2 != 0 || (best.kind == kYear && e.part >= partWeek1) {
				return expr{}, 0, false // "the first week of 2022", "late January to March"
			}
			best.part = e.part
		case kWeekday:
			// "early Friday", "late Sunday": still that day.
		default:
			return expr{}, 0, false // "late 3 March" is not a phrase
		}
	}
	// "On or around 5 March" still names the day; "around 5 March" only
	// places the event in the days about it, which ACLED codes as a week.
	if approx != "" && best.kind == kDay && best.prec == 0 {
		best.prec = 2
		if strings.HasPrefix(approx, "on or") || best.night {
			best.prec = 1
		}
	}
	return p.suffix(best, bestEnd)
}

// suffix reads ACLED's bracketed qualifiers after a date: "(month of)",
// "(week of)", "(as reported)".
func (p *parser) suffix(e expr, end int) (expr, int, bool) {
	if p.norm(end) != "(" {
		return e, end, true
	}
	// "(between 4 - 5 January)": the window the approximate date lies in.
	if w := p.norm(end + 1); w == "between" || w == "from" {
		if r, k, ok := p.dayFirst(end + 2); ok && r.m2 != 0 && p.norm(k) == ")" {
			e.prec = max(precision(r), 2)
			return e, k + 1, true
		}
	}
	w, n := p.phrase(end+1, &suffixPhrases)
	if n == 0 || p.norm(end+1+n) != ")" {
		return e, end, true
	}
	switch w {
	case "month of":
		// ACLED keeps the stated day as the event date and widens the
		// window to the rest of its month.
		if e.kind == kDay {
			e.monthOf, e.m2 = true, 0
		}
		e.prec = 3
	case "week of":
		e.weekOf, e.prec = true, 2
	case "weekend of":
		e.prec = 2
	}
	return e, end + n + 2, true
}
