// Package when finds date expressions in English news text and resolves
// them to ACLED-style date windows.
//
// Finding and resolving are separate steps because a document's
// publication date is often unknown when its text is read: Find returns
// Mentions with byte offsets into the searched string (so the extractor can
// attach the expression as written), and Mention.Resolve turns one into a
// Date window once a publication date is (or is not) available. Without
// one, relative expressions ("on Friday", "June 1", "the past week") come
// back unresolved but with their ACLED time precision, instead of a guess.
//
// Some expressions count from another event, not from publication: "the
// next day", "two days later", "on the same day". Resolve leaves them
// unresolved; ResolveAll, which resolves a document's mentions in order,
// counts them from the previous mention that named a day or a week, as a
// reader would, and does the same for "N days earlier".
//
// Matching runs over text.Tokenize tokens with small hand-written rules —
// prefixes (hedges such as "on or around", nights, "early/mid/late",
// prepositions), a calendar core (day-month-year in either order, ISO,
// ranges, months, years) and ACLED's bracketed suffixes ("(month of)",
// "(week of)") — plus a table of relative phrases. The longest match at
// each token wins and matches never overlap.
//
// False dates are worse than missed ones, so every rule demands context:
// month and weekday names must be capitalised ("they may attack", "a march
// by protesters" are not dates), a lone month needs a preposition ("in
// March") and a lone year one too ("since 2014"; "2017 people" is a count),
// a day number needs a month beside it, and clock times are never days.
//
// Precision follows ACLED: 1 for a day (also "on or around" a day and
// "the night of 3-4 March"), 2 for spans of up to seven days, weekends and
// weeks, 3 for longer spans, months, parts of months and years.
package when
