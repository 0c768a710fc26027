package text

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

const (
	Word    Kind = iota + 1 // contains at least one letter: "Raqqa", "US-led", "21st", "F-16"
	Numeral                 // digits with optional thousands separators or decimals: "21", "90,000", "1.5"
	Punct                   // punctuation: ".", ",", "“", "…", "..." (a run of full stops is one token)
	Symbol                  // symbols and anything else visible: "$", "%", "+", emoji, invalid bytes
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "Word"
	case Numeral:
		return "Numeral"
	case Punct:
		return "Punct"
	case Symbol:
		return "Symbol"
	}
	return "Kind(0)"
}

// Token is a word, number or punctuation mark. Start/End are byte offsets
// into the ORIGINAL string (s[Start:End] == Text); Norm is the folded form
// used for matching (see Fold), never empty: lower case, diacritics removed, curly
// quotes → ' or ", en/em dashes → -, "U.S." → "u.s.", apostrophes kept
// inside words ("sana'a").
type Token struct {
	Text, Norm string
	Start, End int
	Kind       Kind
}

// IsCap reports whether the token starts with an upper-case letter.
func (t Token) IsCap() bool {
	if t.Text == "" {
		return false
	}
	c := t.Text[0]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// Tokenize splits s into tokens in one left-to-right pass without regular
// expressions. Words keep internal hyphens ("US-led", "al-Shaabi",
// "F-16"), internal apostrophes ("Kyiv’s", "Sana’a") and the full stops
// of initialisms ("U.S.", "U.N.", "a.m."); numbers keep thousands
// separators and decimals ("90,000", "1.5") but not ranges ("10-15" is
// three tokens). White space, NBSP, zero-width spaces and other
// invisible characters separate tokens and never appear in one.
//
// The Norm of every token shares one backing buffer, so a whole document
// costs one slice and at most one string allocation besides the slice.
func Tokenize(s string) []Token {
	return AppendTokens(make([]Token, 0, len(s)/5+8), s)
}

// AppendTokens appends the tokens of s to dst and returns the extended
// slice, so that a caller tokenizing many documents can reuse one buffer
// (AppendTokens(buf[:0], doc)) instead of allocating a slice per document.
func AppendTokens(dst []Token, s string) []Token {
	toks := dst
	// norms collects the folded text of tokens whose Norm differs from
	// their Text; spans record where in it each one lives. Both are
	// scratch space, reused across calls: only the final string of norms
	// is kept.
	sc := scratchPool.Get().(*scratch)
	norms, spans := sc.norms[:0], sc.spans[:0]
	defer func() {
		sc.norms, sc.spans = norms[:0], spans[:0]
		scratchPool.Put(sc)
	}()
	for i := 0; i < len(s); {
		c := s[i]
		// ASCII fast path: spaces, punctuation and symbols need no rune
		// decoding; letters and digits go on to scanWord below.
		switch asciiClass[c] {
		case aSpace:
			i++
			continue
		case aPunct, aSymbol:
			kind := Punct
			if asciiClass[c] == aSymbol {
				kind = Symbol
			}
			toks = append(toks, Token{Text: s[i : i+1], Norm: s[i : i+1], Start: i, End: i + 1, Kind: kind})
			i++
			continue
		}
		if wordByte[c]&(bLetter|bDigit) != 0 {
			end, seen := asciiRun(s, i)
			if kind, ok := asciiWordEnds(s, i, end, seen); ok {
				t := Token{Text: s[i:end], Norm: s[i:end], Start: i, End: end, Kind: kind}
				if seen&bUpper != 0 {
					a := len(norms)
					norms = appendLower(norms, t.Text)
					spans = append(spans, normSpan{len(toks), a, len(norms)})
				}
				toks = append(toks, t)
				i = end
				continue
			}
		}
		var r rune = rune(c)
		size := 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case c < utf8.RuneSelf && isASCIISpace(c):
			i++
			continue
		case isWordStart(r):
			end, kind := scanWord(s, i)
			t := Token{Text: s[i:end], Start: i, End: end, Kind: kind}
			if needsFold(t.Text) {
				a := len(norms)
				norms = foldNorm(norms, t.Text)
				if len(norms) == a {
					t.Norm = t.Text // only marks or tatweel: keep them, a Norm is never empty
				} else {
					spans = append(spans, normSpan{len(toks), a, len(norms)})
				}
			} else {
				t.Norm = t.Text
			}
			toks = append(toks, t)
			i = end
			continue
		case c == '.':
			end := i + 1
			for end < len(s) && s[end] == '.' {
				end++
			}
			toks = append(toks, Token{Text: s[i:end], Norm: s[i:end], Start: i, End: end, Kind: Punct})
			i = end
			continue
		case r == utf8.RuneError && size == 1:
			toks = append(toks, Token{Text: s[i : i+1], Norm: "\uFFFD", Start: i, End: i + 1, Kind: Symbol})
			i++
			continue
		case c >= utf8.RuneSelf && (isSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r)):
			i += size
			continue
		case c < utf8.RuneSelf && c < ' ' || c == 0x7f:
			i++
			continue
		}
		kind := Punct
		if isSymbol(r) {
			kind = Symbol
		}
		t := Token{Text: s[i : i+size], Start: i, End: i + size, Kind: kind}
		if c >= utf8.RuneSelf {
			a := len(norms)
			norms = foldRune(norms, r, t.Text)
			if len(norms) == a {
				t.Norm = t.Text
			} else {
				spans = append(spans, normSpan{len(toks), a, len(norms)})
			}
		} else {
			t.Norm = t.Text
		}
		toks = append(toks, t)
		i += size
	}
	if len(spans) > 0 {
		arena := string(norms)
		for _, sp := range spans {
			toks[sp.tok].Norm = arena[sp.a:sp.b]
		}
	}
	return toks
}

type normSpan struct{ tok, a, b int }

type scratch struct {
	norms []byte
	spans []normSpan
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// needsFold reports whether Norm differs from Text: the text has an
// upper-case ASCII letter or any non-ASCII byte.
func needsFold(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return true
		}
	}
	return false
}

// ASCII byte classes for the tokenizer's fast path.
const (
	aOther  = iota // letters, digits, '.', controls and non-ASCII: the slow path
	aSpace         // white space
	aPunct         // single-byte punctuation other than '.'
	aSymbol        // single-byte symbols
)

var asciiClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case isASCIISpace(byte(c)):
			t[c] = aSpace
		case c == '.' || c < ' ' || c == 0x7f || asciiLetter[c] || ('0' <= c && c <= '9'):
			t[c] = aOther
		case isSymbol(rune(c)):
			t[c] = aSymbol
		default:
			t[c] = aPunct
		}
	}
	return t
}()

// asciiLetter marks the bytes A-Z and a-z.
var asciiLetter = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = true, true
	}
	return t
}()

func isWordStart(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isWordInner reports whether r continues a word without being able to
// start one: combining marks, joiners and the soft hyphen.
func isWordInner(r rune) bool {
	switch r {
	case '\u200C', '\u200D', '\u00AD':
		return true
	}
	return r >= utf8.RuneSelf && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Me, r))
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isSymbol(r rune) bool {
	switch r {
	case '%', '#', '&', '@', '$':
		return true
	}
	if r < utf8.RuneSelf {
		return r == '+' || r == '<' || r == '=' || r == '>' || r == '^' || r == '`' || r == '|' || r == '~'
	}
	return unicode.IsSymbol(r) || !unicode.IsPunct(r)
}

func decodeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Byte classes for the ASCII word path (asciiRun, asciiWordEnds).
const (
	bLetter = 1 << iota // A-Z, a-z
	bDigit              // 0-9
	bUpper              // A-Z
	bStop               // an ASCII byte that always ends a word: all but letters, digits and , . ' -
)

var wordByte = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = bLetter | bUpper
		case 'a' <= c && c <= 'z':
			t[c] = bLetter
		case '0' <= c && c <= '9':
			t[c] = bDigit
		case c == ',' || c == '.' || c == '\'' || c == '-':
		default:
			t[c] = bStop
		}
	}
	return t
}()

// asciiRun returns the end of the run of ASCII letters and digits at i
// and the byte classes seen in it.
func asciiRun(s string, i int) (int, uint8) {
	var seen uint8
	for ; i < len(s); i++ {
		b := wordByte[s[i]]
		if b&(bLetter|bDigit) == 0 {
			break
		}
		seen |= b
	}
	return i, seen
}

// asciiWordEnds reports whether the run s[i:end] of ASCII letters and
// digits, with byte classes seen, is a whole token as scanWord would cut
// it, and its kind: the common case, a run ended by a byte that ends
// every word. It says no on the bytes where scanWord has a choice to
// make: separators (, . ' -) that may continue the token, and non-ASCII
// bytes. A comma after letters, and a full stop after two or more of
// them, end a word in scanWord as well, so those are taken here too.
func asciiWordEnds(s string, i, end int, seen uint8) (Kind, bool) {
	if end < len(s) {
		c := s[end]
		if wordByte[c]&bStop == 0 && !(seen&bLetter != 0 && (c == ',' || c == '.' && end-i > 1)) {
			return 0, false
		}
	}
	if seen&bLetter != 0 {
		return Word, true
	}
	return Numeral, true
}

// appendLower appends the ASCII text t to b in lower case.
func appendLower(b []byte, t string) []byte {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// scanWord returns the end of the word or number starting at i and its kind.
func scanWord(s string, i int) (int, Kind) {
	hasLetter := false
	seg := 0      // letters in the current full-stop-separated segment
	abbr := false // saw an initialism full stop ("U.S")
	lastDigit := false
	allDigits := true // only digits and separators so far
	j := i
	for j < len(s) {
		// Fast path: a run of ASCII letters.
		if c := s[j]; asciiLetter[c] {
			k := j + 1
			for k < len(s) && asciiLetter[s[k]] {
				k++
			}
			hasLetter, allDigits, lastDigit = true, false, false
			seg += k - j
			j = k
			continue
		}
		r, size := decodeAt(s, j)
		switch {
		case isLetter(r):
			hasLetter, allDigits, lastDigit = true, false, false
			seg++
			j += size
			continue
		case isDigit(r):
			lastDigit = true
			seg += 2 // a digit never makes a one-letter initial
			j += size
			continue
		case isWordInner(r):
			j += size
			continue
		}
		next, nsize := decodeAt(s, j+size)
		switch {
		case r == ',' && allDigits && lastDigit && threeDigits(s, j+1):
			j += 1 + 3
			continue
		case r == '.' && allDigits && lastDigit && isDigit(next):
			j++
			continue
		case r == '.' && !allDigits && seg == 1 && isLetter(next):
			// "U.S", "e.g": one letter, a full stop, another letter.
			abbr = true
			seg = 0
			j++
			continue
		case r == '.' && abbr && seg == 1:
			// The closing full stop of "U.S." belongs to the word, and so
			// does a hyphenated tail: "U.S.-led".
			j++
			if isHyphen(next) {
				if r2, _ := decodeAt(s, j+nsize); isLetter(r2) {
					continue
				}
			}
		case isApostrophe(r) && hasLetter && isLetter(next):
			j += size
			seg = 0
			continue
		case isHyphen(r) && (isLetter(next) || (hasLetter && isDigit(next))):
			j += size
			seg = 0
			allDigits = false
			continue
		}
		break
	}
	if hasLetter || !allDigits {
		return j, Word
	}
	return j, Numeral
}

// threeDigits reports whether s[i:] starts with exactly three ASCII digits.
func threeDigits(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return i+3 == len(s) || s[i+3] < '0' || s[i+3] > '9'
}

// SplitHyphen returns the parts of a hyphenated word as tokens with their
// own offsets and norms: "US-led" → "US", "led". Hyphens are dropped.
// A token without a hyphen comes back alone.
func SplitHyphen(t Token) []Token {
	parts := AppendHyphenParts(nil, t)
	if parts == nil {
		return []Token{t}
	}
	return parts
}

// AppendHyphenParts appends the parts of a hyphenated word to parts, as
// SplitHyphen returns them, so that a caller splitting word after word
// reuses one buffer. It appends nothing when no part comes before a
// hyphen, where SplitHyphen returns t alone.
func AppendHyphenParts(parts []Token, t Token) []Token {
	n0 := len(parts)
	a := 0
	for i := 0; i < len(t.Text); {
		r, size := decodeAt(t.Text, i)
		if isHyphen(r) {
			if i > a {
				parts = append(parts, subToken(t, a, i))
			}
			a = i + size
		}
		i += size
	}
	if len(parts) == n0 {
		return parts
	}
	if a < len(t.Text) {
		parts = append(parts, subToken(t, a, len(t.Text)))
	}
	return parts
}

func subToken(t Token, a, b int) Token {
	text := t.Text[a:b]
	p := Token{Text: text, Start: t.Start + a, End: t.Start + b, Kind: Numeral}
	for i := 0; i < len(text); {
		r, size := decodeAt(text, i)
		if !isDigit(r) {
			p.Kind = Word
			break
		}
		i += size
	}
	if needsFold(text) {
		p.Norm = string(foldNorm(nil, text))
	}
	if p.Norm == "" {
		p.Norm = text
	}
	return p
}
