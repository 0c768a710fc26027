package when

import (
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/text"
)

// relRule is a relative expression: a phrase pattern and what it means.
// In patterns, "N" is a count ("two", "3", "a", "a few") and "a|b" are
// alternatives.
type relRule struct {
	pat  [][]string
	e    expr
	prec int
	unit int // for patterns with N: days per N (1, 7), or 0 for months/years
}

func rule(pat string, e expr, prec int) relRule {
	var out [][]string
	for _, w := range strings.Fields(pat) {
		out = append(out, strings.Split(w, "|"))
	}
	e.prec = prec
	return relRule{pat: out, e: e}
}

// relRules lists the relative expressions sitrep resolves against the
// publication day (day 0). Lead-ins such as "in", "over", "during" are
// allowed before any of them.
var relRules = []relRule{
	rule("today", expr{kind: kOffset}, 1),
	rule("earlier|later today", expr{kind: kOffset}, 1),
	rule("this morning|afternoon|evening", expr{kind: kOffset}, 1),
	rule("early|late this morning|afternoon|evening", expr{kind: kOffset}, 1),
	rule("tonight", expr{kind: kOffset}, 1),
	rule("yesterday", expr{kind: kOffset, n: 1}, 1),
	rule("yesterday morning|afternoon|evening", expr{kind: kOffset, n: 1}, 1),
	rule("late|early yesterday", expr{kind: kOffset, n: 1}, 1),
	rule("last night", expr{kind: kOffset, n: 1}, 1),
	// "shelled Kharkiv overnight": the night before publication, coded on
	// its first day. "overnight on 3 March" is longer and wins.
	rule("overnight", expr{kind: kOffset, n: 1}, 1),
	rule("late|earlier last night", expr{kind: kOffset, n: 1}, 1),
	rule("the day before yesterday", expr{kind: kOffset, n: 2}, 1),
	rule("tomorrow", expr{kind: kOffset, n: -1}, 1),

	rule("this week", expr{kind: kThisWeek}, 2),
	rule("earlier this week", expr{kind: kThisWeek}, 2),
	rule("earlier in the week", expr{kind: kThisWeek}, 2),
	rule("at the start|beginning of the|this week", expr{kind: kThisWeek}, 2),
	rule("last|previous week", expr{kind: kLastWeek}, 2),
	rule("early|late last week", expr{kind: kLastWeek}, 2),
	rule("early|late last month", expr{kind: kLastMonth}, 3),
	rule("early|late last year", expr{kind: kLastYear}, 3),
	rule("the previous week", expr{kind: kLastWeek}, 2),
	rule("earlier last week", expr{kind: kLastWeek}, 2),
	rule("past week", expr{kind: kPastDays, n: 7}, 2),
	rule("the past|last week", expr{kind: kPastDays, n: 7}, 2),
	rule("the past|last seven|7 days", expr{kind: kPastDays, n: 7}, 2),
	rule("the past|last 24 hours", expr{kind: kPastDays, n: 1}, 2),
	rule("the past|last 48 hours", expr{kind: kPastDays, n: 2}, 2),
	rule("the past|last few days", expr{kind: kPastDays, n: 3}, 2),
	rule("the past|last couple of days", expr{kind: kPastDays, n: 2}, 2),
	rule("the past|last fortnight", expr{kind: kPastDays, n: 14}, 3),
	rule("recent days", expr{kind: kPastDays, n: 7}, 2),
	rule("recent weeks", expr{kind: kPastDays, n: 30}, 3),
	rule("recent months", expr{kind: kPastDays, n: 180}, 3),
	{pat: pat("the past|last N days"), e: expr{kind: kPastDays}, unit: 1},
	{pat: pat("past|last N days"), e: expr{kind: kPastDays}, unit: 1},
	{pat: pat("the past|last N weeks"), e: expr{kind: kPastDays}, unit: 7},
	{pat: pat("the past|last N months"), e: expr{kind: kPastDays}, unit: 30},
	{pat: pat("the past|last N years"), e: expr{kind: kPastDays}, unit: 365},

	rule("over|during|at|on the weekend", expr{kind: kWeekend}, 2),
	rule("this|last|past weekend", expr{kind: kWeekend}, 2),
	rule("this past weekend", expr{kind: kWeekend}, 2),
	rule("over|during|at the past|last weekend", expr{kind: kWeekend}, 2),

	rule("this month", expr{kind: kThisMonth}, 3),
	rule("earlier|later this month", expr{kind: kThisMonth}, 3),
	rule("earlier in the month", expr{kind: kThisMonth}, 3),
	rule("last|past|previous month", expr{kind: kLastMonth}, 3),
	rule("the previous month", expr{kind: kLastMonth}, 3),
	rule("the past|last month", expr{kind: kPastDays, n: 30}, 3),
	rule("this year", expr{kind: kThisYear}, 3),
	rule("earlier this year", expr{kind: kThisYear}, 3),
	rule("last|past|previous year", expr{kind: kLastYear}, 3),
	rule("the previous year", expr{kind: kLastYear}, 3),
	rule("the past|last year", expr{kind: kPastDays, n: 365}, 3),
	rule("the past|last 12|twelve months", expr{kind: kPastDays, n: 365}, 3),

	{pat: pat("N days ago"), e: expr{kind: kOffset, prec: 1}, unit: 1},
	{pat: pat("N weeks ago"), e: expr{kind: kOffset, prec: 2}, unit: 7},
	{pat: pat("N days earlier"), e: expr{kind: kOffset, prec: 1, chain: true}, unit: 1},
	{pat: pat("N weeks earlier"), e: expr{kind: kOffset, prec: 2, chain: true}, unit: 7},
	rule("a day earlier", expr{kind: kOffset, n: 1, chain: true}, 1),
	rule("a week earlier", expr{kind: kOffset, n: 7, chain: true}, 2),

	// Anchored to the previous dated mention; see ResolveAll. "Two days
	// after the raid" and "the day before the vote" count from an event
	// named after them, not from an earlier date, so they are not here.
	{pat: pat("N days later"), e: expr{kind: kAnchor, prec: 1}, unit: -1},
	{pat: pat("N weeks later"), e: expr{kind: kAnchor, prec: 2}, unit: -7},
	rule("a day later", expr{kind: kAnchor, n: -1}, 1),
	rule("a week later", expr{kind: kAnchor, n: -7}, 2),
	rule("the next|following day|morning|night|evening", expr{kind: kAnchor, n: -1}, 1),
	rule("the previous|preceding day|night|evening", expr{kind: kAnchor, n: 1}, 1),
	rule("the same day|night", expr{kind: kAnchor}, 1),
	rule("later|earlier that day|night|evening|morning", expr{kind: kAnchor}, 1),
	rule("that same day", expr{kind: kAnchor}, 1),
	{pat: pat("N months ago|earlier"), e: expr{kind: kMonthsAgo, prec: 3}},
	{pat: pat("N years ago|earlier"), e: expr{kind: kYearsAgo, prec: 3}},
	rule("a day ago", expr{kind: kOffset, n: 1}, 1),
	rule("a week ago", expr{kind: kOffset, n: 7}, 2),
	rule("a fortnight ago", expr{kind: kOffset, n: 14}, 2),
	rule("a month ago|earlier", expr{kind: kMonthsAgo, n: 1}, 3),
	rule("a year ago|earlier", expr{kind: kYearsAgo, n: 1}, 3),
}

func pat(s string) [][]string { return rule(s, expr{}, 0).pat }

// span is the most tokens r can match: a count takes up to three ("a
// couple of").
func (r relRule) span() int {
	n := 0
	for _, alts := range r.pat {
		if len(alts) == 1 && alts[0] == "N" {
			n += 3
		} else {
			n++
		}
	}
	return n
}

// rulesAt holds the relRules by the vocab id of a word they can start
// with, rulesN those that start with a count ("N": "two days ago", "a
// few weeks ago").
var (
	rulesAt [][]int
	rulesN  []int
	// singleAt and singleN keep, in the same order, only the rules one
	// token long: all that can match when the next word is in no rule.
	singleAt [][]int
	singleN  []int
)

func init() {
	byFirst := map[string][]int{}
	for i, r := range relRules {
		for _, w := range r.pat[0] {
			byFirst[w] = append(byFirst[w], i)
		}
	}
	// "a few days ago", "several weeks ago" start with a count too.
	for _, w := range []string{"a", "several"} {
		byFirst[w] = append(byFirst[w], byFirst["N"]...)
	}
	for w, rules := range byFirst {
		id := addWord(w, 0)
		if id >= len(rulesAt) {
			rulesAt = append(rulesAt, make([][]int, id+1-len(rulesAt))...)
			singleAt = append(singleAt, make([][]int, id+1-len(singleAt))...)
		}
		rulesAt[id], singleAt[id] = rules, singleTokenRules(rules)
	}
	rulesN = byFirst["N"]
	singleN = singleTokenRules(rulesN)
}

func singleTokenRules(rules []int) []int {
	var out []int
	for _, ri := range rules {
		if len(relRules[ri].pat) == 1 {
			out = append(out, ri)
		}
	}
	return out
}

// relLeadIns may come before a relative expression: "in the past week".
var relLeadIns = strings.Fields(`in over during within throughout for on at since`)

// relative matches the longest relative expression at token i, after an
// optional lead-in ("in the past week").
func (p *parser) relative(i int) (expr, int, bool) {
	best, bestEnd := expr{}, 0
	for _, start := range [2]int{i, i + 1} {
		if start == i+1 && p.flags(i)&fLeadIn == 0 {
			break
		}
		if start >= len(p.toks) {
			break
		}
		count := p.toks[start].Kind == text.Numeral || p.flags(start)&fSmallNumber != 0
		id := int(p.ids[start])
		if !count && (id < 0 || id >= len(rulesAt) || rulesAt[id] == nil) {
			continue
		}
		// Most "the …", "a …", "in …" go on with a word no rule has, and
		// then only the one-token rules can match.
		nextOK := p.flags(start+1)&fRuleWord != 0 || start+1 < len(p.toks) && p.toks[start+1].Kind == text.Numeral
		var rules []int
		switch {
		case count && nextOK:
			rules = rulesN
		case count:
			rules = singleN
		case nextOK:
			rules = rulesAt[id]
		default:
			rules = singleAt[id]
		}
		for _, ri := range rules {
			r := &relRules[ri]
			end, n, ok := p.matchRule(r.pat, start)
			if !ok || end <= bestEnd {
				continue
			}
			e := r.e
			if r.prec != 0 {
				e.prec = r.prec
			}
			if n >= 0 {
				switch e.kind {
				case kOffset, kPastDays, kAnchor:
					e.n = n * r.unit
				default:
					e.n = n
				}
				if e.kind == kPastDays {
					e.prec = 2
					if e.n > 7 {
						e.prec = 3
					}
				}
			}
			best, bestEnd = e, end
		}
	}
	return best, bestEnd, bestEnd > 0
}

// matchRule matches pattern at token k and returns the end, the value of
// the N slot (-1 when there is none) and whether it matched.
func (p *parser) matchRule(pat [][]string, k int) (int, int, bool) {
	n := -1
	for _, alts := range pat {
		if k >= len(p.toks) {
			return 0, 0, false
		}
		if len(alts) == 1 && alts[0] == "N" {
			v, next, ok := p.count(k)
			if !ok {
				return 0, 0, false
			}
			n, k = v, next
			continue
		}
		found := false
		for _, a := range alts {
			if p.toks[k].Norm == a {
				found = true
				break
			}
		}
		if !found {
			return 0, 0, false
		}
		k++
	}
	return k, n, true
}

// count reads a small count: "3", "three", "a few", "several", "a couple of".
func (p *parser) count(k int) (int, int, bool) {
	t := p.toks[k]
	if t.Kind == text.Numeral && len(t.Text) <= 3 {
		if v, err := strconv.Atoi(t.Text); err == nil && v > 0 {
			return v, k + 1, true
		}
	}
	if v, ok := smallNumbers[t.Norm]; ok {
		return v, k + 1, true
	}
	switch {
	case t.Norm == "a" && p.norm(k+1) == "few":
		return 3, k + 2, true
	case t.Norm == "a" && p.norm(k+1) == "couple" && p.norm(k+2) == "of":
		return 2, k + 3, true
	case t.Norm == "several":
		return 3, k + 1, true
	}
	return 0, k, false
}

var smallNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}
