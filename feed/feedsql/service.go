// Package feedsql implements sitrep.FeedService over database/sql once for
// both SQL backends, as package sqldb does for documents: store/sqlite and
// store/postgres each run the feeds migration and hand this package their
// connection pools and sqldb.Dialect.
package feedsql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/store/sqldb"
)

// Service keeps feed state and the items each feed has listed.
type Service struct {
	W       *sql.DB // writes
	R       *sql.DB // reads; may be W
	Dialect sqldb.Dialect
}

var _ sitrep.FeedService = (*Service)(nil)

const feedCols = `url, title, etag, last_modified, last_fetch, last_success, last_status, last_error,
	items_seen, documents, errors, next_fetch`

// FindFeeds returns every feed, ordered by URL.
func (s *Service) FindFeeds(ctx context.Context) ([]*sitrep.Feed, error) {
	rows, err := s.R.QueryContext(ctx, "SELECT "+feedCols+" FROM feeds ORDER BY url")
	if err != nil {
		return nil, fmt.Errorf("find feeds: %w", err)
	}
	defer rows.Close()
	out := []*sitrep.Feed{}
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// FindFeedByURL returns ENOTFOUND if the feed is unknown.
func (s *Service) FindFeedByURL(ctx context.Context, url string) (*sitrep.Feed, error) {
	f, err := scanFeed(s.R.QueryRowContext(ctx, s.Dialect.Rebind("SELECT "+feedCols+" FROM feeds WHERE url = ?"), url))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, "feed %q not found", url)
	}
	return f, err
}

// UpsertFeed creates or replaces the state of f.URL. EINVALID without a URL.
func (s *Service) UpsertFeed(ctx context.Context, f *sitrep.Feed) error {
	if f.URL == "" {
		return sitrep.Errorf(sitrep.EINVALID, "feed has no URL")
	}
	_, err := s.W.ExecContext(ctx, s.Dialect.Rebind(`INSERT INTO feeds (`+feedCols+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag,
			last_modified = excluded.last_modified, last_fetch = excluded.last_fetch,
			last_success = excluded.last_success, last_status = excluded.last_status,
			last_error = excluded.last_error, items_seen = excluded.items_seen,
			documents = excluded.documents, errors = excluded.errors, next_fetch = excluded.next_fetch`),
		f.URL, f.Title, f.ETag, f.LastModified, formatTime(f.LastFetch), formatTime(f.LastSuccess), f.LastStatus,
		f.LastError, f.ItemsSeen, f.Documents, f.Errors, formatTime(f.NextFetch))
	if err != nil {
		return fmt.Errorf("save feed %s: %w", f.URL, err)
	}
	return nil
}

const itemCols = `feed_url, item_key, url, document_id, status, error, attempts, seen`

// FindFeedItem returns ENOTFOUND if the feed has not recorded key.
func (s *Service) FindFeedItem(ctx context.Context, feedURL, key string) (*sitrep.FeedItem, error) {
	it, err := scanItem(s.R.QueryRowContext(ctx, s.Dialect.Rebind("SELECT "+itemCols+" FROM feed_items WHERE feed_url = ? AND item_key = ?"), feedURL, key))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, sitrep.Errorf(sitrep.ENOTFOUND, "feed %q has no item %q", feedURL, key)
	}
	return it, err
}

// CreateFeedItem records it, replacing an earlier record of the same feed
// and key. EINVALID without a feed URL, key or status.
func (s *Service) CreateFeedItem(ctx context.Context, it *sitrep.FeedItem) error {
	if it.FeedURL == "" || it.Key == "" || it.Status == "" {
		return sitrep.Errorf(sitrep.EINVALID, "feed item needs a feed URL, a key and a status")
	}
	seen := it.Seen
	if seen.IsZero() {
		seen = time.Now()
	}
	_, err := s.W.ExecContext(ctx, s.Dialect.Rebind(`INSERT INTO feed_items (`+itemCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (feed_url, item_key) DO UPDATE SET url = excluded.url, document_id = excluded.document_id,
			status = excluded.status, error = excluded.error, attempts = excluded.attempts, seen = excluded.seen`),
		it.FeedURL, it.Key, it.URL, it.DocumentID, it.Status, it.Error, it.Attempts, formatTime(seen))
	if err != nil {
		return fmt.Errorf("save item %q of feed %s: %w", it.Key, it.FeedURL, err)
	}
	return nil
}

// FindFeedItemsByDocument lists the items that became document docID,
// oldest first: the feeds that carried the story. An empty docID matches
// nothing, not the items that gave no document.
func (s *Service) FindFeedItemsByDocument(ctx context.Context, docID string) ([]*sitrep.FeedItem, error) {
	if docID == "" {
		return []*sitrep.FeedItem{}, nil
	}
	rows, err := s.R.QueryContext(ctx, s.Dialect.Rebind("SELECT "+itemCols+" FROM feed_items WHERE document_id = ? ORDER BY seen, feed_url"), docID)
	if err != nil {
		return nil, fmt.Errorf("find items of document %s: %w", docID, err)
	}
	defer rows.Close()
	out := []*sitrep.FeedItem{}
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(dest ...any) error }

func scanFeed(row scanner) (*sitrep.Feed, error) {
	var f sitrep.Feed
	var lastFetch, lastSuccess, next string
	err := row.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &lastFetch, &lastSuccess, &f.LastStatus, &f.LastError,
		&f.ItemsSeen, &f.Documents, &f.Errors, &next)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("read feed: %w", err)
	}
	f.LastFetch, f.LastSuccess, f.NextFetch = parseTime(lastFetch), parseTime(lastSuccess), parseTime(next)
	return &f, nil
}

func scanItem(row scanner) (*sitrep.FeedItem, error) {
	var it sitrep.FeedItem
	var seen string
	if err := row.Scan(&it.FeedURL, &it.Key, &it.URL, &it.DocumentID, &it.Status, &it.Error, &it.Attempts, &seen); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("read feed item: %w", err)
	}
	it.Seen = parseTime(seen)
	return &it, nil
}

// Times are stored as RFC 3339 text in UTC, "" for the zero time, the same
// way documents.fetched is, so both backends share one schema.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
