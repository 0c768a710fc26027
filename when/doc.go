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
// reader would, does the same for "N days earlier", and — when the
// publication date is unknown — takes a missing year ("on 9 January") from
// the previous mention that gave one. Extractors should use ResolveAll.
//
// What is recognised:
//
//   - calendar dates in either order, with or without year, abbreviated
//     months and ordinals: "1 January 2022", "Jan. 1, 2022", "the 1st of
//     June", "2022-01-01", "Friday, 3 March";
//   - ranges and spans: "1-3 March", "between 1 and 3 March 2022", "from 28
//     February to 2 March", "January to March 2022", "2014-2017", "from
//     Friday to Sunday", "the 1990s";
//   - months, years and their parts: "in March", "March 2022", "since
//     2014", "early/mid/late March", "mid-2021", "the first week of March",
//     "the second half of 2021", "summer 2021";
//   - hedges and ACLED's notes: "on or around 5 March" (a day), "around 5
//     March" (a week, as ACLED codes it), "(month of)", "(week of)",
//     "(between 4 - 5 January)", "the week of", "the weekend of", "the
//     night of 3-4 March", "overnight on";
//   - relative expressions: "today", "yesterday", "tonight", "overnight",
//     weekdays ("on Friday", "last Friday", "Friday night"), "over the
//     weekend", "this/last week", "the past seven days", "in recent days",
//     "last month", "past year", "two days ago", "a fortnight ago".
//
// Matching runs over text.Tokenize tokens with small hand-written rules —
// prefixes (hedges, nights, weeks, parts, prepositions), a calendar core
// and bracketed suffixes — plus a table of relative phrases. The longest
// match at each token wins and matches never overlap. Cheap prefilters
// (one lookup per token in a vocabulary of every rule word, the position
// of the next number, month name or word that ends a relative phrase)
// let Find skip most tokens before any rule runs.
//
// False dates are worse than missed ones, so every rule demands context:
// month and weekday names must be capitalised ("they may attack", "a march
// by protesters" are not dates), a lone month needs a preposition ("in
// March") and a lone year one too ("since 2014"; "2017 people" is a count),
// a day number needs a month beside it, clock times are never days, and a
// weekday inside a name ("Good Friday", "the Sunday Times") is no date.
//
// Precision follows ACLED: 1 for a day (also "on or around" a day and
// "the night of 3-4 March"), 2 for spans of up to nine days, weekends and
// weeks, 3 for longer spans, months, parts of months and years.
package when
