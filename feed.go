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
	LastSuccess  time.Time `json:"last_success,omitempty"` // last fetch that gave 2xx or 304
	LastStatus   int       `json:"last_status,omitempty"`  // HTTP status of the last fetch
	LastError    string    `json:"last_error,omitempty"`
	ItemsSeen    int       `json:"items_seen"` // distinct items the feed has listed
	Documents    int       `json:"documents"`  // items that became a new document
	Errors       int       `json:"errors"`     // consecutive errors; drives backoff
	NextFetch    time.Time `json:"next_fetch,omitempty"`
}

// FeedItem records that a feed listed an item, so that a restarted watcher
// does not fetch it again, and which document it became. A story carried by
// two feeds is one document with two FeedItems: each feed is kept as a
// source of it.
type FeedItem struct {
	FeedURL    string    `json:"feed_url"`
	Key        string    `json:"key"` // the item's GUID, or its link when it has none
	URL        string    `json:"url,omitempty"`
	DocumentID string    `json:"document_id,omitempty"` // "" when the item gave no document
	Status     string    `json:"status"`                // one of the FeedItem* constants
	Error      string    `json:"error,omitempty"`       // why it was skipped, or the last failure
	Attempts   int       `json:"attempts,omitempty"`    // failed tries so far, for FeedItemRetry
	Seen       time.Time `json:"seen"`
}

// FeedItem statuses.
const (
	FeedItemIngested  = "ingested"  // became a new document
	FeedItemDuplicate = "duplicate" // same URL or content as a stored document
	FeedItemSkipped   = "skipped"   // permanently unusable: robots.txt, 404, no article text
	FeedItemRetry     = "retry"     // failed for now (5xx, timeout); tried again on later polls
)

// FeedService keeps the state of polled feeds.
type FeedService interface {
	FindFeeds(ctx context.Context) ([]*Feed, error)
	// FindFeedByURL returns ENOTFOUND if the feed is unknown.
	FindFeedByURL(ctx context.Context, url string) (*Feed, error)
	// UpsertFeed creates or replaces the state of feed.URL.
	UpsertFeed(ctx context.Context, feed *Feed) error

	// FindFeedItem returns ENOTFOUND if the feed has not recorded key.
	FindFeedItem(ctx context.Context, feedURL, key string) (*FeedItem, error)
	// CreateFeedItem records item; recording the same FeedURL and Key
	// again replaces the earlier record.
	CreateFeedItem(ctx context.Context, item *FeedItem) error
	// FindFeedItemsByDocument lists the feed items that became document
	// docID, oldest first: the feeds that carried it.
	FindFeedItemsByDocument(ctx context.Context, docID string) ([]*FeedItem, error)
}

// Feed health, as `sitrep feeds` and GET /api/feeds show it.
const (
	FeedPending  = "pending"  // never fetched yet
	FeedOK       = "ok"       // last fetch succeeded and every new item was handled
	FeedDegraded = "degraded" // the feed answered, but some items failed and will be retried
	FeedFailing  = "failing"  // the last fetch failed; retried with backoff at NextFetch
)

// Health sums up the feed's state in one word an analyst can filter on.
func (f *Feed) Health() string {
	switch {
	case f.LastFetch.IsZero():
		return FeedPending
	case f.Errors > 0:
		return FeedFailing
	case f.LastError != "":
		return FeedDegraded
	}
	return FeedOK
}
