package text

import (
	"strings"
	"sync"
)

// Span is a piece of the original text.
type Span struct {
	Text       string
	Start, End int
}

// Sentences splits s into sentences with byte offsets into s, each span
// trimmed of surrounding white space (and of a leading bullet marker).
//
// A full stop, question mark, exclamation mark or ellipsis ends a sentence
// only when the next token could start one: a capitalised word, a number,
// an opening quote or bracket, or a bullet. Closing quotes and brackets
// right after the mark stay with the sentence they close ('… he said."').
// A full stop after a title or an initial never ends one ("Gen.", "Lt.
// Col.", "J. Smith"), nor after "No." or a month abbreviation followed by a
// number ("No. 5", "Jan. 1"). Initialisms keep their full stops inside one
// token ("U.S."), so they end a sentence only before a word that
// typically opens one ("… in the U.S. The army …").
//
// Line breaks matter too: a blank line always ends a sentence, so does a
// line that starts with a bullet (•, -, *) or a list number ("1."), and so
// does a single line break before a capitalised word unless the line ends
// in a word that cannot end a sentence ("the", "of", a comma) or the text
// is hard-wrapped prose (see hardWrapped) — so a headline without final
// punctuation is its own sentence while wrapped prose is not cut.
func Sentences(s string) []Span {
	// Spans keep no tokens, so a pooled token buffer serves.
	bp := tokenBufPool.Get().(*[]Token)
	toks := AppendTokens((*bp)[:0], s)
	spans := SentencesOf(s, toks)
	clear(toks) // drop references to s before pooling
	*bp = toks[:0]
	tokenBufPool.Put(bp)
	return spans
}

var tokenBufPool = sync.Pool{New: func() any { return new([]Token) }}

// SentencesOf is Sentences for callers that already tokenized s.
func SentencesOf(s string, toks []Token) []Span { return AppendSentencesOf(nil, s, toks) }

// AppendSentencesOf is SentencesOf appending to out, so that a caller
// analysing document after document reuses one buffer.
func AppendSentencesOf(out []Span, s string, toks []Token) []Span {
	wrapped, width := hardWrapped(s)
	first := -1 // first token of the current sentence
	emit := func(last int) {
		if first >= 0 && last >= first {
			a, b := toks[first].Start, toks[last].End
			out = append(out, Span{Text: s[a:b], Start: a, End: b})
		}
		first = -1
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if first < 0 {
			if isBullet(*t) && lineStart(s, t.Start) && i+1 < len(toks) {
				continue // the marker is not part of the sentence
			}
			if listNumber(s, toks, i) {
				i++
				continue
			}
			first = i
		}
		if i+1 == len(toks) {
			emit(i)
			break
		}
		next := &toks[i+1]
		// Fast path, most tokens: no gap or one space before the next
		// token, and the token is no punctuation mark and no initialism
		// ending in a full stop, so it can end no sentence.
		if e := t.End; t.Kind != Punct && t.Text[len(t.Text)-1] != '.' && (next.Start == e || next.Start == e+1 && s[e] == ' ') {
			continue
		}
		gap := s[t.End:next.Start]
		// Line-based boundaries.
		if nl := countNewlines(gap); nl > 0 {
			// A title wrapped at the end of a line: "Brig.\nGen. Turki".
			abbrev := t.Text == "." && i > first && noBreakAfter(toks, i, *next)
			if nl >= 2 || blankLine(gap) || (isBullet(*next) && lineStart(s, next.Start)) || listNumber(s, toks, i+1) ||
				(startsSentence(*next) && !continuesLine(*t) && !abbrev && (!wrapped || shortLine(s, t.End, width))) {
				emit(i)
				continue
			}
		}
		if !isTerminator(*t) {
			if t.Kind == Word && strings.HasSuffix(t.Text, ".") && strings.Contains(t.Text[:len(t.Text)-1], ".") &&
				gap != "" && opensSentence(toks, i+1) {
				emit(i) // "… in the U.S. The army …", "… at 8 a.m. "Soldiers …"
			}
			continue
		}
		if t.Text == "." && i > first && noBreakAfter(toks, i, *next) {
			continue
		}
		// Take closing quotes and brackets that touch the mark.
		j := i
		for j+1 < len(toks) && toks[j+1].Start == toks[j].End && isCloser(toks[j+1]) {
			j++
		}
		if j+1 == len(toks) {
			i = j
			emit(j)
			break
		}
		n := toks[j+1]
		if toks[j].End == n.Start && n.Kind != Punct && !(n.Kind == Word && n.IsCap() && len(n.Text) > 1) {
			continue // "example.com"; but "Iraq.He said" lost its space in scraping
		}
		if startsSentence(n) || (isBullet(n) && lineStart(s, n.Start)) {
			i = j
			emit(j)
		}
	}
	return out
}

// hardWrapped reports whether s is prose broken into lines at a fixed
// width: at least two single line breaks fall inside a sentence (the next
// line starts with a lower-case letter). In such text a single line break
// before a capital ("met President\nBiden") does not end a sentence
// unless the line is clearly shorter than the wrap width — a headline or
// a byline. It returns that width: the longest line, in bytes.
func hardWrapped(s string) (bool, int) {
	wraps, width := 0, 0
	start := 0
	for start < len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			width = max(width, len(s)-start)
			break
		}
		end += start
		width = max(width, end-start)
		j := end + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
			j++
		}
		if j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
			wraps++
		}
		start = end + 1
	}
	return wraps >= 2, width
}

// shortLine reports whether the line holding byte i is shorter than four
// fifths of width: in wrapped text only such a line (a headline) may end a
// sentence without punctuation.
func shortLine(s string, i, width int) bool {
	a := strings.LastIndexByte(s[:i], '\n') + 1
	return (i-a)*5 < width*4
}

// listNumber reports whether toks[i] starts a numbered list item: a
// number of one or two digits at the start of a line, followed directly by
// "." or ")" and then a space ("1. Gunmen attacked …", "2) Police said …").
func listNumber(s string, toks []Token, i int) bool {
	if i+2 >= len(toks) {
		return false
	}
	t := toks[i]
	return t.Kind == Numeral && len(t.Text) <= 2 && lineStart(s, t.Start) &&
		(toks[i+1].Text == "." || toks[i+1].Text == ")") && toks[i+1].Start == t.End &&
		toks[i+2].Start > toks[i+1].End
}

// countNewlines is strings.Count(gap, "\n") for the gaps between
// tokens, nearly all a single space, without a call per token.
func countNewlines(gap string) int {
	n := 0
	for i := 0; i < len(gap); i++ {
		if gap[i] == '\n' {
			n++
		}
	}
	return n
}

func isTerminator(t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text {
	case "!", "?", "…", "。", "؟", "\uFF01", "\uFF1F":
		return true
	}
	return t.Text[0] == '.'
}

func isCloser(t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Norm {
	case "\"", "'", ")", "]", "»", "’", "”":
		return true
	}
	return t.Text == "”" || t.Text == "’" || t.Text == "»"
}

func isOpener(t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Norm {
	case "\"", "'", "(", "[", "«":
		return true
	}
	return t.Text == "“" || t.Text == "‘"
}

func isBullet(t Token) bool {
	switch t.Text {
	case "•", "◦", "▪", "‣", "●", "-", "*", "–", "—", "·":
		return true
	}
	return false
}

// startsSentence reports whether t can be the first token of a sentence.
func startsSentence(t Token) bool {
	switch t.Kind {
	case Numeral:
		return true
	case Word:
		c := t.Text[0]
		return t.IsCap() || ('0' <= c && c <= '9')
	case Punct:
		return isOpener(t)
	case Symbol:
		return t.Text == "$" || t.Text == "€" || t.Text == "£"
	}
	return false
}

// opensSentence reports whether toks[k] clearly starts a new sentence
// after an initialism that may or may not end one: a capitalised word that
// usually opens sentences, or an opening quote before a capitalised word.
func opensSentence(toks []Token, k int) bool {
	t := toks[k]
	if t.Kind == Word {
		if !t.IsCap() {
			return false
		}
		if opener[t.Norm] {
			return true
		}
		// After a clock time any capitalised word opens a sentence ("at 6
		// p.m. Residents fled"), except a time zone, a day or month, or a
		// place before "time" ("6 p.m. GMT", "6 p.m. Friday", "6 p.m.
		// Kabul time").
		if p := toks[k-1].Norm; p == "a.m." || p == "p.m." {
			allCaps := strings.ToUpper(t.Text) == t.Text
			after := ""
			if k+1 < len(toks) {
				after = toks[k+1].Norm
			}
			return !allCaps && MonthOf(t.Norm) == 0 && !weekdayNames[t.Norm] && after != "time"
		}
		return false
	}
	if isOpener(t) && k+1 < len(toks) && toks[k+1].Start == t.End {
		return toks[k+1].Kind == Word && toks[k+1].IsCap()
	}
	return false
}

// continuesLine reports whether a line ending in t must go on: it ends in
// a comma, a hyphen or a word that cannot end an English sentence.
func continuesLine(t Token) bool {
	switch t.Kind {
	case Punct:
		return t.Norm == "," || t.Norm == "-" || t.Norm == ";" || t.Norm == ":" || t.Norm == "(" || isOpener(t) && t.Norm != "\"" && t.Norm != "'"
	case Word:
		return noEnd[t.Norm]
	}
	return false
}

func lineStart(s string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch s[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
			continue
		}
		if j >= 1 && s[j-1:j+1] == "\u00a0" {
			j--
			continue
		}
		return false
	}
	return true
}

func blankLine(gap string) bool {
	a := strings.IndexByte(gap, '\n')
	if a < 0 {
		return false
	}
	b := strings.IndexByte(gap[a+1:], '\n')
	return b >= 0
}

// noBreakAfter reports whether the full stop toks[i] belongs to an
// abbreviation rather than ending the sentence.
func noBreakAfter(toks []Token, i int, next Token) bool {
	prev := toks[i-1]
	if prev.End != toks[i].Start || prev.Kind != Word {
		return false
	}
	if len(prev.Text) == 1 && prev.IsCap() {
		return true // an initial: "J. Smith", "George W. Bush"
	}
	if titles[prev.Norm] {
		return true
	}
	if numberAbbr[prev.Norm] && (next.Kind == Numeral || next.Norm == "#") {
		return true
	}
	// Military units: "Co. A", "2nd Bn. 5th Marines".
	if unitAbbr[prev.Norm] && (next.Kind == Numeral || len(next.Text) == 1 && next.IsCap()) {
		return true
	}
	if next.Kind == Word && !next.IsCap() && next.Norm != "" && next.Norm[0] >= 'a' && next.Norm[0] <= 'z' {
		return true
	}
	return false
}

// titles are abbreviations after which a full stop never ends a sentence:
// they precede a name.
var titles = setOf(`gen lt col maj capt cpt sgt cpl pvt brig adm cmdr cdr mr mrs ms dr prof rev st mt ft sen rep gov pres ret
	hon amb insp supt det lieut messrs mme mlle sr jr esp approx vs v cf fig nos`)

// numberAbbr are abbreviations whose full stop ends no sentence when a
// number follows: "No. 5", "Jan. 1", "p. 12".
var numberAbbr = setOf(`no nos jan feb mar apr jun jul aug sep sept oct nov dec p pp para art vol ch sec km
	rd ave blvd hwy rte res`)

// unitAbbr are abbreviations of military units, which a number or a
// company letter may follow: "Co. A", "Bn. 3".
var unitAbbr = setOf(`co coy bn regt div bde sqn plt btn`)

// opener are words that typically start a sentence, used to decide
// whether an initialism such as "U.S." also ends one.
var opener = setOf(`the a an he she it they we i this that these those there in on at but and however meanwhile
	according his her their its our officials police`)

var weekdayNames = setOf(`monday tuesday wednesday thursday friday saturday sunday`)

// noEnd are words after which a line break cannot end a sentence.
var noEnd = setOf(`the a an of in on at to for from by with and or but as into onto over under between than that
	which who whose whom its their his her our your my this these those is are was were be been has have had
	near against during after before about amid across`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
