package text

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form used for matching: lower case, diacritics
// removed, typographic quotes and dashes replaced by their ASCII forms,
// invisible format characters (zero-width space, soft hyphen, BOM) dropped,
// and every run of white space (including NBSP) collapsed to one ASCII
// space with none at either end.
//
// Fold applies to a whole phrase the same per-character folding that
// Tokenize stores in Token.Norm, so a lexicon key written as
// "Popular Mobilisation Units" folds to the same words a tokenizer sees in
// "Popular Mobilisation Units’". Lexicons that match token by token
// should build keys with Key instead, which also splits punctuation off.
func Fold(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if isASCIISpace(c) {
				space = len(b) > 0
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isSpace(r) {
			space = len(b) > 0
			continue
		}
		n := len(b)
		if space {
			b = append(b, ' ')
		}
		b = foldRune(b, r, s[i-size:i])
		if len(b) == n+1 && space {
			b = b[:n] // the rune folded to nothing (soft hyphen): the space stays pending
			continue
		}
		space = false
	}
	return string(b)
}

// Key returns the token norms of s joined by single spaces: the key under
// which a lexicon entry should be stored so that it can be compared with
// the Norm fields of a token window. Key("U.S.-led coalition") is
// "u.s.-led coalition"; Key("Kyiv’s") is "kyiv's"; Key("Hashd, PMF") is
// "hashd , pmf".
func Key(s string) string {
	toks := Tokenize(s)
	n := 0
	for _, t := range toks {
		n += len(t.Norm) + 1
	}
	b := make([]byte, 0, n)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.Norm...)
	}
	return string(b)
}

// foldNorm appends the folded form of the token text t to b.
func foldNorm(b []byte, t string) []byte {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		b = foldRune(b, r, t[i:i+size])
		i += size
	}
	return b
}

// foldRune appends the folded form of the non-ASCII rune r, whose UTF-8
// encoding is enc, to b.
func foldRune(b []byte, r rune, enc string) []byte {
	switch r {
	case '‘', '’', '‚', '‛', '′', 'ʼ', 'ʻ', '´', '`', 'ʹ':
		return append(b, '\'')
	case '“', '”', '„', '‟', '″', '«', '»':
		return append(b, '"')
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹣', '－':
		return append(b, '-')
	case '…':
		return append(b, "..."...)
	case 'ß', 'ẞ': // capital sharp s lower-cases to ß, so both fold to "ss"
		return append(b, "ss"...)
	case 'æ', 'Æ':
		return append(b, "ae"...)
	case 'œ', 'Œ':
		return append(b, "oe"...)
	case 'ø', 'Ø':
		return append(b, 'o')
	case 'đ', 'Đ', 'ð', 'Ð':
		return append(b, 'd')
	case 'ł', 'Ł':
		return append(b, 'l')
	case 'ı':
		return append(b, 'i')
	case 'þ', 'Þ':
		return append(b, "th"...)
	case 'ـ': // Arabic tatweel only stretches a word.
		return b
	case utf8.RuneError:
		// Invalid bytes fold to U+FFFD so that they cannot join with their
		// neighbours into a different character.
		return append(b, "\uFFFD"...)
	}
	if unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) {
		return b
	}
	// Decompose (é → e + ◌́) and keep only the base characters.
	if d := norm.NFD.PropertiesString(enc).Decomposition(); d != nil {
		for i := 0; i < len(d); {
			dr, size := utf8.DecodeRune(d[i:])
			i += size
			if unicode.Is(unicode.Mn, dr) {
				continue
			}
			if dr < utf8.RuneSelf {
				c := byte(dr)
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b = append(b, c)
				continue
			}
			// The base may need folding too: "Ǿ" → "Ø" + acute → "o".
			b = foldRune(b, dr, string(d[i-size:i]))
		}
		return b
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// isSpace reports whether r separates tokens: Unicode white space plus the
// invisible separators that scraped web text is full of.
func isSpace(r rune) bool {
	switch r {
	case '\u200B', '\uFEFF', '\u2060', '\u180E':
		return true
	}
	return unicode.IsSpace(r)
}
