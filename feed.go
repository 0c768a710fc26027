package sitrep

import (
	"context"
	"time"
)

// Feed is a news feed sitrep polls, with the health an analyst needs to
// see: when it was last fetched, what it answered, how many items it gave.
type Feed struct {
	URL          string    `json:"url"`
	Title        string    `json:"title,omitempty"`
	ETag         string    `json:"-"`
	LastModified string    `json:"-"`
	LastFetch    time.Time `json:"last_fetch,omitempty"`
	LastStatus   int       `json:"last_status,omitempty"` // HTTP status of the last fetch
	LastError    string    `json:"last_error,omitempty"`
	ItemsSeen    int       `json:"items_seen"`
	Errors       int       `json:"errors"` // consecutive errors; drives backoff
	NextFetch    time.Time `json:"next_fetch,omitempty"`
}

// FeedService keeps the state of polled feeds.
type FeedService interface {
	FindFeeds(ctx context.Context) ([]*Feed, error)
	// FindFeedByURL returns ENOTFOUND if the feed is unknown.
	FindFeedByURL(ctx context.Context, url string) (*Feed, error)
	// UpsertFeed creates or replaces the state of feed.URL.
	UpsertFeed(ctx context.Context, feed *Feed) error
}
