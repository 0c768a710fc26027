package when

import (
	"sync"
	"time"

	"github.com/sitrep/sitrep/text"
)

// Mention is a date/time expression found in text.
type Mention struct {
	Text       string
	Start, End int // byte offsets into the searched string
	e          expr
}

// kind says how an expression is anchored.
type kind uint8

const (
	kDay       kind = iota + 1 // a calendar day or day range; year may be missing
	kMonth                     // a month (part of a month), year may be missing
	kYear                      // a calendar year
	kOffset                    // n days before publication ("yesterday", "two days ago")
	kWeekday                   // the most recent such weekday
	kWeekend                   // the last Saturday–Sunday
	kThisWeek                  // Monday of the publication week .. publication
	kLastWeek                  // the calendar week before publication
	kPastDays                  // publication-n .. publication
	kThisMonth                 // first of the publication month .. publication
	kLastMonth                 // the calendar month before publication
	kThisYear                  // 1 January of the publication year .. publication
	kLastYear                  // the calendar year before publication
	kMonthsAgo                 // the day n months before publication, coarse
	kYearsAgo                  // the day n years before publication, coarse
	kAnchor                    // n days before the previous dated mention (negative: after)
)

// expr is the parse result of a Mention, resolved later against a
// publication date.
type expr struct {
	kind       kind
	y, m, d    int // start; y == 0 when the text gives no year
	y2, m2, d2 int // end of a range; m2 == 0 when there is none
	n          int // days for kOffset/kPastDays, count for kMonthsAgo/kYearsAgo
	wd         time.Weekday
	wd2        time.Weekday // last day of a weekday range
	wdRange    bool         // "from Friday to Sunday"
	strict     bool         // "last Friday": strictly before the publication day
	part       int          // 1 early, 2 mid, 3 late part of a month or year
	prec       int          // precision forced by the text ("(month of)", "around"); 0 = derive
	night      bool         // "the night of 3-4 March": coded on the first day
	weekOf     bool         // "(week of)": the seven days from the date
	monthOf    bool         // "(month of)": the date through the end of its month
	weekendOf  bool         // "the weekend of 12 March": that day and the next
	chain      bool         // kOffset written as "N days earlier": prefer the previous mention as anchor
}

// Find returns all date expressions in s, left to right, non-overlapping,
// taking the longest match at each position.
func Find(s string) []Mention {
	// Mentions keep no tokens, so the token slice can be reused.
	b := bufPool.Get().(*buffers)
	b.toks = text.AppendTokens(b.toks[:0], s)
	ms := find(s, b.toks, b)
	clear(b.toks) // drop references to s and its norms before pooling
	b.toks = b.toks[:0]
	bufPool.Put(b)
	return ms
}

// buffers are the scratch slices of one Find call.
type buffers struct {
	toks   []text.Token
	ids    []int16
	may    []uint8
	starts []int32
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

// FindTokens is Find for callers that already tokenized s with
// text.Tokenize.
func FindTokens(s string, toks []text.Token) []Mention {
	b := bufPool.Get().(*buffers)
	ms := find(s, toks, b)
	bufPool.Put(b)
	return ms
}

// find is FindTokens with reusable slices for the token indexes.
func find(s string, toks []text.Token, buf *buffers) []Mention {
	var out []Mention
	p := parser{toks: toks, ids: buf.ids, may: buf.may, nextStart: buf.starts}
	p.indexCores()
	defer func() { buf.ids, buf.may, buf.starts = p.ids, p.may, p.nextStart }()
	for i := 0; i < len(toks); {
		if i = int(p.nextStart[i]); i == len(toks) { // skip tokens where no date starts
			break
		}
		e, end, ok := p.at(i)
		if !ok {
			i++
			continue
		}
		a, b := toks[i].Start, toks[end-1].End
		out = append(out, Mention{Text: s[a:b], Start: a, End: b, e: e})
		i = end
	}
	return out
}

// Covers reports whether one of the mentions overlaps the byte range
// [start, end). Callers counting things use it to skip numbers that belong
// to a date ("June 1", "the past 48 hours").
func Covers(ms []Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
}
