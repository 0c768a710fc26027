// Package text is sitrep's text layer: tokens with byte offsets, folded
// forms for matching, sentence spans and numeric expressions.
//
// Every position this package reports is a byte offset into the string the
// caller passed in, never into a normalised copy, because event evidence
// must point into the text the user gave. Normalisation therefore lives
// beside the text, not in place of it: each Token carries Text (the
// original bytes) and Norm (the folded form: lower case, no diacritics,
// ASCII quotes and dashes). Fold produces the same folding for a whole
// phrase and Key the token-by-token form lexicons store, so dictionary
// keys and token windows compare with ==.
//
// The pipeline is the one Bleve's analysis package uses — char handling,
// tokenizer, token filters — collapsed into one pass for speed:
// Tokenize classifies runes, keeps hyphenated words, apostrophes and
// initialisms whole, and folds only the tokens that need it into one
// shared buffer. Sentences and Numbers run over the token slice, so a
// caller that needs all three tokenizes once (SentencesOf, Numbers).
//
// Speed comes from doing little per byte: an ASCII class table decides
// spaces and punctuation without decoding runes, runs of ASCII letters are
// scanned in a tight loop, and folded forms are written into one buffer
// converted to a string once. Most of what remains is allocating the
// token slice; callers tokenizing many documents reuse one with
// AppendTokens. For matchers that need a different view of the tokens
// (hyphenated words split, punctuation or stop words dropped), Analyzer
// chains TokenFilters after the tokenizer, Bleve style.
//
// Numbers follows ACLED's coding conventions for vague amounts ("dozens"
// = 12, "hundreds" = 100) and keeps hedges ("at least") and ranges apart
// from the value, so the extractor can decide what a figure means. Date
// parts (years, day numbers beside month names) are flagged, not dropped,
// and so are measures (Number.Unit: "48 hours", "5 km", "aged 45"); a
// caller counting people or events skips numbers with Date or Unit set.
// Package when parses the dates themselves.
package text
