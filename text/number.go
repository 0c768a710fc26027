package text

import (
	"math"
	"strconv"
	"strings"
)

// Number is a numeric expression found in a token stream.
type Number struct {
	// Value is the best single value. For a range it is the lower bound,
	// because ACLED codes the lowest credible figure. Vague words follow
	// ACLED's conventions: "a dozen"/"dozens" 12, "tens" 10, "scores" 20,
	// "hundreds" 100, "thousands" 1000, "several"/"a few"/"a number of" 3.
	Value int64
	// Min and Max bound the value; 0 means open. "10-15" → 10, 15;
	// "at least 484" → 484, 0; "up to 30" → 0, 30; "21" → 21, 21; vague
	// plurals ("dozens") → Value, 0.
	Min, Max int64
	// Qualifier is the hedge before the number as folded text: "at least",
	// "more than", "over", "up to", "about", "around", "nearly", "some",
	// "approximately", … or "".
	Qualifier string
	// Vague is set for words that do not name an exact figure: "dozens",
	// "several", "hundreds", "a number of", "a few".
	Vague bool
	// Year is set for a four-digit number read as a calendar year ("in
	// 2017", "March 2022", "2022-01-01").
	Year bool
	// Date is set when the number is part of a date: a year, or a day next
	// to a month name ("June 1", "1-3 March"). Callers counting things
	// should skip numbers with Date set (when.Find gives the same spans).
	Date bool
	// Percent is set for "40%", "40 percent", "40 per cent".
	Percent bool
	// Unit is the folded unit of time or measure that follows the number
	// ("hours", "days", "km", "kilometres", "tonnes"), or "". Such a
	// number measures something; it counts no people or events.
	Unit string
	// Start and End are byte offsets in the original string of the whole
	// expression including the qualifier.
	Start, End int
	// First and Last are the token index range [First, Last).
	First, Last int
}

// Numbers returns all numeric expressions in toks (the tokens of s), left
// to right and not overlapping: "21", "90,000", "1.5 million", "five",
// "twenty-one", "twenty one", "a hundred", "two dozen", "dozens", "tens of
// thousands", "a few", "several", with qualifiers ("at least 484") and
// ranges ("10-15", "between 10 and 15", "two or three"). Articles are
// never numbers ("a" alone), "one" is; ordinals are not counts (see
// Ordinal). Clock times ("10:30", "9 a.m.") are skipped. Years and day
// numbers of dates are returned with Date set so that callers can skip
// them.
func Numbers(s string, toks []Token) []Number { return AppendNumbers(nil, s, toks) }

// AppendNumbers is Numbers appending to out, so that a caller analysing
// document after document reuses one buffer.
func AppendNumbers(out []Number, s string, toks []Token) []Number {
	for i := 0; i < len(toks); {
		// Punctuation never starts a number: skip it without a call.
		if k := toks[i].Kind; k != Numeral && k != Word || !mayStartNumber(toks, i) {
			i++
			continue
		}
		if n, ok := numberAt(s, toks, i); ok {
			out = append(out, n)
			i = n.Last
			continue
		}
		i++
	}
	return out
}

// numberAt parses a number expression starting at token i.
func numberAt(s string, toks []Token, i int) (Number, bool) {
	var n Number
	// "struck twice": a count of occurrences.
	if w := toks[i].Norm; w == "twice" || w == "thrice" {
		n.Value = 2
		if w == "thrice" {
			n.Value = 3
		}
		n.Min, n.Max, n.Unit = n.Value, n.Value, "times"
		n.First, n.Last = i, i+1
		n.Start, n.End = toks[i].Start, toks[i].End
		return n, true
	}
	// "no one was hurt", "none were killed": an explicit zero.
	if w := toks[i].Norm; w == "none" || w == "nobody" || (w == "no" && i+1 < len(toks) && toks[i+1].Norm == "one") {
		n.First, n.Last = i, i+1
		if w == "no" {
			n.Last = i + 2
		}
		n.Start, n.End = toks[i].Start, toks[n.Last-1].End
		return n, true
	}
	j := i
	qual, qlen := matchPhrase(toks, j, qualifiers)
	if qlen > 0 {
		n.Qualifier = qual
		j += qlen
	}
	between := false
	if j < len(toks) && toks[j].Norm == "between" {
		between = true
		j++
	}
	// "2022-01-05", "05/01/2022": a numeric date is one Date number, so
	// that its day and month are never read as counts.
	if end, year, ok := numericDate(toks, j); ok && n.Qualifier == "" {
		n.Value, n.Min, n.Max = int64(year), int64(year), int64(year)
		n.Year, n.Date = true, true
		n.First, n.Last = i, end
		n.Start, n.End = toks[i].Start, toks[end-1].End
		return n, true
	}
	// "a 10,000-strong crowd" counts people; other figures glued to a
	// word are ages and measures ("21-year-old", "5-km") and no numbers.
	if j >= len(toks) {
		return n, false
	}
	if v, suffix, ok := gluedNumber(toks[j]); ok {
		if suffix != "strong" {
			return n, false
		}
		n.Value, n.Min, n.Max = v, v, v
		n.First, n.Last = i, j+1
		n.Start, n.End = toks[i].Start, toks[j].End
		if n.Qualifier != "" && qualKind[n.Qualifier] == qualMin {
			n.Max = 0
		}
		return n, true
	}
	v, vague, k, ok := valueAt(s, toks, j)
	if !ok {
		return n, false
	}
	if isClock(s, toks, j, k) {
		return n, false
	}
	n.Value, n.Vague = v, vague
	n.Min, n.Max = v, v
	if vague {
		n.Max = 0
	}
	// Ranges: "10-15", "10 to 15", "two or three", "between 10 and 15".
	if k+1 < len(toks) {
		sep := toks[k].Norm
		okSep := sep == "-" || sep == "to" || sep == "or" || (between && sep == "and")
		if okSep {
			if v2, vague2, k2, ok2 := valueAt(s, toks, k+1); ok2 && v2 > v && !vague2 && !isClock(s, toks, k+1, k2) {
				n.Min, n.Max = v, v2
				k = k2
			}
		}
	}
	if n.Qualifier != "" {
		switch qualKind[n.Qualifier] {
		case qualMin:
			n.Max = 0
		case qualMax:
			n.Min = 0
			if n.Max == 0 {
				n.Max = n.Value
			}
		}
	}
	if k < len(toks) && (toks[k].Text == "%" || toks[k].Norm == "percent") {
		n.Percent = true
		k++
	} else if k+1 < len(toks) && toks[k].Norm == "per" && toks[k+1].Norm == "cent" {
		n.Percent = true
		k += 2
	}
	n.First, n.Last = i, k
	n.Start, n.End = toks[i].Start, toks[k-1].End
	if k < len(toks) && measureUnitSet.Has(toks[k].Norm) {
		n.Unit = toks[k].Norm
	} else if j > 0 && (toks[j-1].Norm == "aged" || toks[j-1].Norm == "age") {
		n.Unit = "age"
	}
	markDate(toks, &n, j)
	return n, true
}

// maxCount bounds the numbers this package reads, far above any real
// count and far below int64 overflow.
const maxCount = 1e15

// valueAt parses a bare value at token j and returns the index after it.
func valueAt(s string, toks []Token, j int) (v int64, vague bool, next int, ok bool) {
	if j >= len(toks) {
		return 0, false, j, false
	}
	t := toks[j]
	if t.Kind == Numeral {
		f, isInt, ok := parseDigits(t.Text)
		if !ok {
			return 0, false, j, false
		}
		k := j + 1
		// "10 000" with a no-break or thin space between digit groups, as
		// French and Russian style (and many translations) write it.
		for isInt && len(t.Text) <= 3 && f < 1e12 && k < len(toks) && toks[k].Kind == Numeral && len(toks[k].Text) == 3 &&
			groupSpace(s[toks[k-1].End:toks[k].Start]) {
			g, _, _ := parseDigits(toks[k].Text)
			f = f*1000 + g
			k++
		}
		if k < len(toks) {
			if m, ok := scaleOf.get(toks[k].Norm); ok {
				// Round: 2.3 * 1e6 is 2299999.9999999995 in binary.
				v := math.Round(f * float64(m))
				if v > maxCount {
					return 0, false, j, false
				}
				return int64(v), false, k + 1, true
			}
		}
		if !isInt {
			return 0, false, j, false // a bare decimal is a measure, not a count
		}
		return int64(f), false, k, true
	}
	if t.Kind != Word {
		return 0, false, j, false
	}
	// Phrases: "a few", "a number of", "a dozen", "a hundred".
	if p, plen := matchPhrase(toks, j, vaguePhrases); plen > 0 {
		v := vagueValues[p]
		k := j + plen
		// "a few hundred", "several thousand", "a few dozen"
		if k < len(toks) {
			if m, ok := scaleOf.get(toks[k].Norm); ok {
				return v * m, true, k + 1, true
			}
			if toks[k].Norm == "dozen" {
				return v * 12, true, k + 1, true
			}
		}
		return v, true, k, true
	}
	if t.Norm == "a" || t.Norm == "an" {
		if j+1 < len(toks) {
			if m, ok := scaleOf.get(toks[j+1].Norm); ok && m <= 1000000000 {
				v, _, k := wordsAt(toks, j+2, m)
				return v, false, k, true
			}
			if toks[j+1].Norm == "dozen" {
				return 12, false, j + 2, true
			}
		}
		return 0, false, j, false
	}
	// Vague plurals: "dozens (of)", "hundreds of thousands".
	if pv, ok := pluralOf.get(t.Norm); ok {
		k := j + 1
		hasOf := k < len(toks) && toks[k].Norm == "of"
		if t.Norm == "tens" || t.Norm == "scores" || t.Norm == "millions" {
			if !hasOf {
				return 0, false, j, false
			}
		}
		if hasOf && k+1 < len(toks) {
			if pv2, ok := pluralOf.get(toks[k+1].Norm); ok && pv2 >= 1000 {
				return pv * pv2, true, k + 2, true
			}
		}
		return pv, true, k, true
	}
	v, n, k := wordsAt(toks, j, 0)
	if n == 0 {
		return 0, false, j, false
	}
	// "two dozen"
	if k < len(toks) && toks[k].Norm == "dozen" {
		return v * 12, false, k + 1, true
	}
	return v, false, k, true
}

// wordsAt reads number words ("twenty-one", "one hundred and five",
// "three thousand") from token j. base is a value already read ("a
// hundred" passes 100). It returns the value, the number of tokens that
// were number words and the index after them.
func wordsAt(toks []Token, j int, base int64) (int64, int, int) {
	var total, cur int64 = 0, base
	words := 0
	k := j
	// A bare scale word ("million", "hundred") counts nothing by itself.
	if _, ok := scaleOf.get(normAt(toks, j)); ok && base == 0 {
		return 0, 0, j
	}
	for k < len(toks) {
		t := toks[k]
		if t.Kind != Word {
			break
		}
		okAll := isNumberWord(t.Norm)
		if !okAll {
			// "one hundred and five": "and" is part of the number only
			// when a smaller number word follows a hundred.
			if t.Norm == "and" && cur >= 100 && k+1 < len(toks) {
				if _, ok := unitOf.get(toks[k+1].Norm); ok {
					k++
					continue
				}
			}
			break
		}
		for p := range strings.SplitSeq(t.Norm, "-") {
			if u, ok := unitOf.get(p); ok {
				cur += u
			} else if m, _ := scaleOf.get(p); m == 100 {
				if cur == 0 {
					cur = 1
				}
				cur *= 100
			} else {
				if cur == 0 {
					cur = 1
				}
				total += cur * m
				cur = 0
			}
		}
		words++
		k++
		if total > maxCount || cur > maxCount {
			return 0, 0, j // "million million million …" is no count
		}
	}
	if words == 0 && base == 0 {
		return 0, 0, j
	}
	return total + cur, words + btoi(base > 0), k
}

func normAt(toks []Token, k int) string {
	if k < len(toks) {
		return toks[k].Norm
	}
	return ""
}

// gluedNumber reads a word made of a figure, a hyphen and a word:
// "10,000-strong" → 10000, "strong"; "21-year-old" → 21, "year-old".
func gluedNumber(t Token) (int64, string, bool) {
	if t.Kind != Word || t.Norm[0] < '0' || t.Norm[0] > '9' {
		return 0, "", false
	}
	h := strings.IndexByte(t.Norm, '-')
	if h <= 0 || h == len(t.Norm)-1 {
		return 0, "", false
	}
	digits := t.Norm[:h]
	for i := 0; i < len(digits); i++ {
		if (digits[i] < '0' || digits[i] > '9') && digits[i] != ',' {
			return 0, "", false
		}
	}
	f, isInt, ok := parseDigits(digits)
	if !ok || !isInt {
		return 0, "", false
	}
	return int64(f), t.Norm[h+1:], true
}

// isNumberWord reports whether a folded word is a number word: "five",
// "hundred", or a hyphenated compound of units ("twenty-one").
func isNumberWord(w string) bool {
	if unitsAndScales.Has(w) {
		return true
	}
	i := strings.IndexByte(w, '-')
	if i < 0 {
		return false
	}
	for p := range strings.SplitSeq(w, "-") {
		if _, ok := unitOf.get(p); !ok {
			return false
		}
	}
	return true
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// groupSpace reports whether gap separates digit groups of one number: a
// no-break space, narrow no-break space or thin space.
func groupSpace(gap string) bool {
	return gap == "\u00a0" || gap == "\u202f" || gap == "\u2009"
}

// parseDigits parses "90,000", "21" or "1.5".
func parseDigits(t string) (f float64, isInt bool, ok bool) {
	// Most figures are a few plain digits: read them without the string
	// functions below.
	if len(t) <= 15 {
		n := int64(0)
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return parseDigitsSlow(t)
			}
			n = n*10 + int64(c-'0')
		}
		return float64(n), true, len(t) > 0
	}
	return parseDigitsSlow(t)
}

func parseDigitsSlow(t string) (f float64, isInt bool, ok bool) {
	clean := strings.ReplaceAll(t, ",", "")
	if strings.Contains(clean, ".") {
		f, err := strconv.ParseFloat(clean, 64)
		return f, false, err == nil
	}
	if len(clean) > 15 {
		return 0, false, false
	}
	n, err := strconv.ParseInt(clean, 10, 64)
	return float64(n), true, err == nil
}

// matchPhrase returns the longest phrase of the table starting at token j
// (compared by Norm) and its length in tokens.
func matchPhrase(toks []Token, j int, table phraseTable) (string, int) {
	if j >= len(toks) {
		return "", 0
	}
	x := table.first.Index(toks[j].Norm)
	if x < 0 {
		return "", 0
	}
	best, bestLen := "", 0
	for _, p := range table.byIndex[x] {
		if len(p.words) <= bestLen || j+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p.words[1:] {
			if toks[j+1+k].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			best, bestLen = p.joined, len(p.words)
		}
	}
	return best, bestLen
}
