package when

import (
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/text"
)

// parser matches date expressions over a token slice. Every rule looks at
// token Norms, and month and weekday names must be capitalised, so "a
// march by protesters", "they may attack" and "marched" are never dates.
type parser struct {
	toks []text.Token
	// nextCore[i] is the index of the first token at or after i that can
	// anchor a calendar date (a number, an ordinal, a month or weekday
	// name), or len(toks). Calendar rules need one within a few tokens.
	nextCore []int32
}

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
	for i := n - 1; i >= 0; i-- {
		if p.isCore(i) {
			p.nextCore[i] = int32(i)
		} else {
			p.nextCore[i] = p.nextCore[i+1]
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
	if t.IsCap() {
		if text.MonthOf(t.Norm) > 0 {
			return true
		}
		if _, ok := weekdays[strings.TrimSuffix(t.Norm, "'s")]; ok {
			return true
		}
		if strings.IndexByte(t.Norm, '-') > 0 { // "Mid-March"
			return true
		}
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

func (p *parser) norm(k int) string {
	if k < 0 || k >= len(p.toks) {
		return ""
	}
	return p.toks[k].Norm
}

// at parses the longest date expression that starts at token i and
// returns it with the index after its last token.
func (p *parser) at(i int) (expr, int, bool) {
	if !mayStart(p.toks[i]) {
		return expr{}, 0, false
	}
	rel, relEnd, relOK := p.relative(i)
	cal, calEnd, calOK := p.calendar(i)
	switch {
	case calOK && (!relOK || calEnd > relEnd):
		return cal, calEnd, true
	case relOK:
		return rel, relEnd, true
	}
	return expr{}, 0, false
}

// calendar parses the longest calendar expression (with its prefixes and
// suffixes) or weekday at token i.
func (p *parser) calendar(i int) (expr, int, bool) {
	if p.nextCore != nil && int(p.nextCore[i]) > i+maxPrefix {
		return expr{}, 0, false
	}
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
		if !prefixWords[p.toks[j].Norm] {
			// Only a glued part ("mid-March") can still be a prefix.
			if t := p.toks[j]; t.Kind != text.Word || strings.IndexByte(t.Norm, '-') < 0 {
				break
			}
		}
		if w, n := p.phrase(j, approxPhrases); n > 0 {
			approx = w
			j += n
			continue
		}
		if _, n := p.phrase(j, weekPhrases); n > 0 {
			weekOf = true
			j += n
			continue
		}
		if _, n := p.phrase(j, weekendPhrases); n > 0 {
			weekendOf = true
			j += n
			continue
		}
		if _, n := p.phrase(j, nightPhrases); n > 0 {
			e.night = true
			j += n
			continue
		}
		// "early on Friday" is a preposition, "early March" a part.
		wPart, nPart := p.phrase(j, partPhrases)
		wPrep, nPrep := p.phrase(j, prepPhrases)
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
	for alt := range 7 {
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
	w, n := p.phrase(end+1, suffixPhrases)
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

// iso parses "2022-01-01".
func (p *parser) iso(j int) (expr, int, bool) {
	if j+4 >= len(p.toks) {
		return expr{}, 0, false
	}
	t := p.toks
	if !adjacent(t[j:j+5]) || t[j+1].Norm != "-" || t[j+3].Norm != "-" || len(t[j].Text) != 4 ||
		len(t[j+2].Text) > 2 || len(t[j+4].Text) > 2 {
		return expr{}, 0, false
	}
	y, ok1 := p.year(j)
	m, ok2 := atoi(t[j+2])
	d, ok3 := atoi(t[j+4])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || !validDay(y, m, d) {
		return expr{}, 0, false
	}
	// Not a date if more digits follow: "2022-01-01-5" is a code.
	if j+5 < len(t) && t[j+5].Start == t[j+4].End && (t[j+5].Norm == "-" || t[j+5].Kind == text.Numeral) {
		return expr{}, 0, false
	}
	return expr{kind: kDay, y: y, m: m, d: d}, j + 5, true
}

// dayFirst parses "1 January 2022", "1st of June 2017", "1-3 March",
// "between 1 and 3 March 2022", "28 February to 2 March", "the 3rd of March".
func (p *parser) dayFirst(j int) (expr, int, bool) {
	if p.norm(j) == "the" {
		j++
	}
	d, k, ok := p.day(j)
	if !ok {
		return expr{}, 0, false
	}
	e := expr{kind: kDay, d: d}
	// A second day before the month: "1-3 March", "1 and 3 March".
	if rangeSep[p.norm(k)] {
		if d2, k2, ok := p.day(k + 1); ok && d2 > d {
			if m, k3, ok := p.month(k2); ok {
				e.m, e.m2, e.d2 = m, m, d2
				k = k3
			}
		}
	}
	if e.m == 0 {
		if p.norm(k) == "of" {
			k++
		}
		m, k2, ok := p.month(k)
		if !ok {
			return expr{}, 0, false
		}
		e.m, k = m, k2
	}
	k = p.optYear(&e.y, k)
	// "28 February to 2 March [2022]"
	if rangeSep[p.norm(k)] && e.m2 == 0 {
		if d2, k2, ok := p.day(k + 1); ok {
			if p.norm(k2) == "of" {
				k2++
			}
			if m2, k3, ok := p.month(k2); ok {
				var y2 int
				k3 = p.optYear(&y2, k3)
				e.m2, e.d2, e.y2 = m2, d2, y2
				k = k3
			}
		}
	}
	return p.finishDay(e, k)
}

// monthFirst parses "January 1, 2022", "Jan. 1", "March 1-3", "June 1 to
// July 2, 2022".
func (p *parser) monthFirst(j int) (expr, int, bool) {
	m, k, ok := p.month(j)
	if !ok {
		return expr{}, 0, false
	}
	d, k, ok := p.day(k)
	if !ok {
		return expr{}, 0, false
	}
	e := expr{kind: kDay, m: m, d: d}
	if rangeSep[p.norm(k)] {
		if m2, k2, ok := p.month(k + 1); ok {
			if d2, k3, ok := p.day(k2); ok {
				e.m2, e.d2, k = m2, d2, k3
			}
		} else if d2, k2, ok := p.day(k + 1); ok && d2 > d {
			e.m2, e.d2, k = m, d2, k2
		}
	}
	k = p.optYear(&e.y, k)
	if e.m2 != 0 {
		e.y2 = e.y
	}
	return p.finishDay(e, k)
}

// finishDay checks the calendar and fills the year of a range.
func (p *parser) finishDay(e expr, k int) (expr, int, bool) {
	if e.m2 != 0 {
		if e.y == 0 && e.y2 != 0 {
			e.y = e.y2
			if e.m > e.m2 {
				e.y--
			}
		}
		if e.y2 == 0 && e.y != 0 {
			e.y2 = e.y
			if e.m > e.m2 {
				e.y2++
			}
		}
		if !validDay(e.y2, e.m2, e.d2) {
			return expr{}, 0, false
		}
	}
	if !validDay(e.y, e.m, e.d) {
		return expr{}, 0, false
	}
	return e, k, true
}

// monthYear parses "March 2022" anywhere, and "March" alone after "in",
// "during", "since", "until", "by" or a part ("early March").
func (p *parser) monthYear(j int, prep string, part bool) (expr, int, bool) {
	m, k, ok := p.month(j)
	if !ok {
		return expr{}, 0, false
	}
	e := expr{kind: kMonth, m: m}
	if p.norm(k) == "," || p.norm(k) == "of" {
		if y, ok := p.year(k + 1); ok {
			e.y = y
			return e, k + 2, true
		}
	}
	if y, ok := p.year(k); ok {
		e.y = y
		k++
	}
	// "January to March 2022", "between January and March".
	if rangeSep[p.norm(k)] {
		if m2, k2, ok := p.month(k + 1); ok && fullMonths[p.toks[k+1].Norm] {
			y2 := 0
			k2 = p.optYear(&y2, k2)
			if e.y != 0 || y2 != 0 || monthPreps[prep] {
				if e.y == 0 && y2 != 0 {
					e.y = y2
					if m > m2 {
						e.y--
					}
				}
				if y2 == 0 && e.y != 0 {
					y2 = e.y
					if m > m2 {
						y2++
					}
				}
				e.m2, e.y2 = m2, y2
				return e, k2, true
			}
		}
	}
	if e.y != 0 {
		return e, k, true
	}
	// A lone month name needs a preposition and must be written out in
	// full: "in Mar" is rarely a month.
	if (monthPreps[prep] || part) && k == j+1 && fullMonths[p.toks[j].Norm] {
		return e, k, true
	}
	return expr{}, 0, false
}

// season parses "summer 2021", "the spring of 2022", "winter 2021-22" is
// not modelled: a season needs a four-digit year after it.
func (p *parser) season(j int) (expr, int, bool) {
	if p.norm(j) == "the" {
		j++
	}
	sm, ok := seasons[p.norm(j)]
	if !ok {
		return expr{}, 0, false
	}
	k := j + 1
	if p.norm(k) == "of" {
		k++
	}
	y, ok := p.year(k)
	if !ok {
		return expr{}, 0, false
	}
	e := expr{kind: kMonth, y: y, m: sm[0], m2: sm[1], y2: y}
	if sm[1] < sm[0] {
		e.y2 = y + 1
	}
	return e, k + 1, true
}

// yearAlone parses "2017" after "in", "since", "during" or a part ("early
// 2022"): a bare number is not a year.
func (p *parser) yearAlone(j int, prep string, part bool) (expr, int, bool) {
	y, ok := p.year(j)
	if !ok {
		return expr{}, 0, false
	}
	// "2014-2017", "from 2014 to 2017", "between 2014 and 2017": a span
	// of years is a date even without a preposition.
	if sep := p.norm(j + 1); rangeSep[sep] && (sep != "and" || prep == "between") {
		if y2, ok := p.year(j + 2); ok && y2 > y && y2-y <= 50 {
			return expr{kind: kYear, y: y, y2: y2}, j + 3, true
		}
	}
	if !yearPreps[prep] && !part {
		return expr{}, 0, false
	}
	// "in 2017 strikes" is fine, but "since 2014-2015" is a range we do
	// not model; "in 2000 homes" cannot be told apart, so require the
	// number not to be followed by a noun-like word it counts.
	if n := p.norm(j + 1); n == "-" || n == "people" || n == "civilians" || n == "homes" || n == "troops" {
		return expr{}, 0, false
	}
	return expr{kind: kYear, y: y}, j + 1, true
}

// weekday parses "Friday", "on Friday", "last Friday", "Friday night",
// "Friday's".
func (p *parser) weekday(j int, prep string) (expr, int, bool) {
	e := expr{kind: kWeekday}
	start := j
	switch p.norm(j) {
	case "last", "past", "previous":
		e.strict = true
		j++
	case "this":
		j++
		if p.norm(j) == "past" { // "this past Sunday"
			e.strict = true
			j++
		}
	}
	if j >= len(p.toks) {
		return expr{}, 0, false
	}
	t := p.toks[j]
	w := strings.TrimSuffix(t.Norm, "'s")
	wd, ok := weekdays[w]
	if !ok || !t.IsCap() {
		return expr{}, 0, false
	}
	e.wd = wd
	k := j + 1
	if dayParts[p.norm(k)] {
		k++
	} else if prep == "" && j == start && !strings.HasSuffix(t.Norm, "'s") {
		// A bare weekday inside a name is no date: "Good Friday",
		// "Bloody Sunday", "the Sunday Times".
		if j > 0 && p.toks[j-1].Kind == text.Word && p.toks[j-1].IsCap() && p.toks[j-1].End+1 >= t.Start {
			return expr{}, 0, false
		}
		if k < len(p.toks) && p.toks[k].Kind == text.Word && p.toks[k].IsCap() {
			return expr{}, 0, false
		}
	}
	// "Friday, 3 March" / "Friday 3 March 2022" / "Friday (3 March)": the
	// calendar date wins.
	if p.norm(k) == "(" {
		for _, c := range [2]func(int) (expr, int, bool){p.dayFirst, p.monthFirst} {
			if e, end, ok := c(k + 1); ok && p.norm(end) == ")" {
				return e, end + 1, true
			}
		}
	}
	if p.norm(k) == "," {
		if c, end, ok := p.dayFirst(k + 1); ok {
			return c, end, true
		}
		if c, end, ok := p.monthFirst(k + 1); ok {
			return c, end, true
		}
	}
	if c, end, ok := p.dayFirst(k); ok {
		return c, end, true
	}
	if c, end, ok := p.monthFirst(k); ok {
		return c, end, true
	}
	return e, k, true
}

// day reads a day of the month: "3", "03", "3rd", "first" (only before
// "of": "the first of March").
func (p *parser) day(k int) (int, int, bool) {
	if k >= len(p.toks) {
		return 0, k, false
	}
	t := p.toks[k]
	switch t.Kind {
	case text.Numeral:
		if len(t.Text) > 2 {
			return 0, k, false
		}
		d, ok := atoi(t)
		if !ok || d < 1 || d > 31 {
			return 0, k, false
		}
		// A clock time is not a day: "3:30".
		if n := p.norm(k + 1); (n == ":" || n == ".") && k+2 < len(p.toks) && p.toks[k+2].Kind == text.Numeral &&
			p.toks[k+1].Start == t.End {
			return 0, k, false
		}
		return d, k + 1, true
	case text.Word:
		d, ok := text.Ordinal(t)
		if !ok || d < 1 || d > 31 {
			return 0, k, false
		}
		if t.Norm[0] < '0' || t.Norm[0] > '9' {
			if p.norm(k+1) != "of" {
				return 0, k, false
			}
		}
		return d, k + 1, true
	}
	return 0, k, false
}

// month reads a capitalised month name or abbreviation ("Jan", "Jan.",
// "Sept."). Every caller demands a day, a year or a preposition beside
// it, so that "May" the verb is never a month.
func (p *parser) month(k int) (int, int, bool) {
	if k >= len(p.toks) {
		return 0, k, false
	}
	t := p.toks[k]
	m := p.monthWord(t.Text, t.Norm)
	if m == 0 {
		return 0, k, false
	}
	k++
	if len(t.Norm) <= 4 && p.norm(k) == "." && p.toks[k].Start == t.End {
		k++
	}
	return m, k, true
}

// monthWord returns the month of a capitalised name or abbreviation.
func (p *parser) monthWord(raw, norm string) int {
	if raw == "" || raw[0] < 'A' || raw[0] > 'Z' {
		return 0
	}
	return text.MonthOf(norm)
}

// year reads a four-digit year between 1900 and 2100.
func (p *parser) year(k int) (int, bool) {
	if k >= len(p.toks) {
		return 0, false
	}
	t := p.toks[k]
	if t.Kind != text.Numeral || len(t.Text) != 4 {
		return 0, false
	}
	y, ok := atoi(t)
	if !ok || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

// optYear reads an optional ", 2022" or "2022" at k into *y.
func (p *parser) optYear(y *int, k int) int {
	if p.norm(k) == "," {
		if v, ok := p.year(k + 1); ok {
			*y = v
			return k + 2
		}
	}
	if v, ok := p.year(k); ok {
		*y = v
		return k + 1
	}
	return k
}

// phrase returns the longest phrase of table that starts at token k.
func (p *parser) phrase(k int, table phraseTable) (string, int) {
	if k >= len(p.toks) {
		return "", 0
	}
	best, bestLen := "", 0
	for _, ph := range table[p.toks[k].Norm] {
		if len(ph.words) <= bestLen || k+len(ph.words) > len(p.toks) {
			continue
		}
		ok := true
		for x, w := range ph.words[1:] {
			if p.toks[k+1+x].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			best, bestLen = ph.joined, len(ph.words)
		}
	}
	return best, bestLen
}

func adjacent(ts []text.Token) bool {
	for i := 1; i < len(ts); i++ {
		if ts[i].Start != ts[i-1].End {
			return false
		}
	}
	return true
}

func atoi(t text.Token) (int, bool) {
	if t.Kind != text.Numeral || strings.ContainsAny(t.Text, ".,") {
		return 0, false
	}
	v, err := strconv.Atoi(t.Text)
	return v, err == nil
}

// validDay reports whether d is a day of month m; year 0 (unknown) allows
// 29 February.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y == 0 {
		y = 2024
	}
	return d <= daysIn(y, time.Month(m))
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
