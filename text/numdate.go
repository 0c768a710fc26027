package text

import (
	"strconv"
	"strings"
)

// isClock reports whether the number in toks[j:k] is a time of day:
// "10:30", "9 a.m.", "0900 hrs".
func isClock(s string, toks []Token, j, k int) bool {
	if k < len(toks) && k > j {
		n := toks[k].Norm
		if n == "a.m." || n == "p.m." || n == "am" || n == "pm" || n == "hrs" || n == "gmt" || n == "utc" || n == "o'clock" {
			return true
		}
		if n == ":" && k+1 < len(toks) && toks[k+1].Kind == Numeral && toks[k].Start == toks[k-1].End {
			return true
		}
	}
	if j > 0 && toks[j-1].Norm == ":" && j > 1 && toks[j-2].Kind == Numeral && toks[j-1].Start == toks[j-2].End {
		return true
	}
	return false
}

// markDate sets Year and Date for a number that belongs to a date. j is
// the index of the value's first token (after any qualifier).
func markDate(toks []Token, n *Number, j int) {
	if n.Qualifier != "" || n.Vague {
		return
	}
	t := toks[j]
	if t.Kind != Numeral {
		return
	}
	prev, prevCap := "", false
	if j > 0 {
		prev, prevCap = toks[j-1].Norm, toks[j-1].IsCap()
		if prev == "." && j > 1 && MonthOf(toks[j-2].Norm) > 0 {
			prev, prevCap = toks[j-2].Norm, toks[j-2].IsCap()
		}
	}
	// A span of years: "2014-2017", "from 2014 to 2017".
	if n.Max > n.Min && len(t.Text) == 4 && n.Min >= 1800 && n.Max <= 2100 && n.Max-n.Min <= 50 &&
		len(toks[n.Last-1].Text) == 4 {
		n.Year, n.Date = true, true
		return
	}
	if n.Last == j+1 && len(t.Text) == 4 && n.Value >= 1800 && n.Value <= 2100 {
		// Attributive years: "the 2014 elections", "Russia's 2022
		// invasion", "Olympics 2020". Counts in the thousands come with a
		// qualifier ("about 2000 refugees"), which returned above.
		if yearContext[prev] || MonthOf(prev) > 0 && prevCap || yearDeterminers[prev] ||
			strings.HasSuffix(prev, "'s") || (j > 0 && toks[j-1].Kind == Word && prevCap && j > 1 && toks[j-2].Kind == Word) ||
			(prev == "," && j > 1 && (toks[j-2].Kind == Numeral || MonthOf(toks[j-2].Norm) > 0)) ||
			(j+2 < len(toks) && toks[j+1].Norm == "-" && toks[j+2].Kind == Numeral && len(toks[j+2].Text) == 2) {
			n.Year, n.Date = true, true
			return
		}
	}
	if n.Value < 1 || n.Value > 31 || len(t.Text) > 2 {
		return
	}
	if MonthOf(prev) > 0 && prevCap {
		n.Date = true
		return
	}
	k := n.Last
	if k < len(toks) && toks[k].Norm == "of" {
		k++
	}
	if k < len(toks) && MonthOf(toks[k].Norm) > 0 && toks[k].IsCap() {
		n.Date = true
	}
}

// numericDate matches an all-digit date at token j — "2022-01-05",
// "2022/01/05", "05/01/2022", "5/1/22" — written without spaces, and returns the index
// after it and its year (two-digit years are taken as 20xx).
func numericDate(toks []Token, j int) (end, year int, ok bool) {
	if j+4 >= len(toks) {
		return 0, 0, false
	}
	t := toks[j : j+5]
	for k := 1; k < 5; k++ {
		if t[k].Start != t[k-1].End {
			return 0, 0, false
		}
	}
	if t[0].Kind != Numeral || t[2].Kind != Numeral || t[4].Kind != Numeral || t[1].Text != t[3].Text {
		return 0, 0, false
	}
	a, b, c := len(t[0].Text), len(t[2].Text), len(t[4].Text)
	switch {
	case (t[1].Text == "-" || t[1].Text == "/") && a == 4 && b <= 2 && c <= 2:
		year, _ = strconv.Atoi(t[0].Text)
	case t[1].Text == "/" && a <= 2 && b <= 2 && (c == 4 || c == 2):
		year, _ = strconv.Atoi(t[4].Text)
		if c == 2 {
			year += 2000
		}
	default:
		return 0, 0, false
	}
	if year < 1900 || year > 2100 {
		return 0, 0, false
	}
	return j + 5, year, true
}
