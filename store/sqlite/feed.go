package sqlite

import "github.com/sitrep/sitrep/feed/feedsql"

// FeedService returns the feed state service of the database: what the
// watcher polled, when, with what result, and which items it has seen.
func (db *DB) FeedService() *feedsql.Service {
	return &feedsql.Service{W: db.W, R: db.R, Dialect: db.Dialect}
}
