package when

import (
	"strconv"
	"strings"
	"time"

	"github.com/sitrep/sitrep/text"
)

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
	if p.flags(k)&fCapCore == 0 {
		return 0, k, false // not a month name
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
func (p *parser) phrase(k int, table *phraseTable) (string, int) {
	if p.flags(k)&table.bit == 0 {
		return "", 0
	}
	best, bestLen := "", 0
	for _, ph := range table.byID[p.ids[k]] {
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
	if t.Kind != text.Numeral {
		return 0, false
	}
	// Days and years are short runs of ASCII digits; anything else goes
	// the long way.
	if len(t.Text) <= 4 {
		v := 0
		for i := 0; i < len(t.Text); i++ {
			c := t.Text[i]
			if c < '0' || c > '9' {
				return atoiSlow(t.Text)
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	return atoiSlow(t.Text)
}

func atoiSlow(s string) (int, bool) {
	if strings.ContainsAny(s, ".,") {
		return 0, false
	}
	v, err := strconv.Atoi(s)
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
	if m < time.January || m > time.December {
		return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	if m == time.February && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		return 29
	}
	return monthDays[m]
}

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// rangeSep reports whether token k joins the two ends of a range.
func (p *parser) rangeSep(k int) bool { return p.flags(k)&fRangeSep != 0 }
