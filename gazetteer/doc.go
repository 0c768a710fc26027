// Package gazetteer finds place names in text and resolves them to places,
// offline, from GeoNames data embedded in the binary (CC BY 4.0, ©
// GeoNames). It implements sitrep.Geoparser.
//
// Geoparse runs small stages over one document, each in its own file:
//
//	tokenize.go      words with byte offsets, folded like keys (fold.go)
//	mentions.go      one pass: the longest run of words that is a key of the
//	                 hash index (hashindex.go); transliteration skeletons as
//	                 a fallback
//	regions.go       "X (Y)", "X, Y": Y the region containing X, or X unknown
//	context.go       "near X", "north of X", "X district", "X province"
//	gates.go         common words, people, organisations, acronyms
//	resolve.go       country evidence, containment, nearness, scores
//
// Load reads the line-record format described in load.go, so that users
// can add places; Default loads the embedded files once.
package gazetteer
