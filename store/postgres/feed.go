package postgres

import "github.com/sitrep/sitrep/feed/feedsql"

// FeedService returns the feed state service of the database: what the
// watcher polled, when, with what result, and which items it has seen.
// Several watchers may share it; the last write of a feed's state wins.
func (db *DB) FeedService() *feedsql.Service {
	return &feedsql.Service{W: db.sql, R: db.sql, Dialect: db.Dialect}
}
