package when

import (
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/text"
)

// iso parses numeric dates: "2022-01-01" and "2022/01/01" (year first),
// "05.03.2022" (European dotted, always day first), and "25/3/2022" or
// "3/25/2022" only when the order shows itself — a number above 12 can
// only be the day. "05/03/2022" is left alone: 5 March or May 3.
func (p *parser) iso(j int) (expr, int, bool) {
	t := p.toks
	// "05.03.2022" is one Numeral token.
	if tok := t[j]; tok.Kind == text.Numeral && strings.Count(tok.Text, ".") == 2 {
		parts := strings.Split(tok.Text, ".")
		if len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4 {
			d, _ := strconv.Atoi(parts[0])
			m, _ := strconv.Atoi(parts[1])
			y, _ := strconv.Atoi(parts[2])
			if y >= 1900 && y <= 2100 && validDay(y, m, d) {
				return expr{kind: kDay, y: y, m: m, d: d}, j + 1, true
			}
		}
		return expr{}, 0, false
	}
	if j+4 >= len(t) {
		return expr{}, 0, false
	}
	sep := t[j+1].Norm
	if !adjacent(t[j:j+5]) || (sep != "-" && sep != "/") || t[j+3].Norm != sep || t[j].Kind != text.Numeral ||
		t[j+2].Kind != text.Numeral || t[j+4].Kind != text.Numeral || len(t[j+2].Text) > 2 {
		return expr{}, 0, false
	}
	// Not a date if more digits follow: "2022-01-01-5" is a code.
	if j+5 < len(t) && t[j+5].Start == t[j+4].End && (t[j+5].Norm == sep || t[j+5].Kind == text.Numeral) {
		return expr{}, 0, false
	}
	a, _ := atoi(t[j])
	b, _ := atoi(t[j+2])
	c, _ := atoi(t[j+4])
	var y, m, d int
	switch {
	case len(t[j].Text) == 4 && len(t[j+4].Text) <= 2:
		y, m, d = a, b, c
	case sep == "/" && len(t[j].Text) <= 2 && len(t[j+4].Text) == 4:
		y = c
		switch {
		case a > 12 && b <= 12:
			d, m = a, b
		case b > 12 && a <= 12:
			m, d = a, b
		default:
			return expr{}, 0, false // ambiguous day and month
		}
	default:
		return expr{}, 0, false
	}
	if y < 1900 || y > 2100 || !validDay(y, m, d) {
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
	if p.rangeSep(k) {
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
	if p.rangeSep(k) && e.m2 == 0 {
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
	if p.rangeSep(k) {
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
	if p.rangeSep(k) {
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
	if p.flags(j)&fSeason == 0 {
		return expr{}, 0, false
	}
	sm := seasons[p.norm(j)]
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
	if sep := p.norm(j + 1); p.rangeSep(j+1) && (sep != "and" || prep == "between") {
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
	if p.flags(j)&fCapCore == 0 {
		return expr{}, 0, false // no weekday
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
	// "from Friday to Sunday", "between Friday and Sunday", "Friday-Saturday".
	if sep := p.norm(k); (p.rangeSep(k) && sep != "and") || (sep == "and" && prep == "between") {
		if k+1 < len(p.toks) {
			if t2 := p.toks[k+1]; t2.IsCap() {
				if wd2, ok := weekdays[t2.Norm]; ok && wd2 != wd {
					e.wd2, e.wdRange = wd2, true
					k += 2
					if dayParts[p.norm(k)] {
						k++
					}
				}
			}
		}
	}
	return e, k, true
}

// decade parses "the 1990s", "in the 2010s": a decade needs a preposition
// or "the" before it.
func (p *parser) decade(j int, prep string) (expr, int, bool) {
	the := p.norm(j) == "the"
	if the {
		j++
	}
	if j >= len(p.toks) {
		return expr{}, 0, false
	}
	n := p.toks[j].Norm
	if len(n) != 5 || n[4] != 's' || n[3] != '0' {
		return expr{}, 0, false
	}
	if !the && !yearPreps[prep] {
		return expr{}, 0, false
	}
	y, err := strconv.Atoi(n[:4])
	if err != nil || y < 1900 || y > 2100 {
		return expr{}, 0, false
	}
	return expr{kind: kYear, y: y, y2: y + 9}, j + 1, true
}
