package text

// TokenFilter is one stage after the tokenizer, as in Bleve's analysis
// chains: it rewrites a token stream and never fails. Filters may drop,
// split or rewrite tokens but must keep offsets pointing into the
// original string.
type TokenFilter interface {
	Filter(toks []Token) []Token
}

// FilterFunc adapts a function to TokenFilter.
type FilterFunc func(toks []Token) []Token

// Filter calls f.
func (f FilterFunc) Filter(toks []Token) []Token { return f(toks) }

// Analyzer runs Tokenize and then its filters in order. The zero Analyzer
// is Tokenize.
type Analyzer struct {
	Filters []TokenFilter
}

// Analyze tokenizes s and applies the filters.
func (a Analyzer) Analyze(s string) []Token {
	toks := Tokenize(s)
	for _, f := range a.Filters {
		toks = f.Filter(toks)
	}
	return toks
}

// SplitHyphens replaces every hyphenated word by its parts ("US-led" →
// "US", "led"), for matchers that look for the parts: a gazetteer finding
// "Syrian" in "pro-Syrian-government", a lexicon finding "backed".
var SplitHyphens TokenFilter = FilterFunc(func(toks []Token) []Token {
	out := toks[:0:0]
	for _, t := range toks {
		if t.Kind == Word {
			out = append(out, SplitHyphen(t)...)
			continue
		}
		out = append(out, t)
	}
	return out
})

// DropPunct removes punctuation tokens, for bag-of-words matching.
var DropPunct TokenFilter = FilterFunc(func(toks []Token) []Token {
	out := toks[:0:0]
	for _, t := range toks {
		if t.Kind != Punct {
			out = append(out, t)
		}
	}
	return out
})

// StopWords returns a filter that drops tokens whose Norm is in words
// (give folded forms: "the", "of").
func StopWords(words ...string) TokenFilter {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[Fold(w)] = true
	}
	return FilterFunc(func(toks []Token) []Token {
		out := toks[:0:0]
		for _, t := range toks {
			if !set[t.Norm] {
				out = append(out, t)
			}
		}
		return out
	})
}
