package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Names are indexed under two normalised forms.
//
// The key (Key) folds what never distinguishes two places in English
// reporting: case, diacritics, apostrophes and ayn/hamza marks ("Sana'a" =
// "Sanaa"), hyphens and spaces, and the Arabic article in all its assimilated
// forms ("Ar-Raqqah" = "Raqqah", "Deir ez-Zor" = "Deir Zor").
//
// The skeleton (Skeleton) is a looser, transliteration-proof form of a key:
// vowels, w and y after the first letter are dropped, q becomes k, a trailing
// or post-consonant h goes and doubled letters collapse, so that "Deir
// al-Zour", "Dayr az Zawr" and "Deir ez-Zor" all become "dr zr". Skeleton
// matches are only a fallback, scored lower than key matches.

// articles are the Arabic definite article and its sun-letter assimilations
// as they appear in transliterations. They are dropped from keys.
var articles = map[string]bool{
	"al": true, "el": true, "ar": true, "as": true, "ash": true, "at": true, "ad": true,
	"an": true, "az": true, "ez": true, "es": true, "ed": true, "er": true, "en": true,
	"ul": true, "ud": true, "ur": true, "us": true, "un": true, "ut": true,
	"ال": true,
}

// isArticle reports whether a folded token is an Arabic article.
func isArticle(tok string) bool { return articles[tok] }

// foldTab maps the runes below 0x2000 (Latin, Greek, Cyrillic, Arabic) to
// their folded form: "" drops the rune silently (marks, apostrophes), " "
// separates tokens, anything else is appended.
var foldTab [0x2000]string

func init() {
	for r := rune(0); r < 0x2000; r++ {
		foldTab[r] = foldRuneSlow(r)
	}
}

func foldRuneSlow(r rune) string {
	switch r {
	case '\'', '`', 0xB4, 0x2BB, 0x2BC, 0x2BD, 0x2BE, 0x2BF, 0x2C8: // apostrophes, ayn, hamza
		return ""
	case 'ß':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'ł', 'Ł':
		return "l"
	case 'ı':
		return "i"
	case 'þ', 'Þ':
		return "th"
	case 'ħ', 'Ħ':
		return "h"
	case 'أ', 'إ', 'آ', 'ٱ':
		return "ا"
	case 'ة':
		return "ه"
	case 'ى':
		return "ي"
	}
	if unicode.IsMark(r) {
		return ""
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return " "
	}
	if r < 0x80 {
		return string(unicode.ToLower(r))
	}
	if l := unicode.ToLower(r); l != r {
		return foldRuneSlow(l) // "ẞ" → "ß" → "ss"
	}
	// Decompose and keep the base letters: "Ḩ" → "h", "ā" → "a", "ǣ" → "ae".
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		switch {
		case unicode.IsMark(d):
		case d != r && d >= 0x80:
			b.WriteString(foldRuneSlow(d))
		default:
			b.WriteRune(unicode.ToLower(d))
		}
	}
	return b.String()
}

// foldRune returns the folded form of r, as described at foldTab.
func foldRune(r rune) string {
	if r >= 0 && r < 0x2000 {
		return foldTab[r]
	}
	switch r {
	case 0x2018, 0x2019, 0x201B, 0x2032: // ‘ ’ ‛ ′
		return ""
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		if l := unicode.ToLower(r); l != r {
			return foldRune(l) // "K" (Kelvin sign) → "k"
		}
		return foldRuneSlow(r)
	}
	if unicode.IsMark(r) {
		return ""
	}
	return " "
}

// Key returns the normalised form of a place name under which the gazetteer
// indexes and looks up names: lower case, no diacritics or apostrophes,
// tokens separated by single spaces, Arabic articles dropped unless nothing
// else is left.
func Key(name string) string {
	return string(appendKey(nil, name))
}

// appendKey appends the key of name to dst.
func appendKey(dst []byte, name string) []byte {
	start := len(dst)
	sep := true // at a token boundary
	for i := 0; i < len(name); {
		c := name[i]
		var f string
		if c < utf8.RuneSelf {
			f = foldTab[c]
			i++
		} else {
			r, n := utf8.DecodeRuneInString(name[i:])
			f = foldRune(r)
			i += n
		}
		switch f {
		case "":
		case " ":
			sep = true
		default:
			if sep && len(dst) > start {
				dst = append(dst, ' ')
			}
			sep = false
			dst = append(dst, f...)
		}
	}
	return dropArticles(foldFinalH(dst, start), start)
}

// foldFinalH drops the h of a word-final vowel+h ("Raqqah" = "Raqqa",
// "Hodeidah" = "Hodeida"), the commonest transliteration difference in
// Arabic and Persian names.
func foldFinalH(dst []byte, start int) []byte {
	out := dst[:start]
	for i := start; i < len(dst); {
		j := i
		for j < len(dst) && dst[j] != ' ' {
			j++
		}
		if len(out) > start {
			out = append(out, ' ')
		}
		k0 := len(out)
		out = append(out, dst[i:j]...)
		out = trimFinalH(out, k0)
		i = j + 1
	}
	return out
}

// dropArticles removes article tokens from dst[start:] unless every token is
// one. Arabic-script tokens also lose an attached "ال".
func dropArticles(dst []byte, start int) []byte {
	key := dst[start:]
	if !hasArticle(key) {
		return dst
	}
	var out []byte
	for _, tok := range strings.Fields(string(key)) {
		if isArticle(tok) {
			continue
		}
		for strings.HasPrefix(tok, "ال") && utf8.RuneCountInString(tok) > 4 {
			tok = tok[len("ال"):]
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, tok...)
	}
	if len(out) == 0 {
		return dst
	}
	return append(dst[:start], out...)
}

// hasArticle is a quick check that saves the slow path for most names.
func hasArticle(key []byte) bool {
	for i := 0; i < len(key); {
		j := i
		for j < len(key) && key[j] != ' ' {
			j++
		}
		if j-i <= 3 && articles[string(key[i:j])] {
			return true
		}
		if j-i > 4 && key[i] == 0xD8 && key[i+1] == 0xA7 { // starts with Arabic alef
			return true
		}
		i = j + 1
	}
	return false
}

// Skeleton returns the transliteration-proof form of a key (see above).
func Skeleton(key string) string {
	return string(appendSkeleton(nil, key))
}

func appendSkeleton[S ~string | ~[]byte](dst []byte, key S) []byte {
	first := true
	var prev byte
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c == ' ' {
			dst = append(dst, ' ')
			first, prev = true, 0
			continue
		}
		if c >= utf8.RuneSelf { // non-Latin scripts keep their letters
			dst = append(dst, c)
			prev = c
			first = false
			continue
		}
		if first {
			first = false
			switch c {
			case 'a', 'e', 'i', 'o', 'u':
				c = 'a'
			case 'q':
				c = 'k'
			}
			dst = append(dst, c)
			prev = c
			continue
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
			prev = c
			continue
		case 'q', 'c':
			c = 'k'
		case 'h':
			if !isVowel(prev) || i+1 == len(key) || key[i+1] == ' ' {
				continue // kh, sh, th, dh, gh and a final h
			}
		}
		if c == prev {
			continue
		}
		dst = append(dst, c)
		prev = c
	}
	return dst
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w':
		return true
	}
	return false
}
