package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// token is a word of the text being geoparsed. Start and End are byte
// offsets into the original text; the folded form lives in the tokenizer's
// buffer at [k0, k1) so that tokenizing allocates nothing per word.
type token struct {
	start, end int
	k0, k1     int
	cap        bool // starts with an upper-case letter
	joined     bool // only spaces or a hyphen separate it from the next token
	digit      bool // contains a digit
}

// tokenize splits text into words folded like keys (see fold.go), appending
// the folded forms to buf. Apostrophes inside words vanish ("Sana'a" →
// "sanaa"), "U.S." is one token, and any punctuation other than a hyphen
// marks a break that a multi-word name cannot span.
func tokenize(text string, toks []token, buf []byte) ([]token, []byte) {
	// The token being read, if in, is the last of toks: it is appended
	// when it starts and completed in place, instead of being built aside
	// and copied in.
	in := false
	gap := 0                       // separators seen since the last token: 0 none, 1 joinable, 2 break
	spaced, hyphen := false, false // the separators include a space, a hyphen
	for i := 0; i < len(text); {
		c := text[i]
		if asciiWord[c] != 0 {
			// Fast path: a run of ASCII letters and digits, folded in one
			// pass over its bytes.
			if !in {
				toks = startToken(toks, gap, i, len(buf), c >= 'A' && c <= 'Z')
				in, spaced, hyphen = true, false, false
			}
			digit := false
			for ; i < len(text); i++ {
				lc := asciiWord[text[i]]
				if lc == 0 {
					break
				}
				digit = digit || lc <= '9' // letters are all above '9'
				buf = append(buf, lc)
			}
			if digit {
				toks[len(toks)-1].digit = true
			}
			continue
		}
		if c == ' ' {
			// Fast path: the commonest separator (the general case below
			// does the same).
			if in {
				buf = endToken(toks, buf, i)
				in, gap = false, 0
			}
			spaced = true
			if gap == 0 {
				gap = 1
			}
			if hyphen {
				gap = 2
			}
			i++
			continue
		}
		var f string
		n := 1
		var r rune
		if c < utf8.RuneSelf {
			f = foldTab[c]
			r = rune(c)
			if c == '.' && in && len(buf)-toks[len(toks)-1].k0 == 1 && i+2 < len(text) && isASCIILetter(text[i+1]) && (text[i+2] == '.') {
				// "U.S.", "U.K.": join single letters separated by dots.
				i++
				continue
			}
			if c == '\'' && !(in && i+1 < len(text) && isASCIILetter(text[i+1])) {
				f = " "
			}
			if c == '\'' && in && possessive(text, i+1) {
				f = " " // "Syria's": the name ends here, the "s" is dropped below
			}
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
			f = foldRune(r)
			if f == "" && (r == 0x2019 || r == 0x2018) && (!(in && i+n < len(text) && isLetterAt(text, i+n)) || possessive(text, i+n)) {
				f = " " // a closing quote or a possessive, not an apostrophe
			}
		}
		switch f {
		case "":
			// dropped inside a word
		case " ":
			if in && (c == '\'' || r == 0x2019) && possessive(text, i+n) {
				buf = endToken(toks, buf, i)
				in = false
				gap = 2
				i += n + 1 // the apostrophe and the s
				continue
			}
			if in {
				buf = endToken(toks, buf, i)
				in = false
				gap = 0
			}
			if c == ' ' || c == '-' || c == '\t' || r == 0x2013 || r == 0xA0 {
				dash := c == '-' || r == 0x2013
				spaced = spaced || !dash
				hyphen = hyphen || dash
				if gap == 0 {
					gap = 1
				}
				if spaced && hyphen {
					gap = 2 // "Santiago - Providencia": a dash between names, not a hyphen inside one
				}
			} else {
				gap = 2
			}
		default:
			if !in {
				toks = startToken(toks, gap, i, len(buf), unicode.IsUpper(r))
				in, spaced, hyphen = true, false, false
			}
			if c >= '0' && c <= '9' {
				toks[len(toks)-1].digit = true
			}
			buf = append(buf, f...)
		}
		i += n
	}
	if in {
		buf = endToken(toks, buf, len(text))
	}
	return toks, buf
}

// startToken appends the token starting at text offset start, its folded
// form at buf offset k0, after marking whether the separators since the
// previous one (gap) join the two.
//
// The fields are stored into the slice one by one: a token literal
// appended whole was built on the stack and copied, and the copy's wide
// loads stalled on the narrow stores just made (a third of tokenize's
// time).
func startToken(toks []token, gap, start, k0 int, cap bool) []token {
	if len(toks) > 0 {
		toks[len(toks)-1].joined = gap == 1
	}
	toks = append(toks, token{})
	t := &toks[len(toks)-1]
	t.start, t.k0, t.cap = start, k0, cap
	return toks
}

// endToken ends the last token at text offset end, its folded form at the
// end of buf.
func endToken(toks []token, buf []byte, end int) []byte {
	t := &toks[len(toks)-1]
	t.end = end
	buf = trimFinalH(buf, t.k0)
	t.k1 = len(buf)
	return buf
}

// asciiWord maps ASCII letters and digits to their folded byte, others to 0.
var asciiWord = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// possessive reports whether text[i:] is the "s" of a possessive "'s".
func possessive(text string, i int) bool {
	if i >= len(text) || text[i] != 's' {
		return false
	}
	return i+1 == len(text) || !isLetterAt(text, i+1)
}

// trimFinalH applies foldFinalH to the word that starts at buf[k0].
func trimFinalH(buf []byte, k0 int) []byte {
	n := len(buf)
	if n-k0 >= 3 && buf[n-1] == 'h' && aeiou[buf[n-2]] {
		return buf[:n-1]
	}
	return buf
}

// aeiou marks the vowels proper: isVowel's but w and y. A table keeps
// trimFinalH, and endToken with it, small enough to inline.
var aeiou = [256]bool{'a': true, 'e': true, 'i': true, 'o': true, 'u': true}
