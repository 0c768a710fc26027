package sqldb

import (
	"strconv"
	"strings"
)

// Dialect is what differs between the SQL backends. Queries in this package
// are written with ? placeholders and rebound per dialect.
type Dialect struct {
	Name string

	// Dollar is true for PostgreSQL's $1, $2… placeholders.
	Dollar bool

	// CaseEq returns a case-insensitive equality test of col against one
	// placeholder, written so the backend can use an index.
	CaseEq func(col string) string

	// Like is the case-insensitive LIKE operator.
	Like string

	// TextMatch returns the full-text condition over the evidence sentence
	// with one placeholder, and FTSQuery turns the user's words into the
	// argument for it.
	TextMatch string
	FTSQuery  func(q string) string

	// SyncText, when set, indexes for full-text search the events with an
	// id above its one placeholder; the store runs it once per committed
	// batch of writes instead of indexing row by row.
	SyncText string
}

// Rebind replaces each ? with $n for dollar dialects. Queries in this
// package never contain a literal question mark.
func (d Dialect) Rebind(query string) string {
	if !d.Dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// SQLite is the dialect of modernc.org/sqlite with the schema of
// store/sqlite: COLLATE NOCASE columns and an FTS5 table events_fts.
var SQLite = Dialect{
	Name:      "sqlite",
	CaseEq:    func(col string) string { return col + " = ? COLLATE NOCASE" },
	Like:      "LIKE",
	TextMatch: "id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)",
	FTSQuery:  fts5Query,
	SyncText:  "INSERT INTO events_fts (rowid, evidence_text) SELECT id, evidence_text FROM events WHERE id > ?",
}

// Postgres is the dialect of store/postgres: lower() indexes and a stored
// tsvector column with a GIN index.
var Postgres = Dialect{
	Name:      "postgres",
	Dollar:    true,
	CaseEq:    func(col string) string { return "lower(" + col + ") = lower(?)" },
	Like:      "ILIKE",
	TextMatch: "evidence_tsv @@ plainto_tsquery('english', ?)",
	FTSQuery:  func(q string) string { return q },
}

// fts5Query quotes every word so FTS5 reads user input as plain terms, all
// required, never as query syntax (NEAR, column filters, unbalanced quotes).
func fts5Query(q string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool {
		return !(r == '\'' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
	}) {
		terms = append(terms, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}
